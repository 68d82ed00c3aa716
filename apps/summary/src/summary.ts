import { DEFAULT_OUTPUT_DIR, printable, Tp2dgError } from '@tp2dg/entities';
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { htmlReportOptions } from './html-arguments.js';
import { runSummary } from './run-summary.js';
import { summaryInput } from './summary-input.js';

const argv = await yargs(hideBin(process.argv))
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
  .help()
  .parseAsync();

try {
  const input = summaryInput(argv.input, process.cwd());
  const output = await runSummary({
    input,
    json: argv.json,
    prices: argv.prices,
    html: htmlReportOptions(argv.html, argv.htmlMedia, argv.htmlMediaMaxMb),
  });
  // The report quotes corpus strings (genres, ids): their control characters are escaped, line by line.
  process.stdout.write(output.stdout.split('\n').map(printable).join('\n'));
  for (const warning of output.warnings)
    process.stderr.write(`tp2dg-summary: warning: ${printable(warning)}\n`);
  if (output.htmlReport !== undefined) {
    const { file, tracksWithMedia } = output.htmlReport;
    process.stderr.write(
      `tp2dg-summary: HTML report written to ${printable(file)} (media of ${tracksWithMedia} recommended tracks)\n`,
    );
  }
} catch (error) {
  const message = Tp2dgError.isInstance(error) ? error.message : `unexpected error: ${String(error)}`;
  process.stderr.write(`tp2dg-summary: ${printable(message)}\n`);
  // exitCode, not exit(): lets stdout and stderr flush before the process ends.
  process.exitCode = 1;
}
