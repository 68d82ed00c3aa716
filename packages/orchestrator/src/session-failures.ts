import { AgentReplyError } from '@tp2dg/agents';
import { type Session, Tp2dgError } from '@tp2dg/entities';
import { appendFailure } from './failure-log.js';

/** Failures that end one session but not the run: the model, not the machine, is at fault. */
const SESSION_FAILURES = new Set(['AGENT_REPLY', 'MODEL_API', 'MODEL_TIMEOUT']);

/**
 * What the run does with a session that failed: records it in the failure log with the agent
 * and turn whose call failed it, and stops the run after `maxInARow` in a row (a wrong model
 * name or an outage fails every session, and each may already have paid for calls).
 */
export class SessionFailures {
  private inARow = 0;

  constructor(
    private readonly file: string,
    private readonly maxInARow: number,
  ) {}

  /** Whether `error` fails only its session; any other error stops the run. */
  static isSessionFailure(error: unknown): error is Tp2dgError {
    return Tp2dgError.isInstance(error) && SESSION_FAILURES.has(error.code);
  }

  /** What the failure log says failed: the refused reply's response code (BLOCKED ...) when there is one. */
  static codeOf(error: Tp2dgError): string {
    return AgentReplyError.isInstance(error) ? error.responseCode : error.code;
  }

  succeeded(): void {
    this.inARow = 0;
  }

  /** Records the failure; throws when it is one too many in a row. */
  async record(session: Session, error: Tp2dgError): Promise<void> {
    this.inARow += 1;
    const failuresInARow = this.inARow;
    appendFailure(this.file, {
      session_id: session.session_id,
      user_id: session.user.user_id,
      stage: 'generate',
      agent: error.callSite?.agent ?? null,
      turn: error.callSite?.turn ?? null,
      code: SessionFailures.codeOf(error),
      reason: error.message,
    });
    if (failuresInARow >= this.maxInARow) {
      throw new Tp2dgError(
        error.code,
        `${failuresInARow} sessions in a row failed, the last with: ${error.message.replace(/\.$/, '')}. ` +
          'The run stops here so it pays for no more; fix the cause and run again (finished sessions are kept).',
        { cause: error },
      );
    }
  }
}
