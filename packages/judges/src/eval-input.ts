import { findRunFiles, type Judge, type RunFiles, type Session, Tp2dgError } from '@tp2dg/entities';
import type { ModelFactory } from '@tp2dg/orchestrator';
import { readCorpusDirectories } from './corpus-directories.js';
import { type EvalPlan, planEvaluation } from './eval-plan.js';
import type { JudgeTemplates } from './judge-templates.js';
import type { JudgedConversation } from './judged-conversation.js';

/** What a run and a dry run find before their first call. */
export interface EvalInput {
  judge: Judge;
  files: RunFiles;
  plan: EvalPlan;
  /** The corpus directory each run directory read, where its media are. */
  corpusDirectories: Map<string, string>;
}

/** The files of the runs under `input`; one line naming `--input` when it holds no session folder. */
export async function findEvalFiles(input: string): Promise<RunFiles> {
  const files = await findRunFiles(input).catch((error: NodeJS.ErrnoException) => {
    throw new Tp2dgError(
      'INVALID_ARGUMENT',
      `--input ${input} cannot be read (${error.code ?? error.message}).`,
    );
  });
  if (files.sessionFolders.length === 0) {
    throw new Tp2dgError(
      'INVALID_ARGUMENT',
      `--input ${input} holds no session folder: pass the --output-dir of a tp2dg-generate run.`,
    );
  }
  return files;
}

/** Sorts the session folders of `files` into those to judge and those judged. */
export async function readEvalInput(
  files: RunFiles,
  models: Pick<ModelFactory, 'provider' | 'model'>,
  templates: JudgeTemplates,
  fresh: boolean,
): Promise<EvalInput> {
  const judge = { provider: models.provider, model: models.model, rubrics_hash: templates.hash };
  return {
    judge,
    files,
    plan: await planEvaluation(files.sessionFolders, judge, fresh),
    corpusDirectories: await readCorpusDirectories(files.manifests),
  };
}

/** The session a judged conversation came from, as a model factory takes it. */
export function sessionOf({ session }: JudgedConversation): Session {
  return {
    session_id: session.session_id,
    session_date: session.session_date,
    user: session.profile,
    profiling_tracks: session.liked_tracks,
    pool_tracks: session.pool_tracks,
  };
}
