export { describeSchemaIssue } from './reference/describe-schema-issue.js';
export { createReferenceDataLoader, referenceDataLoader } from './reference/reference-plugin.js';
export {
  IdSchema as RecordIdSchema,
  type ReferenceTrack as TrackRecord,
  ReferenceTrackSchema as TrackRecordSchema,
  ReferenceUserSchema as UserRecordSchema,
} from './reference/reference-schemas.js';
export { resolveMediaPath } from './reference/resolve-media-path.js';
export { toSessionTrack } from './reference/to-session-track.js';
export { createLoaderRegistry, type LoaderRegistry } from './registry/loader-registry.js';
export { assertDataLoaderPlugin } from './resolution/plugin-shape.js';
export { type ResolveDataLoaderOptions, resolveDataLoader } from './resolution/resolve-data-loader.js';
export * from './session-building/index.js';
export type * from './spec/v1/index.js';
