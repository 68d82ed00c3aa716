/**
 * A wait that ends after a delay or as soon as `notify` says something changed (a call
 * ended, a waiter left), whichever comes first. The sleep is cancelled on a change, so no
 * timer outlives the wait and holds the process open after the run.
 */
export class ChangeSignal {
  private current: AbortController | undefined;

  constructor(private readonly sleep: (milliseconds: number, signal: AbortSignal) => Promise<void>) {}

  /** `null` waits for a change only. */
  async wait(milliseconds: number | null): Promise<void> {
    const wake = new AbortController();
    this.current = wake;
    const changed = new Promise<void>((resolve) => wake.signal.addEventListener('abort', () => resolve()));
    await (milliseconds === null ? changed : Promise.race([changed, this.sleep(milliseconds, wake.signal)]));
    wake.abort();
  }

  notify(): void {
    this.current?.abort();
    this.current = undefined;
  }
}
