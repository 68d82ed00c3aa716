import { z } from 'zod';
import { ConversationGoalSchema } from './goal.js';
import {
  AgentNameSchema,
  CallLabelSchema,
  FinishReasonSchema,
  ModelMessageSchema,
  ProviderMetadataSchema,
  RetryRecordSchema,
} from './model-port.js';
import { ListenerProfileSchema, ProfileSummarySchema } from './profile.js';
import { ResponseCodeSchema } from './response-code.js';
import { BillingTierSchema } from './service-tier.js';
import { SessionDateSchema } from './session.js';
import { TrackSchema } from './track.js';
import { ConversationTurnSchema } from './turns.js';
import { TokenUsageSchema } from './usage.js';
import { UserDemographicsSchema } from './user.js';

/** Where `tp2dg-generate` writes without `--output-dir`, and so where `tp2dg-summary` looks without `--input`. */
export const DEFAULT_OUTPUT_DIR = 'generated_conversations';

/** The provider of the offline simulated backend: conversations marked with it are not LLM output. */
export const SIMULATED_PROVIDER = 'simulated';

/**
 * Who wrote a file of a session folder, on the file itself (on each turn of `chat.json`, an
 * array, and each line of `calls.jsonl`), so that no file read or copied alone can pass
 * simulated data for LLM output. Absent in files of earlier versions: `simulated` then reads
 * false, and `session.json`'s `provenance.provider` says what wrote the folder.
 */
export const DataLabelSchema = z.object({
  provider: z.string().optional(),
  simulated: z.boolean().default(false),
});
export type DataLabel = z.infer<typeof DataLabelSchema>;

/** The label of every file a provider's conversation is saved in. */
export function dataLabel(provider: string): Required<DataLabel> {
  return { provider, simulated: provider === SIMULATED_PROVIDER };
}

/** `profiling.json`: the reference layout's `{user, summary}`, after the label. */
export const ProfilingFileSchema = DataLabelSchema.extend({
  user: UserDemographicsSchema,
  summary: ProfileSummarySchema,
});
export type ProfilingFile = z.infer<typeof ProfilingFileSchema>;

/** `conversation_goal.json`: the adapted goal (not the template) and its example queries, after the label. */
export const ConversationGoalFileSchema = DataLabelSchema.extend({
  goal: ConversationGoalSchema.pick({
    category_code: true,
    category: true,
    specificity_code: true,
    listener_goal: true,
    listener_expertise: true,
    target_turn_count: true,
  }),
  examples: ConversationGoalSchema.pick({
    initial_query_examples: true,
    iteration_query_examples: true,
    achieved_query_examples: true,
  }),
});
export type ConversationGoalFile = z.infer<typeof ConversationGoalFileSchema>;

/** `chat.json`: one entry per turn, as in the reference layout, each with the label before it. */
export const ChatFileSchema = z.array(DataLabelSchema.extend(ConversationTurnSchema.shape));
export type ChatFile = z.infer<typeof ChatFileSchema>;

/** Where a conversation came from; `provider: simulated` marks data that is not LLM output. */
export const ProvenanceSchema = z.object({
  provider: z.string(),
  model: z.string(),
  source: z.string(),
  seed: z.number().int(),
  prompts_hash: z.string(),
  response_format: z.enum(['yaml', 'json']),
  goal_template_codes: z.array(z.string()),
  /** The language the Listener, the Recsys and the goal's examples were written in (`--language`). Absent in folders of earlier versions. */
  language: z.string().min(1).optional(),
  /**
   * Whether recommended tracks reached the Listener with their lyrics excerpt
   * (`--listener-lyrics`), an extension of the paper's method. Absent in folders of earlier versions: no.
   */
  listener_lyrics: z.boolean().optional(),
});
export type Provenance = z.infer<typeof ProvenanceSchema>;

/** `session.json`: everything needed to reproduce or audit one conversation, after the label. */
export const SessionFileSchema = DataLabelSchema.extend({
  session_id: z.string(),
  user_id: z.string(),
  /** The listening session's day, when the corpus dates it; null in folders of earlier versions. */
  session_date: SessionDateSchema.default(null),
  provenance: ProvenanceSchema,
  profile: ListenerProfileSchema,
  goal: ConversationGoalSchema,
  liked_tracks: z.array(TrackSchema),
  pool_tracks: z.array(TrackSchema),
  turns_requested: z.number().int().min(1),
  turns_completed: z.number().int().min(0),
  /**
   * Null when the chat ran its course. Otherwise the call that stopped it (agent, turn and the
   * response code of its last reply); `chat.json` then holds only the complete turns before it.
   */
  ended_early: z
    .object({
      agent: z.enum(['listener', 'recsys']),
      turn: z.number().int().min(1),
      response_code: ResponseCodeSchema,
      /**
       * `--keep-short` saved it: without that option a conversation that cannot reach its turn
       * count fails instead. False only in folders of earlier versions, which saved them silently.
       */
      kept_short: z.boolean().default(false),
    })
    .nullable(),
  call_count: z.number().int().min(0),
  usage: TokenUsageSchema,
  duration_ms: z.number().min(0),
  /** When the conversation was written: its calls are priced at that day's list prices. Absent in folders of earlier versions. */
  generated_at: z.iso.datetime().optional(),
});
export type SessionFile = z.infer<typeof SessionFileSchema>;

/** One line of `calls.jsonl`: a model call exactly as it was sent and answered, by one of the agents. */
export const CallRecordSchema = CallLabelSchema.extend({
  agent: AgentNameSchema,
  provider: z.string(),
  /** `provider` is the simulated backend's: the reply is not LLM output. False in files of earlier versions. */
  simulated: z.boolean().default(false),
  model: z.string(),
  request: z.object({
    system_instruction: z.string().nullable(),
    messages: z.array(ModelMessageSchema),
    response_json_schema: z.record(z.string(), z.unknown()).nullable(),
  }),
  response_text: z.string(),
  response_code: ResponseCodeSchema,
  /** Why the reply was rejected (parse problem, unknown track ...), null when accepted. */
  problem: z.string().nullable(),
  usage: TokenUsageSchema,
  /**
   * How the reply ended (`FinishReasonSchema`). Files of earlier versions hold one provider's
   * upper-case words (`STOP`, `MAX_TOKENS`, `SAFETY`, `RECITATION`, `BLOCKED`, `OTHER`), read as
   * the neutral ones.
   */
  finish_reason: FinishReasonSchema.nullable(),
  /** The provider's own account of how the reply ended, when it gave more (`ModelResult.providerMetadata`). */
  provider_metadata: ProviderMetadataSchema.optional(),
  latency_ms: z.number().min(0),
  /** Attempts the backend retried on its own before this answer (429, 5xx, timeouts ...). */
  retries: z.array(RetryRecordSchema).default([]),
  /**
   * The tier the answer was served and billed at (`--service-tier`, or standard after a flex
   * fallback; `batch` for a call sent through the Batch API, `--mode batch`), which prices the
   * call. Absent in files of earlier versions and for simulated calls: standard.
   */
  service_tier: BillingTierSchema.optional(),
});
export type CallRecord = z.infer<typeof CallRecordSchema>;

/**
 * One line of `failures.jsonl` beside the session folders: a session that produced no
 * conversation (skipped by the loader or failed while generating), with the reason.
 */
export const FailureRecordSchema = z.object({
  session_id: z.string(),
  user_id: z.string().nullable(),
  stage: z.enum(['load', 'generate']),
  /** The agent whose call failed the session; null when loading or not at one call. */
  agent: AgentNameSchema.nullable().default(null),
  /** Its conversation turn: 0 for priming, null for the one-shot profile and goal calls. */
  turn: z.number().int().min(0).nullable().default(null),
  code: z.string(),
  reason: z.string(),
});
export type FailureRecord = z.infer<typeof FailureRecordSchema>;
