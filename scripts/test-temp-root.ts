import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Global setup: every test's temporary folders (and those of the CLIs the tests start, which
 * inherit the environment) go under one folder made for this run, removed when it ends. A
 * test that forgets its own cleanup, or a CLI killed mid-write, then leaves nothing behind.
 */
export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'tp2dg-tests-'));
  process.env.TMPDIR = root;
  return () => rmSync(root, { recursive: true, force: true });
}
