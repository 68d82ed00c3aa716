import { closeSync, mkdirSync, openSync, rmSync, writeSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import {
  AgentNameSchema,
  type CallSite,
  type ModelResult,
  ModelResultSchema,
  replaceFile,
  tryParseJson,
} from '@tp2dg/entities';
import { z } from 'zod';

const JournalEntrySchema = z.object({
  key: z.string(),
  agent: AgentNameSchema,
  turn: z.number().int().nullable(),
  result: ModelResultSchema,
});
type JournalEntry = z.infer<typeof JournalEntrySchema>;

/**
 * The answered calls of one unfinished conversation, one JSON line each, appended as soon as
 * an answer arrives: a run killed at any moment loses at most the calls still in flight.
 * A resumed run takes each answer back by its request key instead of paying for it again.
 */
export class CallJournal {
  /**
   * Kept open while the conversation runs: an open and a close per call cost more than the
   * write. Written synchronously: appending one short line to the page cache takes
   * microseconds, while a promise write's thread-pool round trip cost about 0.1 ms of CPU
   * per call in bench/overhead.
   */
  private fd: number | undefined;

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

  append(key: string, callSite: CallSite, result: ModelResult): void {
    const entry: JournalEntry = { key, ...callSite, result };
    this.entries.push(entry);
    if (this.fd === undefined) {
      mkdirSync(dirname(this.file), { recursive: true });
      this.fd = openSync(this.file, 'a');
    }
    // One whole line per write, appended: a kill cuts at most the last line short.
    writeSync(this.fd, `${JSON.stringify(entry)}\n`);
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
    this.close();
    this.entries = kept;
    await replaceFile(this.file, kept.map((entry) => `${JSON.stringify(entry)}\n`).join(''));
  }

  /** Deletes the journal once its conversation is saved whole. */
  remove(): void {
    this.close();
    rmSync(this.file, { force: true });
  }

  /** Closes the file; the journal stays for the next run. */
  close(): void {
    if (this.fd === undefined) return;
    closeSync(this.fd);
    this.fd = undefined;
  }
}
