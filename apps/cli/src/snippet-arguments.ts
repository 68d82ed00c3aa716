import { parseSnippetOffset, type SnippetOffset, type SnippetSettings } from '@tp2dg/audio-snippets';

/** Reads `--clip-offset`: start, middle or seconds. Throws a message yargs shows as a usage error. */
export function parseClipOffset(value: string): SnippetOffset {
  try {
    return parseSnippetOffset(value);
  } catch (error) {
    throw new Error(`--clip-offset ${(error as Error).message}`);
  }
}

/** What the model hears of each audio clip; undefined with `--clip-seconds 0`: clips are sent as they are. */
export function snippetSettingsOf(args: {
  clipSeconds: number;
  clipOffset: SnippetOffset;
}): SnippetSettings | undefined {
  return args.clipSeconds === 0 ? undefined : { seconds: args.clipSeconds, offset: args.clipOffset };
}
