import type { BatchJob, GenerateContentResponse, JobError } from '@google/genai';
import { tryParseJson } from '@tp2dg/entities';

/** What a job says of one request: its response, or the `google.rpc.Status` of its error. */
export type BatchResult = { response: GenerateContentResponse } | { error: JobError };

export interface JobResults {
  byKey: Map<string, BatchResult>;
  /** Results that came back without a key of the job: their calls count as unanswered. */
  unkeyed: number;
}

interface ResultLine {
  key?: unknown;
  response?: GenerateContentResponse;
  error?: JobError;
}

function resultOf(line: ResultLine): BatchResult | undefined {
  if (line.response !== undefined) return { response: line.response };
  if (line.error !== undefined) return { error: line.error };
  return undefined;
}

/** A results file: one `{key, response | error}` JSON object a line. */
function fileResults(text: string): Array<{ key: unknown; result: BatchResult | undefined }> {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const parsed = (tryParseJson(line) ?? {}) as ResultLine;
      return { key: parsed.key, result: resultOf(parsed) };
    });
}

/**
 * The results of a finished job by request key, whether the service put them inline or in a
 * results file (it may answer a file job inline). Inline results are matched by the key in their
 * metadata, never by position: the service keeps no order. A result without a key is matched
 * only when it cannot be anything else (the one result left for the one request left), one with
 * a key the job never gave never; their requests go unanswered and are sent again, rather than
 * risk an answer to another conversation's prompt.
 */
export async function resultsOf(
  job: BatchJob,
  keys: ReadonlySet<string>,
  readResultsFile: (name: string) => Promise<string>,
): Promise<JobResults> {
  const fileName = job.dest?.fileName;
  const results =
    fileName === undefined
      ? (job.dest?.inlinedResponses ?? []).map((inline) => ({
          key: inline.metadata?.key,
          result: resultOf(inline),
        }))
      : fileResults(await readResultsFile(fileName));
  const byKey = new Map<string, BatchResult>();
  const keyless: BatchResult[] = [];
  let foreign = 0;
  for (const { key, result } of results) {
    if (result === undefined) continue;
    if (typeof key === 'string' && keys.has(key)) byKey.set(key, result);
    else if (key === undefined) keyless.push(result);
    // A key the job never gave: nothing says whose answer it is.
    else foreign += 1;
  }
  const unanswered = [...keys].filter((key) => !byKey.has(key));
  const [onlyKey] = unanswered;
  const [onlyKeyless] = keyless;
  if (unanswered.length === 1 && keyless.length === 1 && onlyKey !== undefined && onlyKeyless !== undefined) {
    byKey.set(onlyKey, onlyKeyless);
    return { byKey, unkeyed: foreign };
  }
  return { byKey, unkeyed: keyless.length + foreign };
}
