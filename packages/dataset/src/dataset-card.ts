import { GOAL_CATEGORY_CODES, SPECIFICITY_CODES } from '@tp2dg/entities';
import { dump } from 'js-yaml';
import type { DatasetLicence } from './dataset-licence.js';
import { CONFIG_FEATURES, CONFIG_NAMES, type ConfigName, SPLITS, type Split } from './dataset-schema.js';
import type { DatasetStatistics } from './dataset-statistics.js';
import { huggingFaceFeatures } from './features.js';
import { describeMinScores, type MinScores } from './min-scores.js';
import type { RunFacts } from './run-manifests.js';
import type { LeftOut } from './select-sessions.js';
import type { SplitOptions } from './split-sessions.js';
import type { DatasetFormat } from './table-file.js';

/** The card's first line after its header: how `tp2dg-export` knows a folder it may replace. */
export const CARD_MARK = '<!-- written by tp2dg-export: run it again to replace this dataset -->';

export interface CardInput {
  format: DatasetFormat;
  stats: DatasetStatistics;
  leftOut: LeftOut;
  simulatedKept: number;
  split: SplitOptions;
  facts: RunFacts;
  licence: DatasetLicence;
  /** The version of `@tp2dg/dataset` that wrote it. */
  exporterVersion: string;
  /** `--min-score`: the judges' scores every exported conversation reaches. */
  minScores: MinScores;
}

/** `data/<config>/<split>-00000-of-00001.<format>`: the Hub's naming, one file per split. */
export function dataFilePath(config: ConfigName, split: Split, format: DatasetFormat): string {
  return `data/${config}/${split}-00000-of-00001.${format}`;
}

/** Splits that have rows: an empty split gets no file, and the card does not list it. */
function splitsOf(stats: DatasetStatistics, config: ConfigName): Split[] {
  return SPLITS.filter((split) => (stats.rows[config][split] ?? 0) > 0);
}

export function datasetCard(input: CardInput): string {
  return `---\n${dump(cardHeader(input), { lineWidth: -1, noRefs: true })}---\n\n${CARD_MARK}\n\n${cardBody(input)}`;
}

function cardHeader({ format, stats, licence }: CardInput): Record<string, unknown> {
  const configs = CONFIG_NAMES.filter((config) => splitsOf(stats, config).length > 0);
  return {
    pretty_name: 'tp2dg conversations (TalkPlayData 2 method)',
    license: licence.id,
    ...(licence.name === null ? {} : { license_name: licence.name }),
    ...(licence.link === null ? {} : { license_link: licence.link }),
    language: ['en'],
    task_categories: ['text-generation', 'text-retrieval'],
    tags: ['music', 'recommendation', 'conversational-recommendation', 'synthetic'],
    configs: configs.map((config) => ({
      config_name: config,
      ...(config === 'conversations' ? { default: true } : {}),
      data_files: splitsOf(stats, config).map((split) => ({
        split,
        path: dataFilePath(config, split, format),
      })),
    })),
    dataset_info: configs.map((config) => ({
      config_name: config,
      features: huggingFaceFeatures(CONFIG_FEATURES[config]),
      splits: splitsOf(stats, config).map((split) => ({
        name: split,
        num_examples: stats.rows[config][split],
      })),
    })),
  };
}

function cardBody(input: CardInput): string {
  return [
    '# tp2dg conversations',
    simulatedWarning(input),
    'Synthetic conversational music recommendations made with tp2dg, an open implementation of the ' +
      'TalkPlayData 2 generation method: language models play a listener with a hidden goal and a ' +
      'recommender that can only pick from a pool of corpus tracks, and each turn records the ' +
      'listener message, the recommended track and the recommender reply.',
    generationSection(input),
    leftOutSection(input),
    configsSection(input),
    statisticsSection(input.stats),
    asymmetrySection(),
    licenceSection(input),
    citationSection(),
  ]
    .filter((section) => section !== '')
    .join('\n\n')
    .concat('\n');
}

function simulatedWarning({ simulatedKept, stats }: CardInput): string {
  if (simulatedKept === 0) return '';
  const total = Object.values(stats.rows.conversations).reduce((a, b) => a + b, 0);
  return (
    `> [!WARNING]\n> ${simulatedKept} of these ${total} conversations were made by tp2dg's offline ` +
    '`simulated` backend (exported with `--allow-simulated`): their text is templated test data, ' +
    'NOT language-model output, and their token counts are invented. `conversations_extra.simulated` ' +
    'marks each one. Do not train or evaluate on them.'
  );
}

const list = (values: readonly string[]) => (values.length === 0 ? 'not recorded' : values.join(', '));

function generationSection({ stats, facts, split, exporterVersion, minScores }: CardInput): string {
  const splitText =
    split.by === 'user'
      ? `by user, seeded (seed ${split.seed}): about ${split.testRatio} of users are warm test users ` +
        '(their latest conversation is in test, the others in train) and about ' +
        `${split.coldRatio} cold test users (all their conversations in test)`
      : `by date: the latest ${split.testRatio} of conversations by \`session_date\` are in test`;
  return [
    '## How it was generated',
    `- Model: ${list([...stats.models].sort())} (provider: ${list([...stats.providers].sort())})`,
    `- Service tier: ${list(facts.serviceTiers)}; mode: ${list(facts.modes)}`,
    `- Prompt set (sha256): ${list([...stats.promptsHashes].sort())}`,
    `- Generation seed: ${list(facts.seeds)}`,
    `- Corpus: ${list(facts.corpora)} (loader: ${list(facts.sources)})`,
    `- tp2dg version: ${list(facts.tp2dgVersions)}; exported by @tp2dg/dataset ${exporterVersion}`,
    `- Splits: ${splitText}.`,
    ...(stats.evaluated === 0
      ? []
      : [
          `- Judge scores (tp2dg-eval, 1 to 4 by rubric, in \`conversations_extra.judge_scores\`): ${stats.evaluated} conversations, judged by ${list([...stats.judges].sort())}`,
        ]),
    ...(Object.keys(minScores).length === 0
      ? []
      : [
          `- Kept only conversations whose judge scores reach ${describeMinScores(minScores)} (\`--min-score\`).`,
        ]),
  ].join('\n');
}

function leftOutSection({ leftOut }: CardInput): string {
  return [
    '## What was left out',
    'Only conversations that reached the turn count the run asked for are exported.',
    '',
    '| reason | conversations |',
    '|---|---|',
    `| short: ended before the turn count (kept with \`--keep-short\`) | ${leftOut.short} |`,
    `| failed: in a failure log, never finished | ${leftOut.failed} |`,
    `| simulated: offline test data, not exported without \`--allow-simulated\` | ${leftOut.simulated} |`,
    `| duplicate: a session id already exported | ${leftOut.duplicate} |`,
    `| below \`--min-score\`: judge scores under a minimum | ${leftOut.belowMinScore} |`,
    `| not evaluated: no judge scores (\`eval.json\`) to hold to \`--min-score\` | ${leftOut.unevaluated} |`,
  ].join('\n');
}

function configsSection({ stats }: CardInput): string {
  const rows = CONFIG_NAMES.map(
    (config) => `| \`${config}\` | ${SPLITS.map((split) => stats.rows[config][split] ?? 0).join(' | ')} |`,
  );
  return [
    '## Configs',
    '- `conversations`: the published TalkPlayData 2 schema, unchanged. Each turn is three entries: ' +
      '`user` (the listener message), `music` (content: the recommended track id; thought: the ' +
      "recommender's reasoning) and `assistant` (the recommender reply).",
    "- `conversations_extra`: tp2dg's own fields, keyed by `session_id`: model, prompt hash, seed, " +
      "goal examples, target turn count, listener reasoning, tokens, cost, `simulated`, and the judges' " +
      'scores when the run was evaluated (`judge_*`, null otherwise).',
    "- `tracks`: every track the split's conversations drew on (liked and pool tracks).",
    '- `users`: one profile per user and split.',
    '',
    `| config | ${SPLITS.join(' | ')} |`,
    `|---|${SPLITS.map(() => '---').join('|')}|`,
    ...rows,
  ].join('\n');
}

function statisticsSection(stats: DatasetStatistics): string {
  const grid = [
    `| category | ${SPECIFICITY_CODES.join(' | ')} |`,
    `|---|${SPECIFICITY_CODES.map(() => '---').join('|')}|`,
    ...GOAL_CATEGORY_CODES.map(
      (category) =>
        `| ${category} | ${SPECIFICITY_CODES.map((code) => stats.goalGrid[category]?.[code] ?? 0).join(' | ')} |`,
    ),
  ];
  const counts = (record: Record<string | number, number>) =>
    Object.entries(record)
      .sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))
      .map(([key, count]) => `${key}: ${count}`)
      .join(', ') || 'none';
  const cost =
    stats.cost.priced === 0
      ? 'no conversation has a list price (simulated, or a model the price table does not know)'
      : `$${stats.cost.usd.toFixed(4)} at list prices for ${stats.cost.priced} conversations ` +
        `($${(stats.cost.usd / stats.cost.priced).toFixed(4)} each)` +
        (stats.cost.unpriced > 0 ? `; ${stats.cost.unpriced} without a price` : '');
  return [
    '## Statistics',
    'Goal category (rows) by query and target specificity (columns):',
    '',
    ...grid,
    '',
    `- Turns per conversation: ${counts(stats.turns)}`,
    `- Target turn count set by the goal: ${counts(stats.targetTurns)}`,
    `- Listener response codes: ${counts(stats.responseCodes.listener)}`,
    `- Recommender response codes: ${counts(stats.responseCodes.recsys)}`,
    `- Cost: ${cost}`,
  ].join('\n');
}

function asymmetrySection(): string {
  return [
    '## Who saw what',
    'The method keeps each agent to what its real counterpart would know:',
    '',
    '| information | listener | recommender |',
    '|---|---|---|',
    '| demographics and inferred profile | yes | yes |',
    "| the user's liked (profiling) tracks | yes | never |",
    '| the goal | yes | never |',
    '| the pool of candidate tracks | only each track once recommended | all, with ids, audio and covers |',
    '',
    "The listener's reasoning names its goal, so the published `user` entries leave `thought` empty; " +
      'it is in `conversations_extra.listener_thoughts`.',
  ].join('\n');
}

function licenceSection({ licence, facts }: CardInput): string {
  const terms = facts.licences
    .filter((item) => item !== null)
    .map((item) => `- ${item.name}${item.url === null ? '' : ` (${item.url})`}: ${item.summary}`);
  return [
    '## Licence',
    licence.explanation,
    ...(terms.length > 0 ? ['', 'Terms the corpora declared:', ...terms] : []),
  ].join('\n');
}

function citationSection(): string {
  return [
    '## Citation',
    'The generation method is that of TalkPlayData 2; please cite it:',
    '',
    '```bibtex',
    '@article{choi2025talkplaydata2,',
    '  title   = {TalkPlayData 2: An Agentic Synthetic Data Pipeline for Multimodal Conversational Music Recommendation},',
    '  author  = {Choi, Keunwoo and Doh, Seungheon and Nam, Juhan},',
    '  journal = {arXiv preprint arXiv:2509.09685},',
    '  year    = {2025}',
    '}',
    '```',
  ].join('\n');
}
