import { REPORT_CSS } from "../report/html.ts";

/**
 * The page's HTML: a bar of controls, the report (What to pick first, then the results and the
 * charts) in the main column, and beside it the board's console to type into and a box for your
 * own program, as in the Espruino Web IDE. The report's style sheet (scripts/report/html.ts)
 * gives the colours, light and dark; this one lays out the page with the same variables.
 */
const CSS = `
body{max-width:none;margin:0;padding:0}
.top{display:flex;align-items:baseline;gap:16px;flex-wrap:wrap;padding:14px 24px;border-bottom:1px solid var(--line);background:var(--panel)}
.top h1{margin:0;font-size:20px}.top p{margin:0;color:var(--muted)}
.layout{display:grid;grid-template-columns:minmax(0,1fr) 400px;gap:20px;padding:16px 24px;align-items:start}
@media (max-width:1100px){.layout{grid-template-columns:minmax(0,1fr)}}
.card{background:var(--panel);border:1px solid var(--line);border-radius:10px;padding:12px 14px;margin-bottom:16px}
.card h2{margin:0 0 8px;font-size:15px}
.side{position:sticky;top:12px}
#controls{display:flex;flex-wrap:wrap;gap:10px 16px;align-items:end;margin:0}
#controls label{display:flex;flex-direction:column;font-size:12px;color:var(--muted);gap:3px}
#controls label.inline{flex-direction:row;align-items:center;gap:6px;color:var(--text);font-size:14px}
select,button,input,textarea{font:inherit;color:var(--text);background:var(--bg);border:1px solid var(--line);border-radius:6px;padding:5px 8px}
input[type=checkbox]{padding:0}input[type=file]{border:none;padding:0;background:none;font-size:13px}
button{cursor:pointer;font-weight:600}button:disabled{opacity:.5;cursor:default}
button.primary{background:var(--accent);border-color:var(--accent);color:var(--bg)}
#status{margin:10px 0 0;min-height:1.4em;font-weight:600}progress{width:100%;height:8px;accent-color:var(--accent)}
#message,#board-note{border-radius:8px;padding:8px 12px;margin:10px 0 0}
#message{background:#fef2f2;color:#991b1b;border:1px solid #fecaca}
#board-note{background:var(--warn-bg);color:var(--warn)}
@media (prefers-color-scheme:dark){#message{background:#450a0a;color:#fecaca;border-color:#7f1d1d}}
#download{font-weight:600;align-self:center}#compared{font-size:13px;color:var(--muted);margin:6px 0 0}
#report:empty::before{content:"What to pick and the results appear here while the bench runs, or when you open earlier runs.";color:var(--muted)}
#log{height:300px;overflow:auto;margin:0;background:var(--bg);border:1px solid var(--line);border-radius:6px;padding:6px 8px;font:12px/1.4 ui-monospace,"DejaVu Sans Mono",Menlo,Consolas,monospace;white-space:pre-wrap;word-break:break-all}
#repl{display:flex;gap:6px;margin-top:6px;align-items:center}#repl span{font-family:ui-monospace,monospace;color:var(--muted)}
#repl-input{flex:1;font-family:ui-monospace,"DejaVu Sans Mono",Menlo,Consolas,monospace}
.row{display:flex;gap:8px;align-items:center;flex-wrap:wrap;margin-top:6px}.hint{font-size:12px;color:var(--muted);margin:4px 0 0}
#program{width:100%;box-sizing:border-box;height:130px;font:12px/1.4 ui-monospace,"DejaVu Sans Mono",Menlo,Consolas,monospace}
#link-state{font-size:12px;color:var(--muted)}
body[data-state="running"] #run,body[data-state="uploading"] #run,body[data-state="connecting"] #run{opacity:.5}
`;

/** The page served at `/`. */
export function pageHtml(): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>thincall bench</title><style>${REPORT_CSS}${CSS}</style></head>
<body data-state="idle">
<header class="top"><h1>thincall</h1><p>Measure which dispatch style wins on your Espruino board, talk to its REPL, send it your own program.</p></header>
<div class="layout">
<main>
<section class="card" aria-label="Run the bench">
<form id="controls" onsubmit="return false">
<label>Board <select id="board"></select></label>
<label>Connect over <select id="link"><option value="serial">USB (Web Serial)</option><option value="bluetooth">Bluetooth (Web Bluetooth)</option></select></label>
<label>Run from <select id="mode"><option value="ram">RAM</option><option value="flash">Storage (flash)</option></select></label>
<label class="inline"><input type="checkbox" id="quick"> quick</label>
<button id="run" class="primary" type="button" disabled>Connect and run the bench</button>
<a id="download" href="#" hidden>Download JSONL</a>
<label>Compare with earlier runs <input type="file" id="open" accept=".jsonl,application/x-ndjson,application/json,text/plain" multiple></label>
</form>
<div id="board-note" role="note" hidden></div>
<div id="status" role="status"></div><progress id="progress" hidden></progress>
<div id="message" role="alert" hidden></div>
<p id="compared"></p>
</section>
<div id="report"></div>
</main>
<aside class="side">
<section class="card" id="console" aria-label="Board console">
<h2>Board console <span id="link-state">not connected</span></h2>
<pre id="log" aria-live="polite"></pre>
<form id="repl" onsubmit="return false"><span>&gt;</span><input id="repl-input" autocomplete="off" spellcheck="false" placeholder="JavaScript for the board's REPL; Enter sends"><button id="ctrl-c" type="button" title="Stop what the board runs (Ctrl-C)">Ctrl-C</button></form>
<div class="row"><button id="connect" type="button">Connect</button><button id="disconnect" type="button" disabled>Disconnect</button></div>
</section>
<section class="card" id="your-program" aria-label="Your program">
<h2>Your program</h2>
<textarea id="program" spellcheck="false" placeholder="print(&quot;hello from &quot; + process.env.BOARD);"></textarea>
<div class="row"><input type="file" id="program-file" accept=".ts,.js,text/javascript,text/plain">
<label><select id="program-lang"><option value="ts">TypeScript, built here</option><option value="js">JavaScript, sent as is</option></select></label>
<button id="send-program" class="primary" type="button">Send to board</button></div>
<p class="hint">TypeScript goes through thincall's build for the chosen board (type check, bundle, minify, Espruino check), as <code>thincall flash</code> does; <code>import { func } from "thincall"</code> works. It runs from RAM or Storage as chosen above.</p>
</section>
</aside>
</div>
<script type="module" src="/page.js"></script>
</body></html>
`;
}
