/**
 * The web page's adapter over @espruino-tools/uart, piece by piece, in Node: the event tap keeps
 * the library's handlers, the flow writer chunks and obeys XON/XOFF, the support check names
 * browsers, the page's CommonJS and package resolution, and the shared Storage encoding.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { join } from "node:path";
import { loadAllBoards } from "../scripts/boards/profile.ts";
import { latin1Base64 } from "../scripts/console/upload.ts";
import { commonJsToEsm, looksCommonJs } from "../scripts/web/commonjs-plugin.ts";
import { tapEvents } from "../scripts/web/page/event-tap.ts";
import { FlowWriter } from "../scripts/web/page/flow-writer.ts";
import { defaultLink } from "../scripts/web/page/link-kind.ts";
import { unsupportedReason, type BrowserFacts } from "../scripts/web/page/support.ts";
import { resolveBare } from "../scripts/web/resolve-plugin.ts";
import { ROOT } from "./support/cli-helpers.ts";

/** The library's connection object, as `uart.connect` builds it. */
function libraryConnection() {
  return {
    on(this: Record<string, unknown>, evt: string, cb: (d: unknown) => void) {
      this["on" + evt] = cb;
    },
    emit(this: Record<string, unknown>, evt: string, data?: unknown) {
      const h = this["on" + evt] as ((d: unknown) => void) | undefined;
      if (h) h(data);
    },
  } as { on(evt: string, cb: (d: unknown) => void): void; emit(evt: string, data?: unknown): void };
}

test("the event tap hears every event and leaves the library's own handler in place", () => {
  const conn = libraryConnection();
  const library: unknown[] = [];
  const page: unknown[] = [];
  conn.on("data", (d) => library.push(d));
  const untap = tapEvents(conn, (evt, d) => page.push(`${evt}:${d}`));
  conn.emit("data", "a");
  // The library replaces its handler later (as uart.write does on connect): the tap survives.
  conn.on("data", (d) => library.push(`new ${d}`));
  conn.emit("data", "b");
  conn.emit("close");
  assert.deepEqual(library, ["a", "new b"]);
  assert.deepEqual(page, ["data:a", "data:b", "close:undefined"]);
  // What `on("data", ours)` would have done instead: the library loses its handler.
  untap();
  conn.emit("data", "c");
  assert.deepEqual(page.length, 3);
});

test("the flow writer sends chunks one at a time, in order", async () => {
  const sent: string[] = [];
  let inFlight = 0;
  const writer = new FlowWriter((data, done) => {
    inFlight++;
    assert.equal(inFlight, 1, "one chunk in flight at a time");
    sent.push(data);
    setImmediate(() => {
      inFlight--;
      done();
    });
  }, 4);
  await Promise.all([writer.write("abcdefghij"), writer.write("XYZ")]);
  assert.deepEqual(sent, ["abcd", "efgh", "ij", "XYZ"]);
});

test("the flow writer pauses on XOFF and resumes on XON", async () => {
  const sent: string[] = [];
  const writer = new FlowWriter((data, done) => {
    sent.push(data);
    done();
  }, 2);
  writer.received("ok\x13");
  assert.equal(writer.isPaused, true);
  const done = writer.write("abcd");
  await new Promise((r) => setImmediate(r));
  assert.deepEqual(sent, [], "nothing goes out while the board said XOFF");
  writer.received("\x11");
  await done;
  assert.deepEqual(sent, ["ab", "cd"]);
  // The last of several control bytes in one chunk decides.
  writer.received("\x11\x13");
  assert.equal(writer.isPaused, true);
  writer.received("\x13\x11");
  assert.equal(writer.isPaused, false);
});

test("the flow writer fails pending and later writes when the link is lost", async () => {
  const writer = new FlowWriter(() => undefined, 8);
  const pending = writer.write("never acknowledged");
  await new Promise((r) => setImmediate(r));
  writer.fail(new Error("unplugged"));
  await assert.rejects(pending, /unplugged/);
  await assert.rejects(writer.write("more"), /unplugged/);
});

const chrome: BrowserFacts = { hasSerial: true, hasBluetooth: true, protocol: "http:", hostname: "localhost", port: "8090" };

test("the support check names the browsers that have each API", () => {
  assert.equal(unsupportedReason("serial", chrome), null);
  assert.equal(unsupportedReason("bluetooth", { ...chrome, protocol: "https:", hostname: "example.org" }), null);
  const firefox = { ...chrome, hasSerial: false, hasBluetooth: false };
  assert.match(unsupportedReason("serial", firefox)!, /no Web Serial.*Chrome, Edge or Opera/);
  assert.match(unsupportedReason("bluetooth", firefox)!, /no Web Bluetooth.*Chrome, Edge or Opera.*Android/);
  // The library refuses plain HTTP on any other host name, 127.0.0.1 included.
  assert.match(unsupportedReason("serial", { ...chrome, hostname: "127.0.0.1" })!, /open http:\/\/localhost:8090\//);
});

test("boards whose console is Bluetooth LE default to Web Bluetooth", () => {
  assert.equal(defaultLink({ console: { kind: "usb-cdc" } as never }), "serial");
  assert.equal(defaultLink({ console: { kind: "ble" } as never }), "bluetooth");
  assert.equal(defaultLink({ console: { kind: "bluetooth" } as never }), "bluetooth");
  // The shipped profiles: Espruino's own Bluetooth boards get Web Bluetooth, the rest Web Serial.
  const ble = loadAllBoards().filter((b) => defaultLink(b) === "bluetooth").map((b) => b.id);
  assert.deepEqual(ble.sort(), loadAllBoards().filter((b) => b.console.kind === "bluetooth").map((b) => b.id).sort());
  assert.ok(ble.includes("puckjs"), `Bluetooth boards: ${ble.join(", ")}`);
});

test("CommonJS modules become ES modules with their requires as imports", async () => {
  const source = `"use strict";\nconst a = require("./a");\nexports.x = void 0;\nexports.x = a.y + (this === exports ? 1 : 0);\n`;
  assert.equal(looksCommonJs(source), true);
  assert.equal(looksCommonJs(`import x from "y";\nexport const z = require;`), false);
  const { code } = commonJsToEsm(source);
  assert.match(code, /^import \* as __ns0 from "\.\/a";$/m);
  assert.match(code, /export const x = module\.exports\.x;/);
  assert.doesNotMatch(code, /require\(/);
  // Run it: `this` is `exports`, as in Node; a CommonJS dependency yields its module.exports.
  const body = code.replace(/^import .*$/gm, "").replace(/^export default .*$/m, "").replace(/^export const (\w+) = (.*);$/gm, "out.$1 = $2;");
  const out: Record<string, unknown> = {};
  new Function("__ns0", "out", body)({ __thincallCjs: true, default: { y: 41 } }, out);
  assert.equal(out.x, 42);
});

test("packages resolve to their browser ES builds", () => {
  const root = ROOT;
  assert.equal(resolveBare("jss", root), join(root, "node_modules/jss/dist/jss.esm.js"));
  assert.equal(resolveBare("acorn", root), join(root, "node_modules/acorn/dist/acorn.mjs"));
  assert.equal(resolveBare("@babel/runtime/helpers/esm/extends", root), join(root, "node_modules/@babel/runtime/helpers/esm/extends.js"));
  assert.equal(resolveBare("@espruino-tools/uart", root), join(root, "node_modules/@espruino-tools/uart/lib/uart.js"));
  assert.equal(resolveBare("no-such-package", root), null);
});

test("Storage uploads encode bytes as Buffer's latin1 does, without Buffer", () => {
  for (const text of ["", "abc", "µs\x00\xff", "€ is not latin1"]) {
    assert.equal(latin1Base64(text), Buffer.from(text, "latin1").toString("base64"));
  }
});
