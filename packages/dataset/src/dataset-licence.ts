import type { CorpusTerms, RunFacts } from './run-manifests.js';

/** The card's licence: a Hugging Face licence id, and for `other` the name and link it shows. */
export interface DatasetLicence {
  id: string;
  name: string | null;
  link: string | null;
  /** What the card body says of it. */
  explanation: string;
}

/** Hugging Face ids of the licences a loader may name. */
const HUB_IDS: Readonly<Record<string, string>> = {
  'CC BY 4.0': 'cc-by-4.0',
  'CC BY-SA 4.0': 'cc-by-sa-4.0',
  'CC BY-NC 4.0': 'cc-by-nc-4.0',
  'CC BY-NC-SA 4.0': 'cc-by-nc-sa-4.0',
  MIT: 'mit',
};

const DEMO_EXPLANATION =
  'Every conversation was made from the demo corpus bundled with tp2dg (`@tp2dg/data-dummy`): ' +
  'synthetic users, tracks, clips and covers made by tp2dg itself, under its MIT licence. ' +
  'It is a fixture for trying the pipeline, not music data.';

/**
 * The strictest terms among the corpora: derived conversations quote their tracks, users and
 * lyrics, so the dataset can be no freer than the least free corpus. Terms that forbid
 * redistribution rank strictest, then those that forbid commercial use; a corpus that
 * declared no terms counts as the strictest of all, since nothing says it may be shared.
 */
export function datasetLicence(facts: RunFacts): DatasetLicence {
  if (facts.demoCorpusOnly) return { id: 'mit', name: null, link: null, explanation: DEMO_EXPLANATION };
  const declared = facts.licences.filter((terms): terms is CorpusTerms => terms !== null);
  if (declared.length < facts.licences.length || declared.length === 0) {
    return {
      id: 'other',
      name: 'unknown-corpus-terms',
      link: null,
      explanation:
        'A run did not record its corpus terms: nothing here says the data may be shared. Check the corpus terms before publishing.',
    };
  }
  const [strictest] = [...declared].sort((a, b) => permissiveness(a) - permissiveness(b)) as [CorpusTerms];
  const id = HUB_IDS[strictest.name];
  const limits = [
    strictest.commercialUse ? null : 'no commercial use',
    strictest.redistribution ? null : 'no redistribution of the corpus or records copied from it',
  ].filter((limit) => limit !== null);
  const explanation =
    `The strictest corpus terms apply: ${strictest.name}${limits.length > 0 ? ` (${limits.join('; ')})` : ''}. ` +
    strictest.summary;
  return id !== undefined
    ? { id, name: null, link: null, explanation }
    : { id: 'other', name: slug(strictest.name), link: strictest.url, explanation };
}

function permissiveness(terms: CorpusTerms): number {
  return (terms.redistribution ? 2 : 0) + (terms.commercialUse ? 1 : 0);
}

/** `license_name` must be a slug on the Hub. */
function slug(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 64);
}
