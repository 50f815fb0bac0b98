import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { loadBoard } from "../scripts/boards/profile.ts";
import type { Transport } from "../scripts/transport/transport.ts";
import { createVirtualTransport } from "../scripts/transport/virtual.ts";

const DEADLINE_MS = 5000;

/** A host-side view of the console: everything received, and waits with a deadline. */
class Host {
  output = "";
  private mark = 0;
  private waiters: Array<() => void> = [];

  private constructor(readonly transport: Transport) {}

  static async open(ramBytes?: number): Promise<Host> {
    const transport = await createVirtualTransport(loadBoard("virtual"), ramBytes === undefined ? {} : { ramBytes });
    const host = new Host(transport);
    await transport.open({
      data: (chunk) => {
        host.output += chunk;
        for (const wake of host.waiters.splice(0)) wake();
      },
      close: () => {},
    });
    return host;
  }

  /** Sends raw bytes; `since` output starts here. */
  async send(bytes: string): Promise<void> {
    this.mark = this.output.length;
    await this.transport.write(bytes);
  }

  /** Output received since the last send. */
  get since(): string {
    return this.output.slice(this.mark);
  }

  /** Waits until the output since the last send contains `text`; returns that output. */
  async waitFor(text: string, ms = DEADLINE_MS): Promise<string> {
    const deadline = Date.now() + ms;
    while (!this.since.includes(text)) {
      const left = deadline - Date.now();
      if (left <= 0) assert.fail(`timed out waiting for ${JSON.stringify(text)}; got ${JSON.stringify(this.since)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.since;
  }

  /** Sends one echo-off line and waits for the prompt that ends its output; returns the output. */
  async run(line: string): Promise<string> {
    await this.send(`\x10${line}\n`);
    const out = await this.waitFor(">");
    return out;
  }

  /** Runs `print(JSON.stringify(expr))` and parses the answer. */
  async value<T>(expr: string): Promise<T> {
    const out = await this.run(`print(JSON.stringify(${expr}))`);
    return JSON.parse(out.slice(0, out.indexOf("\r\n"))) as T;
  }
}

describe("virtual board console", () => {
  let host: Host;
  before(async () => {
    host = await Host.open();
  });
  after(() => host.transport.close());

  test("shows a prompt on open", async () => {
    assert.equal(host.output, ">");
  });

  test("DLE turns echo off for the line: output then a bare prompt", async () => {
    await host.send("\x10print(1+1)\n");
    assert.equal(await host.waitFor(">"), "2\r\n>");
  });

  test("without DLE the line is echoed and its value shown", async () => {
    await host.send('print("echoed")\n');
    assert.equal(await host.waitFor("=undefined\r\n>"), 'print("echoed")\r\nechoed\r\n=undefined\r\n>');
  });

  test("collects lines until brackets balance; CR LF works too", async () => {
    await host.send("\x10var x=[1,\n\x102,3];print(x.length)\r\n");
    assert.equal(await host.waitFor(">"), "3\r\n>");
    await host.send("\x10var s='a(';if (x.length) {\n\x10print(s)\n\x10}\n");
    assert.equal(await host.waitFor(">"), "a(\r\n>");
  });

  test("each statement runs as soon as it balances at a line end", async () => {
    await host.send("\x10print('one')\n\x10print('two')\n");
    assert.equal(await host.waitFor("two\r\n>"), "one\r\n>two\r\n>");
  });

  test("uncaught errors use Espruino's wording", async () => {
    assert.equal(await host.run("foo()"), 'Uncaught ReferenceError: "foo" is not defined\r\n>');
    assert.equal(await host.run("throw new Error('bad')"), "Uncaught Error: bad\r\n>");
  });

  test("timer output erases the prompt, then shows it again", async () => {
    await host.run("setTimeout(function(){print('tick')},20)");
    await host.send("");
    assert.equal(await host.waitFor("tick\r\n>"), "\r\x1b[Jtick\r\n>");
    await host.run("var n=0,iv=setInterval(function(){if(++n==3){clearInterval(iv);print('n',n)}},5)");
    await host.send("");
    assert.equal(await host.waitFor("n 3\r\n>"), "\r\x1b[Jn 3\r\n>");
  });

  test("promises run after the command", async () => {
    assert.equal(await host.run("Promise.resolve(5).then(function(v){print('p',v)})"), "p 5\r\n>");
  });

  test("Ctrl-C clears the input line, and interrupts running code", async () => {
    await host.send("\x10print('never'");
    await host.send("\x03");
    assert.equal(await host.waitFor(">"), "\r\x1b[J>");
    await host.send("\x10while(1){}\n");
    await host.transport.write("\x03");
    assert.equal(await host.waitFor(">"), "Execution Interrupted\r\n>");
    assert.equal(await host.run("print('alive')"), "alive\r\n>");
  });

  test("getTime() is in seconds with sub-millisecond resolution", async () => {
    // Bracketed by the host's clock (an order, not a time limit: load only widens the bracket).
    const before = Date.now() / 1000;
    const times = await host.value<number[]>("(function(){var t=[];for(var i=0;i<20;i++)t.push(getTime());return t})()");
    const after = Date.now() / 1000;
    assert.ok(times[0] >= before - 0.002 && times[19] <= after + 0.002, `${times[0]} outside [${before}, ${after}]`);
    assert.ok(times.every((t, i) => i === 0 || t >= times[i - 1]), "getTime() never goes back");
    // Whole milliseconds would be a 1 ms clock, like the emulator's: some reading has a fraction of one.
    assert.ok(times.some((t) => Math.abs(t * 1000 - Math.round(t * 1000)) > 1e-6), `whole milliseconds: ${times}`);
  });
});

describe("virtual board API", () => {
  let host: Host;
  before(async () => {
    host = await Host.open();
  });
  after(() => host.transport.close());

  test("process.env and process.version", async () => {
    const env = await host.value<Record<string, string>>("process.env");
    assert.equal(env.BOARD, "VIRTUAL");
    assert.equal(env.ENGINE, "quickjs");
    assert.match(env.VERSION, /^2v29-virtual/);
    assert.equal(await host.value<string>("process.version"), env.VERSION);
  });

  test("process.memory() grows with allocations and drops after they are freed", async () => {
    const m0 = await host.value<{ free: number; usage: number; total: number; blocksize: number }>("process.memory()");
    assert.equal(m0.total, 8191);
    assert.equal(m0.blocksize, 13);
    assert.equal(m0.free + m0.usage, m0.total);
    await host.run("var keep=[];for(var i=0;i<200;i++)keep.push({w:i,h:i})");
    const m1 = await host.value<{ usage: number }>("process.memory()");
    assert.ok(m1.usage - m0.usage >= 200, `usage grew by ${m1.usage - m0.usage}`);
    // Cycles need the collector: process.memory() runs it (process.memory(false) does not).
    await host.run("keep=null;for(var i=0;i<200;i++){var o={};o.o=o}o=null");
    const m2 = await host.value<{ usage: number }>("process.memory()");
    assert.ok(m2.usage <= m0.usage + 10, `usage ${m2.usage} after freeing, ${m0.usage} before`);
  });

  test("E.getSizeOf, E.kickWatchdog, atob/btoa", async () => {
    assert.ok((await host.value<number>("E.getSizeOf({w:1,h:2})")) >= 3);
    assert.equal(await host.value<string>("typeof E.kickWatchdog()"), "undefined");
    assert.equal(await host.value<string>("atob(btoa('hi\\u00ff'))"), "hi\u00ff");
  });

  test("Storage written in chunks, then load() runs it on a fresh context", async () => {
    const code = "var loaded = 'yes';\nprint('loaded', typeof before);\n";
    const b64 = Buffer.from(code).toString("base64");
    const half = Math.ceil(b64.length / 8) * 4;
    await host.run("var before = 1; var S = require('Storage')");
    await host.run(`S.write('app.js', atob("${b64.slice(0, half)}"), 0, ${code.length})`);
    await host.run(`S.write('app.js', atob("${b64.slice(half)}"), ${Buffer.from(b64.slice(0, half), "base64").length})`);
    assert.deepEqual(await host.value<string[]>("require('Storage').list()"), ["app.js"]);
    assert.equal(await host.value<string>("require('Storage').read('app.js')"), code);
    await host.send("\x10load('app.js')\n");
    assert.equal(await host.waitFor("loaded undefined\r\n>"), "loaded undefined\r\n>");
    assert.equal(await host.value<string>("[typeof before, loaded].join()"), "undefined,yes");
    await host.run("require('Storage').erase('app.js')");
    assert.deepEqual(await host.value<string[]>("require('Storage').list()"), []);
  });

  test("reset() clears user state and prints a banner and the prompt", async () => {
    await host.run("var gone = 1");
    const out = await host.run("reset()");
    assert.match(out, /^\r\n.*virtual board.*\r\n>$/);
    assert.equal(await host.value<string>("typeof gone"), "undefined");
  });
});

describe("virtual board memory budget", () => {
  test("a tiny RAM budget runs out of memory like a board, and still answers", async () => {
    const host = await Host.open(13 * 2000);
    try {
      assert.equal((await host.value<{ total: number }>("process.memory()")).total, 2000);
      await host.send("\x10(function(){var a=[];for(var i=0;i<1e6;i++)a.push([i]);})()\n");
      assert.equal(await host.waitFor(">"), "ERROR: Out of Memory!\r\nExecution Interrupted\r\n>");
      assert.deepEqual(await host.value<string[]>("E.getErrorFlags()"), ["MEMORY"]);
      assert.deepEqual(await host.value<string[]>("E.getErrorFlags()"), []);
      // One allocation larger than the whole budget fails at once.
      await host.send("\x10var big = new Uint8Array(1e6)\n");
      assert.match(await host.waitFor(">"), /Out of Memory!\r\nExecution Interrupted\r\n>$/);
      assert.equal(await host.run("print('still here', typeof big)"), "still here undefined\r\n>");
      assert.ok((await host.value<{ usage: number }>("process.memory()")).usage < 200);
    } finally {
      await host.transport.close();
    }
  });

  test("memory held past the budget is never reported as usage above the total", async () => {
    const host = await Host.open(13 * 2000);
    try {
      // The caught error keeps the filled array alive: Espruino's usage would stop at its total.
      await host.send("\x10var a=[]; try { for(var i=0;i<1e6;i++) a.push({x:i,y:[i]}); } catch(e) {}\n");
      await host.waitFor(">");
      const m = await host.value<{ free: number; usage: number; total: number }>("process.memory(false)");
      assert.ok(m.usage <= m.total, `usage ${m.usage} of ${m.total}`);
      assert.equal(m.free, m.total - m.usage);
    } finally {
      await host.transport.close();
    }
  });
});
