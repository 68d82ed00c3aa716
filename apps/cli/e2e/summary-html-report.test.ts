/// <reference lib="dom" />
// The callbacks given to the page run in it: DOM types for them.
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/chromium.js';
import {
  type CommandResult,
  DUMMY,
  EVAL,
  GENERATE,
  REPO_ROOT,
  runNode,
  SUMMARY,
  simulatedRunArgs,
  temporaryDirectory,
} from './support/run-command.js';

// End to end, in a browser: a simulated run of the bundled corpus, scored by the simulated judge,
// its HTML report written by the built tp2dg-summary, opened from disk in Debian's headless
// Chromium (one launch for all).

/** Where CI finds a picture of the report; .ci/run prints the path. */
const SCREENSHOT = join(REPO_ROOT, 'test-artifacts', 'summary-report.png');
/** Markup a model could write: the report must show it as text and run none of it. */
const HOSTILE = '</script><script>window.injected = 1</script><img src=x onerror="window.injected = 2">';

let output = '';
let summary: CommandResult;
let browser: Browser | undefined;
let page: Page;
/** Console errors, page errors and requests that left the file: each one a failure. */
const problems: string[] = [];

/** The first conversation's first Listener message replaced with markup, before the summary reads it. */
async function plantHostileMessage(runDirectory: string): Promise<void> {
  // The browser lists the conversations by folder, so the first folder is the one it opens first.
  const [user] = (await readdir(runDirectory, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const userFolder = join(runDirectory, user ?? '');
  const [session] = (await readdir(userFolder)).sort();
  const chatFile = join(userFolder, session ?? '', 'chat.json');
  const chat = JSON.parse(await readFile(chatFile, 'utf8'));
  chat[0].listener.message = HOSTILE;
  await writeFile(chatFile, JSON.stringify(chat));
}

beforeAll(async () => {
  output = await temporaryDirectory('html-report');
  const generated = await runNode(GENERATE, simulatedRunArgs(DUMMY, output, '--sessions', '2'));
  expect(generated.code, generated.stderr).toBe(0);
  await plantHostileMessage(join(output, 'simulated', 'dummy'));
  const evaluated = await runNode(EVAL, ['--input', output, '--provider', 'simulated']);
  expect(evaluated.code, evaluated.stderr).toBe(0);
  const report = join(output, 'report.html');
  summary = await runNode(SUMMARY, ['--input', output, '--html', report]);
  expect(summary.code, summary.stderr).toBe(0);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page: ${error.message}`));
  page.on('request', (request) => {
    if (!/^(file|data):/.test(request.url())) problems.push(`request: ${request.url()}`);
  });
  await page.goto(pathToFileURL(report).href);
});

afterAll(async () => {
  await browser?.close();
  await rm(output, { recursive: true, force: true });
});

describe('tp2dg-summary --html, in Chromium', () => {
  it('should print the text report on stdout as without --html, and name the report on stderr', async () => {
    expect(summary.stdout.split('\n')[0]).toMatch(/^SIMULATED DATA: 2 of 2 conversations/);
    const textReport = await page.$eval(
      '#report-data',
      (script) => JSON.parse(script.textContent ?? '').text_report,
    );
    expect(textReport).toBe(summary.stdout);
    expect(summary.stderr).toMatch(
      /HTML report written to .*report\.html \(media of \d+ recommended tracks\)\n$/,
    );
  });

  it('should draw every chart, with no console error, page error or network request', async () => {
    const inked = await page.$$eval('canvas', (canvases) =>
      canvases.map((canvas) => {
        const pixels = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data ?? [];
        let count = 0;
        for (let alpha = 3; alpha < pixels.length; alpha += 4) if ((pixels[alpha] ?? 0) > 0) count += 1;
        return { id: canvas.id, count };
      }),
    );
    expect(inked.map((canvas) => canvas.id)).toEqual([
      'chart-goals',
      'chart-progress',
      'chart-response-codes',
      'chart-tokens',
      'chart-cost',
      'chart-pool',
      'chart-judge-0',
      'chart-metrics-0-distinct',
      'chart-metrics-0-progress',
    ]);
    for (const canvas of inked) expect(canvas.count, canvas.id).toBeGreaterThan(500);
    expect(problems).toEqual([]);
  });

  it('should label the simulated judge and warn that the run metrics describe the simulator', async () => {
    expect(await page.textContent('#evaluations')).toContain('Judge simulated / simulated (simulated)');
    expect(await page.textContent('#metrics .banner.simulated')).toContain(
      'Simulated data: 2 of these 2 conversations are simulated offline output, not LLM output',
    );
    expect(await page.locator('#metrics table').count()).toBe(2);
  });

  it('should show markup from the run as text and run none of it', async () => {
    const messages = await page.$$eval('#conversation-detail .listener .message', (nodes) =>
      nodes.map((node) => node.textContent),
    );
    expect(messages[0]).toBe(HOSTILE);
    expect(await page.evaluate(() => (window as { injected?: number }).injected)).toBeUndefined();
  });

  it('should open a conversation labelled simulated, with its covers and a playable clip', async () => {
    const second = page.locator('#conversation-list button').nth(1);
    const folder = await second.getAttribute('data-folder');
    await second.click();
    const detail = page.locator('#conversation-detail article');
    expect(await detail.getAttribute('data-folder')).toBe(folder);
    expect(await detail.locator('header').textContent()).toContain('simulated — not LLM output');
    const evaluation = detail.locator('.evaluation');
    expect(await evaluation.textContent()).toContain("simulated judge — not a model's judgement");
    expect(await evaluation.locator('tbody tr').count()).toBeGreaterThan(0);
    const audio = detail.locator('audio').first();
    await audio.evaluate(
      (element: HTMLAudioElement) =>
        new Promise<void>((resolve, reject) => {
          if (element.readyState >= 2) resolve();
          element.addEventListener('canplay', () => resolve(), { once: true });
          element.addEventListener('error', () => reject(new Error(`audio error ${element.error?.code}`)));
          element.load();
        }),
    );
    expect(await audio.evaluate((element: HTMLAudioElement) => element.duration)).toBeGreaterThan(0);
    const covers = await detail
      .locator('img')
      .evaluateAll((images: HTMLImageElement[]) => images.map((image) => image.naturalWidth));
    expect(covers.length).toBeGreaterThan(0);
    for (const width of covers) expect(width).toBeGreaterThan(0);
    await mkdir(dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect(problems).toEqual([]);
  });

  it('should filter the conversations by user and by text', async () => {
    const count = page.locator('#conversation-count');
    expect(await count.textContent()).toBe('2 of 2 conversations');
    const [, firstUser] = await page.$$eval('#filter-user option', (options) =>
      options.map((option) => (option as HTMLOptionElement).value),
    );
    await page.selectOption('#filter-user', firstUser ?? '');
    expect(await count.textContent()).toBe('1 of 2 conversations');
    await page.selectOption('#filter-user', '');
    await page.fill('#conversation-search', 'window.injected');
    expect(await count.textContent()).toBe('1 of 2 conversations');
    await page.fill('#conversation-search', 'no conversation says this');
    expect(await count.textContent()).toBe('0 of 2 conversations');
  });
});
