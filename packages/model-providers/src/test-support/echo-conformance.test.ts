import { createModelProvider } from '../create-model-provider.js';
import { describeModelProviderConformance } from '../testing/describe-model-provider-conformance.js';
import { echoProvider } from './echo-provider.js';

// A provider that takes no media: the kit checks it refuses them clearly.
describeModelProviderConformance({
  name: 'echo',
  create: () =>
    createModelProvider(
      echoProvider,
      {},
      { model: 'echo-1', env: {}, seed: 1, timeoutMs: 1000, maxAttempts: 1 },
    ),
});
