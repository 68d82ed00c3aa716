import { loadPriceTable, Tp2dgError } from '@tp2dg/entities';
import { GEMINI_PRICES } from '@tp2dg/gemini-adapter/planning';
import { collect } from './collect.js';
import { formatText } from './format-text.js';
import { type HtmlReportOptions, writeHtmlReport } from './html/html-report.js';
import { summarize } from './summarize.js';

export interface RunSummaryOptions {
  /** Folder written by tp2dg-generate, searched recursively. */
  input: string;
  /** One JSON object instead of the text report. */
  json: boolean;
  /** A price file replacing or adding model prices (see `loadPriceTable`). */
  prices?: string;
  /** Also write the HTML report there. */
  html?: HtmlReportOptions;
}

export interface SummaryOutput {
  /** The text report, or the JSON object with `json`. */
  stdout: string;
  /** Problems found while writing the HTML report (media left out, and why). */
  warnings: string[];
  /** Written only with `html`. */
  htmlReport?: { file: string; tracksWithMedia: number };
}

/**
 * Collects, summarizes and formats: what the bin prints on stdout, and with `html` the HTML
 * report of the same summary. Throws `Tp2dgError` when the input is not a directory or holds
 * neither a valid conversation nor a recorded failure, since every figure would then be empty.
 * A run whose sessions all failed is still reported: its failures are the news.
 */
export async function runSummary(options: RunSummaryOptions): Promise<SummaryOutput> {
  const collected = await collect(options.input);
  if (collected.conversations.length === 0 && collected.failures.length === 0) {
    const [firstInvalid] = collected.invalid_files;
    const detail =
      firstInvalid === undefined
        ? 'no session folder (a folder with session.json) found'
        : `${collected.invalid_files.length} invalid files, first ${firstInvalid.file}: ${firstInvalid.problem}`;
    throw new Tp2dgError('INVALID_INPUT', `no conversations in ${options.input}: ${detail}`);
  }
  const prices =
    options.prices === undefined ? GEMINI_PRICES.table : await loadPriceTable(options.prices, GEMINI_PRICES);
  const summary = summarize(options.input, collected, prices);
  const stdout = options.json ? `${JSON.stringify(summary, null, 2)}\n` : formatText(summary);
  if (options.html === undefined) return { stdout, warnings: [] };
  const report = await writeHtmlReport(summary, collected.conversations, options.html);
  return {
    stdout,
    warnings: report.warnings,
    htmlReport: { file: options.html.file, tracksWithMedia: report.tracksWithMedia },
  };
}
