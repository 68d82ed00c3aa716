import { Tp2dgError } from '@tp2dg/entities';

const marker = Symbol.for('tp2dg.gemini-api-error');

export interface GeminiApiErrorOptions {
  /** HTTP status, or null when the failure had none (network, file processing). */
  status: number | null;
  /** Whether trying again later may succeed; false for 400/401/403 and invalid files. */
  retryable: boolean;
  /** `MODEL_AUTH` when the service refused the API key, `MODEL_NOT_FOUND` the model; `MODEL_API` otherwise. */
  code?: 'MODEL_API' | 'MODEL_AUTH' | 'MODEL_NOT_FOUND';
  cause?: unknown;
}

/**
 * A Gemini call failed for good (retries exhausted or not retryable). Code `MODEL_API`, or
 * `MODEL_AUTH` when the key was refused and `MODEL_NOT_FOUND` when the model was: callers stop
 * the whole run on those.
 * The message never contains the API key.
 */
export class GeminiApiError extends Tp2dgError {
  readonly [marker] = true;
  readonly status: number | null;
  readonly retryable: boolean;

  constructor(message: string, options: GeminiApiErrorOptions) {
    super(options.code ?? 'MODEL_API', message, options.cause === undefined ? {} : { cause: options.cause });
    this.name = 'GeminiApiError';
    this.status = options.status;
    this.retryable = options.retryable;
  }

  /** Marker-based, so two installed copies of this package still recognise each other's errors. */
  static override isInstance(value: unknown): value is GeminiApiError {
    return Tp2dgError.isInstance(value) && (value as unknown as Record<symbol, unknown>)[marker] === true;
  }
}
