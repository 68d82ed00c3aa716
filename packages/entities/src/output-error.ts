import { Tp2dgError } from './errors.js';

interface Advice {
  problem: string;
  fix: string;
}

const FREE_SPACE = 'Free some space, or pass another --output-dir';
const WRITABLE = 'Make the output folder writable for this user, or pass another --output-dir';
const ANOTHER_FILE_SYSTEM = 'Pass an --output-dir on another file system';
const FILE_IN_THE_WAY: Advice = {
  problem: 'a file stands where a folder of this path should be',
  fix: 'Move that file away, or pass another --output-dir',
};

/** What each refusal of the file system means for the output, and what the user can do about it. */
const ADVICE_BY_CODE: Readonly<Record<string, Advice>> = {
  ENOSPC: { problem: 'the disk is full', fix: FREE_SPACE },
  EDQUOT: { problem: 'the disk quota is used up', fix: FREE_SPACE },
  EFBIG: { problem: 'the file is larger than the file system allows', fix: ANOTHER_FILE_SYSTEM },
  EACCES: { problem: 'permission denied', fix: WRITABLE },
  EPERM: { problem: 'operation not permitted', fix: WRITABLE },
  EROFS: { problem: 'the file system is read-only', fix: ANOTHER_FILE_SYSTEM },
  ENAMETOOLONG: { problem: 'the path is too long', fix: 'Pass a shorter --output-dir' },
  ELOOP: {
    problem: 'the path loops through symbolic links',
    fix: 'Fix the links, or pass another --output-dir',
  },
  ENOTDIR: FILE_IN_THE_WAY,
  // What a recursive mkdir says when a file stands where one of its folders should be.
  EEXIST: FILE_IN_THE_WAY,
  EISDIR: { problem: 'a folder stands where this file should be', fix: 'Move that folder away' },
  ENOTEMPTY: { problem: 'a folder is already in its place', fix: 'Move that folder away' },
  EMFILE: { problem: 'too many open files', fix: 'Raise the limit (ulimit -n) or lower --concurrency' },
  ENFILE: { problem: 'too many open files', fix: 'Raise the limit (ulimit -n) or lower --concurrency' },
  EIO: { problem: 'the disk reported an input/output error', fix: 'Check the disk' },
};

/**
 * The one error for a file of the run's output that cannot be written (or read back): one
 * line naming the path, what the file system said and what to do. It stops the run, since
 * every later write would fail the same way, and it is never a model failure, even when
 * it happens inside a model call (a journal or ledger append). An error that already is a
 * Tp2dgError is returned unchanged.
 */
export function outputWriteError(path: string, error: unknown): Tp2dgError {
  if (Tp2dgError.isInstance(error)) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const advice = code === undefined ? undefined : ADVICE_BY_CODE[code];
  const reason =
    advice === undefined
      ? `${error instanceof Error ? error.message : String(error)}. Check free space and permissions`
      : `${advice.problem} (${code}). ${advice.fix}`;
  return new Tp2dgError(
    'OUTPUT_WRITE',
    `${path}: ${reason}; then run the same command again (finished sessions are kept).`,
    { cause: error },
  );
}
