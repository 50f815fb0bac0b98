/** The on-screen console. */
declare const Terminal: Serial;
