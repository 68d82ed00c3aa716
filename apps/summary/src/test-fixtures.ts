import {
  ChatFileSchema,
  ConversationGoalFileSchema,
  type EvalFile,
  EvalFileSchema,
  type GoalCategoryCode,
  type GoalProgress,
  type Judgement,
  ProfilingFileSchema,
  type ResponseCode,
  rubricScores,
  type SessionFile,
  SessionFileSchema,
  type SpecificityCode,
  ZERO_USAGE,
} from '@tp2dg/entities';
import type { ConversationRecord } from './collect.js';
import { buildCalls } from './test-fixture-calls.js';

// Test data only. Every builder parses its result with the entities schema, so a
// fixture that drifts from the saved format fails loudly instead of testing nothing.

export interface ConversationOptions {
  userId: string;
  provider: string;
  model: string;
  category: GoalCategoryCode;
  specificity: SpecificityCode;
  /** Listener assessments of turns 2..N; the conversation has one more turn than entries. */
  assessments: GoalProgress[];
  /** Response code of the Recsys on the last turn (its track is null unless SUCCESS). */
  lastRecsysCode?: ResponseCode;
  /** Where a conversation kept short stopped; null (complete) by default. */
  endedEarly?: SessionFile['ended_early'];
  /** When it was generated; 2026-11-20, before the 2.5 models were shut down, by default. */
  generatedAt?: Date;
  /** Tracks in its recommendation pool; 1 by default. */
  poolSize?: number;
  /** Its judges' scores; none by default. */
  evaluation?: EvalFile;
}

const track = { track_id: 'track-1', title: 'Song', artist: 'Band', tags: ['rock'] };
const user = (userId: string) => ({
  user_id: userId,
  age_group: '25-34',
  gender: 'f',
  country: 'BR',
  preferred_language: 'pt',
});
const summary = { preferred_musical_culture: 'Brazilian', top_1_artist: 'Band', top_1_genre: 'rock' };
const queries = ['first query', 'second query'];

function buildGoal(options: ConversationOptions) {
  return {
    category_code: options.category,
    specificity_code: options.specificity,
    listener_goal: 'find songs for a rainy evening',
    listener_expertise: 'neutral' as const,
    target_turn_count: options.assessments.length + 1,
  };
}

function buildChat(options: ConversationOptions) {
  const assessments = [null, ...options.assessments];
  return ChatFileSchema.parse(
    assessments.map((assessment, index) => {
      const last = index === assessments.length - 1;
      const recsysCode = last ? (options.lastRecsysCode ?? 'SUCCESS') : 'SUCCESS';
      return {
        turn: index + 1,
        listener: {
          thought: 'hm',
          goal_progress_assessment: assessment,
          message: 'more?',
          response_code: 'SUCCESS',
        },
        recsys: {
          thought: 'fits',
          message: 'try this',
          track: recsysCode === 'SUCCESS' ? track : null,
          response_code: recsysCode,
        },
      };
    }),
  );
}

/** One valid conversation as `collect` returns it; `folder` mirrors the generator's layout. */
export function buildConversation(options: ConversationOptions): ConversationRecord {
  const sessionId = `${options.userId}__2020-01-01`;
  const goal = buildGoal(options);
  const calls = buildCalls(options);
  const session = SessionFileSchema.parse({
    session_id: sessionId,
    user_id: options.userId,
    provenance: {
      provider: options.provider,
      model: options.model,
      source: 'demo',
      seed: 7,
      prompts_hash: 'abc',
      response_format: 'json',
      goal_template_codes: [`${options.category}-${options.specificity}`],
    },
    profile: { ...user(options.userId), ...summary },
    goal: {
      ...goal,
      initial_query_examples: queries,
      iteration_query_examples: queries,
      achieved_query_examples: queries,
    },
    liked_tracks: [track],
    pool_tracks: Array.from({ length: options.poolSize ?? 1 }, (_, index) => ({
      ...track,
      track_id: `pool-${index + 1}`,
    })),
    turns_requested: goal.target_turn_count,
    turns_completed: goal.target_turn_count,
    ended_early: options.endedEarly ?? null,
    call_count: calls.length,
    usage: ZERO_USAGE,
    duration_ms: 10,
  });
  return {
    folder: `${options.model}/demo/${options.userId}/${sessionId}`,
    profiling: ProfilingFileSchema.parse({ user: user(options.userId), summary }),
    goal: ConversationGoalFileSchema.parse({
      goal,
      examples: {
        initial_query_examples: queries,
        iteration_query_examples: queries,
        achieved_query_examples: queries,
      },
    }),
    chat: buildChat(options),
    session,
    calls,
    generatedAt: options.generatedAt ?? new Date('2026-11-20T12:00:00Z'),
    evaluation: options.evaluation ?? null,
  };
}

/** A conversation's `eval.json` by a judge of this model, with these judgements. */
export function buildEvaluation(
  model: string,
  judgements: readonly Pick<Judgement, 'rubric' | 'turn' | 'score'>[],
): EvalFile {
  const full = judgements.map((judgement) => ({ ...judgement, rationale: 'why', attempts: 1 }));
  return EvalFileSchema.parse({
    provider: model === 'simulated' ? 'simulated' : 'gemini',
    simulated: model === 'simulated',
    session_id: 'any',
    judge: { provider: model === 'simulated' ? 'simulated' : 'gemini', model, rubrics_hash: 'f'.repeat(64) },
    evaluated_at: '2026-12-01T00:00:00.000Z',
    scores: rubricScores(full),
    judgements: full,
    call_count: full.length,
    usage: ZERO_USAGE,
  });
}
