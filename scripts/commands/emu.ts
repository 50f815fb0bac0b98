import { emuCacheDir } from "../emu/cache-dir.ts";
import { installEmulator } from "../emu/install.ts";
import { checkEmulatorFiles, findEmulator } from "../emu/locate.ts";
import { UserError } from "../errors.ts";

/**
 * `thincall emu install [--from <url|file>]` downloads the Espruino emulator once into the
 * per-user cache; `thincall emu where` says which copy `--port emu` would use.
 */
export async function runEmu(action: string | undefined, options: { from?: string }, out: NodeJS.WritableStream = process.stdout): Promise<void> {
  switch (action) {
    case "install":
      await installEmulator({ from: options.from });
      return;
    case "where": {
      const location = findEmulator();
      if (!location) throw new UserError(`the Espruino emulator is not installed (cache: ${emuCacheDir()}); run \`thincall emu install\``);
      const problem = checkEmulatorFiles(location);
      out.write(`${location.dir} (from ${location.from})${problem ? `: ${problem}` : ""}\n`);
      if (problem) throw new UserError(problem);
      return;
    }
    default:
      throw new UserError(`emu takes install or where: thincall emu install [--from <url|file>]`);
  }
}
