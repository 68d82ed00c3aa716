import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import {
  type ChatFile,
  ChatFileSchema,
  type ConversationGoalFile,
  ConversationGoalFileSchema,
  EVAL_FILE,
  type EvalFile,
  EvalFileSchema,
  type ProfilingFile,
  ProfilingFileSchema,
  readSavedJsonFile,
  SESSION_FILE,
  type SessionFile,
  SessionFileSchema,
  SIMULATED_PROVIDER,
} from '@tp2dg/entities';

/** What the first pass needs of a session folder: its `session.json` alone. */
export interface SessionHeader {
  folder: string;
  file: SessionFile;
  /** `session_date` of the loader's session; null in runs of versions that did not save it. */
  sessionDate: string | null;
  /** The goal category's name, which later versions keep beside its code; null before. */
  goalCategoryName: string | null;
  simulated: boolean;
}

/** A whole session folder, for its rows. */
export interface SessionRecord extends SessionHeader {
  profiling: ProfilingFile;
  /** The user as saved, with fields this version's schema does not know (`age`, `country_name`). */
  rawUser: Record<string, unknown>;
  goal: ConversationGoalFile;
  chat: ChatFile;
  /** Its judges' scores (`eval.json` of `tp2dg-eval`); null when it was not evaluated. */
  evaluation: EvalFile | null;
}

export async function readSessionHeader(folder: string): Promise<SessionHeader> {
  const file = join(folder, SESSION_FILE);
  // Its id is in the file being read: the folder name (the id, percent-encoded) stands for it.
  const { parsed, raw } = await readSavedJsonFile(
    file,
    SessionFileSchema,
    `session folder ${basename(folder)}`,
  );
  return {
    folder,
    file: parsed,
    sessionDate: optionalString(raw.session_date),
    goalCategoryName: optionalString((raw.goal as Record<string, unknown> | undefined)?.category),
    // Either label says so: files of versions before the labels only have the provenance.
    simulated: parsed.simulated || parsed.provenance.provider === SIMULATED_PROVIDER,
  };
}

export async function readSessionRecord(header: SessionHeader): Promise<SessionRecord> {
  const record = `session ${header.file.session_id}`;
  const [profiling, goal, chat, evaluation] = await Promise.all([
    readSavedJsonFile(join(header.folder, 'profiling.json'), ProfilingFileSchema, record),
    readSavedJsonFile(join(header.folder, 'conversation_goal.json'), ConversationGoalFileSchema, record),
    readSavedJsonFile(join(header.folder, 'chat.json'), ChatFileSchema, record),
    readEvaluation(header),
  ]);
  return {
    ...header,
    profiling: profiling.parsed,
    rawUser: (profiling.raw.user ?? {}) as Record<string, unknown>,
    goal: goal.parsed,
    chat: chat.parsed,
    evaluation,
  };
}

/** A conversation's `eval.json`, which only a run judged with `tp2dg-eval` has; null without one. */
export async function readEvaluation(header: SessionHeader): Promise<EvalFile | null> {
  const file = join(header.folder, EVAL_FILE);
  if (!existsSync(file)) return null;
  return (await readSavedJsonFile(file, EvalFileSchema, `session ${header.file.session_id}`)).parsed;
}

/** A string field read defensively: anything else, or absent, is null. */
export function optionalString(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/** A whole-number field read defensively. */
export function optionalInteger(value: unknown): number | null {
  return typeof value === 'number' && Number.isInteger(value) ? value : null;
}
