import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { outputWriteError } from '@tp2dg/entities';
import { fileWriter, ParquetWriter } from 'hyparquet-writer';
import type { Row } from './dataset-schema.js';
import { type Features, parquetSchema, parquetValue } from './features.js';

export type DatasetFormat = 'parquet' | 'jsonl';

/** One data file of a config's split, written row by row. */
export interface TableFile {
  add(row: Row): Promise<void>;
  /** Ends the file; returns its row count. */
  close(): Promise<number>;
}

/**
 * Rows per Parquet row group: the rows waiting for their group are all the writer holds, so
 * memory stays flat however many conversations a run has. 500 eight-turn conversations are a
 * few megabytes; readers fetch them in one range.
 */
export const ROW_GROUP_ROWS = 500;

export function openTableFile(file: string, features: Features, format: DatasetFormat): TableFile {
  return format === 'parquet' ? parquetFile(file, features) : jsonLinesFile(file);
}

function parquetFile(file: string, features: Features): TableFile {
  const names = Object.keys(features);
  // The writer appends to the file synchronously: a full disk or a lost folder throws from it.
  const writer = onFile(
    file,
    () =>
      new ParquetWriter({
        writer: fileWriter(file),
        schema: parquetSchema(features),
        createdBy: 'tp2dg-export',
      }),
  );
  let pending: Row[] = [];
  let count = 0;
  const flush = async () => {
    if (pending.length === 0) return;
    const columnData = names.map((name) => {
      const feature = features[name] as NonNullable<Features[string]>;
      return { name, data: pending.map((row) => parquetValue(feature, row[name])) };
    });
    await onFile(file, () => writer.write({ columnData, rowGroupSize: pending.length }));
    pending = [];
  };
  return {
    async add(row) {
      pending.push(row);
      count += 1;
      if (pending.length >= ROW_GROUP_ROWS) await flush();
    },
    async close() {
      await flush();
      await onFile(file, () => writer.finish());
      return count;
    },
  };
}

/**
 * Runs a write of `file`, turning a system error (ENOSPC, EACCES ...) into the one-line
 * OUTPUT_WRITE error naming the file; any other error is a bug and is passed on as it is.
 */
function onFile<T>(file: string, write: () => T): T {
  try {
    return write();
  } catch (error) {
    if (typeof (error as NodeJS.ErrnoException).code === 'string') throw outputWriteError(file, error);
    throw error;
  }
}

function jsonLinesFile(file: string): TableFile {
  const stream: WriteStream = createWriteStream(file);
  let failure: unknown;
  stream.on('error', (error) => {
    failure = error;
  });
  let count = 0;
  return {
    async add(row) {
      if (failure !== undefined) throw outputWriteError(file, failure);
      count += 1;
      // Wait for the stream to drain rather than queue a whole split in memory.
      if (!stream.write(`${JSON.stringify(row)}\n`)) await once(stream, 'drain');
    },
    async close() {
      stream.end();
      await once(stream, 'finish').catch(() => undefined);
      if (failure !== undefined) throw outputWriteError(file, failure);
      return count;
    },
  };
}
