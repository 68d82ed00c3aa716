import { type FileHandle, mkdir, open, readFile, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import {
  type CallSite,
  type ModelResult,
  RetryRecordSchema,
  replaceFile,
  TokenUsageSchema,
  tryParseJson,
} from '@tp2dg/entities';
import { z } from 'zod';

const JournalEntrySchema = z.object({
  key: z.string(),
  agent: z.enum(['profile', 'goal', 'listener', 'recsys']),
  turn: z.number().int().nullable(),
  result: z.object({
    text: z.string(),
    usage: TokenUsageSchema,
    finishReason: z.enum(['STOP', 'MAX_TOKENS', 'SAFETY', 'RECITATION', 'BLOCKED', 'OTHER']),
    retries: z.array(RetryRecordSchema).readonly().optional(),
  }),
});
type JournalEntry = z.infer<typeof JournalEntrySchema>;

/**
 * The answered calls of one unfinished conversation, one JSON line each, appended as soon as
 * an answer arrives: a run killed at any moment loses at most the calls still in flight.
 * A resumed run takes each answer back by its request key instead of paying for it again.
 */
export class CallJournal {
  /** Kept open while the conversation runs: an open and a close per call cost more than the write. */
  private handle: Promise<FileHandle> | undefined;

  private constructor(
    private readonly file: string,
    private entries: JournalEntry[],
    private readonly unused: Map<string, ModelResult[]>,
  ) {}

  /** Opens the journal of a conversation; an absent file is an empty journal. */
  static async open(file: string): Promise<CallJournal> {
    const content = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return '';
      throw error;
    });
    // A line cut short by a kill, or otherwise unreadable, is an answer to pay for again.
    const entries = content
      .split('\n')
      .map((line) => JournalEntrySchema.safeParse(tryParseJson(line)))
      .flatMap((parsed) => (parsed.success ? [parsed.data] : []));
    const unused = new Map<string, ModelResult[]>();
    for (const entry of entries) unused.set(entry.key, [...(unused.get(entry.key) ?? []), entry.result]);
    return new CallJournal(file, entries, unused);
  }

  /** The answer recorded for this request, once per recording. */
  take(key: string): ModelResult | undefined {
    return this.unused.get(key)?.shift();
  }

  async append(key: string, callSite: CallSite, result: ModelResult): Promise<void> {
    const entry: JournalEntry = { key, ...callSite, result };
    this.entries.push(entry);
    this.handle ??= mkdir(dirname(this.file), { recursive: true }).then(() => open(this.file, 'a'));
    // One line per write, appended: the two calls a conversation may have in flight never interleave.
    await (await this.handle).write(`${JSON.stringify(entry)}\n`);
  }

  /**
   * Drops the answers of the call that failed the conversation (say every re-ask rejected),
   * so the next run asks that call again instead of replaying the same failure for free.
   */
  async forget(callSite: CallSite): Promise<void> {
    const kept = this.entries.filter(
      (entry) => entry.agent !== callSite.agent || entry.turn !== callSite.turn,
    );
    if (kept.length === this.entries.length) return;
    await this.close();
    this.entries = kept;
    await replaceFile(this.file, kept.map((entry) => `${JSON.stringify(entry)}\n`).join(''));
  }

  /** Deletes the journal once its conversation is saved whole. */
  async remove(): Promise<void> {
    await this.close();
    await rm(this.file, { force: true });
  }

  /** Closes the file; the journal stays for the next run. */
  async close(): Promise<void> {
    const handle = this.handle;
    this.handle = undefined;
    await (await handle)?.close();
  }
}
