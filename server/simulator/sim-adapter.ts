import type { CommandAdapter, SupervisorCommand } from '../commands/command.js';
import type { SimEngine } from './sim-engine.js';

/** The command adapter of the demo: supervisor commands drive the simulated platform. */
export class SimAdapter implements CommandAdapter {
  readonly name = 'simulator';

  constructor(
    private readonly engine: SimEngine,
    /** When a command arrives: the wall clock while running live, else the simulated time. */
    private readonly clock: () => number,
  ) {}

  async send(command: SupervisorCommand): Promise<void> {
    this.engine.supervisor.accept(command, this.clock());
  }
}
