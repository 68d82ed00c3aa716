import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import {
  addUsage,
  CallRecordSchema,
  FailureRecordSchema,
  type TokenUsage,
  ZERO_USAGE,
} from '@tp2dg/entities';
import {
  agentOf,
  type CooperativeResponder,
  createCooperativeResponder,
  type EmulatedGenerateRequest,
  emulatedApiError,
  filePartsOf,
  type GeminiEmulator,
  GOAL_MARKER,
  startGeminiEmulator,
  systemInstructionOf,
  type WireAgent,
} from '@tp2dg/gemini-adapter/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MODEL } from '../src/model-choice.js';
import {
  DUMMY,
  emulatorEnv,
  GENERATE,
  geminiRunArgs,
  OFFLINE_ENV,
  runNode,
  temporaryDirectory,
} from './support/run-command.js';
import { readSavedConversations, type SavedConversation } from './support/saved-conversations.js';

const API_KEY = 'AIza-test-key-DO-NOT-LEAK-1234';
const RUN_TIMEOUT_MS = 20_000;

function geminiEnv(emulator: GeminiEmulator): NodeJS.ProcessEnv {
  return emulatorEnv(emulator, API_KEY);
}

function runGenerate(args: string[], env: NodeJS.ProcessEnv) {
  return runNode(GENERATE, args, { env });
}

const geminiArgs = (output: string) => geminiRunArgs(output, '--response-format', 'json', '--sessions', '2');

/** Every file under a directory, by path, as text. */
async function readTree(directory: string): Promise<Map<string, string>> {
  const entries = await readdir(directory, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
  return new Map(await Promise.all(files.map(async (file) => [file, await readFile(file, 'utf8')] as const)));
}

/** A wire request with what it says about the run: who asked, for which session, which tracks. */
interface ClassifiedRequest {
  request: EmulatedGenerateRequest;
  agent: WireAgent;
  sessionId: string;
  /** Chats: user messages before this one (priming is turn 0); null for one-shot calls. */
  turn: number | null;
  trackIds: Set<string>;
}

/** The uploaded file's display name is the media file's base name, `t001.wav` -> `t001`. */
function trackIdsByUri(emulator: GeminiEmulator): Map<string, string> {
  return new Map(
    emulator.uploads.map((upload) => {
      const name = upload.displayName ?? '';
      return [upload.uri, basename(name, extname(name))] as const;
    }),
  );
}

const idsOf = (tracks: readonly { track_id: string }[]) => tracks.map((track) => track.track_id).sort();

function classify(emulator: GeminiEmulator, conversations: SavedConversation[]): ClassifiedRequest[] {
  const trackIdOf = trackIdsByUri(emulator);
  const idsIn = (uris: string[]) => uris.map((uri) => trackIdOf.get(uri) ?? `unknown upload ${uri}`);
  return emulator.requests.map((request) => {
    const agent = agentOf(request.body);
    // The first message names the session: profiling tracks (profile, Listener) or pool (goal, Recsys).
    const first = [...new Set(idsIn(filePartsOf(request.body.contents.slice(0, 1)).map((f) => f.fileUri)))];
    const seen = agent === 'profile' || agent === 'listener' ? 'liked_tracks' : 'pool_tracks';
    const owner = conversations.find(
      ({ session }) => JSON.stringify(idsOf(session[seen])) === JSON.stringify(first.sort()),
    );
    const uris = filePartsOf(request.body.contents).map((part) => part.fileUri);
    const userMessages = request.body.contents.filter((content) => content.role === 'user').length;
    return {
      request,
      agent,
      sessionId: owner?.session.session_id ?? `no session for ${agent} request ${request.index}`,
      turn: agent === 'listener' || agent === 'recsys' ? userMessages - 1 : null,
      trackIds: new Set(idsIn(uris)),
    };
  });
}

/** stderr without the warnings Node itself prints (`(node:PID) ...Warning` and its hint). */
/** The session lines of stderr, without their progress figures; node's own warnings kept. */
function progressLines(stderr: string): string[] {
  return stderr
    .trim()
    .split('\n')
    .filter((line) => !/^\(node:\d+\) \w*Warning:|^\(Use `node --trace-warnings|^started: /.test(line))
    .map((line) => line.replace(/ \[[^\]]*\]$/, ''));
}

function sumUsage(usages: readonly TokenUsage[]): TokenUsage {
  return usages.reduce(addUsage, ZERO_USAGE);
}

describe('tp2dg-generate --provider gemini against the local Gemini emulator', () => {
  describe('a run of 2 sessions that succeeds', () => {
    let emulator: GeminiEmulator;
    let responder: CooperativeResponder;
    let result: Awaited<ReturnType<typeof runGenerate>>;
    let output: string;
    let corpusRoot: string;
    let conversations: SavedConversation[];
    let requests: ClassifiedRequest[];
    let runMs: number;

    beforeAll(async () => {
      responder = createCooperativeResponder();
      // With `apiKey` the emulator rejects any other key, as Google does.
      emulator = await startGeminiEmulator({ respond: responder.respond, apiKey: API_KEY });
      output = await temporaryDirectory('out');
      corpusRoot = join(output, DEFAULT_MODEL, 'dummy');
      const started = performance.now();
      result = await runGenerate(geminiArgs(output), geminiEnv(emulator));
      runMs = performance.now() - started;
      conversations = existsSync(corpusRoot) ? await readSavedConversations(corpusRoot) : [];
      requests = classify(emulator, conversations);
    }, RUN_TIMEOUT_MS);

    afterAll(() => emulator?.close());

    it('should write 2 conversations of 8 turns and 20 calls each, labelled gemini', () => {
      expect(result.code).toBe(0);
      // Sessions run concurrently: their lines come in either order.
      expect(progressLines(result.stderr).sort()).toEqual([
        'wrote u01__2019-01-07: 8 turns, 20 calls',
        'wrote u02__2019-01-14: 8 turns, 20 calls',
      ]);
      expect(runMs).toBeLessThan(RUN_TIMEOUT_MS);
      expect(result.stdout).toContain(`Wrote 2 conversation(s) to ${corpusRoot} (40 model calls`);
      expect(result.stdout).not.toContain('NOT LLM output');
      expect(existsSync(join(corpusRoot, 'failures.jsonl'))).toBe(false);
      expect(conversations.map(({ session }) => session.session_id).sort()).toEqual([
        'u01__2019-01-07',
        'u02__2019-01-14',
      ]);
      for (const { session, goal, chat, calls } of conversations) {
        expect(session.provenance).toMatchObject({
          provider: 'gemini',
          model: DEFAULT_MODEL,
          response_format: 'json',
        });
        const gemini = { provider: 'gemini', simulated: false };
        for (const file of [session, goal, ...chat, ...calls]) expect(file).toMatchObject(gemini);
        expect(session).toMatchObject({
          turns_requested: 8,
          turns_completed: 8,
          ended_early: null,
          call_count: 20,
        });
        expect(chat).toHaveLength(8);
        expect(
          chat.every((turn) => turn.recsys.track !== null && turn.recsys.response_code === 'SUCCESS'),
        ).toBe(true);
        expect(new Set(chat.map((turn) => turn.recsys.track?.track_id)).size).toBe(8);
        // The responder copies the last initial example; the agent checked it verbatim.
        expect(chat[0]?.listener.message).toBe(goal.examples.initial_query_examples.at(-1));
        expect(goal.goal.listener_goal).toContain(GOAL_MARKER);
        expect(calls).toHaveLength(20);
        expect(calls.every((call) => call.provider === 'gemini' && call.attempt === 1)).toBe(true);
        expect(calls.every((call) => call.response_code === 'SUCCESS' && call.finish_reason === 'stop')).toBe(
          true,
        );
      }
    });

    it('should record the token usage the service reported, summed over the calls of each session', () => {
      expect(responder.reportedUsage.size).toBe(40);
      for (const { session, calls } of conversations) {
        const reported = requests
          .filter((classified) => classified.sessionId === session.session_id)
          .map((classified) => responder.reportedUsage.get(classified.request.index) ?? ZERO_USAGE);
        expect(reported).toHaveLength(20);
        expect(session.usage).toEqual(sumUsage(reported));
        expect(sumUsage(calls.map((call) => call.usage))).toEqual(session.usage);
        // Every modality, cached or not, was exercised: a mapping slip cannot hide behind zeros.
        // The default model offers no explicit cache, so none was made nor stored.
        for (const [field, count] of Object.entries(session.usage)) {
          if (field.startsWith('cache_')) expect(count, field).toBe(0);
          else expect(count, field).toBeGreaterThan(0);
        }
      }
    });

    it('should send 40 generateContent requests with the JSON schema, the seed and the key header', () => {
      expect(emulator.requests).toHaveLength(40);
      const count = (agent: WireAgent) => requests.filter((classified) => classified.agent === agent).length;
      expect([count('profile'), count('goal'), count('listener'), count('recsys')]).toEqual([2, 2, 18, 18]);
      for (const conversation of conversations) {
        expect(
          requests.filter((classified) => classified.sessionId === conversation.session.session_id),
        ).toHaveLength(20);
      }
      for (const { request } of requests) {
        expect(request.model).toBe(DEFAULT_MODEL);
        expect(request.headers['x-goog-api-key']).toBe(API_KEY);
        expect(request.body.generationConfig?.seed).toBe(42);
        // Priming calls expect no fields; every other call sends its schema.
        const schema = request.body.generationConfig?.responseJsonSchema;
        const priming = request.body.contents.length === 1 && systemInstructionOf(request.body) !== '';
        expect(schema === undefined, `request ${request.index}`).toBe(priming);
        if (!priming) expect(request.body.generationConfig?.responseMimeType).toBe('application/json');
      }
    });

    it('should never show the Listener a pool track before it is recommended, on the wire', () => {
      for (const { session, chat } of conversations) {
        const pool = new Set(idsOf(session.pool_tracks));
        const recommended = chat.map((turn) => turn.recsys.track?.track_id ?? '');
        const listenerRequests = requests.filter(
          (classified) => classified.agent === 'listener' && classified.sessionId === session.session_id,
        );
        expect(
          listenerRequests.map((classified) => classified.turn).sort((a, b) => (a ?? 0) - (b ?? 0)),
        ).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
        for (const { trackIds, turn, request } of listenerRequests) {
          const poolSeen = [...trackIds].filter((id) => pool.has(id)).sort();
          // At Listener turn t, the tracks of Recsys turns 1..t-1 have been recommended.
          const allowed = recommended.slice(0, Math.max(0, (turn ?? 0) - 1)).sort();
          expect(poolSeen, `listener request ${request.index}, turn ${turn}`).toEqual(allowed);
          expect(systemInstructionOf(request.body)).toContain(session.goal.listener_goal);
        }
      }
    });

    it('should never show the Recsys the goal or a profiling track, on the wire', () => {
      for (const { session } of conversations) {
        const liked = idsOf(session.liked_tracks);
        const recsysRequests = requests.filter(
          (classified) => classified.agent === 'recsys' && classified.sessionId === session.session_id,
        );
        expect(recsysRequests).toHaveLength(9);
        for (const { request, trackIds } of recsysRequests) {
          const wire = JSON.stringify(request.body);
          expect(wire).not.toContain(session.goal.listener_goal);
          expect(wire).not.toContain(GOAL_MARKER);
          expect(
            liked.filter((id) => trackIds.has(id)),
            `recsys request ${request.index}`,
          ).toEqual([]);
          // The whole pool, with media, is re-sent on every turn.
          expect([...trackIds].sort()).toEqual(idsOf(session.pool_tracks));
        }
      }
    });

    it('should upload each media file once per run and reuse it across calls and sessions', async () => {
      const tracks = new Map(
        conversations.flatMap(({ session }) =>
          [...session.liked_tracks, ...session.pool_tracks].map((track) => [track.track_id, track] as const),
        ),
      );
      const mediaPaths = [...tracks.values()].flatMap((track) => [track.audio_path, track.image_path]);
      expect(mediaPaths.every((path) => path !== undefined)).toBe(true);
      const names = emulator.uploads.map((upload) => upload.displayName);
      expect(new Set(names).size).toBe(names.length);
      expect(names.sort()).toEqual(mediaPaths.map((path) => basename(path ?? '')).sort());
      for (const path of mediaPaths) {
        const upload = emulator.uploads.find((candidate) => candidate.displayName === basename(path ?? ''));
        if (path?.endsWith('.png')) {
          expect(upload?.bytes.equals(await readFile(join(DUMMY, path))), path).toBe(true);
          expect(upload?.mimeType).toBe('image/png');
        } else {
          // Each 3 s 8 kHz clip goes as its 3 s snippet at 16 kHz: 44 + 3 x 16,000 x 2 bytes.
          expect(upload, path).toMatchObject({ mimeType: 'audio/wav', sizeBytes: 96_044, audioSeconds: 3 });
        }
      }
      const uploaded = new Set(emulator.uploads.map((upload) => upload.uri));
      const uses = new Map<string, Set<string>>();
      for (const { request, sessionId } of requests) {
        for (const part of filePartsOf(request.body.contents)) {
          expect(uploaded.has(part.fileUri), part.fileUri).toBe(true);
          uses.set(part.fileUri, (uses.get(part.fileUri) ?? new Set()).add(`${sessionId}#${request.index}`));
        }
      }
      for (const uri of uploaded) expect(uses.get(uri)?.size ?? 0, uri).toBeGreaterThanOrEqual(2);
      // A track of both sessions (t003: liked by u02, in the pool of u01) is uploaded once for both.
      const shared = emulator.uploads.find((upload) => upload.displayName === 't003.wav');
      const sessionsUsing = new Set([...(uses.get(shared?.uri ?? '') ?? [])].map((use) => use.split('#')[0]));
      expect(sessionsUsing).toEqual(new Set(['u01__2019-01-07', 'u02__2019-01-14']));
    });

    // A call carries dozens of media files: one abort listener each would make Node print
    // MaxListenersExceededWarning here.
    it('should print nothing on stderr but its progress lines', () => {
      const progress = /^(started: \d+ sessions|wrote \S+: .* \[\d+\/\d+ sessions, .*\])$/;
      for (const line of result.stderr.trim().split('\n')) expect(line).toMatch(progress);
    });

    it('should never write the API key to stdout, stderr or any output file', async () => {
      expect(result.stdout + result.stderr).not.toContain(API_KEY);
      const files = await readTree(output);
      // Two sessions of five files each, the run manifest, the upload ledger, the media hashes
      // (journals are gone) and a snippet per distinct audio clip.
      const snippets = [...files.keys()].filter((file) => file.startsWith(join(output, 'snippets')));
      expect(snippets).toHaveLength(
        emulator.uploads.filter((upload) => upload.mimeType === 'audio/wav').length,
      );
      expect(files.size - snippets.length).toBe(13);
      expect([...files.keys()].some((file) => file.endsWith('gemini-uploads.jsonl'))).toBe(true);
      expect([...files.keys()].some((file) => file.endsWith('gemini-media-hashes.jsonl'))).toBe(true);
      expect([...files.keys()].some((file) => file.endsWith('run-manifest.json'))).toBe(true);
      for (const [file, text] of files) expect(text.includes(API_KEY), file).toBe(false);
    });
  });

  it(
    'should record a session whose calls get HTTP 400 in failures.jsonl, keep the other, and exit 5',
    async () => {
      const playlists = JSON.parse(await readFile(join(DUMMY, 'playlists.json'), 'utf8')) as {
        sessions: { session_id: string; track_ids: string[] }[];
      };
      const [failing, kept] = playlists.sessions;
      const onlyFailing = new Set(failing?.track_ids.filter((id) => !kept?.track_ids.includes(id)));
      let emulator: GeminiEmulator | undefined;
      const rejected: EmulatedGenerateRequest[] = [];
      const responder = createCooperativeResponder({
        // Requests of the first session (recognised by its own media) get a 400, which is not retried.
        intercept: (request) => {
          const uploads = emulator?.uploads ?? [];
          const names = filePartsOf(request.body.contents).map(
            (part) => uploads.find((upload) => upload.uri === part.fileUri)?.displayName ?? '',
          );
          if (!names.some((name) => onlyFailing.has(basename(name, extname(name))))) return undefined;
          rejected.push(request);
          return emulatedApiError(400, { message: `Request contains an invalid argument (key ${API_KEY}).` });
        },
      });
      emulator = await startGeminiEmulator({ respond: responder.respond, apiKey: API_KEY });
      try {
        const output = await temporaryDirectory('failure');
        const corpusRoot = join(output, DEFAULT_MODEL, 'dummy');
        const result = await runGenerate(geminiArgs(output), geminiEnv(emulator));
        expect(result.code).toBe(5);
        expect(result.stdout).toContain('Wrote 1 conversation(s)');
        expect(result.stdout).toContain('Failed: 1.');
        expect(result.stderr).toContain(`failed ${failing?.session_id}`);
        const failures = (await readFile(join(corpusRoot, 'failures.jsonl'), 'utf8'))
          .trim()
          .split('\n')
          .map((line) => FailureRecordSchema.parse(JSON.parse(line)));
        expect(failures).toEqual([
          {
            session_id: failing?.session_id,
            user_id: 'u01',
            stage: 'generate',
            // Profile and goal are asked together: the first refused fails the session.
            agent: expect.stringMatching(/^(profile|goal)$/),
            turn: null,
            code: 'MODEL_API',
            reason: expect.stringContaining('400'),
          },
        ]);
        expect(existsSync(join(corpusRoot, 'u01', failing?.session_id ?? ''))).toBe(false);
        expect(existsSync(join(corpusRoot, 'u02', kept?.session_id ?? '', 'session.json'))).toBe(true);
        // Profile and goal run together; each was tried once (a 400 is not retried).
        const rejectedAgents = rejected.map((request) => agentOf(request.body));
        expect(rejectedAgents).toContain('profile');
        expect(new Set(rejectedAgents).size).toBe(rejectedAgents.length);
        expect(result.stdout + result.stderr).not.toContain(API_KEY);
        for (const [file, text] of await readTree(output)) expect(text.includes(API_KEY), file).toBe(false);
      } finally {
        await emulator.close();
      }
    },
    RUN_TIMEOUT_MS,
  );

  it('should name GEMINI_API_KEY in one line when --provider gemini has no key', async () => {
    const output = join(await temporaryDirectory('nokey'), 'conversations');
    const result = await runGenerate(geminiRunArgs(output, '--sessions', '1'), OFFLINE_ENV);
    expect(result.code).toBe(2);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('GEMINI_API_KEY');
    expect(result.stdout).toBe('');
    expect(existsSync(output)).toBe(false);
  });

  it('should stop the run with one line when the service refuses the key', async () => {
    const emulator = await startGeminiEmulator({
      respond: () => emulatedApiError(400, { message: 'API key not valid. Please pass a valid API key.' }),
      apiKey: API_KEY,
    });
    try {
      const output = await temporaryDirectory('refused');
      const result = await runGenerate([...geminiArgs(output), '--concurrency', '1'], geminiEnv(emulator));
      expect(result.code).toBe(2);
      // The run had started, then one line says why it stopped.
      const lines = progressLines(result.stderr);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain('check GEMINI_API_KEY');
      expect(result.stderr).not.toContain(API_KEY);
      // At most the concurrent profile and goal calls of the first session: the second is never tried.
      expect(emulator.requests.length).toBeGreaterThanOrEqual(1);
      expect(emulator.requests.length).toBeLessThanOrEqual(2);
      expect(existsSync(join(output, DEFAULT_MODEL, 'dummy', 'failures.jsonl'))).toBe(false);
    } finally {
      await emulator.close();
    }
  });

  it('should record the retry of a 429 and its cause with the call in calls.jsonl', async () => {
    let throttled = false;
    const responder = createCooperativeResponder({
      intercept: () => {
        if (throttled) return undefined;
        throttled = true;
        return emulatedApiError(429, { retryDelay: '0.05s' });
      },
    });
    const emulator = await startGeminiEmulator({ respond: responder.respond, apiKey: API_KEY });
    try {
      const output = await temporaryDirectory('throttled');
      const args = geminiRunArgs(output, '--response-format', 'json', '--sessions', '1');
      const result = await runGenerate(args, geminiEnv(emulator));
      expect(result.code).toBe(0);
      const folder = join(output, DEFAULT_MODEL, 'dummy', 'u01', 'u01__2019-01-07');
      const calls = (await readFile(join(folder, 'calls.jsonl'), 'utf8'))
        .trim()
        .split('\n')
        .map((line) => CallRecordSchema.parse(JSON.parse(line)));
      const retried = calls.filter((call) => call.retries.length > 0);
      expect(retried).toHaveLength(1);
      expect(retried[0]?.retries).toEqual([
        expect.objectContaining({
          operation: 'generate',
          attempt: 1,
          status: 429,
          reason: 'http',
        }),
      ]);
      // The 50 ms the service asked for, plus at most a tenth of it as jitter.
      const delay = retried[0]?.retries[0]?.delayMs ?? 0;
      expect(delay).toBeGreaterThanOrEqual(50);
      expect(delay).toBeLessThanOrEqual(55);
      expect(calls).toHaveLength(20);
    } finally {
      await emulator.close();
    }
  });

  it('should pass --temperature, --thinking-budget and --max-output-tokens to every call', async () => {
    const emulator = await startGeminiEmulator({ apiKey: API_KEY });
    try {
      const output = await temporaryDirectory('options');
      const args = geminiRunArgs(output, '--sessions', '1');
      const options = ['--temperature', '0.4', '--thinking-budget', '0', '--max-output-tokens', '2048'];
      expect((await runGenerate([...args, ...options], geminiEnv(emulator))).code).toBe(0);
      expect(emulator.requests).toHaveLength(20);
      for (const request of emulator.requests) {
        expect(request.body.generationConfig).toMatchObject({
          temperature: 0.4,
          thinkingConfig: { thinkingBudget: 0 },
          maxOutputTokens: 2048,
        });
      }
    } finally {
      await emulator.close();
    }
  });

  it("should send the model's least thinking budget by default, and none where the table gives none", async () => {
    const emulator = await startGeminiEmulator({ apiKey: API_KEY });
    try {
      const budgetsOf = async (...more: string[]) => {
        const output = await temporaryDirectory('thinking');
        const args = geminiRunArgs(output, '--sessions', '1', ...more);
        expect((await runGenerate(args, geminiEnv(emulator))).code).toBe(0);
        const sent = emulator.requests
          .splice(0)
          .map((request) => request.body.generationConfig?.thinkingConfig);
        return new Set(sent.map((config) => JSON.stringify(config ?? null)));
      };
      // gemini-2.5-flash-lite can turn thinking off: its least budget in the table is 0.
      expect(await budgetsOf('--model', 'gemini-2.5-flash-lite')).toEqual(new Set(['{"thinkingBudget":0}']));
      // No least budget is published for the default model: it thinks as it would.
      expect(await budgetsOf()).toEqual(new Set(['null']));
      expect(await budgetsOf('--model', 'gemini-2.5-flash-lite', '--thinking-budget', 'model')).toEqual(
        new Set(['null']),
      );
    } finally {
      await emulator.close();
    }
  });

  it('should stop starting conversations at --max-cost and exit 6', async () => {
    const emulator = await startGeminiEmulator({ apiKey: API_KEY });
    try {
      const output = await temporaryDirectory('budget');
      const result = await runGenerate(geminiRunArgs(output, '--max-cost', '0.000001'), geminiEnv(emulator));
      expect(result.code).toBe(6);
      // The first conversation measures the cost; the ceiling allows no second one.
      expect(result.stdout).toContain('Wrote 1 conversation(s)');
      expect(result.stdout).toMatch(/Stopped at the budget: \$\d+\.\d{4} spent of \$0\.000001/);
      expect(emulator.requests).toHaveLength(20);
    } finally {
      await emulator.close();
    }
  });
});
