// Builds the workspace packages named as arguments, and what they depend on, before a root
// script runs their bin (`pnpm generate`, `pnpm summary`). turbo writes its banner, task logs
// and summary to stdout, where they would come before the command's own output and spoil it
// for a pipe (`pnpm --silent summary --json | jq .`); so all of it is kept, and shown on stderr
// only when the build fails.
import { spawnSync } from 'node:child_process';

const filters = process.argv.slice(2).map((name) => `--filter=${name}...`);
const build = spawnSync('turbo', ['run', 'build', ...filters, '--output-logs=errors-only'], {
  encoding: 'utf8',
  maxBuffer: 64 * 1024 * 1024,
  // turbo is a .cmd shim on Windows, which only a shell runs.
  shell: process.platform === 'win32',
});
if (build.error !== undefined) {
  process.stderr.write(`build-quietly: turbo could not start (${build.error.message}); run pnpm install.\n`);
  process.exit(1);
}
if (build.status !== 0) {
  process.stderr.write(`${build.stdout}${build.stderr}`);
  process.exit(build.status ?? 1);
}
