#!/usr/bin/env node
// The CLI is TypeScript, run through tsx's loader so no compile step is needed after `npm install`.
import { register } from "tsx/esm/api";

register();
const { run } = await import("../scripts/cli.ts");
await run(process.argv.slice(2));
