import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { load } from 'js-yaml';

/**
 * The rows of a Parquet file as DuckDB reads them, an independent reader: int64 values come
 * back as numbers, as the chats hold them.
 */
export async function readParquet(file: string): Promise<Record<string, unknown>[]> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const rows = (await connection.runAndReadAll(`SELECT * FROM read_parquet('${file}')`)).getRowObjectsJS();
    return JSON.parse(
      JSON.stringify(rows, (_, value) => (typeof value === 'bigint' ? Number(value) : value)),
    );
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

export interface DatasetCard {
  header: {
    license: string;
    configs: { config_name: string; data_files: { split: string; path: string }[] }[];
    dataset_info: { config_name: string; splits: { name: string; num_examples: number }[] }[];
  };
  body: string;
}

/** A dataset folder's `README.md`: its YAML header parsed, and the text after it. */
export async function readCard(dataset: string): Promise<DatasetCard> {
  const text = await readFile(join(dataset, 'README.md'), 'utf8');
  const [, yaml = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text) ?? [];
  return { header: load(yaml) as DatasetCard['header'], body };
}

/** `num_examples` of a config's split, as the card states it. */
export function numExamples(card: DatasetCard, config: string, split: string): number | undefined {
  return card.header.dataset_info
    .find((info) => info.config_name === config)
    ?.splits.find((info) => info.name === split)?.num_examples;
}
