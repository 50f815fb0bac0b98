import type { BenchSummary } from "../../bench/schema.ts";
import { renderHtml } from "../../report/html.ts";

/**
 * Shows runs with the very renderer of `thincall report --html`: its page is parsed and its
 * body (header, `table#results`, charts, and whatever the report grows) moves into `container`;
 * its style sheet goes into the page once. One renderer, so the page and the report never drift.
 */
export function showReport(container: HTMLElement, summaries: BenchSummary[]): void {
  const doc = new DOMParser().parseFromString(renderHtml(summaries), "text/html");
  const css = doc.querySelector("style")?.textContent ?? "";
  let style = document.getElementById("report-style");
  if (!style) {
    style = document.createElement("style");
    style.id = "report-style";
    document.head.prepend(style);
  }
  if (style.textContent !== css) style.textContent = css;
  // The report's own title is the page's; its heading would repeat it.
  doc.body.querySelector("header h1")?.remove();
  container.replaceChildren(...Array.from(doc.body.childNodes).map((n) => document.importNode(n, true)));
}
