import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { findRunFiles, outputWriteError, type PriceTable, Tp2dgError } from '@tp2dg/entities';
import { clipSeconds } from './clip-seconds.js';
import { conversationCost } from './conversation-cost.js';
import { conversationExtraRow, conversationRow, trackRow, userProfileRow } from './conversation-rows.js';
import { dataFilePath, datasetCard } from './dataset-card.js';
import { checkOutputFolder, writeFolderAtomically } from './dataset-folder.js';
import { datasetLicence } from './dataset-licence.js';
import { CONFIG_FEATURES, type ConfigName, ROW_SCHEMAS, type Row, type Split } from './dataset-schema.js';
import { countConversation, type DatasetStatistics, emptyStatistics } from './dataset-statistics.js';
import type { MinScores } from './min-scores.js';
import { readRunFacts } from './run-manifests.js';
import { type LeftOut, type Selection, selectSessions } from './select-sessions.js';
import { readSessionHeader, readSessionRecord } from './session-record.js';
import { type SplitOptions, type Splits, splitSessions } from './split-sessions.js';
import { type DatasetFormat, openTableFile, type TableFile } from './table-file.js';

export interface ExportOptions {
  /** A run directory (`--output-dir` of tp2dg-generate) or any folder above its session folders. */
  input: string;
  out: string;
  format: DatasetFormat;
  split: SplitOptions;
  allowSimulated: boolean;
  allowMixed: boolean;
  /** Replace a non-empty `out` this exporter did not write. */
  force: boolean;
  /** `--min-score`: export only conversations whose judges' scores reach these (none by default). */
  minScores?: MinScores;
  /** The list prices each conversation's `cost_usd` is counted at (its provider's); absent, no cost is given. */
  prices?: PriceTable;
}

export interface ExportResult {
  stats: DatasetStatistics;
  leftOut: LeftOut;
  simulatedKept: number;
}

const EXPORTER_VERSION = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

/**
 * Exports a run as a dataset folder in two passes over its session folders: the first reads
 * each `session.json` to filter and split, the second reads each kept conversation again and
 * writes its rows. Memory holds ids, never conversations.
 */
export async function exportDataset(options: ExportOptions): Promise<ExportResult> {
  checkRatios(options.split);
  refuseOutAroundInput(options.input, options.out);
  await checkOutputFolder(options.out, options.force);
  const files = await findRunFiles(options.input).catch((error: NodeJS.ErrnoException) => {
    throw new Tp2dgError(
      'INVALID_ARGUMENT',
      `--input ${options.input} cannot be read (${error.code ?? error.message}).`,
    );
  });
  if (files.sessionFolders.length === 0 && files.failureLogs.length === 0) {
    throw new Tp2dgError(
      'INVALID_ARGUMENT',
      `--input ${options.input} holds no session folder: pass the --output-dir of a tp2dg-generate run.`,
    );
  }
  const selection = await selectSessions(files, options);
  if (selection.kept.length === 0) throw nothingToExport(options.input, selection.leftOut);
  const splits = splitSessions(selection.kept, options.split);
  const facts = await readRunFacts(files.manifests);
  const stats = emptyStatistics();
  await writeFolderAtomically(options.out, async (staging) => {
    await writeRows(
      staging,
      options.format,
      selection,
      splits,
      stats,
      facts.corpusDirectories,
      options.prices,
    );
    const card = datasetCard({
      format: options.format,
      stats,
      leftOut: selection.leftOut,
      simulatedKept: selection.simulatedKept,
      split: options.split,
      facts,
      licence: datasetLicence(facts),
      exporterVersion: EXPORTER_VERSION,
      minScores: options.minScores ?? {},
    });
    const cardFile = join(staging, 'README.md');
    await writeFile(cardFile, card).catch((error: unknown) => {
      throw outputWriteError(cardFile, error);
    });
  });
  return { stats, leftOut: selection.leftOut, simulatedKept: selection.simulatedKept };
}

/** Replacing `out` must never delete the run it is made from, `--force` or not. */
function refuseOutAroundInput(input: string, out: string): void {
  const path = relative(resolve(out), resolve(input));
  const outside = path === '..' || path.startsWith(`..${sep}`) || isAbsolute(path);
  if (!outside) {
    throw new Tp2dgError(
      'INVALID_ARGUMENT',
      `--out ${out} holds --input ${input}: writing the dataset there would replace the run. Choose another --out.`,
    );
  }
}

/** A dataset without a conversation helps no one: say what left each one out. */
function nothingToExport(input: string, leftOut: LeftOut): Tp2dgError {
  const { short, failed, simulated, duplicate, belowMinScore, unevaluated } = leftOut;
  const hint = simulated > 0 ? ' Simulated ones are exported only with --allow-simulated.' : '';
  const scored =
    belowMinScore + unevaluated > 0
      ? `, ${belowMinScore} below --min-score, ${unevaluated} not evaluated`
      : '';
  return new Tp2dgError(
    'INVALID_INPUT',
    `--input ${input} has no complete conversation to export (left out: ${short} short, ${failed} failed, ${simulated} simulated, ${duplicate} duplicate${scored}).${hint}`,
  );
}

function checkRatios({ testRatio, coldRatio }: SplitOptions): void {
  const valid = (ratio: number) => Number.isFinite(ratio) && ratio >= 0 && ratio <= 1;
  if (!valid(testRatio) || !valid(coldRatio) || testRatio + coldRatio > 1) {
    throw new Tp2dgError(
      'INVALID_ARGUMENT',
      `--test-ratio ${testRatio} and --cold-ratio ${coldRatio} must each be between 0 and 1, and add up to 1 at most.`,
    );
  }
}

/** The second pass: each kept conversation read again, its rows validated and written. */
async function writeRows(
  staging: string,
  format: DatasetFormat,
  selection: Selection,
  splits: Splits,
  stats: DatasetStatistics,
  corpusDirectories: ReadonlyMap<string, string>,
  prices: PriceTable | undefined,
): Promise<void> {
  const corpusOf = (folder: string) =>
    [...corpusDirectories].find(([runDirectory]) => folder.startsWith(runDirectory + sep))?.[1];
  const tables = new Map<string, TableFile>();
  const add = async (config: ConfigName, split: Split, row: Row) => {
    const key = `${config}/${split}`;
    let table = tables.get(key);
    if (table === undefined) {
      const file = join(staging, dataFilePath(config, split, format));
      await mkdir(dirname(file), { recursive: true }).catch((error: unknown) => {
        throw outputWriteError(file, error);
      });
      table = openTableFile(file, CONFIG_FEATURES[config], format);
      tables.set(key, table);
    }
    // A row that does not fit its schema is a bug of the exporter: stop before a bad file.
    await table.add(ROW_SCHEMAS[config].parse(row) as Row);
  };
  // Users and tracks once per split: a set of ids each, not the rows.
  const seen = { users: new Map<Split, Set<string>>(), tracks: new Map<Split, Set<string>>() };
  const firstTime = (kind: keyof typeof seen, split: Split, id: string) => {
    const ids = seen[kind].get(split) ?? new Set<string>();
    seen[kind].set(split, ids);
    if (ids.has(id)) return false;
    ids.add(id);
    return true;
  };
  for (const kept of selection.kept) {
    const header = await readSessionHeader(kept.folder);
    const record = await readSessionRecord(header);
    const split = splits.bySession.get(kept.sessionId) as Split;
    const userSplit = splits.byUser.get(kept.userId) ?? 'train_warm';
    const cost = prices === undefined ? null : await conversationCost(header, prices);
    await add('conversations', split, conversationRow(record, userSplit));
    await add('conversations_extra', split, conversationExtraRow(record, cost));
    if (firstTime('users', split, kept.userId)) await add('users', split, userProfileRow(record, userSplit));
    for (const track of [...header.file.liked_tracks, ...header.file.pool_tracks]) {
      if (firstTime('tracks', split, track.track_id)) {
        await add('tracks', split, trackRow(track, await clipSeconds(track, corpusOf(kept.folder))));
      }
    }
    countConversation(stats, record, cost);
  }
  for (const [key, table] of tables) {
    const [config, split] = key.split('/') as [ConfigName, Split];
    stats.rows[config][split] = await table.close();
  }
}
