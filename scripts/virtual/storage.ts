/**
 * The virtual board's flash: Espruino's `require("Storage")` file semantics, kept in host memory.
 * It survives `reset()` (like flash) and lives as long as the board.
 * Data is bytes; the VM side passes byte strings (one char per byte, as Espruino does).
 */
export class VirtualStorage {
  private readonly files = new Map<string, Buffer>();

  /**
   * Espruino's `write(name, data, offset, size)`: with `size`, (re)creates a file of that many bytes
   * (erased flash reads as 0xFF) and writes `data` at `offset`; with only `offset`, fills part of an
   * existing file; with neither, replaces the file with `data`.
   */
  write(name: string, data: string, offset?: number, size?: number): boolean {
    const bytes = Buffer.from(data, "latin1");
    if (size !== undefined) {
      this.files.set(name, Buffer.alloc(size, 0xff));
    } else if (offset === undefined) {
      this.files.set(name, bytes);
      return true;
    }
    const file = this.files.get(name);
    if (!file) throw new Error(`Storage: file "${name}" does not exist; give its size on the first write`);
    const at = offset ?? 0;
    if (at < 0 || at + bytes.length > file.length) throw new Error("Too much data for file size");
    bytes.copy(file, at);
    return true;
  }

  /** The file as a byte string, or undefined when it does not exist. */
  read(name: string): string | undefined {
    return this.files.get(name)?.toString("latin1");
  }

  /** Removes a file (no error when it does not exist). */
  erase(name: string): void {
    this.files.delete(name);
  }

  /** File names, in creation order. */
  list(): string[] {
    return [...this.files.keys()];
  }
}
