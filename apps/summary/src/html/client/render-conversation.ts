import type { ConversationView, EvaluationView, MediaMap, TrackView, TurnView } from '../report-data.js';
import { element, table } from './dom.js';

/** How every simulated conversation is marked, wherever it is shown. */
export const SIMULATED_LABEL = 'simulated — not LLM output';

function badge(text: string, kind: string): HTMLElement {
  return element('span', { class: `badge ${kind}` }, text);
}

function renderTrack(track: TrackView, media: MediaMap): HTMLElement {
  const files = track.media_key === null ? undefined : media[track.media_key];
  const cover = files?.cover;
  const audio = files?.audio;
  const details = [track.album, track.tags.join(', ')].filter(Boolean).join(' · ');
  return element(
    'figure',
    { class: 'track' },
    // The sources are the report's own data URIs, read from the corpus when it was written.
    cover ? element('img', { alt: `cover of ${track.title}`, src: cover }) : null,
    element(
      'figcaption',
      {},
      element('strong', {}, track.title),
      ` — ${track.artist}`,
      details === '' ? null : element('span', { class: 'muted' }, ` (${details})`),
      element('span', { class: 'muted' }, ` · ${track.track_id}`),
      audio
        ? element('audio', { controls: '', preload: 'metadata', src: audio })
        : element('span', { class: 'muted' }, ' · no audio in this report'),
    ),
  );
}

function renderTurn({ turn, listener, recsys }: TurnView, media: MediaMap): HTMLElement {
  const assessment = listener.goal_progress_assessment;
  return element(
    'li',
    { class: 'turn' },
    element('h4', {}, `Turn ${turn}`),
    element(
      'div',
      { class: 'speaker listener' },
      element('p', { class: 'role' }, 'Listener ', badge(listener.response_code, 'code')),
      assessment === null ? null : element('p', { class: 'assessment' }, `assessment: ${assessment}`),
      element('p', { class: 'message' }, listener.message),
      element('p', { class: 'thought' }, `thought: ${listener.thought}`),
    ),
    element(
      'div',
      { class: 'speaker recsys' },
      element('p', { class: 'role' }, 'Recsys ', badge(recsys.response_code, 'code')),
      element('p', { class: 'message' }, recsys.message),
      element('p', { class: 'thought' }, `thought: ${recsys.thought}`),
      recsys.track === null ? element('p', { class: 'muted' }, 'no track') : renderTrack(recsys.track, media),
    ),
  );
}

/** The judge's score of each rubric, turn by turn, with its reason. */
function renderEvaluation(evaluation: EvaluationView): HTMLElement {
  return element(
    'section',
    { class: 'evaluation' },
    element(
      'p',
      {},
      element('strong', {}, 'Judge scores '),
      `${evaluation.provider} / ${evaluation.model} · 1 (fails the rubric) to 4 (fully meets it) `,
      evaluation.simulated ? badge("simulated judge — not a model's judgement", 'simulated') : null,
    ),
    table([
      ['rubric', 'turn', 'score', 'rationale'],
      ...evaluation.judgements.map((judgement) => [
        judgement.rubric,
        judgement.turn === null ? 'whole conversation' : String(judgement.turn),
        String(judgement.score),
        judgement.rationale,
      ]),
    ]),
  );
}

/** One conversation: who, with what goal, and every turn with its track. */
export function renderConversation(conversation: ConversationView, media: MediaMap): HTMLElement {
  const { goal, ended_early: endedEarly } = conversation;
  const category = goal.category === null ? goal.category_code : `${goal.category_code}: ${goal.category}`;
  return element(
    'article',
    { class: 'conversation', 'data-folder': conversation.folder },
    element(
      'header',
      {},
      element('h3', {}, conversation.session_id),
      conversation.simulated ? badge(SIMULATED_LABEL, 'simulated') : null,
      endedEarly === null
        ? null
        : badge(
            `ended early: ${endedEarly.agent}, turn ${endedEarly.turn}, ${endedEarly.response_code}`,
            'short',
          ),
      element(
        'p',
        { class: 'muted' },
        [
          `user ${conversation.user_id}`,
          conversation.session_date,
          `${conversation.provider} / ${conversation.model}`,
          conversation.folder,
        ]
          .filter(Boolean)
          .join(' · '),
      ),
    ),
    element(
      'section',
      { class: 'goal' },
      element(
        'p',
        {},
        element('strong', {}, 'Goal '),
        `${category} · ${goal.specificity_code} · target turn ${goal.target_turn_count}`,
      ),
      element('p', {}, goal.listener_goal),
    ),
    element(
      'dl',
      { class: 'profile' },
      ...conversation.profile.map(([label, value]) =>
        element('div', {}, element('dt', {}, label), element('dd', {}, value)),
      ),
    ),
    element('ol', { class: 'turns' }, ...conversation.turns.map((turn) => renderTurn(turn, media))),
    conversation.evaluation === null ? null : renderEvaluation(conversation.evaluation),
  );
}
