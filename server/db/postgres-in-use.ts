import pg from 'pg';
import type { PgDb } from './postgres-client.js';

/**
 * Ours alone among the database's advisory locks: every running server holds it shared, and a tool that
 * writes the database as its only writer (the queue_log import, the server stopped) takes it alone.
 * PostgreSQL's answer to SQLite's "the file is open in another process" (server/ops/backup.ts).
 */
const SERVER_LOCK = 0x666c_7673_7276; // "flvsrv"

/**
 * A session lock on a connection of its own, outside the pool (a pool of one must still serve the
 * server): it lasts as long as that connection, and `release` closes it.
 */
async function lockOn(db: PgDb, query: string): Promise<{ locked: boolean; release: () => Promise<void> }> {
  const client = new pg.Client({ connectionString: db.$client.options.connectionString, application_name: 'floorview' });
  // The server going away drops the lock with the connection: nothing to crash for.
  client.on('error', () => undefined);
  await client.connect();
  const { rows } = await client.query<{ locked: boolean }>(query, [SERVER_LOCK]);
  const release = () => client.end().catch(() => undefined);
  if (!rows[0]!.locked) await release();
  return { locked: rows[0]!.locked, release };
}

/** The running server's share of the lock, held until the returned release. */
export async function holdServerShare(db: PgDb): Promise<() => Promise<void>> {
  return (await lockOn(db, 'select pg_advisory_lock_shared($1), true as locked')).release;
}

/** The lock alone for a tool's run, until the returned release; null while a server holds its share (is running on this database). */
export async function lockOutServers(db: PgDb): Promise<(() => Promise<void>) | null> {
  const { locked, release } = await lockOn(db, 'select pg_try_advisory_lock($1) as locked');
  return locked ? release : null;
}
