import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { corpusDirectoryOfManifest, savedFileError, tryParseJson } from '@tp2dg/entities';

/** The terms a loader declared for its corpus (`CorpusLicence` of `@tp2dg/data-loaders`). */
export interface CorpusTerms {
  name: string;
  url: string | null;
  commercialUse: boolean;
  redistribution: boolean;
  summary: string;
}

/** What the card says of the runs: every distinct value, sorted. */
export interface RunFacts {
  sources: string[];
  corpora: string[];
  seeds: string[];
  serviceTiers: string[];
  modes: string[];
  tp2dgVersions: string[];
  /** The terms each corpus declared; a run that declared none is `null`. */
  licences: (CorpusTerms | null)[];
  /** Whether every run read the bundled demo corpus. */
  demoCorpusOnly: boolean;
  /** The corpus directory (`--data`) of each run directory, where media paths are relative to. */
  corpusDirectories: Map<string, string>;
}

/**
 * Reads the run manifests defensively, field by field: the card describes what they hold,
 * and a field a version lacks is left out of the card rather than failing the export.
 */
export async function readRunFacts(manifests: readonly string[]): Promise<RunFacts> {
  const values = {
    sources: new Set<string>(),
    corpora: new Set<string>(),
    seeds: new Set<string>(),
    serviceTiers: new Set<string>(),
    modes: new Set<string>(),
    tp2dgVersions: new Set<string>(),
  };
  const licences = new Map<string, CorpusTerms | null>();
  let demoCorpusOnly = manifests.length > 0;
  const corpusDirectories = new Map<string, string>();
  for (const file of manifests) {
    const manifest = tryParseJson(await readFile(file, 'utf8'));
    if (typeof manifest !== 'object' || manifest === null)
      throw savedFileError(file, 'run manifest', 'not valid JSON');
    const { settings, run_options, versions, corpus_licence } = manifest as Record<
      string,
      Record<string, unknown>
    >;
    add(values.sources, settings?.source);
    add(values.corpora, settings?.corpus);
    add(values.seeds, settings?.seed);
    add(values.serviceTiers, run_options?.service_tier);
    add(values.modes, run_options?.mode);
    add(values.tp2dgVersions, versions?.['@tp2dg/cli']);
    // The reference loader reading the bundled corpus: its terms are the demo corpus's own.
    demoCorpusOnly &&= settings?.source === 'reference' && settings?.corpus === 'dummy';
    const corpusDirectory = corpusDirectoryOfManifest(manifest);
    if (corpusDirectory !== undefined) corpusDirectories.set(dirname(file), corpusDirectory);
    for (const terms of termsOf(corpus_licence)) licences.set(JSON.stringify(terms), terms);
  }
  const sorted = (set: Set<string>) => [...set].sort();
  return {
    sources: sorted(values.sources),
    corpora: sorted(values.corpora),
    seeds: sorted(values.seeds),
    serviceTiers: sorted(values.serviceTiers),
    modes: sorted(values.modes),
    tp2dgVersions: sorted(values.tp2dgVersions),
    licences: [...licences.values()],
    demoCorpusOnly,
    corpusDirectories,
  };
}

function add(set: Set<string>, value: unknown): void {
  if (typeof value === 'string' || typeof value === 'number') set.add(String(value));
}

/** One licence or several (a loader reading several corpora); anything unreadable counts as none declared. */
function termsOf(value: unknown): (CorpusTerms | null)[] {
  const all = Array.isArray(value) ? value : [value];
  return all.map((item) => {
    const terms = item as Partial<Record<keyof CorpusTerms, unknown>> | null;
    if (typeof terms?.name !== 'string') return null;
    return {
      name: terms.name,
      url: typeof terms.url === 'string' ? terms.url : null,
      commercialUse: terms.commercialUse === true,
      redistribution: terms.redistribution === true,
      summary: typeof terms.summary === 'string' ? terms.summary : '',
    };
  });
}
