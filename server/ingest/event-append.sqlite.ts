import type { Statement } from 'better-sqlite3';
import type { Store } from '../db/store.js';
import type { FloorEvent, IncomingEvent } from '../domain/events.js';
import { agentStateRows } from './agent-state-rows.js';
import type { EventAppend } from './event-append.js';
import type { EventStore } from './event-store.js';

/**
 * The hot path on SQLite: a batch in one synchronous better-sqlite3 transaction of plain prepared
 * statements, run through `exclusive` so no other task's open transaction can take it in.
 */
export class SqliteEventAppend implements EventAppend {
  private readonly insertState: Statement;

  constructor(
    private readonly store: Store,
    private readonly events: EventStore,
  ) {
    this.insertState = store.sqlite!.$client.prepare(
      'INSERT INTO agent_state_changes (seq, agent_id, at, state, reason) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
    );
  }

  append(incoming: readonly IncomingEvent[]): Promise<FloorEvent[]> {
    return this.store.exclusive((db) =>
      db.transaction(() => {
        const stored = this.events.append(incoming);
        for (const row of agentStateRows(stored)) this.insertState.run(...row);
        return stored;
      }),
    );
  }
}
