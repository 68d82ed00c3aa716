import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import {
  corpusDirectory,
  createSessionBuilder,
  type DataLoaderOptionsV1,
  type DataLoaderPluginV1,
  type DataLoaderV1,
  parseLoaderOptions,
} from '@tp2dg/data-loaders';
import { isInsideDirectory, Tp2dgError, type Track } from '@tp2dg/entities';
import { type BadLine, badLineError, badLineSkip } from './bad-line.js';
import { JsonlOptionsSchema } from './jsonl-options.js';
import { readHeader } from './read-header.js';
import { readSessionLines } from './read-session-lines.js';
import { readTrackFile } from './read-track-file.js';

async function existingFile(filePath: string, what: string): Promise<string> {
  const stats = await stat(filePath).catch(() => undefined);
  if (!stats?.isFile()) {
    throw new Tp2dgError(
      'INVALID_INPUT',
      `${filePath}: ${what} not found. Check --data DIR and the file name.`,
    );
  }
  return filePath;
}

/**
 * A loader over a tp2dg-sessions JSONL file in `options.dataDir`. The header and the tracks
 * file are checked here; session lines are checked as they stream, each bad one skipped
 * and reported (the default) or stopping the run (`strict=true`).
 */
export async function createJsonlDataLoader(options: DataLoaderOptionsV1): Promise<DataLoaderV1> {
  const parsed = await parseLoaderOptions('jsonl', JsonlOptionsSchema, options.sourceOptions);
  const builder = createSessionBuilder({ ...options, building: parsed });
  const dataDir = corpusDirectory('jsonl', parsed.dir, options.dataDir, 'a data directory');
  const realDataDir = await realpath(dataDir).catch(() => {
    throw new Tp2dgError('INVALID_INPUT', `${dataDir}: data directory not found. Pass --data DIR.`);
  });
  const filePath = await existingFile(path.resolve(dataDir, parsed.file), 'sessions file');
  const header = await readHeader(filePath);
  const deferred: BadLine[] = [];
  const onBadLine = (bad: BadLine) => {
    if (parsed.strict) throw badLineError(bad);
    deferred.push(bad);
  };
  let sideTracks: Map<string, Track> | undefined;
  if (header.tracks_file !== undefined) {
    const tracksPath = path.resolve(dataDir, header.tracks_file);
    if (!isInsideDirectory(dataDir, tracksPath)) {
      throw new Tp2dgError(
        'INVALID_INPUT',
        `${filePath}:1: tracks_file ${JSON.stringify(header.tracks_file)} lies outside ${dataDir}. Keep it in the data directory.`,
      );
    }
    sideTracks = await readTrackFile(await existingFile(tracksPath, 'tracks file'), realDataDir, onBadLine);
  }
  const reported = new Set<string>();
  const report = (skipped: { sessionId: string; reason: string }) => {
    // Each skip once per loader, when iteration first reaches it.
    if (reported.has(skipped.sessionId)) return;
    reported.add(skipped.sessionId);
    options.onSkip?.(skipped);
  };
  let closed = false;
  return {
    specificationVersion: 'v1',
    id: 'jsonl',
    corpus: header.corpus ?? path.basename(dataDir),
    async *sessions() {
      if (closed)
        throw new Tp2dgError(
          'INVALID_ARGUMENT',
          'This jsonl loader was closed; create a new one to read again.',
        );
      for (const bad of deferred) report(badLineSkip(bad));
      for await (const outcome of readSessionLines({ filePath, realDataDir, builder, sideTracks })) {
        if (outcome.kind === 'session') yield outcome.session;
        else if (outcome.kind === 'skipped') report(outcome.skipped);
        else if (outcome.kind === 'bad') {
          if (parsed.strict) throw badLineError(outcome.bad);
          report(badLineSkip(outcome.bad));
        }
      }
    },
    async close() {
      closed = true;
      sideTracks?.clear();
    },
  };
}

/** The `jsonl` plugin: the interchange format the docs recommend for converting new corpora. */
export const jsonlDataLoader: DataLoaderPluginV1 = {
  specificationVersion: 'v1',
  name: 'jsonl',
  description:
    'tp2dg-sessions JSONL (docs/jsonl-format.md): one session per line, tracks inline or in a side file.',
  create: createJsonlDataLoader,
  optionsSchema: JsonlOptionsSchema,
  licence: {
    name: 'Set by the converted corpus',
    commercialUse: false,
    redistribution: false,
    summary:
      'A jsonl file carries data converted from another corpus, whose licence still applies; the header\'s "description" should name it. Until checked, treat it as non-commercial and not redistributable.',
  },
};
