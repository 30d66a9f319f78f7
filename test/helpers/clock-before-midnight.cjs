// Preloaded into a language server process (node --require) by test/lsp-protocol.test.ts: the clock starts
// at 23:59:58.5 local time on 2026-07-15 and runs on in real time, so local midnight comes two seconds later.
// Only the test's server process sees this clock; the server itself has no test hook.
const RealDate = Date;
const start = new RealDate(2026, 6, 15, 23, 59, 58, 500).getTime();
const offset = start - RealDate.now();
class ClockDate extends RealDate {
  constructor(...args) { if (args.length === 0) super(RealDate.now() + offset); else super(...args); }
  static now() { return RealDate.now() + offset; }
}
globalThis.Date = ClockDate;
