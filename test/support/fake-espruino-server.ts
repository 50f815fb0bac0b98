/**
 * The fake Espruino (test/support/fake-espruino.ts) served over TCP on 127.0.0.1, for tests
 * that run the CLI as a child process: each connection is a fresh board, as a telnet console is.
 */
import { createServer, type Server, type Socket } from "node:net";
import { FakeEspruino } from "./fake-espruino.ts";

/** What a test script can do to the host once the uploaded program has started. */
export interface BoardSide {
  /** Prints one protocol record (`@tc2 {...}` with the upload's run id), as timer output, split over two writes. */
  record(record: object): void;
  /** Prints raw console text (an error, a banner), as it is. */
  raw(text: string): void;
  /** Ends the connection cleanly (FIN): the board went away. */
  close(): void;
  /** Drops the connection (RST): the board reset. */
  reset(): void;
}

/** A TCP console whose boards play `script` once the upload is over. */
export class FakeEspruinoServer {
  /** One board per connection, in order. */
  readonly boards: FakeEspruino[] = [];
  private readonly sockets = new Set<Socket>();

  private constructor(
    private readonly server: Server,
    readonly port: number,
    private readonly script: (board: BoardSide) => void | Promise<void>,
  ) {}

  /** Listens on 127.0.0.1 (a free port); `script` runs once the program has been uploaded. */
  static async start(script: (board: BoardSide) => void | Promise<void>): Promise<FakeEspruinoServer> {
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(0, "127.0.0.1", () => resolve());
    });
    const fake = new FakeEspruinoServer(server, (server.address() as { port: number }).port, script);
    server.on("connection", (socket) => void fake.serve(socket));
    return fake;
  }

  /** `tcp://127.0.0.1:<port>` */
  get url(): string {
    return `tcp://127.0.0.1:${this.port}`;
  }

  /** Syncs answered, over every connection. */
  get syncs(): number {
    return this.boards.reduce((n, b) => n + b.syncs, 0);
  }

  /** Bytes of code received, over every connection. */
  get codeBytes(): number {
    return this.boards.reduce((n, b) => n + b.codeBytes, 0);
  }

  /** Ctrl-C bytes received, over every connection. */
  get ctrlCs(): number {
    return this.boards.reduce((n, b) => n + b.ctrlCs, 0);
  }

  /** Every line received, control bytes dropped, over every connection in order. */
  get received(): string[] {
    return this.boards.flatMap((b) => b.received);
  }

  /** Whether a program has started, and when (Date.now()). */
  get started(): boolean {
    return this.boards.some((b) => b.started);
  }

  get startedAt(): number {
    return this.boards.find((b) => b.started)?.startedAt ?? 0;
  }

  /** Stops listening and drops every connection. */
  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async serve(socket: Socket): Promise<void> {
    this.sockets.add(socket);
    socket.on("close", () => this.sockets.delete(socket));
    socket.on("error", () => {});
    socket.setNoDelay(true);
    const side: BoardSide = {
      record: (r) => board.printRecord(r),
      raw: (text) => board.print(text),
      close: () => socket.end(),
      reset: () => socket.resetAndDestroy(),
    };
    const board = new FakeEspruino({
      onProgramStart: () => void Promise.resolve(this.script(side)).catch(() => socket.destroy()),
    });
    this.boards.push(board);
    await board.transport.open({
      data: (chunk) => socket.write(Buffer.from(chunk, "latin1")),
      close: () => socket.end(),
    });
    socket.on("data", (chunk: Buffer) => void board.transport.write(chunk.toString("latin1")));
    socket.on("close", () => void board.transport.close());
    board.print("\r\n>");
  }
}
