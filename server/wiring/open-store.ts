import type { Config } from './env.js';
import { openDb } from '../db/client.js';
import { openPostgres } from '../db/postgres-client.js';
import { PostgresStore } from '../db/postgres-store.js';
import { SqliteStore } from '../db/sqlite-store.js';
import type { Store } from '../db/store.js';

export type StoreConfig = Pick<
  Config,
  'FLOORVIEW_DB' | 'FLOORVIEW_SYNCHRONOUS' | 'FLOORVIEW_DATABASE_URL' | 'FLOORVIEW_DATABASE_POOL' | 'FLOORVIEW_DATABASE_STATEMENT_TIMEOUT_MS'
>;

/** PostgreSQL when FLOORVIEW_DATABASE_URL names one, otherwise the SQLite file; either with its schema brought up to date. */
export async function openStore(config: StoreConfig): Promise<Store> {
  if (config.FLOORVIEW_DATABASE_URL) {
    const pg = await openPostgres(config.FLOORVIEW_DATABASE_URL, {
      pool: config.FLOORVIEW_DATABASE_POOL,
      statementTimeoutMs: config.FLOORVIEW_DATABASE_STATEMENT_TIMEOUT_MS,
    });
    return PostgresStore.over(pg);
  }
  return SqliteStore.over(openDb(config.FLOORVIEW_DB, { synchronous: config.FLOORVIEW_SYNCHRONOUS }));
}

/** Where the store is, for a person reading the start-up lines (the URL without its password). */
export function storeLabel(config: StoreConfig): string {
  if (!config.FLOORVIEW_DATABASE_URL) return config.FLOORVIEW_DB;
  const url = new URL(config.FLOORVIEW_DATABASE_URL);
  url.password = '';
  return url.toString();
}
