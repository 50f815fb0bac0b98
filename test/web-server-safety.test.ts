/** `thincall web` answers only its own page, and binds both loopback addresses or fails in one line. */
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { request } from "node:http";
import { test } from "node:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
import { UserError } from "../scripts/errors.ts";
import { withoutFolder } from "../scripts/web/build-endpoint.ts";
import { startWebServer } from "../scripts/web/server.ts";

const page = async () => ({ code: "/* page */", map: "{}", bytes: 10 });

function get(port: number, path: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path, headers: { host: `localhost:${port}`, ...headers } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("error", reject);
    req.end();
  });
}

test("a request from another origin, or a cross-site one without Origin, is refused before any work", async () => {
  const server = await startWebServer({ port: 0, page });
  try {
    const { port } = server;
    assert.equal(await get(port, "/bench?board=esp32", { origin: "https://evil.example" }), 403);
    assert.equal(await get(port, "/bench?board=esp32", { "sec-fetch-site": "cross-site" }), 403);
    assert.equal(await get(port, "/page.js", { origin: `http://localhost:${port}.evil.example` }), 403);
    assert.equal(await get(port, "/page.js", { origin: `http://localhost:${port}`, "sec-fetch-site": "same-origin" }), 200);
    assert.equal(await get(port, "/", { "sec-fetch-site": "none" }), 200, "the user typing the URL");
    assert.equal(await get(port, "/", { host: "evil.example" }), 421, "a foreign Host (DNS rebinding)");
  } finally {
    await server.close();
  }
});

test("another program on [::1]:PORT: the server fails in one line and serves nothing", { skip: await hasIpv6() ? false : "no IPv6 loopback" }, async () => {
  const other = createServer((_q, r) => r.end("other"));
  await new Promise<void>((r) => other.listen(0, "::1", () => r()));
  const port = (other.address() as { port: number }).port;
  try {
    await assert.rejects(startWebServer({ port, page }), (e: unknown) =>
      e instanceof UserError && e.message === `port ${port} is in use on [::1] by another program (localhost may reach it there); pick another with --listen N`);
    await assert.rejects(get(port, "/", {}), /ECONNREFUSED/, "nothing left on 127.0.0.1");
  } finally {
    await new Promise<void>((r) => other.close(() => r()));
  }
});

async function hasIpv6(): Promise<boolean> {
  const s = createServer();
  return new Promise((resolve) => {
    s.once("error", () => resolve(false));
    s.listen(0, "::1", () => s.close(() => resolve(true)));
  });
}

test("a page's build error names its program, never the temporary folder, absolute or relative to where the server runs", () => {
  const dir = join(tmpdir(), "thincall-web-build-AbC123");
  const relativeForm = relative(process.cwd(), dir);
  const message = `build of ${relativeForm}${sep}program.ts failed: 1 error\n  ${dir}${sep}program.ts:1:7: TS2322`;
  assert.equal(withoutFolder(message, dir), "build of program.ts failed: 1 error\n  program.ts:1:7: TS2322");
  // A server started in a folder inside the same temporary directory (a clone in /tmp) sees "../…".
  const inside = mkdtempSync(join(tmpdir(), "thincall-clone-"));
  const cwd = process.cwd();
  process.chdir(inside);
  try {
    assert.equal(withoutFolder(`build of ..${sep}thincall-web-build-AbC123${sep}program.ts failed`, dir), "build of program.ts failed");
  } finally {
    process.chdir(cwd);
    rmSync(inside, { recursive: true, force: true });
  }
});
