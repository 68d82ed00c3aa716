import { createHash } from 'node:crypto';
import { jsonForScriptElement } from './embed-json.js';
import type { MediaMap, ReportData } from './report-data.js';
import { REPORT_STYLE } from './report-style.js';

/**
 * What the page may load and run: nothing from the network, media only as the data URIs it
 * holds, and no script or style sheet but its own, named by hash. A string of the data that were somehow
 * taken for markup could not run a script or fetch anything.
 */
function contentSecurityPolicy(script: string): string {
  const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
  return [
    "default-src 'none'",
    'img-src data:',
    'media-src data:',
    `style-src ${hash(REPORT_STYLE)}`,
    `script-src ${hash(script)}`,
  ].join('; ');
}

/**
 * The report as one HTML file. The markup holds no text of the run: the page script builds
 * everything from the JSON elements, with text nodes only. `script` is the page script with the
 * charting library in it (`pageScript`).
 */
export function reportPage(data: ReportData, media: MediaMap, script: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(script)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>tp2dg report</title>
<style>${REPORT_STYLE}</style>
</head>
<body>
<noscript>This report shows its figures and conversations with JavaScript: allow it for this file.</noscript>
<main id="report"></main>
<script type="application/json" id="report-data">${jsonForScriptElement(data)}</script>
<script type="application/json" id="report-media">${jsonForScriptElement(media)}</script>
<script>${script}</script>
</body>
</html>
`;
}
