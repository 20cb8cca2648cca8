import { closeSync, copyFileSync, existsSync, fsyncSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { isPostgresUrl } from '../db/postgres-url.js';

/**
 * Online backup and offline restore of the SQLite store.
 *
 * Backup uses SQLite's online backup API from its own connection, so it runs beside a
 * live server (another process): in WAL mode its read transaction never blocks the
 * server's writes. The copy is one consistent snapshot of every table — event log,
 * facts, rollups, floor snapshot, sessions — taken in one step: SQLite restarts a
 * stepwise backup whenever another connection writes, which under steady ingestion
 * would be forever. While it runs the WAL cannot be checkpointed past the snapshot,
 * so it grows by what is ingested meanwhile (BENCHMARKS.md).
 */

/**
 * A server on PostgreSQL (FLOORVIEW_DATABASE_URL, or a postgres:// --db) has no file to copy:
 * PostgreSQL's own tools back it up. The message says so, or null on SQLite.
 */
export function postgresInstead(command: 'backup' | 'restore', db: string): string | null {
  if (!process.env.FLOORVIEW_DATABASE_URL && !isPostgresUrl(db)) return null;
  const how =
    command === 'backup'
      ? 'back it up with pg_dump (or pg_basebackup), or your provider’s managed backups'
      : 'restore it with pg_restore, or your provider’s point-in-time recovery';
  return `${command}: this centre’s data is in PostgreSQL (FLOORVIEW_DATABASE_URL); npm run ${command} copies only the SQLite file. Instead, ${how} (README, “Operations”).`;
}

export interface BackupResult {
  pages: number;
  bytes: number;
  seconds: number;
  /** Newest event in the copy (its `seq`), 0 for none. */
  lastSeq: number;
}

/** Copies the database at `dbFile` to `toFile` (which must not exist), written under a temporary name and renamed when complete. */
export async function backupDatabase(dbFile: string, toFile: string): Promise<BackupResult> {
  if (!existsSync(dbFile)) throw new Error(`no database at ${dbFile}`);
  if (existsSync(toFile)) throw new Error(`${toFile} exists; choose a new file`);
  const partial = `${toFile}.partial`;
  rmSync(partial, { force: true });
  const t0 = performance.now();
  const source = new Database(dbFile, { fileMustExist: true });
  let pages = 0;
  try {
    source.pragma('busy_timeout = 5000');
    const result = await source.backup(partial, {
      // better-sqlite3 copies 100 pages first; then everything in one step (see above).
      progress: ({ totalPages }) => Math.max(totalPages, 1) * 2,
    });
    pages = result.totalPages;
  } catch (err) {
    rmSync(partial, { force: true });
    throw err;
  } finally {
    source.close();
  }
  const copy = new Database(partial, { fileMustExist: true });
  let lastSeq: number;
  try {
    lastSeq = (copy.prepare('select coalesce(max(seq), 0) from events').pluck().get() as number) ?? 0;
    // A standalone file: one file to copy, nothing left in a WAL beside it.
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
  syncFile(partial);
  renameSync(partial, toFile);
  return { pages, bytes: statSync(toFile).size, seconds: (performance.now() - t0) / 1000, lastSeq };
}

/** True when some process (a running server) has the database open. */
export function databaseInUse(dbFile: string): boolean {
  if (!existsSync(dbFile)) return false;
  const db = new Database(dbFile, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 0');
    // An exclusive lock on a WAL database is refused while any other connection has it open, even idle.
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    db.exec('COMMIT');
    return false;
  } catch (err) {
    if ((err as { code?: string }).code === 'SQLITE_BUSY') return true;
    throw err;
  } finally {
    db.close();
  }
}

/**
 * Replaces the database at `dbFile` with the backup `fromFile`. Refuses while a server has
 * `dbFile` open (stop it first) and when `fromFile` is not a sound Floorview database.
 * The old file's WAL and shared memory go with it: replayed onto the restored file they would corrupt it.
 */
export function restoreDatabase(fromFile: string, dbFile: string): { lastSeq: number } {
  if (!existsSync(fromFile)) throw new Error(`no backup at ${fromFile}`);
  const backup = new Database(fromFile, { readonly: true, fileMustExist: true });
  let lastSeq: number;
  try {
    const check = backup.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(`${fromFile} is damaged: ${String(check)}`);
    const hasEvents = backup.prepare(`select 1 from sqlite_master where type = 'table' and name = 'events'`).get();
    if (!hasEvents) throw new Error(`${fromFile} is not a Floorview database`);
    lastSeq = backup.prepare('select coalesce(max(seq), 0) from events').pluck().get() as number;
  } finally {
    backup.close();
  }
  if (databaseInUse(dbFile)) throw new Error(`${dbFile} is open in another process: stop the server first`);
  const incoming = `${dbFile}.restoring`;
  copyFileSync(fromFile, incoming);
  syncFile(incoming);
  for (const suffix of ['-wal', '-shm', '-journal']) rmSync(`${dbFile}${suffix}`, { force: true });
  renameSync(incoming, dbFile);
  return { lastSeq };
}

function syncFile(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
