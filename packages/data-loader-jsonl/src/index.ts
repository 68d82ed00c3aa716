export { jsonlJsonSchemas } from './jsonl-json-schema.js';
export { type JsonlOptions, JsonlOptionsSchema } from './jsonl-options.js';
export { createJsonlDataLoader, jsonlDataLoader, jsonlDataLoader as default } from './jsonl-plugin.js';
export {
  type HeaderLine,
  HeaderLineSchema,
  JSONL_FORMAT,
  JSONL_VERSION,
  type SessionLine,
  SessionLineSchema,
  TrackLineSchema,
} from './jsonl-records.js';
