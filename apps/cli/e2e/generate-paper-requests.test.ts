import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { referenceDataLoader } from '@tp2dg/data-loaders';
import { type CallRecord, type Session, targetTurnRange } from '@tp2dg/entities';
import { agentOf, createCooperativeResponder, startGeminiEmulator } from '@tp2dg/gemini-adapter/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MODEL } from '../src/model-choice.js';
import {
  DUMMY,
  emulatorEnv,
  GENERATE,
  geminiRunArgs,
  runNode,
  simulatedRunArgs,
  temporaryDirectory,
} from './support/run-command.js';
import { readSavedConversations, type SavedConversation } from './support/saved-conversations.js';

/** The text of a call's latest user message: the prompt of this turn. */
const latestPrompt = (call: CallRecord) =>
  (call.request.messages.at(-1)?.parts ?? [])
    .map((part) => (part.kind === 'text' ? part.text : ''))
    .join('\n');

/** The Listener's reactions to a recommendation: turns 2..N. */
const reactions = (saved: SavedConversation) =>
  saved.calls.filter((call) => call.agent === 'listener' && call.template.startsWith('listener-turn-'));

async function dummySessions(): Promise<Session[]> {
  const loader = await referenceDataLoader.create({ dataDir: DUMMY, profileSize: 5 });
  const sessions: Session[] = [];
  for await (const session of loader.sessions()) sessions.push(session);
  return sessions;
}

const outputs: string[] = [];
afterAll(() => Promise.all(outputs.map((output) => rm(output, { recursive: true, force: true }))));

/** A simulated run of the bundled corpus with more options; its conversations as saved. */
async function simulatedRun(...options: string[]) {
  const output = await temporaryDirectory('paper');
  outputs.push(output);
  const result = await runNode(GENERATE, simulatedRunArgs(DUMMY, output, ...options));
  const corpusRoot = join(output, 'simulated', 'dummy');
  return { result, corpusRoot, saved: result.code === 0 ? await readSavedConversations(corpusRoot) : [] };
}

describe('tp2dg-generate: conversations as in the paper, request by request', () => {
  let portuguese: Awaited<ReturnType<typeof simulatedRun>>;
  let lyrics: Awaited<ReturnType<typeof simulatedRun>>;
  let sessions: Session[];

  beforeAll(async () => {
    [portuguese, lyrics, sessions] = await Promise.all([
      simulatedRun('--language', 'Portuguese'),
      simulatedRun('--listener-lyrics', '--sessions', '4'),
      dummySessions(),
    ]);
  });

  it('should tell every Listener and Recsys call which language to write in, and record it', async () => {
    expect(portuguese.result.code, portuguese.result.stderr).toBe(0);
    expect(portuguese.saved).toHaveLength(sessions.length);
    for (const { calls, session } of portuguese.saved) {
      const chats = calls.filter((call) => call.agent === 'listener' || call.agent === 'recsys');
      expect(chats).toHaveLength(18);
      for (const call of chats) expect(call.request.system_instruction).toContain('Write in Portuguese');
      const turns = chats.filter((call) => (call.turn ?? 0) > 0);
      for (const call of turns)
        expect(latestPrompt(call), `${call.agent} ${call.turn}`).toContain('in Portuguese');
      const goal = calls.find((call) => call.agent === 'goal');
      expect(goal && latestPrompt(goal)).toContain('every example message in Portuguese');
      expect(session.provenance.language).toBe('Portuguese');
    }
    const manifest = JSON.parse(await readFile(join(portuguese.corpusRoot, 'run-manifest.json'), 'utf8'));
    expect(manifest.settings).toMatchObject({ language: 'Portuguese', listener_lyrics: false });
  });

  it("should give the Listener's system prompt every example of its goal, its kind in words and its target", () => {
    for (const { calls, goal } of portuguese.saved) {
      const examples = [
        ...goal.examples.initial_query_examples,
        ...goal.examples.iteration_query_examples,
        ...goal.examples.achieved_query_examples,
      ];
      for (const call of calls.filter((candidate) => candidate.agent === 'listener')) {
        const system = call.request.system_instruction ?? '';
        for (const example of examples) expect(system).toContain(`"${example}"`);
        expect(system).toContain(`Kind of goal: ${goal.goal.category}, as a `);
        expect(system).toContain(`met by recommendation ${goal.goal.target_turn_count}.`);
      }
    }
  });

  it('should say which recommendation each reaction is to', () => {
    for (const saved of portuguese.saved) {
      for (const call of reactions(saved)) {
        const previous = (call.turn ?? 0) - 1;
        expect(latestPrompt(call)).toContain(`recommendation ${previous}:`);
      }
    }
  });

  it('should mention lyrics to the Listener only in a reaction that carries an excerpt, and only with --listener-lyrics', () => {
    expect(lyrics.result.code, lyrics.result.stderr).toBe(0);
    for (const saved of portuguese.saved) {
      for (const call of saved.calls.filter((candidate) => candidate.agent === 'listener')) {
        // The goal's own words (a lyrical goal names lyrics) are what the Listener wants, not what it gets.
        const { goal, examples } = saved.goal;
        const instructions = [
          goal.listener_goal,
          goal.category ?? '',
          ...Object.values(examples).flat(),
        ].reduce((text, part) => text.replaceAll(part, ''), call.request.system_instruction ?? '');
        expect(instructions).not.toMatch(/lyric/i);
      }
      for (const call of reactions(saved)) expect(latestPrompt(call)).not.toMatch(/lyric/i);
    }
    let excerpts = 0;
    for (const saved of lyrics.saved) {
      expect(saved.session.provenance.listener_lyrics).toBe(true);
      for (const call of reactions(saved)) {
        const prompt = latestPrompt(call);
        const carriesExcerpt = prompt.includes('| lyrics excerpt: "');
        if (carriesExcerpt) excerpts += 1;
        expect(/lyric/i.test(prompt.replace(/\| lyrics excerpt: ".*"/, '')), prompt).toBe(carriesExcerpt);
      }
    }
    // The bundled corpus has tracks with lyrics and without: both kinds of reaction were seen.
    expect(excerpts).toBeGreaterThan(0);
    expect(excerpts).toBeLessThan(lyrics.saved.flatMap(reactions).length);
  });

  it('should save session_date, age, country_name and the preferred language of every conversation', () => {
    for (const { session, profiling } of portuguese.saved) {
      const loaded = sessions.find((candidate) => candidate.session_id === session.session_id) as Session;
      expect(session.session_date).toBe(session.session_id.split('__')[1]);
      for (const user of [profiling.user, session.profile]) {
        expect(user.age).toBe(loaded.user.age);
        expect(user.age).toEqual(expect.any(Number));
        expect(user.country_name).toBe(loaded.user.country_name);
        expect(user.country_name).toEqual(expect.any(String));
        expect(user.preferred_language).toBe(loaded.user.preferred_language);
      }
    }
  });

  it('should report the pool sizes of the conversations it wrote', () => {
    const pools = portuguese.saved.map(({ session }) => session.pool_tracks.length);
    const [min, max] = [Math.min(...pools), Math.max(...pools)];
    // The bundled sessions' pools differ in size: the range is what the line gives.
    expect(min).toBeLessThan(max);
    expect(portuguese.result.stdout).toContain(
      `Pools of the conversations written: ${min} to ${max} tracks (mean `,
    );
  });
});

describe('tp2dg-generate: sessions that can make every turn', () => {
  it('should skip, by default, the sessions whose pool is smaller than --turns', async () => {
    const turns = 10;
    const short = (await dummySessions()).filter((session) => session.pool_tracks.length < turns).length;
    expect(short).toBeGreaterThan(0);
    const { result, saved } = await simulatedRun('--turns', String(turns));
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`Skipped by the loader: ${short}.`);
    for (const { session } of saved) expect(session.turns_completed).toBe(turns);
  });

  it('should refuse a pool capped below the turn count, naming both', async () => {
    const { result } = await simulatedRun('--pool-size', '5');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--pool-size 5 is below --turns 8');
  });
});

describe('tp2dg-generate: the goal target turn', () => {
  it("should re-ask a goal whose target turn is outside its specificity's range", async () => {
    const apiKey = 'AIza-paper-target-key-5678';
    const cooperative = createCooperativeResponder();
    // The first goal reply of each session takes a target its specificity does not allow.
    const responder = createCooperativeResponder({
      intercept: (request) => {
        const reask = JSON.stringify(request.body.contents.at(-1)).includes('could not be used');
        if (agentOf(request.body) !== 'goal' || reask) return undefined;
        const reply = cooperative.respond(request);
        if (!('text' in reply) || reply.text === undefined) return reply;
        const target = Number(/target_turn_count: (\d+)/.exec(reply.text)?.[1]);
        const outside = target <= 2 ? 8 : 1;
        return {
          ...reply,
          text: reply.text.replace(/target_turn_count: \d+/, `target_turn_count: ${outside}`),
        };
      },
    });
    const emulator = await startGeminiEmulator({ apiKey, respond: responder.respond });
    try {
      const output = await temporaryDirectory('paper-target');
      outputs.push(output);
      const result = await runNode(GENERATE, geminiRunArgs(output, '--sessions', '1'), {
        env: emulatorEnv(emulator, apiKey),
      });
      expect(result.code, result.stderr).toBe(0);
      const [saved] = await readSavedConversations(join(output, DEFAULT_MODEL, 'dummy'));
      const goalCalls = saved?.calls.filter((call) => call.agent === 'goal') ?? [];
      expect(goalCalls.map((call) => [call.template, call.response_code])).toEqual([
        ['goal', 'PARSE_ERROR'],
        ['reask', 'SUCCESS'],
      ]);
      const { specificity_code, target_turn_count } = saved?.goal.goal ?? {};
      const [low, high] = targetTurnRange(specificity_code ?? 'LL', 8);
      expect(goalCalls[0]?.problem).toMatch(
        new RegExp(
          `^target_turn_count must be from ${low} to ${high} for specificity ${specificity_code} in a chat of 8 turns \\(got \\d+\\)$`,
        ),
      );
      expect(latestPrompt(goalCalls[1] as CallRecord)).toContain(goalCalls[0]?.problem ?? 'no problem');
      expect(target_turn_count).toBeGreaterThanOrEqual(low);
      expect(target_turn_count).toBeLessThanOrEqual(high);
    } finally {
      await emulator.close();
    }
  });
});
