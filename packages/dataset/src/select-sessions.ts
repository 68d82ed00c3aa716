import { dirname, sep } from 'node:path';
import { FailureRecordSchema, type RunFiles, readJsonLines, Tp2dgError } from '@tp2dg/entities';

import { type MinScores, reachesMinScores } from './min-scores.js';
import { readEvaluation, readSessionHeader, type SessionHeader } from './session-record.js';

export interface SelectOptions {
  allowSimulated: boolean;
  allowMixed: boolean;
  /** `--min-score`: only conversations whose judges' scores reach these; none when empty or absent. */
  minScores?: MinScores;
}

/** A conversation the export keeps: what splitting needs, and where to read it again. */
export interface KeptSession {
  folder: string;
  sessionId: string;
  userId: string;
  sessionDate: string | null;
}

/** Conversations left out, by reason: the card reports each count. */
export interface LeftOut {
  /** Saved with fewer turns than asked (`--keep-short`, or folders of versions that saved them). */
  short: number;
  /** In a failure log with no folder: the run never finished them. */
  failed: number;
  /** Made by the offline simulated backend, without `--allow-simulated`. */
  simulated: number;
  /** A session id met again (two runs or copies of one run in --input): the first is kept. */
  duplicate: number;
  /** With `--min-score`: its judges' scores fall short of a minimum. */
  belowMinScore: number;
  /** With `--min-score`: it has no `eval.json`, so no score to hold to it. */
  unevaluated: number;
}

export interface Selection {
  kept: KeptSession[];
  leftOut: LeftOut;
  /** How many kept conversations are simulated (only with `--allow-simulated`). */
  simulatedKept: number;
  /** Distinct values among the kept conversations, each with the first folder that has it. */
  models: Map<string, string>;
  promptsHashes: Map<string, string>;
  turnsRequested: Map<number, string>;
}

/**
 * The first pass: reads each `session.json` once and keeps only what splitting needs, so
 * memory grows by a few ids per conversation, never by a conversation.
 */
export async function selectSessions(files: RunFiles, options: SelectOptions): Promise<Selection> {
  const selection: Selection = {
    kept: [],
    leftOut: { short: 0, failed: 0, simulated: 0, duplicate: 0, belowMinScore: 0, unevaluated: 0 },
    simulatedKept: 0,
    models: new Map(),
    promptsHashes: new Map(),
    turnsRequested: new Map(),
  };
  const seen = new Set<string>();
  /** The folders of each session id, kept or not: a failure another run finished is not this run's loss. */
  const foldersOf = new Map<string, string[]>();
  for (const folder of files.sessionFolders) {
    const header = await readSessionHeader(folder);
    const folders = foldersOf.get(header.file.session_id) ?? [];
    foldersOf.set(header.file.session_id, folders);
    folders.push(folder);
    const reason = leftOutReason(header, options, seen) ?? (await scoreReason(header, options.minScores));
    if (reason !== undefined) {
      selection.leftOut[reason] += 1;
      continue;
    }
    seen.add(header.file.session_id);
    if (header.simulated) selection.simulatedKept += 1;
    const { provenance, turns_requested } = header.file;
    if (!selection.models.has(provenance.model)) selection.models.set(provenance.model, folder);
    if (!selection.promptsHashes.has(provenance.prompts_hash))
      selection.promptsHashes.set(provenance.prompts_hash, folder);
    if (!selection.turnsRequested.has(turns_requested)) selection.turnsRequested.set(turns_requested, folder);
    selection.kept.push({
      folder,
      sessionId: header.file.session_id,
      userId: header.file.user_id,
      sessionDate: header.sessionDate,
    });
  }
  selection.leftOut.failed = await countFailed(files.failureLogs, foldersOf);
  if (!options.allowMixed) refuseMix(selection);
  return selection;
}

function leftOutReason(
  header: SessionHeader,
  options: SelectOptions,
  seen: ReadonlySet<string>,
): keyof LeftOut | undefined {
  if (header.simulated && !options.allowSimulated) return 'simulated';
  const { ended_early, turns_completed, turns_requested } = header.file;
  if (ended_early !== null || turns_completed < turns_requested) return 'short';
  if (seen.has(header.file.session_id)) return 'duplicate';
  return undefined;
}

/** Why the judges' scores leave a conversation out, when `--min-score` asks for any. */
async function scoreReason(
  header: SessionHeader,
  minScores: MinScores | undefined,
): Promise<keyof LeftOut | undefined> {
  if (minScores === undefined || Object.keys(minScores).length === 0) return undefined;
  const evaluation = await readEvaluation(header);
  if (evaluation === null) return 'unevaluated';
  return reachesMinScores(evaluation, minScores) ? undefined : 'belowMinScore';
}

/**
 * Sessions a failure log names that have no folder in its run directory: failed or skipped,
 * and not finished by a later attempt. Counted once per run directory and session.
 */
async function countFailed(
  failureLogs: readonly string[],
  foldersOf: ReadonlyMap<string, readonly string[]>,
): Promise<number> {
  const failed = new Set<string>();
  for (const log of failureLogs) {
    const runDirectory = dirname(log);
    const { records } = await readJsonLines(log, (value) => FailureRecordSchema.safeParse(value).data);
    for (const { session_id } of records) {
      const finished = (foldersOf.get(session_id) ?? []).some((folder) =>
        folder.startsWith(runDirectory + sep),
      );
      if (!finished) failed.add(`${runDirectory}\u0000${session_id}`);
    }
  }
  return failed.size;
}

/**
 * A dataset mixing models, prompt sets or turn counts describes no one method: its card
 * could not say how it was made. One line naming two folders that differ.
 */
function refuseMix(selection: Selection): void {
  const mixes: [string, Map<string | number, string>][] = [
    ['models', selection.models],
    ['prompt hashes', selection.promptsHashes],
    ['turn counts', selection.turnsRequested],
  ];
  for (const [what, values] of mixes) {
    if (values.size < 2) continue;
    const [[a, folderA], [b, folderB]] = [...values] as [[string, string], [string, string]];
    throw new Tp2dgError(
      'INVALID_ARGUMENT',
      `--input mixes ${what}: ${a} (${folderA}) and ${b} (${folderB}). Export each run on its own, or pass --allow-mixed.`,
    );
  }
}
