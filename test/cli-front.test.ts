/**
 * The CLI's front: --help on every command, --version, "did you mean", --baud, `ports`, progress
 * lines, capped error lists, and `check` on TypeScript. Run in-process (no build is loaded).
 */
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { COMMANDS } from "../scripts/cli/help.ts";
import { closest, editDistance } from "../scripts/cli/suggest.ts";
import { main } from "../scripts/cli.ts";
import { formatPorts, identify, listFromSysfs, runPorts } from "../scripts/commands/ports.ts";
import { createProgress, progressText } from "../scripts/terminal/progress.ts";
import { listErrors, UserError } from "../scripts/errors.ts";

const tmp = mkdtempSync(join(tmpdir(), "thincall-front-"));
after(() => rmSync(tmp, { recursive: true, force: true }));

/** Runs the CLI in-process and returns its exit code and stdout. */
async function cli(argv: string[]): Promise<{ code: number; out: string }> {
  const out: string[] = [];
  const write = process.stdout.write;
  process.stdout.write = ((s: string) => out.push(s) > 0) as typeof process.stdout.write;
  try {
    return { code: await main(argv), out: out.join("") };
  } finally {
    process.stdout.write = write;
  }
}

/** The one-line message of the UserError the CLI throws for `argv`. */
async function cliError(argv: string[]): Promise<string> {
  try {
    await cli(argv);
  } catch (e) {
    assert.ok(e instanceof UserError, String(e));
    return e.message;
  }
  assert.fail(`thincall ${argv.join(" ")} did not fail`);
}

for (const command of Object.keys(COMMANDS)) {
  test(`thincall ${command} --help prints its usage and options`, async () => {
    const r = await cli([command, "--help"]);
    assert.equal(r.code, 0);
    assert.match(r.out, new RegExp(`^usage: thincall ${command}`));
    for (const [flag] of COMMANDS[command].options ?? []) assert.ok(r.out.includes(flag), flag);
  });
}

test("thincall bench --help no longer fails with Unknown option", async () => {
  const r = await cli(["bench", "-h"]);
  assert.match(r.out, /--board <id>/);
  assert.match(r.out, /--baud <n>/);
});

test("thincall --help lists every command; --version prints the package version", async () => {
  const help = await cli(["--help"]);
  for (const c of Object.keys(COMMANDS)) assert.match(help.out, new RegExp(`^  ${c} `, "m"));
  const v = await cli(["--version"]);
  assert.equal(v.code, 0);
  assert.match(v.out, /^thincall \d+\.\d+\.\d+\n$/);
});

test("did you mean: unknown flags and commands", async () => {
  assert.equal(await cliError(["bench", "--borad", "esp32"]), "bench: unknown option --borad; did you mean --board? (see thincall bench --help)");
  assert.equal(await cliError(["flash", "x.js", "--sav"]), "flash: unknown option --sav; did you mean --save? (see thincall flash --help)");
  assert.match(await cliError(["flsh"]), /^unknown command "flsh"; did you mean flash\? \(commands: init, build/);
  assert.match(await cliError(["xyzzy"]), /^unknown command "xyzzy" \(commands: /);
  assert.equal(closest("prots", ["ports", "probe", "boards"]), "ports");
  assert.equal(closest("zzzzzz", ["ports"]), undefined);
  assert.equal(editDistance("borad", "board"), 1);
});

test("the espruino CLI's habits are options, and their typos get a did you mean", async () => {
  assert.match(await cliError(["flash", "x.ts", "--wach"]), /did you mean --watch\?/);
  assert.match(await cliError(["build", "--no-minfy"]), /did you mean --no-minify\?/);
  assert.match(await cliError(["console", "--evl", "1"]), /did you mean --eval\?/);
  assert.equal(await cliError(["flash", "x.js", "-x"]), "flash: unknown option -x; short options: -p, -b, -o (see thincall flash --help)");
  // -p, -b, -o and --watch are known: what fails next is the missing file, not the flags.
  assert.match(await cliError(["flash", "-p", "virtual", "-b", "9600", "-o", join(tmp, "x.js"), "--watch", "--no-minify"]), /^flash takes one file/);
  assert.match(await cliError(["flash", "x.js", "--watch", "--timeout", "3"]), /--watch .* leave out --timeout/);
  // As `espruino -p PORT -e EXPR`: options first mean the console.
  assert.match(await cliError(["-p", "virtual", "extra"]), /^console takes no files/);
  assert.match(await cliError(["build", "a.ts", "b.ts", "-o", "x.js"]), /^-o writes one bundle/);
});

test("--baud takes a positive whole number and reaches the serial transport through $THINCALL_BAUD", async () => {
  assert.equal(await cliError(["bench", "--baud", "fast"]), '--baud takes a positive whole number, not "fast"');
  const before = process.env.THINCALL_BAUD;
  try {
    // An unknown board fails after the flags are read, before anything is opened.
    await cliError(["flash", "x.js", "--baud", "9600", "--board", "nope", "--timeout", "1"]);
    assert.equal(process.env.THINCALL_BAUD, "9600");
  } finally {
    if (before === undefined) delete process.env.THINCALL_BAUD;
    else process.env.THINCALL_BAUD = before;
  }
});

test("check on a TypeScript file says to use build", async () => {
  assert.equal(await cliError(["check", "src/main.ts"]), "check reads JavaScript; src/main.ts is TypeScript: use thincall build src/main.ts (it type-checks, bundles and checks)");
});

test("ports: USB ids, and the likely Espruino boards", async () => {
  assert.deepEqual(identify({ path: "/dev/ttyACM0", vendorId: "0483", productId: "5740" })?.boards, ["espruino-pico"]);
  assert.deepEqual(identify({ path: "/dev/ttyUSB0", vendorId: "10C4", productId: "EA60" })?.boards, ["esp32"]);
  assert.deepEqual(identify({ path: "/dev/ttyACM1", vendorId: "303a", productId: "1001" })?.boards, ["esp32c3"]);
  assert.equal(identify({ path: "/dev/ttyS0" }), undefined);
  const text = formatPorts([
    { path: "/dev/ttyACM0", vendorId: "0483", productId: "5740", manufacturer: "STMicroelectronics" },
    { path: "/dev/ttyS0" },
  ]);
  assert.match(text, /^\/dev\/ttyACM0\s+0483:5740\s+STMicroelectronics\s+likely espruino-pico: Espruino's own USB/m);
  assert.match(text, /^\/dev\/ttyS0\s+-\s*$/m);
  assert.match(formatPorts([]), /^no serial ports found/);
  const out: string[] = [];
  await runPorts({ write: (s: string) => out.push(s) > 0 } as NodeJS.WritableStream, async () => [{ path: "/dev/ttyUSB0", vendorId: "1a86", productId: "7523" }]);
  assert.match(out.join(""), /likely esp32: CH340/);
});

test("ports without udevadm: read from sysfs", () => {
  // /sys/class/tty/ttyACM0/device -> a USB interface whose parent has idVendor/idProduct.
  const usb = join(tmp, "devices", "usb1", "1-1");
  mkdirSync(join(usb, "1-1:1.0"), { recursive: true });
  writeFileSync(join(usb, "idVendor"), "0483\n");
  writeFileSync(join(usb, "idProduct"), "5740\n");
  writeFileSync(join(usb, "manufacturer"), "STMicroelectronics\n");
  const tty = join(tmp, "class", "tty");
  mkdirSync(join(tty, "ttyACM0"), { recursive: true });
  mkdirSync(join(tty, "ttyS0"), { recursive: true });
  symlinkSync(join(usb, "1-1:1.0"), join(tty, "ttyACM0", "device"));
  assert.deepEqual(listFromSysfs(tty), [{ path: "/dev/ttyACM0", vendorId: "0483", productId: "5740", manufacturer: "STMicroelectronics", serialNumber: undefined }]);
  assert.deepEqual(listFromSysfs(join(tmp, "none")), []);
});

test("progress lines read correctly: a percentage, and steps that say running or done", () => {
  assert.equal(progressText(25, 100, undefined, { percent: true }), "25%");
  assert.equal(progressText(1, 12, "done floor.local-call"), "1/12 done floor.local-call");
  const lines: string[] = [];
  const stream = { isTTY: false, write: (s: string) => lines.push(s) > 0 } as unknown as NodeJS.WriteStream;
  const upload = createProgress("upload 8178 B", 100, stream, { percent: true });
  upload.update(25);
  upload.update(25);
  upload.update(100);
  assert.deepEqual(lines, ["upload 8178 B 25%\n", "upload 8178 B 100%\n"]);
});

test("an error list shows the first ten and counts the rest; --all lifts the cap", () => {
  const errors = Array.from({ length: 13 }, (_, i) => `a.ts:${i + 1}:1: TS2339: nope`);
  const capped = listErrors(errors, "build failed").split("\n");
  assert.equal(capped[0], "build failed: 13 errors");
  assert.equal(capped.length, 12);
  assert.equal(capped[11], "… and 3 more (--all lists every one)");
  assert.equal(listErrors(errors, "build failed", Infinity).split("\n").length, 14);
});
