/**
 * The page's HTML: the controls and empty panes the script fills. The report's own style sheet
 * (from scripts/report/html.ts) is added by the script; this one styles only the controls.
 */
const CSS = `
#controls{display:flex;flex-wrap:wrap;gap:10px 16px;align-items:end;margin:8px 0 12px}
#controls label{display:flex;flex-direction:column;font-size:12px;color:#4b5563;gap:2px}
#controls label.inline{flex-direction:row;align-items:center;gap:4px}
select,button,input{font:inherit}button#run{padding:6px 14px;font-weight:600}
#status{margin:4px 0;min-height:1.4em}progress{width:320px}
#message{background:#fef2f2;color:#991b1b;border:1px solid #fecaca;border-radius:6px;padding:8px 12px;margin:8px 0}
#download{font-weight:600}#compared{font-size:13px;color:#4b5563}
#log{max-height:240px;overflow:auto;background:#f9fafb;border:1px solid #e5e7eb;padding:6px;font-size:12px}
body[data-state="running"] #run,body[data-state="uploading"] #run,body[data-state="connecting"] #run{opacity:.5}
`;

/** The page served at `/`. */
export function pageHtml(): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>thincall bench</title><style>${CSS}</style></head>
<body data-state="idle">
<h1>thincall bench</h1>
<p>Runs thincall's dispatch benchmark on your Espruino board from this page, as <code>thincall bench</code> does from a terminal.</p>
<form id="controls" onsubmit="return false">
<label>Board <select id="board"></select></label>
<label>Connect over <select id="link"><option value="serial">USB (Web Serial)</option><option value="bluetooth">Bluetooth (Web Bluetooth)</option></select></label>
<label>Run from <select id="mode"><option value="ram">RAM</option><option value="flash">Storage (flash)</option></select></label>
<label class="inline"><input type="checkbox" id="quick"> quick (fewer repetitions)</label>
<button id="run" type="button" disabled>Connect and run</button>
<a id="download" href="#" hidden>Download JSONL</a>
<label>Compare with earlier runs <input type="file" id="open" accept=".jsonl,application/x-ndjson,application/json,text/plain" multiple></label>
</form>
<div id="status" role="status"></div><progress id="progress" hidden></progress>
<div id="message" role="alert" hidden></div>
<p id="compared"></p>
<div id="report"></div>
<details id="console"><summary>Board console</summary><pre id="log"></pre></details>
<script type="module" src="/page.js"></script>
</body></html>
`;
}
