import { rmSync } from 'node:fs';
import {
  CallerNameSchema,
  type CallLabel,
  JsonLinesAppender,
  type ModelResult,
  ModelResultSchema,
  outputWriteError,
  readJsonLines,
  replaceJsonLines,
  type TornLine,
} from '@tp2dg/entities';
import { z } from 'zod';

const JournalEntrySchema = z.object({
  key: z.string(),
  agent: CallerNameSchema,
  turn: z.number().int().nullable(),
  result: ModelResultSchema,
});
type JournalEntry = z.infer<typeof JournalEntrySchema>;

/** Who made a call, and at which turn: what a journal keeps of its label, and forgets by. */
export type CallerTurn = Pick<CallLabel, 'agent' | 'turn'>;

/**
 * The answered calls of one unfinished conversation, one JSON line each, appended as soon as
 * an answer arrives: a run killed at any moment loses at most the calls still in flight.
 * A resumed run takes each answer back by its request key instead of paying for it again.
 */
export class CallJournal {
  private readonly appender: JsonLinesAppender;

  private constructor(
    private readonly file: string,
    private entries: JournalEntry[],
    private readonly unused: Map<string, ModelResult[]>,
    /** The last line, when a kill or a full disk cut it short: its answer is paid for again. */
    readonly torn: TornLine | undefined,
  ) {
    this.appender = new JsonLinesAppender(file);
  }

  /** Opens the journal of a conversation; an absent file is an empty journal. */
  static async open(file: string): Promise<CallJournal> {
    // An unreadable line is an answer to pay for again.
    const { records: entries, torn } = await readJsonLines(
      file,
      (value) => JournalEntrySchema.safeParse(value).data,
    );
    const unused = new Map<string, ModelResult[]>();
    for (const entry of entries) unused.set(entry.key, [...(unused.get(entry.key) ?? []), entry.result]);
    return new CallJournal(file, entries, unused, torn);
  }

  /** Deletes a journal file, if there is one. */
  static discard(file: string): void {
    try {
      rmSync(file, { force: true });
    } catch (error) {
      throw outputWriteError(file, error);
    }
  }

  /** The answer recorded for this request, once per recording. */
  take(key: string): ModelResult | undefined {
    return this.unused.get(key)?.shift();
  }

  append(key: string, caller: CallerTurn, result: ModelResult): void {
    const entry: JournalEntry = { key, ...caller, result };
    this.appender.append(entry);
    this.entries.push(entry);
  }

  /**
   * Drops the answers of the call that failed the conversation (say every re-ask rejected),
   * so the next run asks that call again instead of replaying the same failure for free.
   */
  async forget(caller: CallerTurn): Promise<void> {
    const kept = this.entries.filter((entry) => entry.agent !== caller.agent || entry.turn !== caller.turn);
    if (kept.length === this.entries.length) return;
    this.close();
    this.entries = kept;
    await replaceJsonLines(this.file, kept);
  }

  /** Deletes the journal once its conversation is saved whole. */
  remove(): void {
    this.close();
    CallJournal.discard(this.file);
  }

  /** Closes the file; the journal stays for the next run. */
  close(): void {
    this.appender.close();
  }
}
