// Builds every firmware entry for every board profile into dist/<board>/<entry>.js.
// The config imports the TypeScript pipeline, so run rollup under tsx: `npm run rollup`
// (or use `npx thincall build`, which runs the same pipeline and prints sizes).
import { loadAllBoards } from "./scripts/boards/profile.ts";
import { firmwareEntries } from "./scripts/bundle/build.ts";
import { bundleOptions } from "./scripts/bundle/rollup-build.ts";

export default loadAllBoards().flatMap((board) => firmwareEntries().map((entry) => bundleOptions(entry, board)));
