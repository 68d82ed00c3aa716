import { Tp2dgError } from './errors.js';
import { redactSecret } from './redact-secret.js';

const marker = Symbol.for('tp2dg.model-call-error');

/** The longest excerpt of a response body an error keeps: enough for the provider's reason. */
const MAX_BODY_LENGTH = 2000;

/** The codes of a model call that failed on the provider's side. */
export type ModelCallErrorCode = 'MODEL_API' | 'MODEL_AUTH' | 'MODEL_NOT_FOUND' | 'MODEL_TIMEOUT';

export interface ModelCallErrorOptions {
  /** `MODEL_AUTH` the key was refused, `MODEL_NOT_FOUND` the model, `MODEL_TIMEOUT` no answer came in time. */
  code: ModelCallErrorCode;
  /** HTTP status, or null when the failure had none (timeout, network, a file the provider could not process). */
  status: number | null;
  /** Whether trying again later may succeed (false for a refused request: 400, 401, 403, 404). */
  retryable: boolean;
  /** The provider's response body, when one came. */
  body?: string;
  /** Removed from the message and the body wherever it occurs. */
  apiKey?: string;
  cause?: unknown;
}

/**
 * A model call a provider failed for good (its retries exhausted, or not worth retrying), with
 * what callers decide on: the status, whether a later try may pass, and the body the provider
 * answered with (shortened). The API key is removed from the message and the body.
 */
export class ModelCallError extends Tp2dgError {
  readonly [marker] = true;
  declare readonly code: ModelCallErrorCode;
  readonly status: number | null;
  readonly retryable: boolean;
  readonly body: string | undefined;

  constructor(message: string, options: ModelCallErrorOptions) {
    const secret = options.apiKey ?? '';
    super(
      options.code,
      redactSecret(message, secret),
      options.cause === undefined ? {} : { cause: options.cause },
    );
    this.name = 'ModelCallError';
    this.status = options.status;
    this.retryable = options.retryable;
    this.body =
      options.body === undefined ? undefined : redactSecret(options.body, secret).slice(0, MAX_BODY_LENGTH);
  }

  /** Marker-based, so two installed copies of this package still recognise each other's errors. */
  static override isInstance(value: unknown): value is ModelCallError {
    return Tp2dgError.isInstance(value) && (value as unknown as Record<symbol, unknown>)[marker] === true;
  }
}
