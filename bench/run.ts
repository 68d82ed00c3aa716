/**
 * `pnpm bench [name ...]`: runs each `bench/<name>.bench.ts` in its own Node process, one
 * after the other, so timings and peak memory of one bench never disturb another. Each
 * bench prints its figures and ratios; this runner prints a last line per bench verdict.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const benchDir = dirname(fileURLToPath(import.meta.url));
const available = readdirSync(benchDir)
  .filter((file) => file.endsWith('.bench.ts'))
  .map((file) => file.replace(/\.bench\.ts$/, ''))
  .sort();
// pnpm passes a `--` separator through to the script.
const wanted = process.argv.slice(2).filter((argument) => argument !== '--');
const unknown = wanted.filter((name) => !available.includes(name));
if (unknown.length > 0) {
  console.error(`Unknown bench ${unknown.join(', ')}; available: ${available.join(', ')}`);
  process.exit(2);
}
const verdicts: string[] = [];
for (const name of wanted.length > 0 ? wanted : available) {
  console.log(`\n=== ${name} ===`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', `${name}.bench.ts`], {
    stdio: 'inherit',
    cwd: benchDir,
  });
  verdicts.push(`${name}: ${run.status === 0 ? 'targets met' : `targets missed (exit ${run.status})`}`);
}
console.log(`\n${verdicts.join('\n')}`);
process.exitCode = verdicts.some((line) => line.includes('missed')) ? 1 : 0;
