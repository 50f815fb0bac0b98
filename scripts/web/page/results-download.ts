import type { ResultsLine } from "../../bench/summary.ts";
import { toResultsText } from "../../report/results-lines.ts";

/**
 * Points `a#download` at the run's lines as a JSONL file, the same text the CLI's results writer
 * produces, named like the CLI's default (`<board>-<time>.jsonl`).
 */
export function offerDownload(link: HTMLAnchorElement, lines: readonly ResultsLine[], board: string, startedAt: Date): void {
  if (link.href.startsWith("blob:")) URL.revokeObjectURL(link.href);
  const blob = new Blob([toResultsText(lines)], { type: "application/x-ndjson" });
  link.href = URL.createObjectURL(blob);
  link.download = `${board}-${startedAt.toISOString().replace(/[:.]/g, "-")}.jsonl`;
  link.hidden = lines.length === 0;
  link.textContent = `Download ${lines.length} line(s) as JSONL`;
}
