import { defineConfig } from 'tsup';
import { sharedBuild } from '../../tsup.base';

/** The HTML report's page script, with Chart.js in it: read by the CLI and inlined in each report. */
const PAGE_SCRIPT = 'report-client.global.js';

export default defineConfig([
  {
    ...sharedBuild,
    // The bin is bin/tp2dg-summary.js, which imports summary.js: no shebang needed here.
    // summary-command-line.js is what it runs, for the end-to-end tests to run in their process.
    entry: ['src/summary.ts', 'src/summary-command-line.ts'],
    // The two builds run at once into dist: this one's cleaning must leave the page script alone.
    clean: [`!${PAGE_SCRIPT}`],
  },
  {
    entry: { 'report-client': 'src/html/client/report-client.ts' },
    format: ['iife'],
    platform: 'browser',
    target: 'es2020',
    minify: true,
    // Chart.js is a devDependency: bundled in here, so an installed package needs nothing else.
    noExternal: ['chart.js'],
    clean: false,
  },
]);
