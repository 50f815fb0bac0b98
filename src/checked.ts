/**
 * Whether the development checks are in: checks that depend only on the program's code, never on
 * its data, and that TypeScript also makes (a method missing from a vtable, a field or method
 * named like another or like the store's own names). `true` here, so tests and other bundlers get
 * them; thincall's build replaces it with `false` unless the checked build is selected (`thincall
 * build --checked`), so a board does not carry them. Checks that protect data from run-time
 * values (a value that does not fit, an empty pop, an index out of range, a spent FuncOnce, a
 * 257th type) are in every build. See docs/core.md.
 */
export const CHECKED: boolean = true;
