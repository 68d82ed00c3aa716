/** The report's style sheet, inlined in its `<style>` element: no font or file is fetched. */
export const REPORT_STYLE = `
:root { color-scheme: light; --muted: #5b6470; --line: #d8dde3; --accent: #0072b2; --warn: #8a3b00; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d2329; background: #f6f7f9; }
main { max-width: 1280px; margin: 0 auto; padding: 16px 24px 48px; }
h1 { margin: 8px 0 0; font-size: 24px; }
h2 { margin: 32px 0 12px; font-size: 19px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
h3 { display: inline; margin: 0 8px 0 0; font-size: 16px; }
h4 { margin: 0 0 6px; font-size: 13px; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; }
.subtitle, .muted { color: var(--muted); }
.banner { padding: 10px 14px; border-radius: 6px; font-weight: 600; }
.banner.simulated { background: #fff1d6; border: 1px solid #e69f00; color: var(--warn); }
.figures { display: grid; grid-template-columns: repeat(auto-fill, minmax(190px, 1fr)); gap: 8px; margin: 16px 0; }
.figure { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 8px 12px; }
.figure dt { color: var(--muted); font-size: 12px; }
.figure dd { margin: 2px 0 0; font-size: 16px; font-weight: 600; overflow-wrap: anywhere; }
.notices { background: #fff; border: 1px solid #e69f00; border-radius: 6px; padding: 8px 12px 8px 28px; }
.text-report pre { background: #fff; border: 1px solid var(--line); padding: 12px; overflow: auto; font-size: 12px; }
.charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(380px, 1fr)); gap: 12px; }
.chart { margin: 0; background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 10px 12px; }
.chart figcaption { font-size: 12px; color: var(--muted); margin-bottom: 6px; }
.chart figcaption strong { display: block; color: #1d2329; font-size: 14px; }
.chart-box { position: relative; height: 240px; }
.controls { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; margin-bottom: 12px; }
.controls input { flex: 1 1 260px; padding: 6px 8px; }
.controls select { padding: 5px; }
.controls p { margin: 0; }
.browser { display: grid; grid-template-columns: minmax(220px, 320px) 1fr; gap: 16px; align-items: start; }
#conversation-list { list-style: none; margin: 0; padding: 0; max-height: 80vh; overflow: auto; }
#conversation-list button { display: block; width: 100%; text-align: left; margin: 0 0 4px; padding: 6px 8px; background: #fff; border: 1px solid var(--line); border-radius: 6px; cursor: pointer; font: inherit; }
#conversation-list button.selected { border-color: var(--accent); box-shadow: inset 3px 0 0 var(--accent); }
.badge { display: inline-block; margin: 2px 4px 2px 0; padding: 0 6px; border-radius: 10px; font-size: 11px; font-weight: 600; background: #e8ecf0; }
.badge.simulated { background: #fff1d6; color: var(--warn); border: 1px solid #e69f00; }
.badge.short { background: #fde2e2; color: #8a1c1c; }
.conversation { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 12px 16px; }
.goal { margin: 8px 0; }
.profile { display: flex; flex-wrap: wrap; gap: 4px 16px; margin: 8px 0 12px; font-size: 12px; }
.profile dt { display: inline; color: var(--muted); }
.profile dt::after { content: ": "; }
.profile dd { display: inline; margin: 0; }
.turns { list-style: none; margin: 0; padding: 0; }
.turn { border-top: 1px solid var(--line); padding: 10px 0; display: grid; grid-template-columns: 1fr 1fr; gap: 12px; }
.turn h4 { grid-column: 1 / -1; }
.speaker p { margin: 2px 0; }
.role { font-weight: 600; }
.thought { color: var(--muted); font-style: italic; font-size: 12px; }
.assessment { font-size: 12px; }
.track { display: flex; gap: 10px; margin: 8px 0 0; align-items: flex-start; }
.track img { width: 72px; height: 72px; object-fit: cover; border-radius: 4px; border: 1px solid var(--line); }
.track figcaption { font-size: 13px; }
.track audio { display: block; margin-top: 6px; width: 100%; max-width: 320px; }
.metrics-run { margin-bottom: 24px; }
.tables { display: flex; flex-wrap: wrap; gap: 12px; align-items: flex-start; margin: 8px 0; }
table { border-collapse: collapse; background: #fff; font-size: 12px; }
th, td { border: 1px solid var(--line); padding: 3px 8px; text-align: left; vertical-align: top; }
th { background: #eef1f4; }
.notes { font-size: 13px; }
.evaluation { border-top: 1px solid var(--line); padding-top: 10px; }
@media (max-width: 800px) { .browser, .turn { grid-template-columns: 1fr; } }
`;
