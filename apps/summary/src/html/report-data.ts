import type { GoalProgress, ResponseCode, SessionFile, SpecificityCode } from '@tp2dg/entities';
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
  series: { name: string; values: number[] }[];
  /** Bars of the series stacked in one column per label, instead of side by side. */
  stacked: boolean;
  /** How the value axis is read: `share` runs from 0 to 1 and is shown in percent. */
  unit: 'conversations' | 'share' | 'codes' | 'tokens' | 'usd' | 'tracks';
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
}

/** A recommended track's media as data URIs; null when the report holds none for it. */
export interface TrackMedia {
  cover: string | null;
  audio: string | null;
}

/** Media by `TrackView.media_key`: each distinct track once, however often it was recommended. */
export type MediaMap = Record<string, TrackMedia>;

/** Everything the page shows but the media, which travel in their own script element. */
export interface ReportData {
  summary: Summary;
  charts: ChartSpec[];
  /**
   * The hook for judge scores: charts of them, in their own section, shown only when there is
   * one. Empty until the evaluation step exists; it will add its scores to the `Summary` and
   * turn them into charts here, so the page needs no other change.
   */
  evaluation_charts: ChartSpec[];
  conversations: ConversationView[];
  /** The text report of the same summary (what `tp2dg-summary` prints), every table of it. */
  text_report: string;
  /** What the reader should know about the media: which corpus was not found, what was left out. */
  media_notices: string[];
  /** When the report was made, ISO 8601. */
  generated_at: string;
}
