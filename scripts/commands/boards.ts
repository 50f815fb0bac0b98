import { loadAllBoards, ramBytes } from "../boards/profile.ts";
import { terminalText } from "../terminal/text.ts";

/** Prints the board profiles as a table. */
export function runBoards(out: NodeJS.WritableStream = process.stdout): void {
  // Profiles are files a user may have been handed: their text is shown, never interpreted.
  const rows = loadAllBoards().map((b) => [
    b.id,
    b.aliases?.join(",") ?? "—",
    b.name,
    b.chip,
    String(b.jsvars),
    String(b.bytesPerVar),
    `${Math.round(ramBytes(b) / 1024)} KB`,
    `${b.freeAtBoot.jsvars}${b.freeAtBoot.how === "measured" ? "" : "~"}`,
    b.storageBytes === null ? "—" : `${Math.round(b.storageBytes / 1024)} KB`,
    b.console.kind + (b.console.tcpPort ? ` (tcp ${b.console.tcpPort})` : ""),
    b.jit ? "yes" : "no",
    b.minVersion ?? "—",
  ].map(terminalText));
  const head = ["id", "Espruino", "name", "chip", "JsVars", "B/JsVar", "JS RAM", "free", "Storage", "console", "JIT", "min"];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => (i >= 4 && i <= 8 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join("  ").trimEnd();
  out.write([line(head), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n") + "\n");
  out.write("Espruino = Espruino's own board names (boards/<NAME>.py), which --board takes too, in any case\n");
  out.write("free = JsVars free at the REPL after reset(), where a program starts (~ derived or estimated, not measured: the basis is freeAtBoot.source in boards/<id>.json); min = oldest Espruino supported\n");
  for (const b of loadAllBoards()) {
    out.write(terminalText(`${b.id}: ${b.note}`) + "\n");
    const f = b.firmware;
    if (!f) continue;
    // What code moved between boards meets: `thincall check --board` checks these.
    const build = [
      f.unicode ? "Unicode strings" : "byte strings (no Unicode)",
      f.limitDateRange ? "dates from 1500" : undefined,
      f.saveOnFlash.length ? f.saveOnFlash.join(" ") : undefined,
      `classes ${f.globals.join(" ") || "none"}`,
      `modules ${b.modules?.join(" ") || "none"}`,
    ].filter(Boolean).join("; ");
    out.write(terminalText(`  build (${f.boardFile}): ${build}`) + "\n");
  }
}
