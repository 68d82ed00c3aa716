import { ModelCallError } from '@tp2dg/entities';

/** Whether the service's own error text (the cause, free of our advice) names a file. */
export function namesFile(error: ModelCallError): boolean {
  return error.cause instanceof Error && /\bfiles?\b/i.test(error.cause.message);
}

/**
 * The service forgets files after 48 h: a prompt that still references one gets 400, 403 or
 * 404 naming the File. Other such errors (bad key, unknown model) do not mention a file.
 */
export function isForgottenFileError(error: unknown): boolean {
  return ModelCallError.isInstance(error) && [400, 403, 404].includes(error.status ?? 0) && namesFile(error);
}

/**
 * A context cache the service no longer has (its TTL passed, or something deleted it): a
 * request naming it, or an extension of it, gets 403 or 404 naming the CachedContent.
 */
export function isForgottenCacheError(error: unknown): boolean {
  return (
    ModelCallError.isInstance(error) &&
    [403, 404].includes(error.status ?? 0) &&
    error.cause instanceof Error &&
    /\bcached ?content\b/i.test(error.cause.message)
  );
}
