import { writeSyntheticCorpus } from '@tp2dg/data-loaders/test';

/**
 * Writes a reference-format corpus of `sessions` sessions of 15 tracks each (5 profiling,
 * a pool of 10: enough for 8 turns), 3 s WAV clips and 64 px covers, the same every time.
 */
export async function writeBenchCorpus(dir: string, sessions: number): Promise<void> {
  await writeSyntheticCorpus(dir, {
    users: Math.max(1, Math.ceil(sessions / 4)),
    tracks: 300,
    sessions,
    tracksPerSession: 15,
    seed: 'bench',
  });
}
