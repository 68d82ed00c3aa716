import type { GeminiBatchEvent } from '@tp2dg/gemini-adapter/planning';
import { formatDuration } from './format-duration.js';

/** One line on what a batch round did: rounds take minutes, so the run says when each goes and comes back. */
export function describeBatchEvent(event: GeminiBatchEvent): string {
  switch (event.stage) {
    case 'submitted':
      return `batch job ${event.job}: ${event.calls} call(s) sent (${event.input}, ${Math.ceil(event.bytes / 1000)} kB)`;
    case 'resumed':
      return `batch job ${event.job} from an earlier run: its calls wait on it instead of going again`;
    case 'ended': {
      const state = event.state.replace(/^JOB_STATE_/, '').toLowerCase();
      const again = event.unanswered === 0 ? '' : `, ${event.unanswered} unanswered go again`;
      const unkeyed =
        event.unkeyed === 0
          ? ''
          : ` (${event.unkeyed} answer(s) came back without their keys: later jobs go as files)`;
      return `batch job ${event.job} ${state} after ${formatDuration(event.elapsedMs / 1000)}: ${event.answered} answered${again}${unkeyed}`;
    }
  }
}
