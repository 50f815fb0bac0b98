/**
 * The page's state, for people and for automation: `body[data-state]` is always one of these.
 * idle → connecting → uploading → running → done, or error from any of them.
 */
export type PageState = "idle" | "connecting" | "uploading" | "running" | "done" | "error";

/** Sets `body[data-state]`. */
export function setPageState(state: PageState): void {
  document.body.dataset.state = state;
}
