/** The telnet filter: every case fed whole, and split at every pair of points (1, 2 or 3 chunks). */
import assert from "node:assert/strict";
import { test } from "node:test";
import { TelnetFilter } from "../scripts/transport/telnet.ts";

const IAC = 0xff;
const cases: Array<{ name: string; input: number[]; data: string }> = [
  { name: "plain text", input: [...Buffer.from("hi\r\n>")], data: "hi\r\n>" },
  { name: "negotiation before text", input: [IAC, 0xfb, 0x01, IAC, 0xfd, 0x03, ...Buffer.from("ok")], data: "ok" },
  { name: "escaped IAC keeps the next byte", input: [0x41, IAC, IAC, 0x42, 0x43], data: "A\xffBC" },
  { name: "two-byte command (NOP, GA)", input: [0x41, IAC, 0xf1, 0x42, IAC, 0xf9, 0x43], data: "ABC" },
  { name: "sub-negotiation payload is dropped", input: [0x41, IAC, 0xfa, 0x18, 0x00, ...Buffer.from("xterm"), IAC, 0xf0, 0x42], data: "AB" },
  { name: "IAC IAC inside a sub-negotiation stays inside", input: [IAC, 0xfa, 0x18, IAC, IAC, 0x41, IAC, 0xf0, 0x42], data: "B" },
  { name: "IAC followed by an option byte equal to IAC", input: [IAC, 0xfb, IAC, 0x41], data: "A" },
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
