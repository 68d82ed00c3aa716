/**
 * One export in a process of its own, for the export bench: `<input>` exported as Parquet into
 * `<out>`, simulated conversations allowed. Run with `--expose-gc`. Prints
 * `{rows, maxRssKb, keptHeapKb, elapsedMs}` as one JSON line, `keptHeapKb` after a full GC.
 */
import { exportDataset } from '@tp2dg/dataset';

const [input, out] = process.argv.slice(2) as [string, string];
const started = performance.now();
const result = await exportDataset({
  input,
  out,
  format: 'parquet',
  split: { by: 'user', testRatio: 0.1, coldRatio: 0.05, seed: 42 },
  allowSimulated: true,
  allowMixed: false,
  force: false,
});
const elapsedMs = performance.now() - started;
const maxRssKb = process.resourceUsage().maxRSS;
(globalThis as { gc?: () => void }).gc?.();
const keptHeapKb = process.memoryUsage().heapUsed / 1024;
const rows = Object.values(result.stats.rows.conversations).reduce((sum, count) => sum + count, 0);
console.log(JSON.stringify({ rows, maxRssKb, keptHeapKb, elapsedMs }));
