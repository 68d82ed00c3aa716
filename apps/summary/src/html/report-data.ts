import type { GoalProgress, ResponseCode, RubricName, SessionFile, SpecificityCode } from '@tp2dg/entities';
import type { Summary } from '../summary-types.js';

// What the HTML report embeds as JSON and its page script reads: the one contract between the
// Node side (src/html/*.ts) and the browser side (src/html/client/*.ts), which import it for
// types only.

/**
 * One chart, as data: the page script draws it with the bundled charting library. Library-free
 * so the figures can be checked in Node, and so the charts come from the `Summary` alone.
 */
export interface ChartSpec {
  /** The canvas id: stable, for links and tests. */
  id: string;
  title: string;
  /** One or two sentences on how to read it. */
  caption: string;
  kind: 'bar' | 'line';
  /** The category axis. */
  labels: string[];
  /** A null value draws nothing: a figure with nothing to measure, not a misleading 0. */
  series: { name: string; values: (number | null)[] }[];
  /** Bars of the series stacked in one column per label, instead of side by side. */
  stacked: boolean;
  /**
   * How the value axis is read: `share` runs from 0 to 1 and is shown in percent, `ratio` from 0
   * to 1 as a decimal (distinct-n, as the literature gives it), `score` is a judge's, 1 to 4.
   */
  unit: 'conversations' | 'share' | 'ratio' | 'score' | 'codes' | 'tokens' | 'usd' | 'tracks';
}

/** A track the Recsys recommended, as the browser shows it. */
export interface TrackView {
  track_id: string;
  title: string;
  artist: string;
  album: string | null;
  tags: string[];
  /** Key of its cover and audio in the report's media map; null when its corpus is not known. */
  media_key: string | null;
}

export interface TurnView {
  turn: number;
  listener: {
    message: string;
    thought: string;
    goal_progress_assessment: GoalProgress | null;
    response_code: ResponseCode;
  };
  recsys: { message: string; thought: string; response_code: ResponseCode; track: TrackView | null };
}

/** A conversation's `eval.json`, as the browser shows it under the conversation. */
export interface EvaluationView {
  provider: string;
  model: string;
  /** Scored by the offline simulated judge: the page labels the scores as not a model's judgement. */
  simulated: boolean;
  /** Every judgement, with the judge's reason; `turn` null for one of the whole conversation. */
  judgements: { rubric: RubricName; turn: number | null; score: number; rationale: string }[];
}

/** One conversation of the run, with what the browser filters on and shows. */
export interface ConversationView {
  /** The session folder relative to the input: unique in the report, and where to find the files. */
  folder: string;
  session_id: string;
  user_id: string;
  session_date: string | null;
  provider: string;
  model: string;
  /** Written by the offline simulated backend: the page labels it as not LLM output. */
  simulated: boolean;
  /** Where a conversation saved short (`--keep-short`) stopped; null when it ran its course. */
  ended_early: SessionFile['ended_early'];
  /** The listener's demographics and inferred tastes, as label and value, known fields only. */
  profile: [label: string, value: string][];
  goal: {
    category_code: string;
    /** The category's name; null in folders written before it was kept. */
    category: string | null;
    specificity_code: SpecificityCode;
    listener_goal: string;
    target_turn_count: number;
  };
  turns: TurnView[];
  /** Its judge's scores; null when it was not evaluated. */
  evaluation: EvaluationView | null;
}

/** A recommended track's media as data URIs; null when the report holds none for it. */
export interface TrackMedia {
  cover: string | null;
  audio: string | null;
}

/** Media by `TrackView.media_key`: each distinct track once, however often it was recommended. */
export type MediaMap = Record<string, TrackMedia>;

/**
 * The quality metrics of one run directory (`Summary.metrics`), as the page shows them: the
 * cells are the text report's, formatted once in Node, so the two reports never disagree.
 */
export interface MetricsSection {
  run: string;
  conversations: number;
  /** Its simulated conversations: the page warns that their figures describe the simulator. */
  simulated: number;
  /** Rows of cells, the header row first. */
  agents: string[][];
  progress_by_target: string[][];
  /** Repeated openings, track naming and AI self-mention phrases, one sentence each. */
  notes: string[];
  charts: ChartSpec[];
}

/** Everything the page shows but the media, which travel in their own script element. */
export interface ReportData {
  summary: Summary;
  charts: ChartSpec[];
  /** One chart per judge of `Summary.judge_scores`, in their own section; empty when none. */
  evaluation_charts: ChartSpec[];
  /** One section per run directory of `Summary.metrics`, in its order. */
  metrics_sections: MetricsSection[];
  conversations: ConversationView[];
  /** The text report of the same summary (what `tp2dg-summary` prints), every table of it. */
  text_report: string;
  /** What the reader should know about the media: which corpus was not found, what was left out. */
  media_notices: string[];
  /** When the report was made, ISO 8601. */
  generated_at: string;
}
