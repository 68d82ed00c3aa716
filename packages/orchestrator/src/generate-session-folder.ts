import type { Session } from '@tp2dg/entities';
import { conversationFiles } from './conversation-files.js';
import { type Conversation, generateConversation } from './generate-conversation.js';
import type { RunGenerationOptions } from './run-types.js';
import { writeSessionFolder } from './write-session-folder.js';

export interface GenerateSessionFolderOptions {
  session: Session;
  folder: string;
  /** The loader id, recorded as the conversation's source. */
  source: string;
  /** The real corpus directory: media paths below it are saved relative to it. */
  mediaRoot: string | undefined;
  run: RunGenerationOptions;
  now: () => number;
}

export interface GeneratedSession {
  conversation: Conversation;
  /** False when another run wrote the same folder first; its folder was kept. */
  written: boolean;
}

/** One session from model calls to a complete folder on disk. */
export async function generateSessionFolder(
  options: GenerateSessionFolderOptions,
): Promise<GeneratedSession> {
  const { session, run, now } = options;
  const started = now();
  const model = run.models.forSession(session);
  const conversation = await generateConversation({ ...run, session, model, now });
  const provenance = {
    provider: model.provider,
    model: model.model,
    source: options.source,
    seed: run.seed,
    prompts_hash: run.prompts.hash,
    response_format: run.responseFormat,
  };
  const files = conversationFiles({
    session,
    conversation,
    provenance,
    turnsRequested: run.turns,
    durationMs: now() - started,
    mediaRoot: options.mediaRoot,
  });
  return { conversation, written: await writeSessionFolder(options.folder, files) };
}
