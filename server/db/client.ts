import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { REPO_ROOT } from '../lib/repo-root.js';
import * as schema from './schema/index.js';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

const migrationsFolder = join(REPO_ROOT, 'server/db/migrations');

/**
 * How hard a commit waits for the disk (WAL mode either way):
 * - `full` (default): each commit is fsynced before it returns, so whatever the API
 *   acknowledged survives a power loss or an OS crash.
 * - `normal`: the WAL is fsynced only at checkpoints. A process crash (kill -9) loses
 *   nothing, but a power loss may lose the last commits before the checkpoint —
 *   acknowledged events included. Cheaper per commit (BENCHMARKS.md measures both).
 */
export type Synchronous = 'full' | 'normal';

export interface OpenOptions {
  synchronous?: Synchronous;
}

/** Opens (creating if needed) the SQLite store in WAL mode and brings its schema up to date. */
export function openDb(file: string, options: OpenOptions = {}): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new Database(file);
  // Must be chosen before the first table exists: a new database returns the pages the
  // event retention frees to the file system in small steps (server/ops/retention.ts).
  // An older database keeps `none` (freed pages are reused, the file stops growing) until a VACUUM.
  sqlite.pragma('auto_vacuum = INCREMENTAL');
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma(`synchronous = ${options.synchronous === 'normal' ? 'NORMAL' : 'FULL'}`);
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('cache_size = -131072');
  sqlite.pragma('temp_store = MEMORY');
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder });
  return db;
}
