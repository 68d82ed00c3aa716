import { type BatchJob, JobState } from '@google/genai';
import { ModelCallError, Tp2dgError } from '@tp2dg/entities';
import type { BatchLedger, SubmittedJob } from './batch-ledger.js';
import { BATCH_POLL_GROWTH, type GeminiBatchEvent } from './batch-options.js';
import type { BatchRequest } from './batch-request.js';
import { type BatchResult, type JobResults, resultsOf } from './batch-results.js';
import type { BatchService } from './batch-service.js';

/** What a round says of one call: its result, or that its job ended without one. */
export type RoundOutcome = BatchResult | { unanswered: { job: string; state: string } };

export interface BatchRoundsOptions {
  service: BatchService;
  ledger: Promise<BatchLedger>;
  settleMs: number;
  maxRequests: number;
  inlineLimitBytes: number;
  pollIntervalMs: number;
  maxPollIntervalMs: number;
  /** Waits for a round to settle and between polls; the signal ends a poll's wait early. */
  sleep: (milliseconds: number, signal: AbortSignal) => Promise<void>;
  now: () => number;
  onEvent?: ((event: GeminiBatchEvent) => void) | undefined;
}

interface Caller {
  key: string;
  resolve: (outcome: RoundOutcome) => void;
  reject: (error: unknown) => void;
  /** The job it waits on, once its round went out or it joined an earlier one. */
  watch?: Watch;
  /** Aborted: no job is to wait for it, even one whose creation was under way. */
  gone?: boolean;
}

/** A job this run waits on, submitted by it or by an earlier run. */
interface Watch {
  record: SubmittedJob;
  /** The calls waiting, by key. */
  callers: Map<string, Caller[]>;
  /** Ends a wait between polls once no call waits any more. */
  idle: AbortController;
  startedAt: number;
  finished: boolean;
  /** Its answers kept for calls yet to come (an earlier run's job): the job is collected once none is left. */
  kept: number;
}

const ENDED_STATES = new Set<string>([
  JobState.JOB_STATE_SUCCEEDED,
  JobState.JOB_STATE_FAILED,
  JobState.JOB_STATE_CANCELLED,
  JobState.JOB_STATE_EXPIRED,
  JobState.JOB_STATE_PARTIALLY_SUCCEEDED,
]);

function abortedWait(): Tp2dgError {
  return new Tp2dgError('ABORTED', 'A Gemini batch call was aborted while it waited for its round.');
}

/**
 * Gathers calls into rounds and runs each round as one batch job: submits it (inline, or as a
 * file when too heavy), records it in the ledger, polls it at growing intervals, and hands each
 * call its result by key. A call whose key is in a job an earlier run submitted and nobody
 * collected waits on that job instead of being submitted again; its other answers are kept for
 * the calls still to come.
 */
export class BatchRounds {
  private queue: Array<{ request: BatchRequest; caller: Caller }> = [];
  private lastArrival = 0;
  private settling = false;
  private readonly watches = new Map<string, Watch>();
  private readonly kept = new Map<string, { result: BatchResult; watch: Watch }>();
  /** Set once an inline job's answers came back without their keys: files keep them. */
  private filesOnly = false;

  constructor(private readonly options: BatchRoundsOptions) {}

  /** The outcome of one call in the round it joins, or in the earlier job that holds it. */
  async answer(request: BatchRequest, signal: AbortSignal | undefined): Promise<RoundOutcome> {
    const ledger = await this.options.ledger;
    if (signal?.aborted) throw abortedWait();
    const kept = this.kept.get(request.key);
    if (kept !== undefined) {
      this.kept.delete(request.key);
      kept.watch.kept -= 1;
      this.collectIfDone(kept.watch, ledger);
      return kept.result;
    }
    return new Promise<RoundOutcome>((resolve, reject) => {
      const onAbort = () => {
        caller.gone = true;
        this.withdraw(caller);
        reject(abortedWait());
      };
      // The run's signal is shared by every call: each takes its listener off when answered.
      const caller: Caller = {
        key: request.key,
        resolve: (outcome) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(outcome);
        },
        reject: (error) => {
          signal?.removeEventListener('abort', onAbort);
          reject(error);
        },
      };
      const held = ledger.jobHolding(request.key);
      const watch = held === undefined ? undefined : this.watchOf(held);
      if (watch === undefined) this.enqueue(request, caller);
      else join(watch, caller);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  private enqueue(request: BatchRequest, caller: Caller): void {
    this.queue.push({ request, caller });
    this.lastArrival = this.options.now();
    if (this.queue.length >= this.options.maxRequests) this.launch();
    if (!this.settling && this.queue.length > 0) void this.settle();
  }

  /** Waits until no call has come for the settle period, then sends what gathered. */
  private async settle(): Promise<void> {
    this.settling = true;
    const never = new AbortController().signal;
    while (this.queue.length > 0) {
      const quiet = this.options.now() - this.lastArrival;
      if (quiet >= this.options.settleMs) this.launch();
      else await this.options.sleep(this.options.settleMs - quiet, never);
    }
    this.settling = false;
  }

  private withdraw(caller: Caller): void {
    this.queue = this.queue.filter((entry) => entry.caller !== caller);
    const watch = caller.watch;
    if (watch === undefined) return;
    const left = (watch.callers.get(caller.key) ?? []).filter((waiting) => waiting !== caller);
    if (left.length > 0) watch.callers.set(caller.key, left);
    else watch.callers.delete(caller.key);
    if (watch.callers.size === 0) watch.idle.abort();
  }

  /** Sends the calls gathered (at most a job's worth), one request per distinct key. */
  private launch(): void {
    const round = this.queue.splice(0, this.options.maxRequests);
    const callers = new Map<string, Caller[]>();
    const requests: BatchRequest[] = [];
    for (const { request, caller } of round) {
      const waiting = callers.get(request.key);
      if (waiting === undefined) {
        callers.set(request.key, [caller]);
        requests.push(request);
      } else waiting.push(caller);
    }
    void this.submit(requests, callers);
  }

  private async submit(requests: BatchRequest[], callers: Map<string, Caller[]>): Promise<void> {
    const bytes = requests.reduce((sum, request) => sum + Buffer.byteLength(request.line), 0);
    const input = this.filesOnly || bytes > this.options.inlineLimitBytes ? 'file' : 'inline';
    let watch: Watch;
    let job: BatchJob;
    try {
      const ledger = await this.options.ledger;
      job = await this.options.service.create(requests, input);
      if (job.name === undefined) {
        throw new ModelCallError('Gemini created a batch job without a name. Retry the run.', {
          code: 'MODEL_API',
          status: null,
          retryable: true,
        });
      }
      // In the ledger before the first poll: a run killed from here on waits on this job.
      watch = this.watch(ledger.submitted(job.name, [...callers.keys()], new Date()), callers);
    } catch (error) {
      rejectAll(callers, error);
      return;
    }
    this.options.onEvent?.({
      stage: 'submitted',
      job: watch.record.job,
      calls: requests.length,
      input,
      bytes,
    });
    await this.follow(watch, job);
  }

  /** The watch of a job from the ledger, started if needed; undefined once it ended in this run. */
  private watchOf(record: SubmittedJob): Watch | undefined {
    const known = this.watches.get(record.job);
    if (known !== undefined) return known.finished ? undefined : known;
    const watch = this.watch(record, new Map());
    this.options.onEvent?.({ stage: 'resumed', job: record.job, calls: record.keys.length });
    void this.follow(watch, undefined);
    return watch;
  }

  private watch(record: SubmittedJob, callers: Map<string, Caller[]>): Watch {
    const watch: Watch = {
      record,
      callers,
      idle: new AbortController(),
      startedAt: this.options.now(),
      finished: false,
      kept: 0,
    };
    for (const [key, waiting] of callers) {
      const staying = waiting.filter((caller) => !caller.gone);
      for (const caller of staying) caller.watch = watch;
      if (staying.length > 0) callers.set(key, staying);
      else callers.delete(key);
    }
    this.watches.set(record.job, watch);
    return watch;
  }

  /** Polls a job until it ends, unless every call waiting on it went away, then hands out its results. */
  private async follow(watch: Watch, created: BatchJob | undefined): Promise<void> {
    const { service } = this.options;
    const name = watch.record.job;
    let state: string;
    let results: JobResults;
    try {
      let job = created ?? (await service.get(name));
      let interval = this.options.pollIntervalMs;
      // Nobody waits (all aborted): the job stays in the ledger for the run that resumes.
      const abandoned = () => {
        if (watch.callers.size > 0) return false;
        this.watches.delete(name);
        return true;
      };
      while (!ENDED_STATES.has(job.state ?? '')) {
        if (abandoned()) return;
        await this.options.sleep(interval, watch.idle.signal);
        if (abandoned()) return;
        interval = Math.min(this.options.maxPollIntervalMs, interval * BATCH_POLL_GROWTH);
        job = await service.get(name);
      }
      state = job.state ?? 'JOB_STATE_UNSPECIFIED';
      results = await resultsOf(job, new Set(watch.record.keys), (file) => service.readResultsFile(file));
    } catch (error) {
      // A job the service no longer knows answers nothing: its calls go again.
      if (!ModelCallError.isInstance(error) || error.status !== 404) {
        this.watches.delete(name);
        rejectAll(watch.callers, error);
        return;
      }
      state = 'NOT_FOUND';
      results = { byKey: new Map(), unkeyed: 0 };
    }
    if (results.unkeyed > 0) this.filesOnly = true;
    await this.handOut(watch, state, results.byKey);
    this.options.onEvent?.({
      stage: 'ended',
      job: name,
      state,
      answered: results.byKey.size,
      unanswered: watch.record.keys.length - results.byKey.size,
      unkeyed: results.unkeyed,
      elapsedMs: this.options.now() - watch.startedAt,
    });
  }

  /** Gives each waiting call its result (or its absence), and keeps the others for calls to come. */
  private async handOut(watch: Watch, state: string, byKey: ReadonlyMap<string, BatchResult>): Promise<void> {
    watch.finished = true;
    const answers: Array<{ waiting: Caller[]; outcome: RoundOutcome }> = [];
    for (const key of watch.record.keys) {
      const result = byKey.get(key);
      const waiting = watch.callers.get(key) ?? [];
      if (waiting.length > 0)
        answers.push({ waiting, outcome: result ?? { unanswered: { job: watch.record.job, state } } });
      else if (result !== undefined) {
        this.kept.set(key, { result, watch });
        watch.kept += 1;
      }
    }
    try {
      this.collectIfDone(watch, await this.options.ledger);
    } catch (error) {
      // The ledger cannot be written (OUTPUT_WRITE): the run must stop, not go on unrecorded.
      rejectAll(watch.callers, error);
      return;
    }
    watch.callers.clear();
    for (const { waiting, outcome } of answers) for (const caller of waiting) caller.resolve(outcome);
  }

  private collectIfDone(watch: Watch, ledger: BatchLedger): void {
    if (!watch.finished || watch.kept > 0) return;
    ledger.collected(watch.record);
    this.watches.delete(watch.record.job);
  }
}

function rejectAll(callers: ReadonlyMap<string, Caller[]>, error: unknown): void {
  for (const waiting of callers.values()) for (const caller of waiting) caller.reject(error);
}

function join(watch: Watch, caller: Caller): void {
  caller.watch = watch;
  watch.callers.set(caller.key, [...(watch.callers.get(caller.key) ?? []), caller]);
}
