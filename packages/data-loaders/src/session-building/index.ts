export {
  createSessionBuilder,
  type SessionBuilder,
  type SessionBuilderOptions,
  type SessionCandidate,
  type SessionHeader,
  type SessionOutcome,
  type TrackLookup,
} from './build-session.js';
export { corpusDirectory } from './corpus-directory.js';
export { isSessionSampled } from './is-session-sampled.js';
export { parseLoaderOptions } from './parse-loader-options.js';
export {
  CalendarDateSchema,
  DEFAULT_POOL_CAP,
  DEFAULT_PROFILE_SIZE,
  FlagOptionSchema,
  type SessionBuildingOptions,
  SessionBuildingOptionsSchema,
} from './session-building-options.js';
export { assertSplitOptions, type SessionSplit, splitSession } from './split-session.js';
export { createUserDemographics, type DemographicValues } from './user-demographics.js';
