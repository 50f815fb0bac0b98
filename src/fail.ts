/**
 * Throws `Error(message)`. One shared helper keeps every check in the core to a short expression.
 * @param message - what went wrong, shown to the user.
 */
export const fail = (message: string): never => {
  throw Error(message);
};
