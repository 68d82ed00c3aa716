import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  type CallRecord,
  CallRecordSchema,
  ChatFileSchema,
  type ConversationGoalFile,
  ConversationGoalFileSchema,
  findRunFiles,
  ProfilingFileSchema,
  type SessionFile,
  SessionFileSchema,
} from '@tp2dg/entities';

/** One saved conversation: its files as their schemas read them. */
export interface SavedConversation {
  session: SessionFile;
  goal: ConversationGoalFile;
  profiling: ReturnType<typeof ProfilingFileSchema.parse>;
  chat: ReturnType<typeof ChatFileSchema.parse>;
  calls: CallRecord[];
}

/** Every conversation a run saved under `root`, found as the readers of a run find them. */
export async function readSavedConversations(root: string): Promise<SavedConversation[]> {
  const { sessionFolders } = await findRunFiles(root);
  return Promise.all(
    sessionFolders.map(async (folder) => {
      const read = async (name: string) => JSON.parse(await readFile(join(folder, name), 'utf8'));
      const calls = await readFile(join(folder, 'calls.jsonl'), 'utf8');
      return {
        session: SessionFileSchema.parse(await read('session.json')),
        goal: ConversationGoalFileSchema.parse(await read('conversation_goal.json')),
        profiling: ProfilingFileSchema.parse(await read('profiling.json')),
        chat: ChatFileSchema.parse(await read('chat.json')),
        calls: calls
          .trim()
          .split('\n')
          .map((line) => CallRecordSchema.parse(JSON.parse(line))),
      };
    }),
  );
}
