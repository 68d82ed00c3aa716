import {
  type BillingTier,
  describeTornLine,
  type ModelPort,
  type Session,
  type TokenUsage,
  Tp2dgError,
} from '@tp2dg/entities';
import { conversationFiles } from './conversation-files.js';
import { type Conversation, generateConversation } from './generate-conversation.js';
import { CallJournal } from './journal/call-journal.js';
import { journaledModel } from './journal/journaled-model.js';
import { meteredModel } from './metered-model.js';
import type { RunGenerationOptions } from './run-types.js';
import { writeSessionFolder } from './write-session-folder.js';

export interface GenerateSessionFolderOptions {
  session: Session;
  folder: string;
  /** The conversation's call journal, kept until its folder is written. */
  journalFile: string;
  /** The loader id, recorded as the conversation's source. */
  source: string;
  /** The real corpus directory: media paths below it are saved relative to it. */
  mediaRoot: string | undefined;
  run: RunGenerationOptions;
  now: () => number;
  /** The wall clock that dates the conversation. */
  today: () => Date;
  /** Told of each call this run pays for, as soon as it is answered. */
  onPaidCall?: (usage: TokenUsage, serviceTier: BillingTier | undefined) => void;
}

export interface GeneratedSession {
  conversation: Conversation;
  /** False when another run wrote the same folder first; its folder was kept. */
  written: boolean;
  /** Calls this run paid for, and their usage; the rest came from the journal. */
  paidCalls: number;
  paidUsage: TokenUsage;
  replayedCalls: number;
}

/**
 * One session from model calls to a complete folder on disk. Answers are journaled as they
 * arrive, so a run stopped midway continues the conversation where it was without paying
 * twice. Simulated answers cost nothing and are not journaled: that model is a state machine
 * that must see every call.
 */
export async function generateSessionFolder(
  options: GenerateSessionFolderOptions,
): Promise<GeneratedSession> {
  const { session, run, now } = options;
  const started = now();
  const backend = run.models.forSession(session);
  const paid = meteredModel(backend, options.onPaidCall);
  const journal = run.models.capabilities.freeAndDeterministic
    ? undefined
    : await CallJournal.open(options.journalFile);
  if (journal?.torn !== undefined) {
    const message = describeTornLine(journal.torn, 'the call it answered is asked again');
    run.onEvent?.({ type: 'warning', message });
  }
  const replaying = journal === undefined ? undefined : journaledModel(paid, journal);
  const model = replaying ?? paid;
  try {
    const conversation = await generateConversation({ ...run, session, model, now }).catch(
      async (error: unknown) => {
        const callSite = Tp2dgError.isInstance(error) ? error.callSite : undefined;
        if (callSite !== undefined) await journal?.forget(callSite);
        throw error;
      },
    );
    const written = await writeConversation(options, backend, conversation, now() - started);
    journal?.remove();
    return {
      conversation,
      written,
      paidCalls: paid.calls,
      paidUsage: paid.usage,
      replayedCalls: replaying?.replayedCalls ?? 0,
    };
  } finally {
    journal?.close();
    // The conversation is over, however it ended: the backend releases what it held for it
    // (a port's context caches, say, whose storage is billed by the hour).
    await model.close?.();
  }
}

function writeConversation(
  options: GenerateSessionFolderOptions,
  backend: ModelPort,
  conversation: Conversation,
  durationMs: number,
): Promise<boolean> {
  const { session, run } = options;
  const provenance = {
    provider: backend.provider,
    model: backend.model,
    source: options.source,
    seed: run.seed,
    prompts_hash: run.prompts.hash,
    response_format: run.responseFormat,
    language: run.language,
    listener_lyrics: run.listenerLyrics ?? false,
  };
  const files = conversationFiles({
    session,
    conversation,
    provenance,
    turnsRequested: run.turns,
    durationMs,
    generatedAt: options.today(),
    mediaRoot: options.mediaRoot,
  });
  return writeSessionFolder(options.folder, files);
}
