/**
 * The page of `thincall web`: pick a board, connect over Web Serial or Web Bluetooth, upload the
 * bench built for that board, watch the rows arrive in the report's own table and charts,
 * download the run as JSONL, open earlier JSONL files to compare. Automation reads
 * `body[data-state]`, `table#results` and `a#download` (docs/web.md).
 */
import type { BoardProfile } from "../../boards/profile.ts";
import { RECORD_TEXT_LIMIT, type BenchSummary } from "../../bench/schema.ts";
import { summarize, summarizeRuns, type ResultsLine } from "../../bench/summary.ts";
import { parseResultsText, splitRuns } from "../../report/results-lines.ts";
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
}

function selectedBoard(): BoardProfile {
  return boards.find((b) => b.id === ui.board.value) ?? boards[0];
}

/** Defaults for the chosen board: its link, and RAM or Storage as the CLI would. */
function boardChanged(): void {
  const board = selectedBoard();
  if (!board) return;
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
  if (running) return;
  running = true;
  ui.run.disabled = true;
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
    ui.run.disabled = false;
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
  ui.open.addEventListener("change", () => void openFiles());
  ui.run.disabled = false;
  status("Pick a board, plug it in, then press Connect and run.");
}

void init();
