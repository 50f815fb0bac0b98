/** The telnet filter: every case fed whole, and split at every pair of points (1, 2 or 3 chunks). */
import assert from "node:assert/strict";
import { test } from "node:test";
import { SUB_NEGOTIATION_LIMIT, TelnetFilter } from "../scripts/transport/telnet.ts";

const IAC = 0xff;
const cases: Array<{ name: string; input: number[]; data: string }> = [
  { name: "plain text", input: [...Buffer.from("hi\r\n>")], data: "hi\r\n>" },
  { name: "negotiation before text", input: [IAC, 0xfb, 0x01, IAC, 0xfd, 0x03, ...Buffer.from("ok")], data: "ok" },
  { name: "escaped IAC keeps the next byte", input: [0x41, IAC, IAC, 0x42, 0x43], data: "A\xffBC" },
  { name: "two-byte command (NOP, GA)", input: [0x41, IAC, 0xf1, 0x42, IAC, 0xf9, 0x43], data: "ABC" },
  { name: "sub-negotiation payload is dropped", input: [0x41, IAC, 0xfa, 0x18, 0x00, ...Buffer.from("xterm"), IAC, 0xf0, 0x42], data: "AB" },
  { name: "IAC IAC inside a sub-negotiation stays inside", input: [IAC, 0xfa, 0x18, IAC, IAC, 0x41, IAC, 0xf0, 0x42], data: "B" },
  { name: "IAC followed by an option byte equal to IAC", input: [IAC, 0xfb, IAC, 0x41], data: "A" },
  // Espruino does not escape 0xff in a program's output: IAC SB can be text that never ends.
  {
    name: "IAC SB that never ends gives its bytes back at the line break: the sync answer after it arrives",
    input: [0x41, IAC, 0xfa, ...Buffer.from("TCSYNC7\r\n>")],
    data: "A\xff\xfaTCSYNC7\r\n>",
  },
  {
    name: "IAC SB past the length limit with no line break is data",
    input: [IAC, 0xfa, ...Buffer.from("x".repeat(80))],
    data: "\xff\xfa" + "x".repeat(80),
  },
  { name: "IAC <command> inside a sub-negotiation ends it, and the command is read", input: [IAC, 0xfa, 0x18, IAC, 0xf1, 0x41], data: "A" },
  // A program's own 0xff (Espruino does not escape it) before a byte that is no telnet command: kept.
  { name: "IAC before a byte that is no command is data", input: [0x61, IAC, 0x41, 0x62, IAC, 0x0d, 0x0a], data: "a\xffAb\xff\r\n" },
  { name: "IAC SB, then IAC before a byte that is no command: all of it is data", input: [0x7a, IAC, 0xfa, 0x71, IAC, 0x42, 0x63], data: "z\xff\xfaq\xffBc" },
  { name: "a real sub-negotiation then a line", input: [IAC, 0xfa, 0x1f, 0x00, 0x50, 0x00, 0x18, IAC, 0xf0, ...Buffer.from("ok\r\n")], data: "ok\r\n" },
];

for (const c of cases) {
  test(`telnet: ${c.name}, at every split`, () => {
    const bytes = Uint8Array.from(c.input);
    let tried = 0;
    for (let i = 0; i <= bytes.length; i++) {
      for (let j = i; j <= bytes.length; j++) {
        const filter = new TelnetFilter();
        const out = Buffer.concat([filter.push(bytes.subarray(0, i)), filter.push(bytes.subarray(i, j)), filter.push(bytes.subarray(j))]);
        assert.equal(out.toString("latin1"), c.data, `split at ${i}, ${j}`);
        tried++;
      }
    }
    assert.ok(tried > bytes.length);
  });
}

test("telnet: byte by byte equals whole", () => {
  const input = Uint8Array.from(cases.flatMap((c) => c.input));
  const whole = new TelnetFilter().push(input).toString("latin1");
  const f = new TelnetFilter();
  const bytewise = [...input].map((b) => f.push(Uint8Array.of(b)).toString("latin1")).join("");
  assert.equal(bytewise, whole);
  assert.equal(whole, cases.map((c) => c.data).join(""));
});

test("telnet: an IAC SB that never ends swallows at most the limit, and everything after it is data", () => {
  const f = new TelnetFilter();
  let out = f.push(Uint8Array.of(IAC, 0xfa)).toString("latin1");
  for (let i = 0; i < 1000; i++) out += f.push(Buffer.from("y")).toString("latin1");
  assert.equal(out, "\xff\xfa" + "y".repeat(1000));
  assert.ok(SUB_NEGOTIATION_LIMIT <= 64);
});
