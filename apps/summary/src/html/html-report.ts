import { readFile } from 'node:fs/promises';
import { replaceFile } from '@tp2dg/entities';
import type { ConversationRecord } from '../collect.js';
import { formatText } from '../format-text.js';
import type { Summary } from '../summary-types.js';
import { conversationView } from './conversation-views.js';
import { embedTrackMedia, type MediaOptions } from './embed-media.js';
import { metricsSections } from './metrics-sections.js';
import { judgeCharts, reportCharts } from './report-charts.js';
import type { ReportData } from './report-data.js';
import { reportPage } from './report-page.js';

export interface HtmlReportOptions {
  /** Where the report is written. */
  file: string;
  media: MediaOptions;
}

export interface HtmlReport {
  html: string;
  /** Problems with the media (a corpus gone, a path leaving its corpus ...), for stderr too. */
  warnings: string[];
  /** Distinct recommended tracks whose cover or audio the report holds. */
  tracksWithMedia: number;
}

/**
 * The page script: src/html/client bundled with Chart.js by the build into
 * dist/report-client.global.js, beside dist/summary.js, the bundle this module is part of.
 * Read when a report is written, so an installed package needs nothing but its dist folder.
 */
const PAGE_SCRIPT = new URL('./report-client.global.js', import.meta.url);

/** The HTML report of a summary and the conversations it was made from; `script` is the page script. */
export async function buildHtmlReport(
  summary: Summary,
  conversations: readonly ConversationRecord[],
  media: MediaOptions,
  script: string,
  now: Date = new Date(),
): Promise<HtmlReport> {
  const embedded = await embedTrackMedia(summary.input, conversations, media);
  const data: ReportData = {
    summary,
    charts: reportCharts(summary),
    evaluation_charts: judgeCharts(summary.judge_scores),
    metrics_sections: metricsSections(summary.metrics),
    conversations: conversations.map((conversation) => conversationView(conversation, embedded.mediaKeyOf)),
    text_report: formatText(summary),
    media_notices: embedded.notices,
    generated_at: now.toISOString(),
  };
  return {
    html: reportPage(data, embedded.media, script),
    warnings: embedded.warnings,
    tracksWithMedia: Object.keys(embedded.media).length,
  };
}

/**
 * Builds the report and writes it whole: a kill leaves the previous file or none, never half of
 * one, and a file that cannot be written is one OUTPUT_WRITE error naming it.
 */
export async function writeHtmlReport(
  summary: Summary,
  conversations: readonly ConversationRecord[],
  options: HtmlReportOptions,
): Promise<HtmlReport> {
  const report = await buildHtmlReport(
    summary,
    conversations,
    options.media,
    await readFile(PAGE_SCRIPT, 'utf8'),
  );
  await replaceFile(options.file, report.html);
  return report;
}
