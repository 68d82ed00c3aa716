import type { TableSpec } from '../layout/corpus-layouts.js';
import { readTable } from '../reading/read-table.js';
import type { RowReport } from '../reading/row-report.js';

/** A corpus user's facts as the users file states them; `null` where it states nothing usable. */
export interface CorpusUser {
  userId: string;
  /** As written, upper-cased (ISO 3166 alpha-2 in LFM-1b and LFM-2b). */
  country: string | null;
  /** In years, as the users file states it (LFM-2b's `age`). */
  age: number | null;
  /** Decade bucket as TalkPlayData 2 writes it: `20s` for 20 to 29. */
  ageGroup: string | null;
  gender: 'male' | 'female' | null;
}

/**
 * An age in years, or null for what the corpora use as "unknown": -1, 0, empty, and
 * implausible values (Last.fm let people type any birth year).
 */
export function ageOf(age: string | undefined): number | null {
  if (age === undefined || !/^\d+$/.test(age.trim())) return null;
  const years = Number(age);
  return years < 5 || years > 100 ? null : years;
}

/** Decade bucket of an age, or null when the age is unknown (see `ageOf`). */
export function ageGroupOf(age: string | undefined): string | null {
  const years = ageOf(age);
  return years === null ? null : `${Math.floor(years / 10) * 10}s`;
}

/** `m`/`f` (any case, or spelled out) to a gender; `n`, empty and anything else to null. */
export function genderOf(gender: string | undefined): CorpusUser['gender'] {
  const value = gender?.trim().toLowerCase();
  if (value === 'm' || value === 'male') return 'male';
  if (value === 'f' || value === 'female') return 'female';
  return null;
}

function countryOf(country: string | undefined): string | null {
  const value = country?.trim();
  return value === undefined || value === '' ? null : value.toUpperCase();
}

/** Every user of the users file by id; a repeated id keeps its first row (counted as skipped). */
export async function readUsers(
  file: string,
  spec: TableSpec,
  report: RowReport,
): Promise<Map<string, CorpusUser>> {
  const users = new Map<string, CorpusUser>();
  await readTable(file, spec, report, (row, line) => {
    const userId = row.user_id as string;
    if (users.has(userId)) {
      report.skip(file, line, `user_id ${userId} repeated`, 'Keep one row per user');
      return;
    }
    users.set(userId, {
      userId,
      country: countryOf(row.country),
      age: ageOf(row.age),
      ageGroup: ageGroupOf(row.age),
      gender: genderOf(row.gender),
    });
  });
  return users;
}
