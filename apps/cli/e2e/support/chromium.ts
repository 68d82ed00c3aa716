import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

/** Debian's chromium, which .ci/run installs: playwright downloads no browser here. */
export const CHROMIUM = '/usr/bin/chromium';

/**
 * A headless Chromium, started as CI can start it (root, no sandbox, no GPU, nothing fetched in
 * the background). Fails, not skips, without the browser: a browser test that is skipped
 * checks nothing, and CI must not pass on a machine that lost it.
 */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} not found: install it with apt-get install -y --no-install-recommends chromium (.ci/run does)`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
