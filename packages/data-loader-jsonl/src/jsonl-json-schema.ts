import { z } from 'zod';
import { HeaderLineSchema, SessionLineSchema, TrackLineSchema } from './jsonl-records.js';

/**
 * JSON Schemas (draft 2020-12) of the three kinds of line, derived from the zod schemas the
 * loader validates with, so tools in other languages can check a file before it is used.
 * The one rule they cannot say: a session line has `tracks` or `track_ids`, not both.
 */
export function jsonlJsonSchemas(): Record<'header' | 'session' | 'track', unknown> {
  const toJsonSchema = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input' });
  return {
    header: toJsonSchema(HeaderLineSchema),
    session: toJsonSchema(SessionLineSchema),
    track: toJsonSchema(TrackLineSchema),
  };
}
