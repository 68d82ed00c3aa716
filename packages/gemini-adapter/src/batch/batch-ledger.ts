import { JsonLinesAppender, readJsonLines, type TornLine } from '@tp2dg/entities';

/** A job as the ledger records it when it is submitted. */
export interface SubmittedJob {
  /** `batches/<id>`. */
  job: string;
  /** Which service and key submitted it, as a hash: jobs belong to one project. */
  account: string;
  model: string;
  /** The keys of its requests (`BatchRequest.key`). */
  keys: string[];
  submittedAt: string;
}

/** Written once every answer of a job was handed to its call: the job is done with. */
interface CollectedJob {
  collected: string;
}

/**
 * A JSON-lines record of the batch jobs submitted, in the output directory, so a run killed
 * while its jobs run resumes without submitting their calls again: a call whose key is in a job
 * not yet collected waits on that job. Each job is recorded as soon as the service accepted it,
 * in one synchronous append; a kill between the two costs that job's calls once more. Only jobs
 * of the same account and model are used.
 */
export class BatchLedger {
  private readonly appender: JsonLinesAppender | undefined;
  /** The uncollected job holding each key. */
  private readonly byKey = new Map<string, SubmittedJob>();

  private constructor(
    path: string | undefined,
    private readonly account: string,
    private readonly model: string,
    uncollected: Iterable<SubmittedJob>,
    /** The last line, when a kill or a full disk cut it short. */
    readonly torn: TornLine | undefined,
  ) {
    this.appender = path === undefined ? undefined : new JsonLinesAppender(path);
    for (const job of uncollected) this.index(job);
  }

  static async open(path: string | undefined, account: string, model: string): Promise<BatchLedger> {
    if (path === undefined) return new BatchLedger(undefined, account, model, [], undefined);
    // Unreadable, it only costs the calls of the jobs it recorded once more.
    const { records, torn } = await readJsonLines(path, toLedgerRecord).catch(() => ({
      records: [],
      torn: undefined,
    }));
    const uncollected = new Map<string, SubmittedJob>();
    for (const record of records) {
      if ('collected' in record) uncollected.delete(record.collected);
      else if (record.account === account && record.model === model) uncollected.set(record.job, record);
    }
    return new BatchLedger(path, account, model, uncollected.values(), torn);
  }

  /** The job not yet collected that holds a request with this key, if any. */
  jobHolding(key: string): SubmittedJob | undefined {
    return this.byKey.get(key);
  }

  /** Records a job the service accepted: on disk when this returns. */
  submitted(job: string, keys: string[], at: Date): SubmittedJob {
    const record: SubmittedJob = {
      job,
      account: this.account,
      model: this.model,
      keys,
      submittedAt: at.toISOString(),
    };
    this.appender?.append(record);
    this.index(record);
    return record;
  }

  /** Records that every answer of a job reached its call: no later run waits on it. */
  collected(job: SubmittedJob): void {
    let held = false;
    for (const key of job.keys) {
      if (this.byKey.get(key)?.job !== job.job) continue;
      this.byKey.delete(key);
      held = true;
    }
    if (held) this.appender?.append({ collected: job.job } satisfies CollectedJob);
  }

  private index(job: SubmittedJob): void {
    for (const key of job.keys) this.byKey.set(key, job);
  }
}

function toLedgerRecord(value: unknown): SubmittedJob | CollectedJob | undefined {
  const record = value as Partial<SubmittedJob & CollectedJob> | undefined;
  if (typeof record?.collected === 'string') return { collected: record.collected };
  const valid =
    typeof record?.job === 'string' &&
    typeof record.account === 'string' &&
    typeof record.model === 'string' &&
    Array.isArray(record.keys) &&
    record.keys.every((key) => typeof key === 'string');
  return valid ? (record as SubmittedJob) : undefined;
}
