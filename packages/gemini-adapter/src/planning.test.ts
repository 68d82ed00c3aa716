import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const DIST = new URL('../dist/', import.meta.url);

/** Every module the built file loads, following the build's own chunks: bare specifiers only. */
function packagesLoadedBy(file: string, seen = new Set<string>()): Set<string> {
  const loaded = new Set<string>();
  if (seen.has(file)) return loaded;
  seen.add(file);
  const code = readFileSync(fileURLToPath(new URL(file, DIST)), 'utf8');
  // Static imports only (`import {...} from "x"`, `import "x"`): a dynamic import loads on demand.
  for (const match of code.matchAll(/^(?:import|export)\b[^'"]*?from\s*"([^"]+)"|^import\s*"([^"]+)"/gm)) {
    const specifier = match[1] ?? match[2];
    if (specifier === undefined) continue;
    if (specifier.startsWith('./'))
      for (const inner of packagesLoadedBy(specifier.slice(2), seen)) loaded.add(inner);
    else loaded.add(specifier);
  }
  return loaded;
}

describe('the planning entry', () => {
  it('should load neither the SDK nor its HTTP stack, which the main entry does', () => {
    expect([...packagesLoadedBy('index.js')]).toEqual(expect.arrayContaining(['@google/genai', 'undici']));
    const planning = [...packagesLoadedBy('planning.js')];
    expect(planning).toContain('@tp2dg/entities');
    expect(planning).not.toContain('@google/genai');
    expect(planning).not.toContain('undici');
  });
});
