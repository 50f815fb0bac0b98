/**
 * Whether the development checks are in: checks that depend only on the program's code, never on
 * its data, that TypeScript also makes, and whose failure would lose no data (a method missing
 * from a vtable). `true` here, so tests and other bundlers get
 * them; thincall's build replaces it with `false` unless the checked build is selected (`thincall
 * build --checked`), so a board does not carry them. Checks that protect data from run-time
 * values (a value that does not fit, an empty pop, an index out of range, a spent FuncOnce, a
 * 257th type), and the packed store's name check (a field named like the store's own names or
 * like a method would be lost), are in every build. See docs/core.md.
 */
export const CHECKED: boolean = true;
