import type { Simulator } from '../simulator/simulator.js';
import type { EventSink, Platform } from './platform.js';
import { PlatformStatusTracker } from './platform-status.js';

/** The built-in simulated centre as a platform: in the same process, so always connected. */
export class SimulatorPlatform implements Platform {
  readonly name = 'simulator';
  readonly status: PlatformStatusTracker;

  constructor(
    readonly simulator: Simulator,
    private readonly clock: () => number = Date.now,
    /** Tests drive the simulator's clock themselves. */
    private readonly live = true,
  ) {
    this.status = new PlatformStatusTracker('simulator', 'connected', clock);
  }

  get commands() {
    return this.simulator.adapter;
  }

  start(sink: EventSink): void {
    if (this.live) this.simulator.startLive(sink, this.clock);
  }

  stop(): void {
    this.simulator.stop();
  }
}
