import type { EmulatedBatches } from './emulated-batches.js';
import type { EmulatedCacheStore } from './emulated-cache-store.js';
import type { EmulatedFileStore } from './emulated-file-store.js';
import type { EmulatedModels } from './emulated-models.js';
import type { EmulatedQuota } from './emulated-quota.js';
import type { EmulatedUploadSessions } from './emulated-upload-sessions.js';
import type { FaultInjector } from './emulator-faults.js';
import type { EmulatorCounters } from './emulator-types.js';

interface CounterSources {
  requests: readonly unknown[];
  countTokens: () => number;
  sessions: EmulatedUploadSessions;
  store: EmulatedFileStore;
  caches: EmulatedCacheStore;
  faults: FaultInjector;
  quota: EmulatedQuota;
  models: EmulatedModels;
  batches: EmulatedBatches;
}

/** Live views on the emulator's parts: a test reads the counts when it needs them, not a snapshot. */
export function liveCounters(sources: CounterSources): EmulatorCounters {
  const { requests, sessions, store, faults, batches } = sources;
  return {
    get generateRequests() {
      // Batch requests are recorded with the others once their job runs.
      return requests.length - batches.requestsAnswered;
    },
    get batchCreations() {
      return batches.jobs.length;
    },
    get batchGets() {
      return batches.gets;
    },
    get batchRequests() {
      return batches.requests;
    },
    get resultDownloads() {
      return batches.downloads;
    },
    get countTokens() {
      return sources.countTokens();
    },
    get modelLookups() {
      return sources.models.lookups;
    },
    get unservedModelRequests() {
      return sources.models.refusals;
    },
    get uploadStarts() {
      return sessions.starts;
    },
    get uploads() {
      return store.uploads.length;
    },
    get fileGets() {
      return store.fileGetCount;
    },
    get fileLists() {
      return store.fileListCount;
    },
    get fileDeletes() {
      return store.fileDeleteCount;
    },
    faults: faults.applied,
    quotaRejections: sources.quota.rejected,
    get cacheRequests() {
      const { creates, gets, lists, updates, deletes } = sources.caches;
      return { create: creates, get: gets, list: lists, update: updates, delete: deletes };
    },
  };
}
