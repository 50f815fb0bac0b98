/** The loopback serial pair: what is written to one is read from the other. */
declare const LoopbackA: Serial;
declare const LoopbackB: Serial;
