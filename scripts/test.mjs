// The test command, `pnpm test`: builds the JavaScript the tests run, then runs vitest with the
// arguments given (`pnpm test apps/cli` runs one folder). The build leaves out type declarations
// (TP2DG_JS_ONLY, see tsup.base.ts): they are three quarters of its time, and `pnpm typecheck`
// checks the types. The variable stays set for the tests as well, so the root scripts they start
// (`pnpm summary` builds first) find this same build in turbo's cache instead of rebuilding dist
// under the feet of the other tests.
import { spawnSync } from 'node:child_process';

process.env.TP2DG_JS_ONLY = '1';

/** Runs a bin of node_modules/.bin (on the PATH under `pnpm run`) and gives its exit code. */
function run(command, args) {
  // The bins are .cmd shims on Windows, which only a shell runs.
  const result = spawnSync(command, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.error !== undefined) {
    process.stderr.write(`test: ${command} could not start (${result.error.message}); run pnpm install.\n`);
    return 1;
  }
  return result.status ?? 1;
}

const built = run('turbo', ['run', 'build', '--output-logs=errors-only']);
process.exit(built === 0 ? run('vitest', ['run', ...process.argv.slice(2)]) : built);
