import { appendFile, mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { type FailureRecord, Tp2dgError } from '@tp2dg/entities';
import { afterAll, describe, expect, it } from 'vitest';
import { type ConversationRecord, collect } from './collect.js';
import { buildEvaluation } from './test-fixtures.js';
import {
  SAMPLE_CONVERSATIONS,
  SAMPLE_FAILURES,
  SAMPLE_INVALID_CHAT,
  writeConversation,
  writeSampleRun,
} from './test-sample-run.js';

const roots: string[] = [];
async function makeRoot(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'tp2dg-summary-collect-'));
  roots.push(root);
  return root;
}
afterAll(async () => {
  await Promise.all(roots.map((root) => rm(root, { recursive: true, force: true })));
});

describe('collect', () => {
  it('should read valid conversations and failures and report the invalid file', async () => {
    const root = await makeRoot();
    await writeSampleRun(root);
    const collected = await collect(root);
    expect(collected.conversations.map((conversation) => conversation.folder)).toEqual(
      SAMPLE_CONVERSATIONS.map((conversation) => conversation.folder),
    );
    expect(collected.conversations[0]?.calls).toHaveLength(10);
    expect(collected.failures).toEqual(SAMPLE_FAILURES);
    expect(collected.invalid_files).toEqual([
      { file: SAMPLE_INVALID_CHAT, problem: expect.stringMatching(/^0\.listener\.message: /) },
    ]);
  });

  it('should date a conversation by its generated_at, or by when session.json was written', async () => {
    const root = await makeRoot();
    const [dated, undated] = SAMPLE_CONVERSATIONS as [ConversationRecord, ConversationRecord];
    const datedSession = { ...dated.session, generated_at: '2026-12-31T23:00:00.000Z' };
    await writeConversation(root, { ...dated, session: datedSession });
    const folder = await writeConversation(root, undated);
    // A folder of an earlier version, copied with its times: session.json says when it was written.
    const written = new Date('2027-01-02T08:00:00Z');
    await utimes(join(folder, 'session.json'), written, written);
    const collected = await collect(root);
    const dates = new Map(
      collected.conversations.map((found) => [found.folder, found.generatedAt.toISOString()]),
    );
    expect(dates).toEqual(
      new Map([
        [dated.folder, '2026-12-31T23:00:00.000Z'],
        [undated.folder, '2027-01-02T08:00:00.000Z'],
      ]),
    );
  });

  it('should count only the latest failure of a session, and none once it was generated on resume', async () => {
    const root = await makeRoot();
    await writeSampleRun(root);
    const resumed = SAMPLE_CONVERSATIONS[0]?.session;
    const retried = { ...(SAMPLE_FAILURES[0] as FailureRecord), code: 'MODEL_TIMEOUT' };
    const lines = [
      ...SAMPLE_FAILURES,
      {
        session_id: resumed?.session_id,
        user_id: resumed?.user_id,
        stage: 'generate',
        code: 'MODEL_API',
        reason: 'HTTP 503',
      },
      retried,
    ];
    await appendFile(
      join(root, 'gemini-2.5-flash/demo/failures.jsonl'),
      lines.map((line) => `${JSON.stringify(line)}\n`).join(''),
    );
    const collected = await collect(root);
    expect(collected.failures).toHaveLength(SAMPLE_FAILURES.length);
    expect(collected.failures.map((failure) => failure.session_id)).not.toContain(resumed?.session_id);
    expect(collected.failures.find((failure) => failure.session_id === retried.session_id)?.code).toBe(
      'MODEL_TIMEOUT',
    );
  });

  it("should read a conversation's eval.json, and list a bad one without leaving its conversation out", async () => {
    const root = await makeRoot();
    const [judged, badlyJudged] = SAMPLE_CONVERSATIONS as [ConversationRecord, ConversationRecord];
    const evaluation = buildEvaluation('gemini-3.5-flash-lite', [
      { rubric: 'goal_fit', turn: null, score: 3 },
    ]);
    await writeConversation(root, { ...judged, evaluation });
    const folder = await writeConversation(root, badlyJudged);
    await writeFile(join(folder, 'eval.json'), JSON.stringify({ ...evaluation, scores: { goal_fit: 9 } }));
    const collected = await collect(root);
    expect(collected.conversations.map((found) => found.evaluation)).toEqual([evaluation, null]);
    expect(collected.invalid_files).toEqual([
      { file: `${badlyJudged.folder}/eval.json`, problem: expect.stringMatching(/^scores/) },
    ]);
  });

  it('should pass over the staging folders a killed run leaves behind', async () => {
    const root = await makeRoot();
    const first = SAMPLE_CONVERSATIONS[0] as (typeof SAMPLE_CONVERSATIONS)[number];
    await writeConversation(root, {
      ...first,
      folder: `${first.folder}/../.${basename(first.folder)}.partial-0a1b`,
    });
    expect(await collect(root)).toEqual({ conversations: [], failures: [], invalid_files: [] });
  });

  it('should find nothing in an empty folder', async () => {
    const root = await makeRoot();
    await mkdir(join(root, 'model/corpus'), { recursive: true });
    expect(await collect(root)).toEqual({ conversations: [], failures: [], invalid_files: [] });
  });

  it('should throw INVALID_ARGUMENT when the input is not a directory', async () => {
    const error = await collect(join(tmpdir(), 'tp2dg-summary-does-not-exist')).catch(
      (caught: unknown) => caught,
    );
    expect(Tp2dgError.isInstance(error) && error.code).toBe('INVALID_ARGUMENT');
  });
});
