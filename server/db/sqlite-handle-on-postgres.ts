import type { Db } from './client.js';

/**
 * What `services.db` is on PostgreSQL while areas move to the Store (issue 18): the SQLite
 * handle does not exist there, and whatever still reaches for it fails at once, saying so,
 * instead of writing somewhere else or failing on a null further on.
 */
export function sqliteHandleOnPostgres(): Db {
  return new Proxy({} as Db, {
    get(_, property) {
      // Not a promise, and nothing to show to an inspector.
      if (property === 'then' || typeof property === 'symbol') return undefined;
      throw new Error(
        `This code path still uses the SQLite handle (services.db.${String(property)}) and has not moved to the Store yet, so it cannot run on PostgreSQL (issue 18)`,
      );
    },
  });
}
