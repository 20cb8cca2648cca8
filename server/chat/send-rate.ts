import { WindowCounts } from '../lib/window-counts.js';

/** Messages a sender may post per minute: plenty for a person typing, a wall against a script flooding colleagues and the stream's history. */
const PER_MINUTE = 30;
const WINDOW_MS = 60_000;
/** Senders counted at once: more than a centre has people, so the table does not fill in practice. */
const CAPACITY = 10_000;

/** Sends per sender in fixed one-minute windows, counted as sign-in failures are. */
export class SendRate {
  private readonly sent = new WindowCounts(WINDOW_MS, CAPACITY);

  /** Counts a send at `now` and says whether it is allowed. */
  take(sender: string, now: number): boolean {
    if (this.sent.count(sender, now) >= PER_MINUTE) return false;
    this.sent.add(sender, now);
    return true;
  }
}
