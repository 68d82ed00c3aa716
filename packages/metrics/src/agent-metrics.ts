import { z } from 'zod';
import { AiSelfMentionsSchema, aiSelfMentions } from './ai-self-mentions.js';
import type { ChatAgent } from './conversation-input.js';
import { distinctN } from './distinct-n.js';
import { detectLanguage } from './language-detection.js';
import { MessageLanguagesSchema, messageLanguages } from './message-languages.js';
import type { SegmentedConversation } from './segment-conversation.js';
import { describeNumbers, NumberStatisticsSchema, ProportionSchema } from './statistics.js';
import { verbatimOpenings } from './verbatim-openings.js';

/** The metrics of one agent's messages over a set of conversations. */
export const AgentMetricsSchema = z.object({
  /** The agent's messages: one per turn of chat.json. */
  messages: z.number().int().min(0),
  distinct_1: ProportionSchema,
  distinct_2: ProportionSchema,
  /** Words per message. */
  message_words: NumberStatisticsSchema,
  /** Words per thought (the reasoning saved beside each message). */
  thought_words: NumberStatisticsSchema,
  verbatim_openings: ProportionSchema,
  ai_self_mentions: AiSelfMentionsSchema,
  languages: MessageLanguagesSchema,
});
export type AgentMetrics = z.infer<typeof AgentMetricsSchema>;

export function measureAgent(
  conversations: readonly SegmentedConversation[],
  agent: ChatAgent,
): AgentMetrics {
  const messages = conversations.flatMap((conversation) => conversation.messages[agent]);
  const messageWords = messages.map((message) => message.words);
  return {
    messages: messages.length,
    distinct_1: distinctN(messageWords, 1),
    distinct_2: distinctN(messageWords, 2),
    message_words: describeNumbers(messageWords.map((words) => words.length)),
    thought_words: describeNumbers(messages.map((message) => message.thoughtWords.length)),
    verbatim_openings: verbatimOpenings(conversations.flatMap((conversation) => conversation.replies[agent])),
    ai_self_mentions: aiSelfMentions(messages.map((message) => message.text)),
    languages: messageLanguages(
      conversations.flatMap(({ messages: byAgent, expectedLanguages }) =>
        byAgent[agent].map((message) => ({
          language: detectLanguage(message.text),
          expected: expectedLanguages,
        })),
      ),
    ),
  };
}
