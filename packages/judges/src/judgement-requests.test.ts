import type { ModelPart, RubricName } from '@tp2dg/entities';
import { beforeAll, describe, expect, it } from 'vitest';
import type { JudgementRequest } from './ask-judge.js';
import { judgementRequests } from './judge-conversation.js';
import { type JudgeTemplates, loadJudgeTemplates } from './judge-templates.js';
import { conversationFixture } from './testing/conversation-fixture.js';

let requests: JudgementRequest[];
let templates: JudgeTemplates;
beforeAll(async () => {
  templates = await loadJudgeTemplates();
  requests = judgementRequests(conversationFixture(), templates);
});

/** What one judge is shown: its text, and the media files it gets. */
function shown(rubric: RubricName, turn: number | null) {
  const request = requests.find((each) => each.rubric === rubric && each.turn === turn);
  if (request === undefined) throw new Error(`no ${rubric} request at turn ${turn}`);
  const texts = request.parts.flatMap((part: ModelPart) => (part.kind === 'text' ? [part.text] : []));
  const files = request.parts.flatMap((part: ModelPart) => (part.kind === 'file' ? [part.path] : []));
  return { text: texts.join('\n'), files };
}

const media = (...ids: string[]) => ids.flatMap((id) => [`/media/${id}.wav`, `/media/${id}.png`]);
/** Every marker of these turns: thoughts and messages of both speakers. */
const turnMarkers = (...turns: number[]) =>
  turns.flatMap((turn) => [`L${turn}-THOUGHT`, `L${turn}-MESSAGE`, `R${turn}-THOUGHT`, `R${turn}-MESSAGE`]);
const messages = (...turns: number[]) => turns.flatMap((turn) => [`L${turn}-MESSAGE`, `R${turn}-MESSAGE`]);
const thoughts = (...turns: number[]) => turns.flatMap((turn) => [`L${turn}-THOUGHT`, `R${turn}-THOUGHT`]);

function expectShows(text: string, markers: readonly string[]) {
  for (const marker of markers) expect(text, marker).toContain(marker);
}
function expectHides(text: string, markers: readonly string[]) {
  for (const marker of markers) expect(text, marker).not.toContain(marker);
}

describe('judgementRequests', () => {
  it('should ask each conversation rubric once and each turn rubric at every turn it applies to', () => {
    expect(requests.map(({ rubric, turn }) => `${rubric}@${turn ?? '-'}`)).toEqual([
      'goal_fit@-',
      'profile_fit@-',
      'progress_label@2',
      'progress_label@3',
      'progress_label@4',
      'listener_realism@-',
      ...[1, 2, 3, 4].map((turn) => `recsys_accuracy@${turn}`),
      ...[1, 2, 3, 4].map((turn) => `recommendation_relevance@${turn}`),
      ...[1, 2, 3, 4].map((turn) => `thought_coherence@${turn}`),
      'goal_fulfilment@-',
    ]);
  });

  it('should end every request with the reply instructions', () => {
    const reply = templates.render('judge-reply', {});
    for (const request of requests) expect(request.parts.at(-1)).toEqual({ kind: 'text', text: reply });
  });

  it('should show the goal-fit judge the goal and the pool with its media, and no conversation nor profile', () => {
    const { text, files } = shown('goal_fit', null);
    expectShows(text, ['GOAL-TEXT', 'GOAL-CATEGORY', ...[1, 2, 3, 4, 5].map((k) => `POOL${k}-TAG`)]);
    expect(files).toEqual(media('POOL1', 'POOL2', 'POOL3', 'POOL4', 'POOL5'));
    expectHides(text, [...turnMarkers(1, 2, 3, 4), 'PROFILE-CULTURE', 'LIKED1', 'track_id']);
  });

  it('should show the profile-fit judge the profile and the liked tracks with their media, nothing else', () => {
    const { text, files } = shown('profile_fit', null);
    expectShows(text, ['PROFILE-CULTURE', 'PROFILE-ARTIST', 'PROFILE-GENRE', 'LIKED1-TAG', 'LIKED2-TAG']);
    expect(files).toEqual(media('LIKED1', 'LIKED2'));
    expectHides(text, [...turnMarkers(1, 2, 3, 4), 'GOAL-TEXT', 'POOL']);
  });

  it("should show the progress-label judge the turn's inputs and label, not that turn's words nor later turns", () => {
    const { text, files } = shown('progress_label', 3);
    // What the listener had when it labelled recommendation 2 in turn 3.
    expectShows(text, ['GOAL-TEXT', ...messages(1, 2), 'POOL1-TITLE', 'POOL2-TITLE']);
    expect(text).toContain('In turn 3 the listener labelled this recommendation DOES_NOT_MOVE_TOWARD_GOAL.');
    expect(files).toEqual(media('POOL2'));
    // Its own thought and message argue for the label; later turns tell what came of it.
    expectHides(text, [...turnMarkers(3, 4), ...thoughts(1, 2), 'POOL3', 'POOL4', 'GOAL-ACHIEVED']);
  });

  it('should show the realism judge the profile, expertise and messages, not the goal nor the thoughts', () => {
    const { text, files } = shown('listener_realism', null);
    expectShows(text, ['PROFILE-CULTURE', 'high expertise', ...messages(1, 2, 3, 4)]);
    expect(files).toEqual([]);
    expectHides(text, [...thoughts(1, 2, 3, 4), 'GOAL-TEXT', 'GOAL-INITIAL']);
  });

  it("should show the accuracy judge the track in full and the recommender's words, nothing of the listener", () => {
    const { text, files } = shown('recsys_accuracy', 3);
    expectShows(text, ['POOL3-TITLE', 'POOL3-ALBUM', 'POOL3-TAG', 'R3-THOUGHT', 'R3-MESSAGE']);
    expect(files).toEqual(media('POOL3'));
    expectHides(text, ['L3-MESSAGE', 'L3-THOUGHT', 'GOAL-TEXT', ...turnMarkers(1, 2, 4)]);
  });

  it("should show the relevance judge the listener's message and the track, not the recommender's case for it nor the reaction", () => {
    const { text, files } = shown('recommendation_relevance', 3);
    expectShows(text, ['L3-MESSAGE', 'POOL3-TITLE', 'POOL3-TAG', ...messages(1, 2)]);
    expect(files).toEqual(media('POOL3'));
    expectHides(text, ['R3-THOUGHT', 'R3-MESSAGE', ...turnMarkers(4), ...thoughts(1, 2, 3), 'GOAL-TEXT']);
  });

  it("should show the coherence judge one turn's thoughts and messages", () => {
    const { text, files } = shown('thought_coherence', 3);
    expectShows(text, [...turnMarkers(3), 'POOL3-TITLE']);
    expect(files).toEqual([]);
    expectHides(text, [...turnMarkers(1, 2, 4), 'GOAL-TEXT', 'PROFILE-CULTURE']);
  });

  it("should show the fulfilment judge the goal, the messages and the tracks, never the listener's own verdicts", () => {
    const { text, files } = shown('goal_fulfilment', null);
    expectShows(text, ['GOAL-TEXT', ...messages(1, 2, 3, 4), 'POOL4-TITLE']);
    expect(files).toEqual(media('POOL1', 'POOL2', 'POOL3', 'POOL4'));
    expectHides(text, [...thoughts(1, 2, 3, 4), 'MOVES_TOWARD_GOAL', 'POOL5']);
  });
});
