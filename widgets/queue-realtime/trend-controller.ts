import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { api, credentialKey, type ApiTarget } from '../core/api.js';
import { sharedClock } from '../core/clock.js';
import type { FloorChange, FloorStream } from '../core/stream.js';
import { TrendBuffer } from './trend-buffer.js';

/** What the trend reads from its widget, on every update. */
export interface TrendSource {
  target(): ApiTarget;
  floor(): FloorStream | null;
  /** How far back the chart reaches. */
  minutes(): number;
  /** False while no chart is shown: nothing is fetched or recorded. */
  enabled(): boolean;
}

const pointsFor = (minutes: number, step: number) => Math.ceil((minutes * 60_000) / step) + 1;

/**
 * The live trend's data: the server's recent history (`GET /queues/trend`),
 * loaded once the floor is known and again whenever the stream comes back
 * after a gap (a snapshot, or live again), so a reload or an outage leaves no
 * hole; in between, each new 10-second point is taken from the live queue rows
 * on the shared clock.
 */
export class TrendController implements ReactiveController {
  readonly buffer = new TrendBuffer(pointsFor(30, 10_000));
  private key = '';
  private live = false;
  private loading: AbortController | null = null;
  private stopClock: (() => void) | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly source: TrendSource,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.stopClock = sharedClock().subscribe((now) => this.tick(now));
  }

  hostDisconnected(): void {
    this.stopClock?.();
    this.stopClock = null;
    this.loading?.abort();
    this.loading = null;
    // Connected again, it loads afresh: what it has is as old as its absence.
    this.key = '';
  }

  hostUpdate(): void {
    if (!this.source.enabled()) {
      // Shown again later, it loads afresh: nothing was recorded meanwhile.
      this.key = '';
      return;
    }
    const target = this.source.target();
    const minutes = this.source.minutes();
    const key = `${target.api} ${credentialKey(target)} ${minutes}`;
    if (key === this.key) return;
    this.key = key;
    this.buffer.resize(pointsFor(minutes, this.buffer.step));
    // A stream not ready yet loads on its snapshot (observe).
    if (this.source.floor()?.ready) this.load();
  }

  /** Every stream change: after a snapshot or a reconnection the server fills in what this page missed. */
  observe(change: FloorChange | null): void {
    const floor = this.source.floor();
    const live = floor?.state === 'live';
    const back = live && !this.live && floor.ready;
    this.live = live;
    if (this.source.enabled() && (change?.snapshot || back)) this.load();
  }

  private load(): void {
    // What is loaded now covers the stream up to now: only a later return to live calls for another load.
    this.live = this.source.floor()?.state === 'live';
    this.loading?.abort();
    const loading = (this.loading = new AbortController());
    api(this.source.target(), 'GET /queues/trend', { query: { minutes: this.source.minutes() }, signal: loading.signal }).then(
      (trend) => {
        if (loading.signal.aborted) return;
        this.loading = null;
        this.buffer.load(trend);
        this.host.requestUpdate();
      },
      // Offline or refused: the stream's status says so; the live points keep coming once it is back.
      () => {
        if (this.loading === loading) this.loading = null;
      },
    );
  }

  /** A new 10-second point from the live rows, on the server's clock, while the rows are current. */
  private tick(now: number): void {
    const floor = this.source.floor();
    if (!this.source.enabled() || !floor?.ready || floor.state !== 'live') return;
    const slot = Math.floor((now + floor.clockOffset) / this.buffer.step);
    if (slot <= this.buffer.lastSlot) return;
    const waiting = new Map<string, number>();
    for (const q of floor.queues.values()) waiting.set(q.queueId, q.waiting);
    this.buffer.record(slot, waiting);
    this.host.requestUpdate();
  }
}
