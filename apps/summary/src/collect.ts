import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import {
  type CallRecord,
  CallRecordSchema,
  type ChatFile,
  ChatFileSchema,
  type ConversationGoalFile,
  ConversationGoalFileSchema,
  EVAL_FILE,
  type EvalFile,
  EvalFileSchema,
  type FailureRecord,
  FailureRecordSchema,
  findRunFiles,
  isInsideDirectory,
  type ProfilingFile,
  ProfilingFileSchema,
  SESSION_FILE,
  type SessionFile,
  SessionFileSchema,
  SIMULATED_PROVIDER,
  Tp2dgError,
} from '@tp2dg/entities';
import { type ReadResult, readJsonFile, readJsonLinesFile } from './read-validated.js';
import type { InvalidFile } from './summary-types.js';

/** One session folder whose five files are all present and valid. */
export interface ConversationRecord {
  /** Relative to the input directory. */
  folder: string;
  profiling: ProfilingFile;
  goal: ConversationGoalFile;
  chat: ChatFile;
  session: SessionFile;
  calls: CallRecord[];
  /** When it was generated (`generated_at`, or the time session.json was written): its calls' price day. */
  generatedAt: Date;
  /** Its judges' scores (`eval.json` of `tp2dg-eval`); null when it was not evaluated, or its file is invalid. */
  evaluation: EvalFile | null;
}

/** Written by the offline simulated provider: counted and measured, never taken for LLM output nor billed. */
export function isSimulated(conversation: ConversationRecord): boolean {
  return conversation.session.provenance.provider === SIMULATED_PROVIDER;
}

export interface CollectedData {
  conversations: ConversationRecord[];
  failures: FailureRecord[];
  invalid_files: InvalidFile[];
}

type FolderResult = { ok: true; record: ConversationRecord } | { ok: false; invalid: InvalidFile[] };

/**
 * All-or-nothing per folder: a conversation with one bad file is left out of every
 * figure, so totals (turns, calls, cost) always describe the same conversations.
 */
async function readSessionFolder(input: string, folder: string): Promise<FolderResult> {
  const shown = (name: string) => relative(input, join(folder, name));
  const [profiling, goal, chat, session, calls] = await Promise.all([
    readJsonFile(join(folder, 'profiling.json'), shown('profiling.json'), ProfilingFileSchema),
    readJsonFile(
      join(folder, 'conversation_goal.json'),
      shown('conversation_goal.json'),
      ConversationGoalFileSchema,
    ),
    readJsonFile(join(folder, 'chat.json'), shown('chat.json'), ChatFileSchema),
    readJsonFile(join(folder, SESSION_FILE), shown(SESSION_FILE), SessionFileSchema),
    readJsonLinesFile(join(folder, 'calls.jsonl'), shown('calls.jsonl'), CallRecordSchema),
  ]);
  if (profiling.ok && goal.ok && chat.ok && session.ok && calls.invalid.length === 0) {
    const record = {
      folder: relative(input, folder),
      profiling: profiling.value,
      goal: goal.value,
      chat: chat.value,
      session: session.value,
      calls: calls.values,
      generatedAt: await generatedAt(session.value, join(folder, SESSION_FILE)),
      evaluation: null,
    };
    return { ok: true, record };
  }
  const invalid = [profiling, goal, chat, session].flatMap((result) => (result.ok ? [] : [result.invalid]));
  return { ok: false, invalid: [...invalid, ...calls.invalid] };
}

/**
 * A conversation's `eval.json`, written later by another command: a bad one is listed and leaves
 * out only the conversation's scores, never the conversation from the generation's figures.
 */
async function readEvaluation(input: string, folder: string): Promise<ReadResult<EvalFile | null>> {
  const file = join(folder, EVAL_FILE);
  if (!existsSync(file)) return { ok: true, value: null };
  return readJsonFile(file, relative(input, file), EvalFileSchema);
}

/** When a conversation was generated; folders of versions before `generated_at` give the file's time. */
async function generatedAt(session: SessionFile, file: string): Promise<Date> {
  return session.generated_at === undefined ? (await stat(file)).mtime : new Date(session.generated_at);
}

/**
 * `failures.jsonl` is appended to by every run, and a resumed run retries what failed:
 * only the latest record of a session counts, and none once its conversation exists.
 */
function outstandingFailures(
  records: readonly FailureRecord[],
  generated: ReadonlySet<string>,
): FailureRecord[] {
  const latest = new Map(records.map((record) => [record.session_id, record]));
  return [...latest.values()].filter((record) => !generated.has(record.session_id));
}

async function assertDirectory(input: string): Promise<void> {
  const found = await stat(input).catch(() => undefined);
  if (found?.isDirectory() !== true) {
    throw new Tp2dgError('INVALID_ARGUMENT', `input directory not found: ${input} (pass --input DIR)`);
  }
}

/**
 * Reads and validates everything under `input`. Bad files never throw: they come back
 * in `invalid_files`. Throws `Tp2dgError` only when `input` is not a directory.
 */
export async function collect(input: string): Promise<CollectedData> {
  await assertDirectory(input);
  // The run's layout as the generator writes it (entities' findRunFiles, shared with the export
  // and the judges): session folders by their session.json, failure logs by their names.
  const files = await findRunFiles(input);
  const collected: CollectedData = { conversations: [], failures: [], invalid_files: [] };
  // One folder at a time keeps open files bounded on runs with thousands of sessions.
  for (const folder of files.sessionFolders) {
    const result = await readSessionFolder(input, folder);
    if (!result.ok) {
      collected.invalid_files.push(...result.invalid);
      continue;
    }
    const evaluation = await readEvaluation(input, folder);
    if (evaluation.ok) result.record.evaluation = evaluation.value;
    else collected.invalid_files.push(evaluation.invalid);
    collected.conversations.push(result.record);
  }
  for (const path of files.failureLogs) {
    const failures = await readJsonLinesFile(path, relative(input, path), FailureRecordSchema);
    const corpusRoot = relative(input, dirname(path));
    const generated = collected.conversations
      .filter((conversation) => isInsideDirectory(corpusRoot, conversation.folder))
      .map((conversation) => conversation.session.session_id);
    collected.failures.push(...outstandingFailures(failures.values, new Set(generated)));
    collected.invalid_files.push(...failures.invalid);
  }
  return collected;
}
