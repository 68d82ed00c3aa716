import { resolve } from 'node:path';
import { DEFAULT_OUTPUT_DIR, printable, Tp2dgError } from '@tp2dg/entities';
import yargs from 'yargs';
import { htmlReportOptions } from './html-arguments.js';
import { runSummary } from './run-summary.js';
import { summaryInput } from './summary-input.js';

/** Where `tp2dg-summary` writes, and what it resolves paths against: the process's, or a test's. */
export interface SummaryIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
}

function defineSummaryArguments(argv: readonly string[]) {
  return yargs([...argv])
    .scriptName('tp2dg-summary')
    .usage(
      '$0 [--input DIR] [--json] [--html FILE]\n\nStatistics, quality metrics, token usage and list-price cost of generated conversations.',
    )
    .option('input', {
      type: 'string',
      requiresArg: true,
      describe: `Folder written by tp2dg-generate, searched recursively for session folders (default: ${DEFAULT_OUTPUT_DIR} in the working directory, if there is one)`,
    })
    .option('json', { type: 'boolean', default: false, describe: 'Print one JSON object instead of text' })
    .option('prices', {
      type: 'string',
      requiresArg: true,
      describe:
        'JSON price file over the built-in list prices: the format of @tp2dg/gemini-adapter/gemini-prices.json, or {version, models: {<id>: {input, audio_input, output, cached_input, cached_audio_input}}} (USD per 1M tokens)',
    })
    .option('html', {
      type: 'string',
      requiresArg: true,
      describe:
        'Also write a self-contained HTML report there: charts, and a conversation browser with the covers and audio of the recommended tracks (stdout is unchanged)',
    })
    .option('html-media', {
      choices: ['embed', 'none'] as const,
      requiresArg: true,
      implies: 'html',
      describe:
        "embed (default): each recommended track's cover and audio from the corpus the run read, once per track; none: no media, a small file",
    })
    .option('html-media-max-mb', {
      type: 'number',
      requiresArg: true,
      implies: 'html',
      describe: 'Most MB of media files the HTML report embeds (default 50); later tracks are shown without',
    })
    .strict()
    .version(false)
    .help();
}

type SummaryArguments = Awaited<ReturnType<typeof defineSummaryArguments>['argv']>;

/**
 * `tp2dg-summary` on `argv`, without touching the process (its bin gives it the process's
 * streams): the report on stdout, warnings and the HTML report's name on stderr. Returns the
 * exit code: 2 with one line for a usage error, 1 with one line when the input cannot be
 * summarised. Corpus strings (genres, ids) are printed with their control characters escaped.
 */
export async function runSummaryCommandLine(argv: readonly string[], io: SummaryIo): Promise<number> {
  // A parse callback keeps yargs from printing and from exiting: what it would print comes back.
  const parsed = await new Promise<{
    error: Error | undefined | null;
    args: SummaryArguments;
    output: string;
  }>((done) =>
    defineSummaryArguments(argv).parse([...argv], {}, (error, args, output) => done({ error, args, output })),
  );
  if (parsed.error) {
    io.stderr(`tp2dg-summary: ${printable(parsed.error.message)} (see tp2dg-summary --help)\n`);
    return 2;
  }
  if (parsed.output !== '') {
    // --help: yargs answered instead of the command.
    io.stdout(`${parsed.output}\n`);
    return 0;
  }
  const { args } = parsed;
  try {
    const html = htmlReportOptions(args.html, args.htmlMedia, args.htmlMediaMaxMb);
    const output = await runSummary({
      input: resolve(io.cwd, summaryInput(args.input, io.cwd)),
      json: args.json,
      prices: args.prices === undefined ? undefined : resolve(io.cwd, args.prices),
      html: html === undefined ? undefined : { ...html, file: resolve(io.cwd, html.file) },
    });
    io.stdout(output.stdout.split('\n').map(printable).join('\n'));
    for (const warning of output.warnings) io.stderr(`tp2dg-summary: warning: ${printable(warning)}\n`);
    if (output.htmlReport !== undefined) {
      const { file, tracksWithMedia } = output.htmlReport;
      io.stderr(
        `tp2dg-summary: HTML report written to ${printable(file)} (media of ${tracksWithMedia} recommended tracks)\n`,
      );
    }
    return 0;
  } catch (error) {
    const message = Tp2dgError.isInstance(error) ? error.message : `unexpected error: ${String(error)}`;
    io.stderr(`tp2dg-summary: ${printable(message)}\n`);
    return 1;
  }
}
