/**
 * The page of `thincall web`: pick a board, connect over Web Serial or Web Bluetooth, upload the
 * bench built for that board, watch the rows arrive in the report's own table and charts,
 * download the run as JSONL, open earlier JSONL files to compare; type into the board's REPL and
 * send your own program, as in the Web IDE. Automation reads `body[data-state]`, `table#results`,
 * `a#download` and `#log` (docs/web.md).
 */
import type { BoardProfile } from "../../boards/profile.ts";
import { RECORD_TEXT_LIMIT, type BenchSummary } from "../../bench/schema.ts";
import { summarize, summarizeRuns, type ResultsLine } from "../../bench/summary.ts";
import { parseResultsText, splitRuns } from "../../report/results-lines.ts";
import { uploadProgram } from "../../console/upload.ts";
import { PageConsole } from "./board-console.ts";
import { setBoardProfiles } from "./board-profiles.ts";
import { defaultLink, type LinkKind } from "./link-kind.ts";
import { setPageState } from "./page-state.ts";
import { showReport } from "./report-view.ts";
import { offerDownload } from "./results-download.ts";
import { UartTransport } from "./uart-transport.ts";
import { runOnPage, type BuiltBench, type RunTimeouts } from "./web-run.ts";

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const ui = {
  board: $<HTMLSelectElement>("board"),
  link: $<HTMLSelectElement>("link"),
  mode: $<HTMLSelectElement>("mode"),
  quick: $<HTMLInputElement>("quick"),
  run: $<HTMLButtonElement>("run"),
  open: $<HTMLInputElement>("open"),
  download: $<HTMLAnchorElement>("download"),
  status: $<HTMLElement>("status"),
  progress: $<HTMLProgressElement>("progress"),
  message: $<HTMLElement>("message"),
  report: $<HTMLElement>("report"),
  compared: $<HTMLElement>("compared"),
  log: $<HTMLElement>("log"),
  boardNote: $<HTMLElement>("board-note"),
  linkState: $<HTMLElement>("link-state"),
  replInput: $<HTMLInputElement>("repl-input"),
  ctrlC: $<HTMLButtonElement>("ctrl-c"),
  connect: $<HTMLButtonElement>("connect"),
  disconnect: $<HTMLButtonElement>("disconnect"),
  program: $<HTMLTextAreaElement>("program"),
  programFile: $<HTMLInputElement>("program-file"),
  programLang: $<HTMLSelectElement>("program-lang"),
  sendProgram: $<HTMLButtonElement>("send-program"),
};

const params = new URLSearchParams(location.search);
const timeouts: RunTimeouts = {
  replyMs: Number(params.get("replyTimeoutMs")) || undefined,
  helloMs: Number(params.get("helloTimeoutMs")) || undefined,
  idleMs: Number(params.get("idleTimeoutMs")) || undefined,
};

let boards: BoardProfile[] = [];
/** The current run's lines, host line first. */
let lines: ResultsLine[] = [];
/** Runs opened from files, to compare. */
let compared: { name: string; summary: BenchSummary }[] = [];
let running = false;

function render(): void {
  const current = lines.some((l) => l.t === "hello" || l.t === "result") ? [summarize(lines)] : [];
  const summaries = [...current, ...compared.map((c) => c.summary)];
  if (summaries.length > 0) showReport(ui.report, summaries);
  else ui.report.replaceChildren();
}

function status(text: string, done?: number, total?: number): void {
  ui.status.textContent = text;
  ui.progress.hidden = total === undefined;
  if (total !== undefined) {
    ui.progress.max = total;
    ui.progress.value = done ?? 0;
  }
}

function say(text: string): void {
  ui.message.textContent = text;
  ui.message.hidden = text === "";
}

function consoleLine(text: string): void {
  const rows = ui.log.textContent ? ui.log.textContent.split("\n") : [];
  rows.push(text);
  ui.log.textContent = rows.slice(-500).join("\n");
  ui.log.scrollTop = ui.log.scrollHeight;
}

/** The console pane's own link (the Web IDE's left pane). */
const pageConsole = new PageConsole(consoleLine, (description) => {
  const on = description !== undefined;
  ui.linkState.textContent = on ? `connected over ${description}` : "not connected";
  ui.disconnect.disabled = !on;
  ui.connect.disabled = on || !boardUsable();
  ui.ctrlC.disabled = !on;
});

/** The emulator is a board of the CLI's: the page cannot reach it. */
function boardUsable(): boolean {
  return selectedBoard()?.console.kind !== "emu";
}

/** Opens the console pane's link over the chosen link kind; inside a click. */
function openConsole() {
  return pageConsole.open(() => new UartTransport(ui.link.value as LinkKind));
}

function connectConsole(): void {
  say("");
  openConsole().catch((e: unknown) => say(e instanceof Error ? e.message : String(e)));
}

function typed(): void {
  const line = ui.replInput.value;
  ui.replInput.value = "";
  pageConsole.send(line + "\n").catch((e: unknown) => say(e instanceof Error ? e.message : String(e)));
}

/** The program to send: TypeScript built by the server for the board, or JavaScript as it is. */
async function programCode(board: BoardProfile): Promise<string> {
  const source = ui.program.value;
  if (ui.programLang.value === "js") return source;
  const res = await fetch(`/build?board=${encodeURIComponent(board.id)}`, { method: "POST", headers: { "content-type": "text/x-typescript" }, body: source });
  if (!res.ok) throw new Error((await res.text()).trim());
  return ((await res.json()) as { code: string }).code;
}

/** Connects if needed (inside the click), builds, uploads; the board's output shows in the console pane. */
function sendProgram(): void {
  if (running || ui.program.value.trim() === "") return;
  const board = selectedBoard();
  const mode = ui.mode.value as "ram" | "flash";
  say("");
  ui.sendProgram.disabled = true;
  const opened = openConsole();
  void (async () => {
    try {
      const session = await opened;
      status(ui.programLang.value === "ts" ? `Building your program for ${board.id}…` : "Sending your program…");
      const code = await programCode(board);
      await uploadProgram(session, code, {
        board,
        mode,
        timeoutMs: timeouts.replyMs ?? 10000,
        onProgress: (sent, total) => status(`Uploading your program: ${Math.round((sent / total) * 100)}%`, sent, total),
      });
      status(`Your program (${code.length} bytes) runs on the board from ${mode === "ram" ? "RAM" : "Storage"}; its output is in the console.`);
    } catch (e) {
      status("");
      say(e instanceof Error ? e.message : String(e));
    } finally {
      ui.sendProgram.disabled = false;
    }
  })();
}

async function loadProgramFile(): Promise<void> {
  const file = ui.programFile.files?.[0];
  if (!file) return;
  ui.program.value = await file.text();
  ui.programLang.value = /\.ts$/i.test(file.name) ? "ts" : "js";
}

function selectedBoard(): BoardProfile {
  return boards.find((b) => b.id === ui.board.value) ?? boards[0];
}

/** Defaults for the chosen board: its link, and RAM or Storage as the CLI would. */
function boardChanged(): void {
  const board = selectedBoard();
  if (!board) return;
  // The emulator runs in the CLI: say so here, rather than open a chooser that cannot find it.
  const usable = boardUsable();
  ui.boardNote.hidden = usable;
  ui.boardNote.textContent = usable ? "" :
    `${board.name} runs inside thincall's CLI, not in this page: use thincall bench --port emu (after thincall emu install). ` +
    "Pick the board you have plugged in to use the page.";
  ui.run.disabled = running || !usable;
  ui.sendProgram.disabled = !usable;
  ui.connect.disabled = pageConsole.connected || !usable;
  ui.link.value = params.get("link") ?? defaultLink(board);
  const flash = ui.mode.querySelector<HTMLOptionElement>('option[value="flash"]')!;
  flash.disabled = !board.flash.storage;
  ui.mode.value = params.get("mode") ?? board.flash.default;
  if (flash.disabled) ui.mode.value = "ram";
}

async function fetchBench(board: BoardProfile, mode: "ram" | "flash", quick: boolean): Promise<BuiltBench> {
  const res = await fetch(`/bench?board=${encodeURIComponent(board.id)}&mode=${mode}&quick=${quick ? 1 : 0}`);
  if (!res.ok) throw new Error(`the server could not build the bench: ${(await res.text()).trim()}`);
  return (await res.json()) as BuiltBench;
}

/** Connects and runs; must start inside the click, where the browser allows a chooser. */
function startRun(): void {
  if (running || !boardUsable()) return;
  // The run opens its own link: the console pane's goes first (the same port cannot open twice).
  if (pageConsole.connected) {
    void pageConsole.close().then(startRun);
    return;
  }
  running = true;
  ui.run.disabled = true;
  // The run has the link: the console pane connects again after it.
  ui.connect.disabled = true;
  ui.sendProgram.disabled = true;
  const board = selectedBoard();
  const mode = ui.mode.value as "ram" | "flash";
  const quick = ui.quick.checked;
  const link = ui.link.value as LinkKind;
  const startedAt = new Date();
  lines = [];
  say("");
  ui.log.textContent = "";
  offerDownload(ui.download, lines, board.id, startedAt);
  render();
  let styles = 0;
  const run = runOnPage(
    new UartTransport(link),
    () => fetchBench(board, mode, quick),
    {
      state(state) {
        setPageState(state);
        if (state === "connecting") status(`Connecting over ${link === "serial" ? "Web Serial" : "Web Bluetooth"}…`);
      },
      line(line) {
        lines.push(line);
        offerDownload(ui.download, lines, board.id, startedAt);
        if (line.t === "progress") {
          const pass = line.n > styles ? ` run ${line.run + 1}` : "";
          status(`Running ${line.id}${pass} (${line.i + 1}/${line.n})`, line.i, line.n);
        }
        if (line.t === "hello") styles = line.styles;
        if (line.t === "result" || line.t === "hello" || line.t === "size") render();
      },
      upload(sent, total) {
        status(`Uploading the bench: ${Math.round((sent / total) * 100)}%`, sent, total);
      },
      console: consoleLine,
    },
    timeouts,
  );
  const fail = (message: string) => {
    setPageState("error");
    // Marks the file as cut short, as the results schema asks; what arrived stays.
    if (lines.length > 1) {
      lines.push({ t: "incomplete", reason: message.slice(0, RECORD_TEXT_LIMIT) });
      offerDownload(ui.download, lines, board.id, startedAt);
    }
    const kept = lines.length > 1 ? ` The ${lines.length} line(s) received stay on this page; download them with the link above.` : "";
    say(`${message}.${kept}`.replace(/\.\./g, "."));
    status("Stopped.");
  };
  run.then(
    () => {
      const summary = summarize(lines);
      // As `thincall bench` does: figures that fail their own checks are not a result.
      if (summary.problems.length > 0) return fail(`the figures are not trustworthy: ${summary.problems.join("; ")}`);
      setPageState("done");
      const n = summary.styles.filter((s) => s.error === null).length;
      status(`Done: ${n} of ${summary.styles.length} styles measured on ${board.name}.`);
    },
    (e: unknown) => fail(e instanceof Error ? e.message : String(e)),
  ).finally(() => {
    running = false;
    ui.run.disabled = !boardUsable();
    ui.connect.disabled = pageConsole.connected || !boardUsable();
    ui.sendProgram.disabled = !boardUsable();
    render();
  });
}

async function openFiles(): Promise<void> {
  const notes: string[] = [];
  for (const file of Array.from(ui.open.files ?? [])) {
    const { lines: fileLines, skipped } = parseResultsText(await file.text());
    const runs = summarizeRuns(splitRuns(fileLines));
    for (const summary of runs) compared.push({ name: file.name, summary });
    notes.push(`${file.name}: ${runs.length} run(s)${skipped ? `, ${skipped} bad line(s) skipped` : ""}`);
  }
  ui.compared.textContent = notes.length ? `Compared: ${notes.join("; ")}` : "";
  ui.open.value = "";
  render();
}

async function init(): Promise<void> {
  setPageState("idle");
  try {
    boards = (await (await fetch("/boards.json")).json()) as BoardProfile[];
    setBoardProfiles(boards);
  } catch {
    say("Could not load the board list from the server: is `thincall web` still running?");
    return;
  }
  ui.board.replaceChildren(...boards.map((b) => new Option(`${b.name} (${b.id})`, b.id)));
  ui.board.value = params.get("board") ?? boards.find((b) => b.id !== "virtual")?.id ?? boards[0].id;
  boardChanged();
  ui.quick.checked = params.get("quick") === "1";
  ui.board.addEventListener("change", boardChanged);
  ui.run.addEventListener("click", startRun);
  ui.connect.addEventListener("click", connectConsole);
  ui.disconnect.addEventListener("click", () => void pageConsole.close());
  ui.ctrlC.addEventListener("click", () => void pageConsole.send("\x03").catch(() => undefined));
  ui.replInput.addEventListener("keydown", (e) => {
    if (e.key === "Enter") typed();
  });
  ui.sendProgram.addEventListener("click", sendProgram);
  ui.programFile.addEventListener("change", () => void loadProgramFile());
  ui.ctrlC.disabled = true;
  ui.open.addEventListener("change", () => void openFiles());
  ui.run.disabled = !boardUsable();
  status("Pick a board, plug it in, then press Connect and run the bench, or Connect the console.");
}

void init();
