// The web page's own rollup config (separate from the firmware's): `npm run rollup -- -c scripts/web/rollup.config.ts`
// builds dist/web/page.js; `thincall web` builds the same on demand.
import { pageRollupOptions } from "./page-build.ts";

export default pageRollupOptions();
