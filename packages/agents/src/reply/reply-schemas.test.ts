import { loadPromptSet, type PromptName } from '@tp2dg/prompts';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  goalReplySchema,
  ListenerFirstReplySchema,
  ListenerReactionReplySchema,
  ProfileReplySchema,
  recsysReplySchema,
} from './reply-schemas.js';

const schemasByTemplate: [PromptName, z.ZodObject][] = [
  ['profile', ProfileReplySchema],
  ['goal', goalReplySchema(8)],
  ['listener-first-turn', ListenerFirstReplySchema],
  ['listener-turn-2', ListenerReactionReplySchema],
  ['listener-turn-n', ListenerReactionReplySchema],
  ['recsys-turn', recsysReplySchema()],
];

describe('reply schemas', () => {
  it('should expect exactly the reply fields each prompt template asks for', async () => {
    const prompts = await loadPromptSet();
    for (const [name, schema] of schemasByTemplate) {
      expect(Object.keys(schema.shape).sort(), name).toEqual([...prompts.get(name).reply].sort());
    }
  });
});
