import { rpcCodeOf } from '../batch/rpc-status.js';
import type {
  EmulatedBatchJob,
  EmulatedBatchOptions,
  EmulatedBatchRequest,
  EmulatedBatchState,
  EmulatedReply,
} from './emulator-types.js';
import { isHang, isHttpReply, toGenerateContentResponse } from './send-emulated-reply.js';

/** Answers one request of a job, as generateContent would (fault, file check, responder, bill). */
export type BatchRequestAnswerer = (
  job: EmulatedBatchJob,
  request: EmulatedBatchRequest,
) => Promise<EmulatedReply>;

/** What each answered request of a job came to, in request order. */
interface AnsweredRequest {
  request: EmulatedBatchRequest;
  reply: EmulatedReply;
}

interface StoredJob {
  job: EmulatedBatchJob;
  /** Set once the job is past running: its answers, computed once. */
  answers: Promise<AnsweredRequest[]> | undefined;
}

const OUTPUT_TYPE = 'type.googleapis.com/google.ai.generativelanguage.v1beta.GenerateContentBatchOutput';
const BATCH_TYPE = 'type.googleapis.com/google.ai.generativelanguage.v1beta.GenerateContentBatch';

/** A reply as the Batch API reports it: the response, or a `google.rpc.Status` for an error. */
function resultOf(reply: EmulatedReply, model: string): Record<string, unknown> {
  if (isHang(reply))
    return { error: { code: rpcCodeOf(504), message: 'The request was not answered in time.' } };
  if (!isHttpReply(reply)) return { response: toGenerateContentResponse(reply, model) };
  const error = (reply.body as { error?: { message?: string; status?: string } } | undefined)?.error;
  return {
    error: {
      code: rpcCodeOf(reply.status, error?.status),
      message: error?.message ?? `HTTP ${reply.status}`,
    },
  };
}

/**
 * The Batch API side of the emulator: jobs move PENDING -> RUNNING -> SUCCEEDED by the
 * emulator's clock (at once by default), or end as `outcome` says. A job's requests are answered
 * when it first shows itself past running, in request order, each as generateContent would.
 * Inline jobs report their responses inline, in reverse order (the service keeps no order),
 * file jobs in a results file of `{key, response | error}` lines that `files/{id}:download` serves.
 */
export class EmulatedBatches {
  readonly jobs: EmulatedBatchJob[] = [];
  gets = 0;
  downloads = 0;
  /** Requests received in jobs, and those of them answered (recorded with the emulator's requests). */
  requests = 0;
  requestsAnswered = 0;
  private readonly stored = new Map<string, StoredJob>();
  private readonly resultFiles = new Map<string, Buffer>();

  constructor(
    private readonly options: EmulatedBatchOptions,
    private readonly now: () => number,
    private readonly answer: BatchRequestAnswerer,
  ) {}

  create(
    model: string,
    input: EmulatedBatchJob['input'],
    requests: EmulatedBatchRequest[],
  ): EmulatedBatchJob {
    const index = this.jobs.length;
    const job: EmulatedBatchJob = {
      name: `batches/emulated${index}`,
      index,
      model,
      input,
      requests,
      createdAt: this.now(),
      gets: 0,
    };
    this.jobs.push(job);
    this.requests += requests.length;
    this.stored.set(job.name, { job, answers: undefined });
    return job;
  }

  /** The job as `GET batches/{id}` returns it, counted as a poll; undefined when unknown. */
  async get(name: string): Promise<Record<string, unknown> | undefined> {
    this.gets += 1;
    const stored = this.stored.get(name);
    if (stored === undefined) return undefined;
    stored.job.gets += 1;
    return this.describe(stored);
  }

  /** The job as its creation returns it. */
  describeCreated(job: EmulatedBatchJob): Promise<Record<string, unknown>> {
    return this.describe(this.stored.get(job.name) as StoredJob);
  }

  /** The bytes of a results file, counted as a download; undefined when unknown. */
  download(name: string): Buffer | undefined {
    this.downloads += 1;
    return this.resultFiles.get(name);
  }

  private stateOf(job: EmulatedBatchJob): EmulatedBatchState {
    const age = this.now() - job.createdAt;
    const pendingMs = this.options.pendingMs ?? 0;
    if (age < pendingMs) return 'PENDING';
    if (age < pendingMs + (this.options.runningMs ?? 0)) return 'RUNNING';
    return this.options.outcome?.(job)?.state ?? 'SUCCEEDED';
  }

  private async describe(stored: StoredJob): Promise<Record<string, unknown>> {
    const { job } = stored;
    const state = this.stateOf(job);
    const done = state !== 'PENDING' && state !== 'RUNNING';
    if (done) stored.answers ??= this.answerJob(job);
    const answers = done ? await (stored.answers as Promise<AnsweredRequest[]>) : [];
    const output = done ? this.outputOf(job, answers) : undefined;
    const created = new Date(job.createdAt).toISOString();
    const metadata = {
      '@type': BATCH_TYPE,
      name: job.name,
      displayName: job.name,
      model: `models/${job.model}`,
      createTime: created,
      updateTime: new Date(this.now()).toISOString(),
      state: `BATCH_STATE_${state}`,
      batchStats: {
        requestCount: String(job.requests.length),
        successfulRequestCount: String(answers.filter((answer) => !isHttpReply(answer.reply)).length),
      },
      ...(output === undefined ? {} : { output }),
    };
    return {
      name: job.name,
      metadata,
      ...(done ? { done: true } : {}),
      ...(output === undefined ? {} : { response: { '@type': OUTPUT_TYPE, ...output } }),
    };
  }

  /** Answers the requests a job gets to before it ends: all of them, unless `outcome` says fewer. */
  private async answerJob(job: EmulatedBatchJob): Promise<AnsweredRequest[]> {
    const outcome = this.options.outcome?.(job);
    const reached = outcome === undefined ? job.requests.length : (outcome.answered ?? 0);
    const answers: AnsweredRequest[] = [];
    for (const request of job.requests.slice(0, reached)) {
      this.requestsAnswered += 1;
      answers.push({ request, reply: await this.answer(job, request) });
    }
    return answers;
  }

  private outputOf(job: EmulatedBatchJob, answers: AnsweredRequest[]): Record<string, unknown> {
    if (job.input === 'file') {
      const name = `files/batch-${job.index}-results`;
      const lines = answers.map(({ request, reply }) =>
        JSON.stringify({ key: request.key, ...resultOf(reply, job.model) }),
      );
      this.resultFiles.set(name, Buffer.from(lines.map((line) => `${line}\n`).join('')));
      return { responsesFile: name };
    }
    const inlinedResponses = answers
      .map(({ request, reply }) => ({
        ...resultOf(reply, job.model),
        ...(this.options.dropInlineMetadata || request.metadata === undefined
          ? {}
          : { metadata: request.metadata }),
      }))
      .reverse();
    return { inlinedResponses: { inlinedResponses } };
  }
}
