import { describe, expect, it } from 'vitest';
import {
  failureLogName,
  isFailureLogName,
  isRunManifestFileName,
  isShardFileName,
  runManifestName,
  shardFileName,
} from './run-layout.js';

describe('the run layout', () => {
  it('should recognise the file names of every shard, and of none, and nothing else', () => {
    const names = [undefined, { index: 2, count: 4 }].map((shard) =>
      shardFileName('failures', '.jsonl', shard),
    );
    expect(names.map((name) => isShardFileName(name, 'failures', '.jsonl'))).toEqual([true, true]);
    for (const other of [
      'failures-shard-2.jsonl',
      'failures-old.jsonl',
      'failures.json',
      'failures-shard-0-of-2.jsonl',
    ]) {
      expect(isShardFileName(other, 'failures', '.jsonl'), other).toBe(false);
    }
    expect(isShardFileName('ab', 'ab', 'bc')).toBe(false);
  });

  it("should name a run's failure log and manifest, and each shard's, and know them again", () => {
    const shard = { index: 2, count: 4 };
    expect([failureLogName(undefined), failureLogName(shard)]).toEqual([
      'failures.jsonl',
      'failures-shard-2-of-4.jsonl',
    ]);
    expect([runManifestName(undefined), runManifestName(shard)]).toEqual([
      'run-manifest.json',
      'run-manifest-shard-2-of-4.json',
    ]);
    expect([failureLogName(shard), 'failures.jsonl.tmp'].map(isFailureLogName)).toEqual([true, false]);
    for (const [name, expected] of [
      ['run-manifest.json', true],
      ['run-manifest-shard-2-of-4.json', true],
      ['run-manifest.json.tmp', false],
      ['old-run-manifest.json', false],
      ['run-manifest-shard-x-of-4.json', false],
    ] as const) {
      expect(isRunManifestFileName(name), name).toBe(expected);
    }
  });
});
