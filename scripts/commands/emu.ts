import { emuCacheDir } from "../emu/cache-dir.ts";
import { installEmulator } from "../emu/install.ts";
import { identifyEmulatorFiles } from "../emu/known-versions.ts";
import { emulatorRefusal, findEmulator } from "../emu/locate.ts";
import { UserError } from "../errors.ts";

/**
 * `thincall emu install [--from <https-url|path>] [--allow-unknown]` downloads the Espruino
 * emulator once into the per-user cache; `thincall emu where` says which copy `--port emu` would
 * use, which version it is, and fails on a mixed install.
 */
export async function runEmu(action: string | undefined, options: { from?: string; allowUnknown?: boolean }, out: NodeJS.WritableStream = process.stdout): Promise<void> {
  switch (action) {
    case "install":
      await installEmulator({ from: options.from, allowUnknown: options.allowUnknown });
      return;
    case "where": {
      const location = findEmulator();
      if (!location) throw new UserError(`the Espruino emulator is not installed (cache: ${emuCacheDir()}); run \`thincall emu install\``);
      out.write(`${location.dir} (from ${location.from})\n`);
      // Refused by the same rule, in the same line, as `--port emu` (a mixed install, a corrupt file).
      const refusal = emulatorRefusal(location);
      if (refusal) throw new UserError(refusal);
      const identity = identifyEmulatorFiles(location.files);
      out.write(identity.known ? `${identity.version.label}\n` : `${identity.problem}\n`);
      return;
    }
    default:
      throw new UserError(`emu takes install or where: thincall emu install [--from <https-url|path>] [--allow-unknown]`);
  }
}
