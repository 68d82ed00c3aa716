import { settleAll } from './settle-all.js';

/**
 * Like `Promise.all`, but the first failure aborts the sibling tasks (through the signal
 * they were given) and waits for them to settle before it is thrown: a failed session must
 * not keep paying for calls whose results are thrown away, nor overlap the next session.
 */
export function allOrAbort<T extends readonly unknown[]>(
  controller: AbortController,
  tasks: { readonly [K in keyof T]: Promise<T[K]> },
): Promise<T> {
  const aborting = tasks.map((task) =>
    task.catch((error: unknown) => {
      controller.abort();
      throw error;
    }),
  );
  return settleAll(aborting as unknown as { readonly [K in keyof T]: Promise<T[K]> });
}
