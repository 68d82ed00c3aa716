/**
 * One simulated run in a process of its own, for the memory bench: `<sessions>` made-up
 * sessions streamed through the real pipeline with the simulated model, written to a
 * temporary directory. Prints `{written, maxRssKb, elapsedMs}` as one JSON line.
 */
import { createSimulatedModel } from '@tp2dg/agents';
import { writeSyntheticCorpus } from '@tp2dg/data-loaders/test';
import { SIMULATED_PROVIDER } from '@tp2dg/entities';
import { loadGoalCatalog } from '@tp2dg/prompts';
import { generate, withTemporaryDirectory } from './generation-run.js';
import { createStreamingLoader } from './streaming-loader.js';

const sessions = Number(process.argv[2]);
const turns = 8;
const seed = 42;
await withTemporaryDirectory('memory-media', async (dataDir) => {
  // Only the users, tracks and media count: the sessions come from the streaming loader,
  // which reads the users and tracks through these 8 sessions (one per user, every track).
  await writeSyntheticCorpus(dataDir, {
    users: 8,
    tracks: 60,
    sessions: 8,
    tracksPerSession: 60,
    seed: 'memory',
  });
  const catalog = await loadGoalCatalog();
  const run = await generate({
    plugin: createStreamingLoader(sessions),
    dataDir,
    models: {
      provider: SIMULATED_PROVIDER,
      model: SIMULATED_PROVIDER,
      capabilities: { freeAndDeterministic: true },
      forSession: (session) => createSimulatedModel({ session, seed, catalog, turns }),
    },
    concurrency: 4,
    turns,
  });
  const maxRssKb = process.resourceUsage().maxRSS;
  console.log(JSON.stringify({ written: run.report.written, maxRssKb, elapsedMs: run.elapsedMs }));
});
