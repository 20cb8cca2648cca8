import type { PlatformName, PlatformState, PlatformStatus } from '../../contract/platform.js';

/** A platform's connection status and who hears of its changes (the health route reads it, the stream pushes it). */
export class PlatformStatusTracker {
  private status: PlatformStatus;
  private readonly listeners: ((status: PlatformStatus) => void)[] = [];

  constructor(
    platform: PlatformName,
    state: PlatformState,
    private readonly clock: () => number = Date.now,
  ) {
    this.status = { platform, state, since: new Date(clock()).toISOString(), lastError: null };
  }

  get current(): PlatformStatus {
    return this.status;
  }

  onChange(listener: (status: PlatformStatus) => void): void {
    this.listeners.push(listener);
  }

  /** A new state starts its `since`; the same state again only records a newer error. `lastError` stays until replaced. */
  set(state: PlatformState, error?: string): void {
    const lastError = error ?? this.status.lastError;
    if (state === this.status.state && lastError === this.status.lastError) return;
    const since = state === this.status.state ? this.status.since : new Date(this.clock()).toISOString();
    this.status = { ...this.status, state, since, lastError };
    for (const l of this.listeners) l(this.status);
  }
}
