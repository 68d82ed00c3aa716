/** Something the quota counted: a call (amount 1) or its input tokens, at a time in ms. */
export interface CountedEvent {
  at: number;
  amount: number;
}

export interface MinuteStats {
  /** Mean over every minute-long window of the run, one starting each second. */
  mean: number;
  /** The busiest such window: a limiter that works never passes the limit here. */
  max: number;
  runMinutes: number;
}

/**
 * Use per minute as a sliding-window quota sees it. The plain total over the run's length
 * misleads for a run of a few minutes: its first and last seconds are ramps, and a limiter
 * that let bursts through would end a run of N calls under a limit L after about N/L - 1
 * minutes plus a burst. Windows that start in the run's last minute would be partly empty
 * and are left out.
 */
export function slidingMinuteStats(events: readonly CountedEvent[]): MinuteStats {
  const sorted = [...events].sort((left, right) => left.at - right.at);
  const first = sorted[0]?.at ?? 0;
  const last = sorted.at(-1)?.at ?? 0;
  const minute = 60_000;
  const windows: number[] = [];
  for (let start = first; start === first || start + minute <= last; start += 1000) {
    let sum = 0;
    for (const event of sorted) {
      if (event.at >= start && event.at < start + minute) sum += event.amount;
    }
    windows.push(sum);
  }
  return {
    mean: windows.reduce((sum, value) => sum + value, 0) / windows.length,
    max: Math.max(...windows),
    runMinutes: (last - first) / minute,
  };
}
