import { z } from 'zod';
import { ProportionSchema, proportion } from './statistics.js';
import { tally } from './tally.js';

export const MessageLanguagesSchema = z.object({
  /** Messages per language found (ISO 639-1), most first, then by code. */
  detected: z.array(z.object({ language: z.string(), messages: z.number().int().min(1) })),
  /** Messages whose language the detector was not sure of: in no other figure here. */
  undetermined: z.number().int().min(0),
  /**
   * Messages in their user's preferred language (`profile.preferred_language` of session.json),
   * out of the messages with a language found whose user's preferred language is recorded and
   * one the detector knows.
   */
  in_preferred_language: ProportionSchema,
  /** The same against the language the conversation was asked in (`provenance.language`, `--language`). */
  in_conversation_language: ProportionSchema,
});
export type MessageLanguages = z.infer<typeof MessageLanguagesSchema>;

/** The languages (ISO 639-1) a conversation's messages are expected in; null where unrecorded or unknown. */
export interface ExpectedLanguages {
  preferred: string | null;
  conversation: string | null;
}

/** One message's language as found (null: undetermined) and what its conversation expected. */
export interface PlacedMessage {
  language: string | null;
  expected: ExpectedLanguages;
}

function inExpectedLanguage(messages: readonly PlacedMessage[], expected: keyof ExpectedLanguages) {
  const compared = messages.filter(
    (message) => message.language !== null && message.expected[expected] !== null,
  );
  const matching = compared.filter((message) => message.language === message.expected[expected]);
  return proportion(matching.length, compared.length);
}

/** Which languages messages were found in, and how many were in the language expected of them. */
export function messageLanguages(messages: readonly PlacedMessage[]): MessageLanguages {
  const found = messages.flatMap((message) => (message.language === null ? [] : [message.language]));
  return {
    detected: tally(found).map(([language, count]) => ({ language, messages: count })),
    undetermined: messages.filter((message) => message.language === null).length,
    in_preferred_language: inExpectedLanguage(messages, 'preferred'),
    in_conversation_language: inExpectedLanguage(messages, 'conversation'),
  };
}
