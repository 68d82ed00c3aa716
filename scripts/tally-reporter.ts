import type { Reporter, TestModule } from 'vitest/node';

/**
 * Prints `N passed, N failed` as the last line of a run: the line CI reads. A test that did not
 * run because its file or suite failed around it (a `beforeAll` that threw or timed out, an
 * import error) counts as failed: vitest reports it as skipped, and a tally of "0 failed" would
 * then hide the failure.
 */
export default class TallyReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    let passed = 0;
    let failed = unhandledErrors.length;
    for (const testModule of testModules) {
      const moduleFailed = testModule.state() === 'failed';
      const tests = [...testModule.children.allTests()];
      if (moduleFailed && tests.length === 0) failed += 1;
      for (const test of tests) {
        const state = test.result().state;
        if (state === 'passed') passed += 1;
        else if (state === 'failed' || moduleFailed) failed += 1;
      }
    }
    process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
  }
}
