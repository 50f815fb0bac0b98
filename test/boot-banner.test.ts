/** The boot banner as the real interpreter prints it, and lines that only look like it. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { isBootBanner } from "../scripts/console/boot-banner.ts";

/** Printed by Espruino 2v29 for Linux after reset() (captured behind a pty). */
const BANNER = " ____                 _ \r\n|  __|___ ___ ___ _ _|_|___ ___ \r\n|  __|_ -| . |  _| | | |   | . |\r\n|____|___|  _|_| |___|_|_|_|___|\r\n         |_| espruino.com\r\n 2v29 (c) 2026 G.Williams\r\n\r\nEspruino is Open Source. Our work is supported\r\n";

test("the banner is recognised by its version line and its logo", () => {
  const hits = BANNER.split("\n").filter(isBootBanner);
  assert.deepEqual(hits.map((l) => l.trim()), ["|____|___|  _|_| |___|_|_|_|___|", "2v29 (c) 2026 G.Williams"]);
  assert.ok(isBootBanner(">\x1b[J 2v29.277 (c) 2025 G.Williams"), "a dev build's version, behind a prompt");
  assert.ok(isBootBanner(" 1v99 (c) 2018 G.Williams"));
});

test("records and chatter are not the banner", () => {
  for (const line of ['@tc1 {"t":"result","id":"G.Williams"}', "print(' 2v29 (c) 2026 G.Williams')", "espruino.com", "(c) G.Williams", ""]) {
    assert.equal(isBootBanner(line), false, line);
  }
});
