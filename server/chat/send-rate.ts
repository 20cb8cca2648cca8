/** Messages a sender may post per minute: plenty for a person typing, a wall against a script flooding colleagues and the stream's history. */
const PER_MINUTE = 30;
const WINDOW_MS = 60_000;

/** A per-sender sliding window of send times. */
export class SendRate {
  private readonly sent = new Map<string, number[]>();

  /** Counts a send at `now` and says whether it is allowed. */
  take(sender: string, now: number): boolean {
    const recent = (this.sent.get(sender) ?? []).filter((at) => now - at < WINDOW_MS);
    if (recent.length >= PER_MINUTE) {
      this.sent.set(sender, recent);
      return false;
    }
    recent.push(now);
    this.sent.set(sender, recent);
    // Senders who went quiet are dropped now and then, so the map stays the size of the active ones.
    if (this.sent.size > 10_000) for (const [key, times] of this.sent) if (now - times.at(-1)! >= WINDOW_MS) this.sent.delete(key);
    return true;
  }
}
