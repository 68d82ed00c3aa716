import { mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import {
  outputWriteError,
  replaceFile,
  runManifestName,
  type Shard,
  Tp2dgError,
  tryParseJson,
} from '@tp2dg/entities';
import { z } from 'zod';

const SettingValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/** The settings that shape every conversation: a resumed run must have the same ones. */
export type RunSettings = Record<string, z.infer<typeof SettingValue>>;

export const RunManifestSchema = z.object({
  manifest_version: z.literal(1),
  created_at: z.string(),
  updated_at: z.string(),
  settings: z.record(z.string(), SettingValue),
  /** Options that only shape how the run goes (concurrency, limits ...), from its last start. */
  run_options: z.record(z.string(), z.unknown()),
  /** Versions of the packages that last ran it. */
  versions: z.record(z.string(), z.string()),
  /** Terms of use of the corpus, as its loader declares them; null when it declares none. */
  corpus_licence: z.unknown().nullable(),
  /** Settings changed with --force: the run directory mixes conversations made both ways. */
  forced_changes: z.array(
    z.object({ at: z.string(), setting: z.string(), from: SettingValue, to: SettingValue }),
  ),
});
export type RunManifest = z.infer<typeof RunManifestSchema>;

export type ManifestContent = Pick<RunManifest, 'settings' | 'run_options' | 'versions' | 'corpus_licence'>;

/** Each shard keeps its own manifest. */
export function manifestFile(corpusRoot: string, shard: Shard | undefined): string {
  return join(corpusRoot, runManifestName(shard));
}

/** Whether `file` is a run manifest tp2dg wrote: what `--fresh` needs before it deletes anything. */
export async function isRunManifest(file: string): Promise<boolean> {
  const text = await readFile(file, 'utf8').catch(() => '');
  return RunManifestSchema.safeParse(tryParseJson(text)).success;
}

const WAY_OUT =
  'Run with the same options to resume, add --fresh to start this run directory over, ' +
  '--force to mix conversations made both ways, or choose another --output-dir.';

/**
 * Starts or resumes the run described by `file`. A changed setting would mix incompatible
 * conversations in one dataset, so it stops the run unless `force` is set, in which case the
 * change is recorded in the manifest for whoever reads the dataset later.
 */
export async function recordRunStart(
  file: string,
  content: ManifestContent,
  options: { force: boolean; now: Date },
): Promise<void> {
  const previous = await readManifest(file);
  const at = options.now.toISOString();
  const changes = Object.keys({ ...previous?.settings, ...content.settings })
    .map((setting) => ({
      at,
      setting,
      from: previous?.settings[setting] ?? null,
      to: content.settings[setting] ?? null,
    }))
    // A setting the manifest does not know came with a later tp2dg: recorded, not a change.
    .filter(
      (change) =>
        previous !== undefined &&
        Object.hasOwn(previous.settings, change.setting) &&
        change.from !== change.to,
    );
  const [first] = changes;
  if (first !== undefined && !options.force) {
    const described = changes.map(
      (change) =>
        `${change.setting} ${JSON.stringify(change.from)}, this command has ${JSON.stringify(change.to)}`,
    );
    throw new Tp2dgError(
      'INVALID_ARGUMENT',
      `${file}: this run was made with ${described.join('; ')}. ${WAY_OUT}`,
    );
  }
  const manifest: RunManifest = {
    manifest_version: 1,
    created_at: previous?.created_at ?? at,
    updated_at: at,
    ...content,
    forced_changes: [...(previous?.forced_changes ?? []), ...changes],
  };
  // The first write of a run: an output folder that cannot be made is reported here.
  await mkdir(dirname(file), { recursive: true }).catch((error: unknown) => {
    throw outputWriteError(file, error);
  });
  await replaceFile(file, `${JSON.stringify(manifest, null, 2)}\n`);
}

async function readManifest(file: string): Promise<RunManifest | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    // Unreadable, say a file stands where the output folder should be (ENOTDIR): nothing
    // could be written there either.
    throw outputWriteError(file, error);
  }
  const parsed = RunManifestSchema.safeParse(tryParseJson(text));
  if (!parsed.success) {
    throw new Tp2dgError(
      'INVALID_INPUT',
      `${file}: not a run manifest tp2dg can read (${parsed.error.issues[0]?.message}). Move it away, or start over with --fresh.`,
    );
  }
  return parsed.data;
}
