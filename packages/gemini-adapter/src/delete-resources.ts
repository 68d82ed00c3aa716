import { ModelCallError } from '@tp2dg/entities';
import pLimit from 'p-limit';
import { type RetrySettings, runWithRetries } from './run-with-retries.js';

/** How to delete one kind of resource (files, context caches), and how to name one in errors. */
export interface Deletion<T> {
  remove: (item: T, signal: AbortSignal) => Promise<unknown>;
  describe: (item: T) => string;
}

/**
 * Deletes resources from the service, a few at a time, each with the usual retries. Returns the
 * ones that are gone: deleted now, or already forgotten by the service (403/404).
 */
export async function deleteResources<T>(
  items: readonly T[],
  deletion: Deletion<T>,
  settings: RetrySettings,
): Promise<T[]> {
  const limit = pLimit(4);
  const outcomes = await Promise.all(
    items.map((item) =>
      limit(async () => {
        try {
          await runWithRetries(
            (signal) => deletion.remove(item, signal),
            { operation: 'delete', description: deletion.describe(item) },
            settings,
          );
          return true;
        } catch (error) {
          return ModelCallError.isInstance(error) && (error.status === 403 || error.status === 404);
        }
      }),
    ),
  );
  return items.filter((_, index) => outcomes[index]);
}
