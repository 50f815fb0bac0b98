/**
 * The README says what exists: every command and option it shows is one the CLI takes, every
 * command the CLI has is in its table, every name it imports from "thincall" is exported by the
 * core, every file it links to is there, and no size of the core is written down (the build prints it).
 */
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { PACKAGE_ROOT } from "../scripts/bundle/package-root.ts";
import { COMMANDS } from "../scripts/cli/help.ts";
import * as core from "../src/index.ts";

const README = readFileSync(join(PACKAGE_ROOT, "README.md"), "utf8");

/** Options a command takes, from its help (`--board <id>` gives `--board`), and those every command takes. */
function optionsOf(command: string): Set<string> {
  // `-p, --port <port>` gives both `-p` and `--port`.
  const flags = (COMMANDS[command].options ?? []).flatMap(([flag]) => flag.split(/[ <|]/)[0] === "" ? [] : flag.split(/,\s*/).map((f) => f.split(/[ <|]/)[0]));
  return new Set([...flags, "--help", "--baud"]);
}

/** Every `thincall <command> [options]` the README shows, in code blocks and inline code. */
function shownCommands(): { command: string; options: string[]; text: string }[] {
  const blocks = [...README.matchAll(/^```(\w*)\n([\s\S]*?)^```/gm)];
  const prose = blocks.reduce((text, b) => text.replace(b[0], ""), README);
  const code = [...blocks.filter((b) => /^(sh|bash|)$/.test(b[1])).map((b) => b[2]), ...[...prose.matchAll(/`([^`\n]+)`/g)].map((m) => m[1])].join("\n");
  const found: { command: string; options: string[]; text: string }[] = [];
  for (const line of code.split("\n")) {
    for (const m of line.matchAll(/(?:npx )?\bthincall ([a-z]+)((?: +[^#|`]*?)?)(?=$|#|\||`)/g)) {
      found.push({ command: m[1], options: [...m[2].matchAll(/(?:^|\s)(--[a-z-]+)/g)].map((o) => o[1]), text: m[0].trim() });
    }
  }
  return found;
}

test("every command the README shows exists, with the options it shows", () => {
  const shown = shownCommands();
  assert.ok(shown.length > 10, JSON.stringify(shown));
  for (const { command, options, text } of shown) {
    assert.ok(command in COMMANDS, `README shows \`${text}\`: no command "${command}"`);
    for (const o of options) assert.ok(optionsOf(command).has(o), `README shows \`${text}\`: ${command} has no option ${o}`);
  }
});

test("every command of the CLI is in the README's command table", () => {
  const table = README.slice(README.indexOf("## Commands"), README.indexOf("## ", README.indexOf("## Commands") + 3));
  for (const command of Object.keys(COMMANDS)) assert.match(table, new RegExp(`\\| \`thincall ${command}\\b`), `the README's command table lacks ${command}`);
});

test("every name the README imports from thincall is exported by the core", () => {
  const names = [...README.matchAll(/import \{([^}]+)\} from "thincall"/g)].flatMap((m) => m[1].split(",").map((n) => n.trim()).filter(Boolean));
  assert.ok(names.includes("func") && names.includes("packPush"), names.join());
  for (const name of names) assert.ok(name in core, `README imports ${name} from "thincall", which the core does not export`);
  // The API names the README lists in backquotes beside the core's description.
  const intro = README.slice(0, README.indexOf("2. **On-device programs**"));
  for (const m of intro.matchAll(/\(`([a-zA-Z]+)`/g)) assert.ok(m[1] in core, `README names \`${m[1]}\`, which the core does not export`);
  assert.doesNotMatch(README, /PackedStore/);
});

test("every file the README links to exists, and no core size is written down", () => {
  for (const m of README.matchAll(/\]\(((?!https?:)[^)#]+)(#[^)]*)?\)/g)) assert.ok(existsSync(join(PACKAGE_ROOT, m[1])), `README links to ${m[1]}, which does not exist`);
  assert.match(README, /docs\/emulator\.md/);
  // Outside the figures block, which `npm run results` writes from a measured run (published.test.ts).
  const handWritten = README.replace(/<!-- results:begin[\s\S]*?<!-- results:end -->/, "");
  assert.doesNotMatch(handWritten, /\d[\d.,]*\s*(KB|bytes) minified|core is \d+ bytes/);
});
