import { todayFromClock } from '../engine/dates';

/** Checked again a little after midnight, so a clock a few milliseconds early still lands on the new day. */
const AFTER_MIDNIGHT_MS = 1_000;

/**
 * The server's today when the client did not fix one: it follows the local calendar. A timer wakes at the
 * next local midnight; if the date moved (or the machine slept through one or more midnights), `onNewDay`
 * gets the new date. Only the clock decides, so a client-given today never moves.
 */
export class TodayClock {
  private timer: NodeJS.Timeout | undefined;
  private current: string;

  constructor(private readonly onNewDay: (today: string) => void, private readonly clock: () => string = todayFromClock) {
    this.current = clock();
  }

  get today(): string { return this.current; }

  start(): void { this.arm(); }

  stop(): void { if (this.timer) clearTimeout(this.timer); this.timer = undefined; }

  /** Checks the date now (also called on each wake-up); true when it moved. */
  check(): boolean {
    const now = this.clock();
    if (now === this.current) return false;
    this.current = now;
    this.onNewDay(now);
    return true;
  }

  private arm(): void {
    const now = new Date();
    const midnight = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 0, 0, 0, 0);
    this.timer = setTimeout(() => { this.check(); this.arm(); }, midnight.getTime() - now.getTime() + AFTER_MIDNIGHT_MS);
    // The day's timer alone must not keep a finished server alive.
    this.timer.unref?.();
  }
}
