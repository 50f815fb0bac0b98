/** The telnet console. */
declare const Telnet: Serial;
