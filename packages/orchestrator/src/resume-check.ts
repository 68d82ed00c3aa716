import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SessionFileSchema, Tp2dgError } from '@tp2dg/entities';

/** The settings a resumed run must share with the run that wrote a session folder. */
export interface RunSettings {
  provider: string;
  model: string;
  seed: number;
  prompts_hash: string;
  response_format: 'yaml' | 'json';
  turns_requested: number;
}

/**
 * Resuming keeps finished sessions, so it must not mix settings in one dataset unnoticed:
 * a folder written with other settings stops the run, with the way out in the message.
 */
export async function assertSameSettings(folder: string, expected: RunSettings): Promise<void> {
  const file = join(folder, 'session.json');
  const content = await readFile(file, 'utf8');
  const parsed = SessionFileSchema.safeParse(parseJson(content));
  if (!parsed.success) {
    throw new Tp2dgError(
      'INVALID_INPUT',
      `${file}: not a valid session file. Move the folder away and run again.`,
    );
  }
  const found: RunSettings = { ...parsed.data.provenance, turns_requested: parsed.data.turns_requested };
  for (const key of Object.keys(expected) as (keyof RunSettings)[]) {
    if (found[key] !== expected[key]) {
      throw new Tp2dgError(
        'INVALID_ARGUMENT',
        `${file}: generated with ${key} ${JSON.stringify(found[key])}, this run has ${JSON.stringify(expected[key])}. ` +
          'Resume with the same settings, or write to another --output-dir.',
      );
    }
  }
}

function parseJson(content: string): unknown {
  try {
    return JSON.parse(content);
  } catch {
    return undefined;
  }
}
