import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  SESSION_FILE,
  type Session,
  SessionFileSchema,
  Tp2dgError,
  type Track,
  tryParseJson,
} from '@tp2dg/entities';
import type { RunGenerationOptions } from './run-types.js';

/** The settings a resumed run must share with the run that wrote a session folder. */
export interface FolderSettings {
  provider: string;
  model: string;
  seed: number;
  prompts_hash: string;
  response_format: 'yaml' | 'json';
  turns_requested: number;
}

/** This run's `FolderSettings`; the run manifest records them among its settings. */
export function folderSettingsOf(options: RunGenerationOptions): FolderSettings {
  return {
    provider: options.models.provider,
    model: options.models.model,
    seed: options.seed,
    prompts_hash: options.prompts.hash,
    response_format: options.responseFormat,
    turns_requested: options.turns,
  };
}

const RESUME_HINT = 'Resume with the same settings and corpus, or write to another --output-dir.';

/**
 * Resuming keeps finished sessions, so it must not mix settings in one dataset unnoticed.
 * A folder written with other settings, or from other tracks (another profile or pool size,
 * an edited corpus), stops the run, with the way out in the message.
 */
export async function assertResumable(
  folder: string,
  session: Session,
  expected: FolderSettings,
): Promise<void> {
  const file = join(folder, SESSION_FILE);
  const parsed = SessionFileSchema.safeParse(tryParseJson(await readFile(file, 'utf8')));
  if (!parsed.success) {
    throw new Tp2dgError(
      'INVALID_INPUT',
      `${file}: not a valid session file. Move the folder away and run again.`,
    );
  }
  const saved = parsed.data;
  const found: FolderSettings = { ...saved.provenance, turns_requested: saved.turns_requested };
  for (const key of Object.keys(expected) as (keyof FolderSettings)[]) {
    if (found[key] !== expected[key]) {
      const change = `generated with ${key} ${JSON.stringify(found[key])}, this run has ${JSON.stringify(expected[key])}`;
      throw new Tp2dgError('INVALID_ARGUMENT', `${file}: ${change}. ${RESUME_HINT}`);
    }
  }
  const sameTracks =
    sameIds(saved.liked_tracks, session.profiling_tracks) && sameIds(saved.pool_tracks, session.pool_tracks);
  if (!sameTracks) {
    const change =
      'generated from other profiling or pool tracks (another --profile-size or --pool-size, or an edited corpus)';
    throw new Tp2dgError('INVALID_ARGUMENT', `${file}: ${change}. ${RESUME_HINT}`);
  }
}

function sameIds(saved: readonly Track[], loaded: readonly Track[]): boolean {
  return (
    saved.length === loaded.length &&
    saved.every((track, index) => track.track_id === loaded[index]?.track_id)
  );
}
