import { relative, sep } from 'node:path';
import {
  type CallRecord,
  CallRecordSchema,
  ChatFileSchema,
  ConversationGoalFileSchema,
  dataLabel,
  isInsideDirectory,
  ProfilingFileSchema,
  type Provenance,
  SESSION_FILE,
  type Session,
  SessionFileSchema,
  sumUsage,
  toJsonText,
} from '@tp2dg/entities';
import type { Conversation } from './generate-conversation.js';

export interface ConversationFilesInput {
  session: Session;
  conversation: Conversation;
  provenance: Omit<Provenance, 'goal_template_codes'>;
  turnsRequested: number;
  durationMs: number;
  /** When the conversation was written: what its list prices are read by. */
  generatedAt: Date;
  /** The corpus directory: media paths under it are saved relative to it. */
  mediaRoot?: string;
}

/**
 * The files of one session folder, each validated against its schema before anything
 * is written, so a bug shows up as an error instead of a file nobody can read back.
 */
export function conversationFiles(input: ConversationFilesInput): Map<string, string> {
  const { session, conversation } = input;
  const { profile, goal } = conversation;
  const label = dataLabel(input.provenance.provider);
  // The user fields of the profile: the corpus's, with the preferred language as given or chosen.
  const profiling = ProfilingFileSchema.parse({
    ...label,
    user: profile,
    summary: {
      preferred_musical_culture: profile.preferred_musical_culture,
      top_1_artist: profile.top_1_artist,
      top_1_genre: profile.top_1_genre,
    },
  });
  const conversationGoal = ConversationGoalFileSchema.parse({
    ...label,
    goal: {
      category_code: goal.category_code,
      category: goal.category,
      specificity_code: goal.specificity_code,
      listener_goal: goal.listener_goal,
      listener_expertise: goal.listener_expertise,
      target_turn_count: goal.target_turn_count,
    },
    examples: {
      initial_query_examples: goal.initial_query_examples,
      iteration_query_examples: goal.iteration_query_examples,
      achieved_query_examples: goal.achieved_query_examples,
    },
  });
  const sessionFile = SessionFileSchema.parse({
    ...label,
    session_id: session.session_id,
    user_id: session.user.user_id,
    session_date: session.session_date ?? null,
    provenance: { ...input.provenance, goal_template_codes: conversation.goalTemplateCodes },
    profile,
    goal,
    liked_tracks: session.profiling_tracks,
    pool_tracks: session.pool_tracks,
    turns_requested: input.turnsRequested,
    turns_completed: conversation.chat.length,
    ended_early: conversation.endedEarly,
    call_count: conversation.calls.length,
    usage: sumUsage(conversation.calls.map((call) => call.usage)),
    duration_ms: Math.round(input.durationMs),
    generated_at: input.generatedAt.toISOString(),
  });
  const portable = portableMediaPaths(input.mediaRoot);
  const json = (value: unknown) => `${toJsonText(portable(value), 2)}\n`;
  checkCallRecords(conversation.calls);
  // The records as given, not checked copies: the history they share stays shared, so each
  // message is converted once.
  const calls = conversation.calls.map((call) => toJsonText(portable(call)));
  return new Map([
    ['profiling.json', json(profiling)],
    ['conversation_goal.json', json(conversationGoal)],
    ['chat.json', json(ChatFileSchema.parse(conversation.chat.map((turn) => ({ ...label, ...turn }))))],
    [SESSION_FILE, json(sessionFile)],
    ['calls.jsonl', `${calls.join('\n')}\n`],
  ]);
}

/** A call record without its messages, which every later record of the conversation repeats. */
const CallFieldsSchema = CallRecordSchema.extend({
  request: CallRecordSchema.shape.request.omit({ messages: true }),
});
const MessageRecordSchema = CallRecordSchema.shape.request.shape.messages.element;

/** `CallRecordSchema` over every record, with each message object checked once, not once per record. */
function checkCallRecords(calls: readonly CallRecord[]): void {
  const checked = new WeakSet<object>();
  for (const call of calls) {
    CallFieldsSchema.parse(call);
    for (const message of call.request.messages) {
      if (checked.has(message)) continue;
      MessageRecordSchema.parse(message);
      checked.add(message);
    }
  }
}

const MEDIA_KEYS = new Set(['audio_path', 'image_path', 'path']);

/**
 * A converter to copies whose media paths are relative to the corpus: outputs then do not
 * leak the machine's directory layout and stay byte-identical across checkouts. Objects met
 * again (the history every call record repeats) are converted once, and the copies are plain
 * data that `JSON.stringify` writes without a replacer, several times faster.
 */
function portableMediaPaths(mediaRoot: string | undefined): (value: unknown) => unknown {
  if (mediaRoot === undefined) return (value) => value;
  const converted = new WeakMap<object, unknown>();
  // A clip is named by several objects (its track, each message part that sends it).
  const savedPaths = new Map<string, string>();
  const savedPath = (path: string) => {
    let saved = savedPaths.get(path);
    if (saved === undefined) {
      saved = isInsideDirectory(mediaRoot, path) ? relative(mediaRoot, path).split(sep).join('/') : path;
      savedPaths.set(path, saved);
    }
    return saved;
  };
  const convert = (value: unknown): unknown => {
    if (typeof value !== 'object' || value === null) return value;
    let copy = converted.get(value);
    if (copy === undefined) {
      copy = Array.isArray(value) ? value.map(convert) : convertFields(value as Record<string, unknown>);
      converted.set(value, copy);
    }
    return copy;
  };
  const convertFields = (value: Record<string, unknown>) => {
    const copy: Record<string, unknown> = {};
    for (const key in value) {
      const item = value[key];
      copy[key] = MEDIA_KEYS.has(key) && typeof item === 'string' ? savedPath(item) : convert(item);
    }
    return copy;
  };
  return convert;
}
