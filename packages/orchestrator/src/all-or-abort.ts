/**
 * Like `Promise.all`, but the first failure aborts the sibling tasks (through the signal
 * they were given) and waits for them to settle before it is thrown: a failed session must
 * not keep paying for calls whose results are thrown away, nor overlap the next session.
 */
export async function allOrAbort<T extends readonly unknown[]>(
  controller: AbortController,
  tasks: { readonly [K in keyof T]: Promise<T[K]> },
): Promise<T> {
  let firstFailure: { error: unknown } | undefined;
  const settled = await Promise.allSettled(
    tasks.map((task) =>
      task.catch((error: unknown) => {
        firstFailure ??= { error };
        controller.abort();
        throw error;
      }),
    ),
  );
  if (firstFailure !== undefined) throw firstFailure.error;
  return settled.map((result) => (result as PromiseFulfilledResult<unknown>).value) as unknown as T;
}
