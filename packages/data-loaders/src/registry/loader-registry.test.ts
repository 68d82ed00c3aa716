import { Tp2dgError } from '@tp2dg/entities';
import { describe, expect, it } from 'vitest';
import type { DataLoaderPluginV1 } from '../spec/v1/index.js';
import { createLoaderRegistry } from './loader-registry.js';

const plugin = (name: string): DataLoaderPluginV1 => ({
  specificationVersion: 'v1',
  name,
  create: () => ({ specificationVersion: 'v1', id: name, corpus: name, async *sessions() {} }),
});

describe('createLoaderRegistry', () => {
  it('should come with the built-in reference loader', () => {
    const registry = createLoaderRegistry();
    expect(registry.names()).toEqual(['reference']);
    expect(registry.get('reference')?.specificationVersion).toBe('v1');
  });

  it('should register plugins and list them in order', () => {
    const registry = createLoaderRegistry();
    registry.register(plugin('mpd'));
    expect(registry.names()).toEqual(['reference', 'mpd']);
    expect(registry.get('mpd')?.name).toBe('mpd');
    expect(registry.get('unknown')).toBeUndefined();
  });

  it('should keep registries independent of each other', () => {
    const first = createLoaderRegistry();
    first.register(plugin('only-here'));
    expect(createLoaderRegistry().get('only-here')).toBeUndefined();
  });

  it('should refuse a taken name and a value without the v1 shape', () => {
    const registry = createLoaderRegistry();
    expect(() => registry.register(plugin('reference'))).toThrow(/already registered/);
    const invalid = {
      specificationVersion: 'v0',
      name: 'old',
      create: () => undefined,
    } as unknown as DataLoaderPluginV1;
    let caught: unknown;
    try {
      registry.register(invalid);
    } catch (error) {
      caught = error;
    }
    expect(Tp2dgError.isInstance(caught) && caught.code).toBe('LOADER_INVALID');
    expect(registry.names()).toEqual(['reference']);
  });
});
