/** Root of the thincall package (its own module, so finding it loads no build tool). */
export { PACKAGE_ROOT } from "../package-root.ts";
