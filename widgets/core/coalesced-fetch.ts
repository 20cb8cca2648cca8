import type { ReactiveControllerHost } from 'lit';

/**
 * A fetch of what the stream then keeps current (conversations, alerts): asked for again while
 * one is under way, it runs once more after it rather than guess how the two combine, so what
 * lands last reflects everything asked for. A failure is left for the next snapshot to retry.
 */
export class CoalescedFetch {
  private loading: AbortController | null = null;
  private again = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    /** Fetches and applies; returns without applying when `signal` was aborted meanwhile. */
    private readonly fetchAndApply: (signal: AbortSignal) => Promise<void>,
  ) {}

  /** A fetch is under way: stream items arriving now are folded in by fetching again after it. */
  get busy(): boolean {
    return this.loading !== null;
  }

  run(): void {
    if (this.loading) {
      this.again = true;
      return;
    }
    void this.go();
  }

  abort(): void {
    this.loading?.abort();
    this.loading = null;
    this.again = false;
  }

  private async go(): Promise<void> {
    const abort = (this.loading = new AbortController());
    try {
      await this.fetchAndApply(abort.signal);
    } catch {
      // The next snapshot fetches again.
    } finally {
      if (this.loading === abort) {
        this.loading = null;
        if (this.again) {
          this.again = false;
          void this.go();
        }
        this.host.requestUpdate();
      }
    }
  }
}
