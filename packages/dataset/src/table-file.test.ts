import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONVERSATION_FEATURES, ConversationRowSchema, type Row } from './dataset-schema.js';
import { openTableFile, ROW_GROUP_ROWS } from './table-file.js';

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'tp2dg-dataset-table-'));
});
afterAll(() => rm(folder, { recursive: true, force: true }));

/** Row `i`: even rows have every field, odd ones leave the optional ones null. */
function row(i: number): Row {
  return ConversationRowSchema.parse({
    session_id: `s${i}`,
    user_id: `u${i % 7}`,
    session_date: i % 2 === 0 ? '2020-01-01' : null,
    user_profile: {
      age: i % 2 === 0 ? 20 + (i % 50) : null,
      age_group: '20s',
      country_code: 'BR',
      country_name: i % 2 === 0 ? 'Brazil' : null,
      gender: null,
      preferred_language: 'Portuguese',
      preferred_musical_culture: 'MPB',
      user_id: `u${i % 7}`,
      user_split: 'train_warm',
    },
    conversation_goal: { category: 'A', listener_goal: 'ção 🎶', specificity: 'LL' },
    conversations: [
      { role: 'user', content: `hi ${i}`, thought: '', turn_number: 1 },
      { role: 'music', content: `t${i}`, thought: 'because', turn_number: 1 },
      { role: 'assistant', content: 'here', thought: '', turn_number: 1 },
    ],
    goal_progress_assessments: i % 2 === 0 ? [{ goal_progress_assessment: null, turn_number: 1 }] : [],
  });
}

async function query(sql: string): Promise<Record<string, unknown>[]> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    return (await connection.runAndReadAll(sql)).getRowObjectsJS();
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

describe('a Parquet table file', () => {
  const count = ROW_GROUP_ROWS * 2 + 3;

  it('should read back in DuckDB row for row, nested lists, structs and nulls included', async () => {
    const file = join(folder, 'rows.parquet');
    const table = openTableFile(file, CONVERSATION_FEATURES, 'parquet');
    for (let i = 0; i < count; i++) await table.add(row(i));
    expect(await table.close()).toBe(count);
    const read = await query(
      `SELECT * FROM read_parquet('${file}') ORDER BY CAST(session_id[2:] AS INTEGER)`,
    );
    expect(read).toHaveLength(count);
    // DuckDB gives int64 as bigint: compare in the writer's terms.
    const asNumbers = JSON.parse(
      JSON.stringify(read, (_, value) => (typeof value === 'bigint' ? Number(value) : value)),
    );
    expect(asNumbers[0]).toEqual(row(0));
    expect(asNumbers[count - 2]).toEqual(row(count - 2));
    expect(asNumbers[count - 1]).toEqual(row(count - 1));
  });

  it('should write its rows in groups, so the writer never holds a whole split', async () => {
    const [metadata] = await query(
      `SELECT count(DISTINCT row_group_id) AS groups FROM parquet_metadata('${join(folder, 'rows.parquet')}')`,
    );
    expect(Number(metadata?.groups)).toBe(3);
  });
});

describe('a table file that cannot be written', () => {
  it('should fail with one OUTPUT_WRITE error naming the file', () => {
    const file = join(folder, 'no-such-folder', 'rows.parquet');
    expect(() => openTableFile(file, CONVERSATION_FEATURES, 'parquet')).toThrow(
      expect.objectContaining({ code: 'OUTPUT_WRITE' }),
    );
    expect(() => openTableFile(file, CONVERSATION_FEATURES, 'parquet')).toThrow(file);
  });
});

describe('a JSON-lines table file', () => {
  it('should write one row per line', async () => {
    const file = join(folder, 'rows.jsonl');
    const table = openTableFile(file, CONVERSATION_FEATURES, 'jsonl');
    for (let i = 0; i < 3; i++) await table.add(row(i));
    expect(await table.close()).toBe(3);
    const lines = (await readFile(file, 'utf8')).trimEnd().split('\n');
    expect(lines.map((line) => JSON.parse(line))).toEqual([row(0), row(1), row(2)]);
  });
});
