// funcMut and funcOnce are func under other names and types (the types: func-kinds.d.ts).
// Re-exported rather than assigned, so a bundle carries no alias variables.
export { func as funcMut, func as funcOnce } from "./inline-fn";
