import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { type FailureRecord, FailureRecordSchema } from '@tp2dg/entities';
import type { ConversationRecord } from './collect.js';
import { buildConversation } from './test-fixtures.js';

// Test data only: one small generator run, as records and in the on-disk layout.

/** Two billed gemini conversations (3 and 2 turns) and one simulated one (2 turns). */
export const SAMPLE_CONVERSATIONS: ConversationRecord[] = [
  buildConversation({
    userId: 'user-1',
    provider: 'gemini',
    model: 'gemini-2.5-flash',
    category: 'A',
    specificity: 'LL',
    assessments: ['MOVES_TOWARD_GOAL', 'DOES_NOT_MOVE_TOWARD_GOAL'],
  }),
  buildConversation({
    userId: 'user-2',
    provider: 'gemini',
    model: 'gemini-2.5-flash',
    category: 'G',
    specificity: 'HH',
    assessments: ['MOVES_TOWARD_GOAL'],
    lastRecsysCode: 'NO_TRACK_FOUND',
  }),
  buildConversation({
    userId: 'user-3',
    provider: 'simulated',
    model: 'simulated-v1',
    category: 'K',
    specificity: 'LH',
    assessments: ['DOES_NOT_MOVE_TOWARD_GOAL'],
  }),
];

export const SAMPLE_FAILURES: FailureRecord[] = [
  {
    session_id: 'user-5__2020-01-01',
    user_id: 'user-5',
    stage: 'load',
    code: 'INVALID_INPUT',
    reason: 'no pool',
  },
  {
    session_id: 'user-6__2020-01-01',
    user_id: null,
    stage: 'load',
    code: 'INVALID_INPUT',
    reason: 'no user',
  },
  {
    session_id: 'user-7__2020-01-01',
    user_id: 'user-7',
    stage: 'generate',
    agent: 'recsys',
    turn: 4,
    code: 'MODEL_TIMEOUT',
    reason: 'slow',
  },
].map((failure) => FailureRecordSchema.parse(failure));

/** Where the sample's one invalid file is written, relative to the run folder. */
export const SAMPLE_INVALID_CHAT = 'gemini-2.5-flash/demo/user-4/user-4__2020-01-01/chat.json';

export async function writeJsonLines(path: string, values: readonly unknown[]): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, values.map((value) => `${JSON.stringify(value)}\n`).join(''));
}

/** Writes the five files of one session folder under `root`. */
export async function writeConversation(root: string, conversation: ConversationRecord): Promise<string> {
  const folder = join(root, conversation.folder);
  await mkdir(folder, { recursive: true });
  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  await writeFile(join(folder, 'profiling.json'), json(conversation.profiling));
  await writeFile(join(folder, 'conversation_goal.json'), json(conversation.goal));
  await writeFile(join(folder, 'chat.json'), json(conversation.chat));
  await writeFile(join(folder, 'session.json'), json(conversation.session));
  await writeJsonLines(join(folder, 'calls.jsonl'), conversation.calls);
  if (conversation.evaluation !== null)
    await writeFile(join(folder, 'eval.json'), json(conversation.evaluation));
  return folder;
}

/**
 * The sample conversations, a failures.jsonl, and a fourth conversation whose chat.json
 * lacks a listener message (invalid: it must be reported and excluded).
 */
export async function writeSampleRun(root: string): Promise<void> {
  for (const conversation of SAMPLE_CONVERSATIONS) await writeConversation(root, conversation);
  await writeJsonLines(join(root, 'gemini-2.5-flash/demo/failures.jsonl'), SAMPLE_FAILURES);
  const broken = buildConversation({
    userId: 'user-4',
    provider: 'gemini',
    model: 'gemini-2.5-flash',
    category: 'B',
    specificity: 'HL',
    assessments: [],
  });
  await writeConversation(root, broken);
  const [firstTurn] = broken.chat;
  const withoutMessage = { ...firstTurn, listener: { ...firstTurn?.listener, message: undefined } };
  await writeFile(join(root, SAMPLE_INVALID_CHAT), JSON.stringify([withoutMessage]));
}
