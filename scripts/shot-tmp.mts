import { chromium } from "playwright-core";
import { startWebServer } from "/work/wt/h23b/scripts/web/server.ts";
const server = await startWebServer({ port: 0 });
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu"] });
for (const scheme of ["light", "dark"] as const) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, colorScheme: scheme });
  page.on("pageerror", (e) => console.error("page error", e.message));
  await page.goto(`${server.url}?board=esp32`);
  await page.locator("#run:not([disabled])").waitFor();
  await page.setInputFiles("#open", process.argv[2]);
  await page.waitForSelector("table#results");
  await page.fill("#program", 'import { func } from "thincall";\nconst led = func({ on: false }, function (this: { on: boolean }) { this.on = !this.on; return this.on; });\nsetInterval(() => print("LED " + led.f()), 500);\n');
  await page.screenshot({ path: `/tmp/h23b/shots/web-${scheme}.png` });
  await page.screenshot({ path: `/tmp/h23b/shots/web-${scheme}-full.png`, fullPage: true });
  await page.close();
}
await browser.close();
await server.close();
