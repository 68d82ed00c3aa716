import { Tp2dgError } from '@tp2dg/entities';
import { describe, expect, it } from 'vitest';
import { echoProvider } from '../test-support/echo-provider.js';
import { createProviderRegistry } from './provider-registry.js';

async function caught(run: () => unknown): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('createProviderRegistry', () => {
  it('should come with the built-in simulated provider, and keep registries apart', async () => {
    const registry = createProviderRegistry();
    expect(registry.names()).toEqual(['simulated']);
    expect((await registry.get('simulated'))?.specificationVersion).toBe('v1');
    registry.register(echoProvider);
    expect(registry.names()).toEqual(['simulated', 'echo']);
    expect(await createProviderRegistry().get('echo')).toBeUndefined();
  });

  it('should load a lazily registered provider once, on first use', async () => {
    const registry = createProviderRegistry();
    let loads = 0;
    registry.register('later', async () => {
      loads += 1;
      return { ...echoProvider, name: 'later' };
    });
    expect(loads).toBe(0);
    expect((await registry.get('later'))?.name).toBe('later');
    await registry.get('later');
    expect(loads).toBe(1);
  });

  it('should refuse a taken name, a bad shape, and a lazy load that is no plugin', async () => {
    const registry = createProviderRegistry();
    expect(() => registry.register({ ...echoProvider, name: 'simulated' })).toThrow(/already registered/);
    const invalid = await caught(() =>
      registry.register({ ...echoProvider, optionsSchema: undefined } as never),
    );
    expect(Tp2dgError.isInstance(invalid) && invalid.message).toContain('"optionsSchema" must be');
    const badDeclaration = await caught(() =>
      registry.register({ ...echoProvider, capabilities: { prices: 'free' } } as never),
    );
    expect((badDeclaration as Error).message).toContain('"capabilities.prices": Invalid option');
    registry.register('broken', async () => ({ name: 'broken' }));
    const broken = await caught(() => registry.get('broken'));
    expect(Tp2dgError.isInstance(broken) && broken.code).toBe('PROVIDER_INVALID');
    expect((broken as Error).message).toContain('registered as "broken"');
  });
});
