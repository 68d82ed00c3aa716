import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatText } from '../format-text.js';
import { summarize } from '../summarize.js';
import { recommending, track, writeCorpusRun } from '../test-corpus.js';
import { buildEvaluation } from '../test-fixtures.js';
import { SAMPLE_CONVERSATIONS } from '../test-sample-run.js';
import { buildHtmlReport } from './html-report.js';
import type { MediaMap, ReportData } from './report-data.js';
import { REPORT_STYLE } from './report-style.js';

/** What a corpus or a model could write, in every field the page shows. */
const HOSTILE = '</script><script>window.injected = 1</script><!-- <img src=x onerror=alert(1)>';
const SCRIPT = 'document.title = "page script";';
const NOW = new Date('2026-12-03T10:00:00Z');

/** The content of each `<script>` element, in order, as a browser splits them. */
function scriptElements(html: string): { attributes: string; text: string }[] {
  return [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)].map(([, attributes = '', text = '']) => ({
    attributes,
    text,
  }));
}

async function hostileReport() {
  const run = await writeCorpusRun();
  const hostileTrack = track('t-hostile', { title: HOSTILE, artist: HOSTILE, audio_path: 'audio/ok.wav' });
  const base = recommending('user-9', [hostileTrack]);
  const [firstTurn] = base.chat;
  if (firstTurn === undefined) throw new Error('the fixture has a turn');
  const evaluation = buildEvaluation('simulated', [{ rubric: 'goal_fit', turn: null, score: 2 }]);
  const hostile = {
    ...base,
    chat: [{ ...firstTurn, listener: { ...firstTurn.listener, message: HOSTILE, thought: HOSTILE } }],
    evaluation: {
      ...evaluation,
      judgements: evaluation.judgements.map((judgement) => ({ ...judgement, rationale: HOSTILE })),
    },
  };
  const conversations = [hostile, ...SAMPLE_CONVERSATIONS];
  const summary = summarize(run.input, { conversations, failures: [], invalid_files: [] });
  return {
    summary,
    report: await buildHtmlReport(summary, conversations, { mode: 'embed', maxBytes: 2 ** 20 }, SCRIPT, NOW),
  };
}

let built: Awaited<ReturnType<typeof hostileReport>>;
beforeAll(async () => {
  built = await hostileReport();
});

describe('buildHtmlReport', () => {
  it('should keep every string of the run inside its JSON element, and read it back unchanged', () => {
    const { summary, report } = built;
    const scripts = scriptElements(report.html);
    expect(scripts.map((script) => script.attributes)).toEqual([
      ' type="application/json" id="report-data"',
      ' type="application/json" id="report-media"',
      '',
    ]);
    expect(report.html.match(/<script/g)).toHaveLength(3);
    expect(report.html).not.toContain(HOSTILE);
    expect(report.html).not.toContain('<img');
    const data = JSON.parse(scripts[0]?.text ?? '') as ReportData;
    const media = JSON.parse(scripts[1]?.text ?? '') as MediaMap;
    expect(scripts[2]?.text).toBe(SCRIPT);
    const [turn] = data.conversations[0]?.turns ?? [];
    expect(turn?.listener).toMatchObject({ message: HOSTILE, thought: HOSTILE });
    expect(turn?.recsys.track).toMatchObject({ title: HOSTILE, artist: HOSTILE, media_key: '0:t-hostile' });
    expect(Object.keys(media)).toEqual(['0:t-hostile']);
    expect(data.summary).toEqual(summary);
    expect(data.text_report).toBe(formatText(summary));
    expect(data.generated_at).toBe(NOW.toISOString());
    expect(data.charts.map((chart) => chart.id)).toContain('chart-progress');
  });

  it("should embed the judge's chart, each run's metrics, and a conversation's judgements with their reasons", () => {
    const { summary, report } = built;
    const data = JSON.parse(scriptElements(report.html)[0]?.text ?? '') as ReportData;
    expect(data.evaluation_charts.map((chart) => chart.title)).toEqual([
      'Judge simulated / simulated (simulated)',
    ]);
    expect(data.metrics_sections.map((section) => section.run)).toEqual(
      summary.metrics.map((run) => run.run),
    );
    expect(data.conversations[0]?.evaluation).toEqual({
      provider: 'simulated',
      model: 'simulated',
      simulated: true,
      judgements: [{ rubric: 'goal_fit', turn: null, score: 2, rationale: HOSTILE }],
    });
    expect(data.conversations.slice(1).map((conversation) => conversation.evaluation)).toEqual([
      null,
      null,
      null,
    ]);
  });

  it('should label the simulated conversations, and say which have no media and why', () => {
    const { report } = built;
    const data = JSON.parse(scriptElements(report.html)[0]?.text ?? '') as ReportData;
    expect(data.conversations.map((conversation) => conversation.simulated)).toEqual([
      false,
      false,
      false,
      true,
    ]);
    expect(data.conversations[1]?.turns[0]?.recsys.track?.media_key).toBeNull();
    expect(report.tracksWithMedia).toBe(1);
    expect(report.warnings).toEqual([
      '1 conversation(s) shown without media: no run manifest (run-manifest.json) in their folders or above.',
    ]);
    expect(data.media_notices).toEqual(report.warnings);
  });

  it('should allow no script or style but its own, by hash, and load nothing from the network', () => {
    const { report } = built;
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(report.html)?.[1];
    const hash = (text: string) => createHash('sha256').update(text).digest('base64');
    expect(policy).toBe(
      `default-src 'none'; img-src data:; media-src data:; style-src 'sha256-${hash(REPORT_STYLE)}'; script-src 'sha256-${hash(SCRIPT)}'`,
    );
  });
});
