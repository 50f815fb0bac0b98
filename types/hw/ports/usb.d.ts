/** The USB console. */
declare const USB: Serial;
