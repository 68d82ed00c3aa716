import { AgentReplyError, createSimulatedModel, DEFAULT_LANGUAGE } from '@tp2dg/agents';
import { type ScriptedReply, scriptedModel } from '@tp2dg/agents/testing';
import { type CallRecord, type ModelPort, type Session, Tp2dgError, type Track } from '@tp2dg/entities';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateConversation } from './generate-conversation.js';
import { loadDummySessions, loadPromptsAndCatalog } from './testing/dummy-fixtures.js';

const LIMITS = { maxReasks: 2, maxBlockedRetries: 2, language: DEFAULT_LANGUAGE };
let sessions: Session[];
let fixtures: Awaited<ReturnType<typeof loadPromptsAndCatalog>>;

beforeAll(async () => {
  [sessions, fixtures] = await Promise.all([loadDummySessions(), loadPromptsAndCatalog()]);
});

async function simulate(session: Session, responseFormat: 'yaml' | 'json' = 'yaml', turns = 8) {
  const model = createSimulatedModel({ session, seed: 7, catalog: fixtures.catalog, turns });
  return generateConversation({ session, model, ...fixtures, ...LIMITS, turns, seed: 7, responseFormat });
}

/** Everything a request put in front of the model: text, and the media files it referenced. */
function seenBy(call: CallRecord): { text: string; files: string[] } {
  const parts = call.request.messages.flatMap((message) => message.parts);
  const text = [
    call.request.system_instruction ?? '',
    ...parts.map((part) => (part.kind === 'text' ? part.text : '')),
  ].join('\n');
  return { text, files: parts.flatMap((part) => (part.kind === 'file' ? [part.path] : [])) };
}

function reveals(seen: { text: string; files: string[] }, track: Track): string | undefined {
  if (seen.text.includes(track.track_id)) return `id ${track.track_id}`;
  if (seen.text.includes(`"${track.title}"`)) return `title ${track.title}`;
  const media = [track.audio_path, track.image_path].find(
    (path) => path !== undefined && seen.files.includes(path),
  );
  return media === undefined ? undefined : `media ${media}`;
}

describe('generateConversation', () => {
  it('should make the 20 calls of an 8-turn conversation in the method order', async () => {
    const conversation = await simulate(sessions[0] as Session);
    const order = conversation.calls.map((call) => `${call.agent}:${call.turn ?? '-'}`);
    expect(order).toHaveLength(20);
    expect(order.slice(0, 2).sort()).toEqual(['goal:-', 'profile:-']);
    expect(order.slice(2, 4).sort()).toEqual(['listener:0', 'recsys:0']);
    const rest = ['listener:1'];
    for (let turn = 1; turn <= 8; turn += 1)
      rest.push(`recsys:${turn}`, ...(turn < 8 ? [`listener:${turn + 1}`] : []));
    expect(order.slice(4)).toEqual(rest);
    expect(conversation.chat.map((turn) => turn.turn)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(conversation.endedEarly).toBeNull();
  });

  it('should open with a verbatim initial example and never recommend a track twice', async () => {
    const conversation = await simulate(sessions[1] as Session);
    expect(conversation.goal.initial_query_examples).toContain(conversation.chat[0]?.listener.message);
    const ids = conversation.chat.map((turn) => turn.recsys.track?.track_id);
    expect(new Set(ids).size).toBe(ids.length);
    const pool = (sessions[1] as Session).pool_tracks.map((track) => track.track_id);
    for (const id of ids) expect(pool).toContain(id);
  });

  it('should show each agent only its share: profile no pool, goal no ids, listener no unrecommended pool, recsys no goal or profiling track', async () => {
    for (const session of sessions) {
      const conversation = await simulate(session);
      const recommendedBy = (turn: number) =>
        conversation.chat.filter((entry) => entry.turn < turn).map((entry) => entry.recsys.track?.track_id);
      const profilingOnly = session.profiling_tracks.filter(
        (track) => !session.pool_tracks.some((pooled) => pooled.track_id === track.track_id),
      );
      for (const call of conversation.calls) {
        const seen = seenBy(call);
        if (call.agent === 'listener') {
          const shown = recommendedBy(call.turn ?? 0);
          const hidden = session.pool_tracks.filter((track) => !shown.includes(track.track_id));
          for (const track of hidden)
            expect(
              reveals(seen, track),
              `listener turn ${call.turn} of ${session.session_id}`,
            ).toBeUndefined();
        }
        if (call.agent === 'profile') {
          for (const track of session.pool_tracks)
            expect(reveals(seen, track), `profile of ${session.session_id}`).toBeUndefined();
        }
        if (call.agent === 'goal') {
          const everyTrack = [...session.profiling_tracks, ...session.pool_tracks];
          for (const track of everyTrack)
            expect(seen.text, `goal of ${session.session_id}`).not.toContain(track.track_id);
          for (const track of profilingOnly)
            expect(reveals(seen, track), `goal of ${session.session_id}`).toBeUndefined();
        }
        if (call.agent === 'recsys') {
          expect(seen.text).not.toContain(conversation.goal.listener_goal);
          for (const track of profilingOnly)
            expect(reveals(seen, track), `recsys turn ${call.turn} of ${session.session_id}`).toBeUndefined();
        }
      }
    }
  });

  it('should send a JSON schema whose track_id enum shrinks to the remaining pool', async () => {
    const session = sessions[2] as Session;
    const conversation = await simulate(session, 'json');
    const recsysTurns = conversation.calls.filter((call) => call.agent === 'recsys' && (call.turn ?? 0) > 0);
    expect(recsysTurns).toHaveLength(8);
    recsysTurns.forEach((call, index) => {
      const schema = call.request.response_json_schema as { properties: { track_id: { enum: string[] } } };
      const used = conversation.chat.slice(0, index).map((turn) => turn.recsys.track?.track_id);
      const remaining = session.pool_tracks.map((track) => track.track_id).filter((id) => !used.includes(id));
      expect(schema.properties.track_id.enum).toEqual(remaining);
    });
    expect(conversation.chat).toHaveLength(8);
  });

  it('should stop at the pool size when asked for more turns than tracks', async () => {
    const session = {
      ...(sessions[3] as Session),
      pool_tracks: (sessions[3] as Session).pool_tracks.slice(0, 3),
    };
    const conversation = await simulate(session, 'yaml', 8);
    expect(conversation.chat).toHaveLength(3);
    expect(conversation.calls).toHaveLength(2 + 2 + 3 + 3);
  });

  it('should abort the goal call when the profile call fails, and fail with the profile error', async () => {
    const session = sessions[0] as Session;
    let goalSignal: AbortSignal | undefined;
    const model: ModelPort = {
      provider: 'test',
      model: 'test',
      generate: (request) => {
        if (request.label.agent === 'profile')
          return Promise.reject(new Tp2dgError('MODEL_API', 'HTTP 400 on profile'));
        goalSignal = request.signal;
        return new Promise((_, reject) =>
          request.signal?.addEventListener('abort', () => reject(new Tp2dgError('ABORTED', 'goal aborted'))),
        );
      },
    };
    const outcome = generateConversation({
      session,
      model,
      ...fixtures,
      turns: 8,
      seed: 7,
      responseFormat: 'yaml',
      ...LIMITS,
    });
    await expect(outcome).rejects.toThrow('HTTP 400 on profile');
    expect(goalSignal?.aborted).toBe(true);
  });
});

describe('generateConversation with a turn that gets no usable reply', () => {
  const blocked: ScriptedReply = { text: '', finishReason: 'content-filter' };
  let session: Session;
  /** The simulated backend's replies to the session, in the order it was asked: a script to edit. */
  let replies: string[];
  let calls: CallRecord[];

  beforeAll(async () => {
    session = sessions[0] as Session;
    ({ calls } = await simulate(session));
    replies = calls.map((call) => call.response_text);
  });

  const indexOf = (agent: string, turn: number) =>
    calls.findIndex((call) => call.agent === agent && call.turn === turn);

  /** The script with the replies to one call replaced. */
  function scriptWith(agent: string, turn: number, ...instead: ScriptedReply[]): ScriptedReply[] {
    const index = indexOf(agent, turn);
    return [...replies.slice(0, index), ...instead, ...replies.slice(index + 1)];
  }

  function play(script: ScriptedReply[], keepShort?: boolean) {
    const model = scriptedModel(script);
    const options = {
      session,
      model,
      ...fixtures,
      ...LIMITS,
      turns: 8,
      seed: 7,
      responseFormat: 'yaml' as const,
    };
    return { model, conversation: generateConversation({ ...options, keepShort }) };
  }

  it('should fail at the blocked call, not return a short chat, once its resends are spent', async () => {
    const { model, conversation } = play(scriptWith('recsys', 3, blocked, blocked, blocked));
    await expect(conversation).rejects.toThrow(AgentReplyError);
    await expect(conversation).rejects.toMatchObject({
      callSite: { agent: 'recsys', turn: 3 },
      responseCode: 'BLOCKED',
    });
    // Nothing is asked after the call that failed.
    expect(model.requests).toHaveLength(indexOf('recsys', 3) + 3);
    expect(model.requests.at(-1)?.label).toMatchObject({ agent: 'recsys', turn: 3, attempt: 3 });
  });

  it('should fail with DUPLICATE_TRACK when the Recsys only repeats a track it recommended', async () => {
    const repeat = replies[indexOf('recsys', 1)] as string;
    const { conversation } = play(scriptWith('recsys', 3, repeat, repeat, repeat));
    await expect(conversation).rejects.toMatchObject({
      callSite: { agent: 'recsys', turn: 3 },
      responseCode: 'DUPLICATE_TRACK',
    });
  });

  it('should finish all turns when a blocked call passes on a resend', async () => {
    const { conversation } = play(
      scriptWith('recsys', 3, blocked, blocked, replies[indexOf('recsys', 3)] as string),
    );
    const finished = await conversation;
    expect(finished.chat).toHaveLength(8);
    expect(finished.endedEarly).toBeNull();
  });

  it('should keep only the complete turns before the failed call with keepShort, and say where it stopped', async () => {
    const { conversation } = play(scriptWith('listener', 3, 'no fields', 'none', 'still none'), true);
    const kept = await conversation;
    expect(kept.chat.map((turn) => turn.turn)).toEqual([1, 2]);
    expect(
      kept.chat.every((turn) => turn.recsys.track !== null && turn.recsys.response_code === 'SUCCESS'),
    ).toBe(true);
    expect(kept.endedEarly).toEqual({
      agent: 'listener',
      turn: 3,
      response_code: 'PARSE_ERROR',
      kept_short: true,
    });
    expect(kept.calls.filter((call) => call.agent === 'listener' && call.turn === 3)).toHaveLength(3);
  });

  it('should fail even with keepShort when the first message is unusable: there is no turn to keep', async () => {
    const { conversation } = play(scriptWith('listener', 1, blocked, blocked, blocked), true);
    await expect(conversation).rejects.toMatchObject({ callSite: { agent: 'listener', turn: 1 } });
  });
});
