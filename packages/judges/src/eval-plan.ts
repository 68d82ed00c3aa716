import { type Judge, Tp2dgError } from '@tp2dg/entities';
import { readEvalFile } from './eval-file.js';
import { evalFile } from './eval-paths.js';

/** What a run finds in the session folders before it pays for any call. */
export interface EvalPlan {
  /** Session folders to judge. */
  pending: string[];
  /** Session folders this judge already scored by these rubrics, with their session ids. */
  done: { folder: string; sessionId: string }[];
}

/**
 * Sorts the session folders into those to judge and those already judged by this judge and
 * these rubrics, which are kept. A folder judged otherwise (another provider, model or rubric
 * hash) would mix scores that do not compare: it stops the run before any call, unless `fresh`,
 * which judges it again. So a `fresh` run that stopped goes on where it was when run again.
 */
export async function planEvaluation(
  folders: readonly string[],
  judge: Judge,
  fresh: boolean,
): Promise<EvalPlan> {
  const plan: EvalPlan = { pending: [], done: [] };
  for (const folder of folders) {
    const saved = await readEvalFile(folder).catch((error: unknown) => {
      // An unreadable evaluation is one to make again when the run starts over.
      if (fresh && Tp2dgError.isInstance(error) && error.code === 'INVALID_INPUT') return undefined;
      throw error;
    });
    const difference = saved === undefined ? undefined : judgeDifference(saved.judge, judge);
    if (saved === undefined || (difference !== undefined && fresh)) plan.pending.push(folder);
    else if (difference === undefined) plan.done.push({ folder, sessionId: saved.session_id });
    else {
      throw new Tp2dgError(
        'INVALID_ARGUMENT',
        `${evalFile(folder)}: judged with ${difference}. Pass --fresh to judge such conversations again this way, or run with the judge and rubrics they were judged with.`,
      );
    }
  }
  return plan;
}

/** How the judge of a saved evaluation differs from this one, in words; undefined when it does not. */
export function judgeDifference(saved: Judge, current: Judge): string | undefined {
  const keys = ['provider', 'model', 'rubrics_hash'] as const;
  const changed = keys.filter((key) => saved[key] !== current[key]);
  if (changed.length === 0) return undefined;
  return changed.map((key) => `${key} ${saved[key]}, this command has ${current[key]}`).join('; ');
}
