/**
 * Like `Promise.all`, but waits for every task to settle before it throws the first failure:
 * nothing it started is left running (writing files, paying for calls) once its caller moves on.
 */
export async function settleAll<T extends readonly unknown[]>(
  tasks: {
    readonly [K in keyof T]: Promise<T[K]>;
  },
): Promise<T> {
  let firstFailure: { error: unknown } | undefined;
  const settled = await Promise.allSettled(
    tasks.map((task) =>
      task.catch((error: unknown) => {
        firstFailure ??= { error };
        throw error;
      }),
    ),
  );
  if (firstFailure !== undefined) throw firstFailure.error;
  return settled.map((result) => (result as PromiseFulfilledResult<unknown>).value) as unknown as T;
}
