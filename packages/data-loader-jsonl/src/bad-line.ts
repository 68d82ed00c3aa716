import type { SkippedSession } from '@tp2dg/data-loaders';
import { Tp2dgError } from '@tp2dg/entities';

/** A line that cannot become a session or a track, and why. */
export interface BadLine {
  filePath: string;
  line: number;
  problem: string;
}

/** The error a bad line raises under `strict=true`. */
export function badLineError(bad: BadLine): Tp2dgError {
  return new Tp2dgError(
    'INVALID_INPUT',
    `${bad.filePath}:${bad.line}: ${bad.problem}. Fix the line, or drop --source-option strict=true to skip such lines.`,
  );
}

/** The skip a bad line reports by default; its id is where it sits. */
export function badLineSkip(bad: BadLine): SkippedSession {
  return { sessionId: `${bad.filePath}:${bad.line}`, reason: `${bad.filePath}:${bad.line}: ${bad.problem}` };
}

/** Why JSON.parse refused a line, in one phrase. */
export function jsonProblem(error: unknown): string {
  const detail = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
  return `not valid JSON (${detail}); a truncated last line looks like this`;
}
