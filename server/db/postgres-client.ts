import { join } from 'node:path';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { REPO_ROOT } from '../lib/repo-root.js';
import { startupError } from './postgres-startup-errors.js';
import * as schema from './schema-pg/index.js';

export type PgDb = NodePgDatabase<typeof schema> & { $client: pg.Pool };

const migrationsFolder = join(REPO_ROOT, 'server/db/migrations-pg');

export interface PostgresOptions {
  /** Connections the pool may hold. */
  pool: number;
  /** A statement running longer is cancelled; 0 for no limit. */
  statementTimeoutMs: number;
}

/*
 * int8 (counts, sums of integers, epoch milliseconds) and numeric (sums of int8, averages)
 * come back as numbers, as SQLite gives them: the shared code adds and compares them.
 * Epoch milliseconds and counts stay far below 2^53, where a number is exact. Set on the
 * driver's global parsers: drizzle passes its own per-query parsers, which fall back to
 * these, so a pool's own `types` would not be consulted.
 */
pg.types.setTypeParser(pg.types.builtins.INT8, Number);
pg.types.setTypeParser(pg.types.builtins.NUMERIC, Number);

/** Connects to PostgreSQL and brings its schema up to date; a failure is a StartupError saying what to fix. */
export async function openPostgres(url: string, options: PostgresOptions): Promise<PgDb> {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.pool,
    statement_timeout: options.statementTimeoutMs === 0 ? undefined : options.statementTimeoutMs,
    connectionTimeoutMillis: 10_000,
    application_name: 'floorview',
  });
  // An idle connection the server closed (a restart, a failover) must not crash the process: the pool drops it and opens another.
  pool.on('error', () => undefined);
  const db = drizzle(pool, { schema });
  try {
    await pool.query('select 1');
    await migrate(db, { migrationsFolder });
  } catch (error) {
    await pool.end();
    throw startupError(url, error);
  }
  return db;
}
