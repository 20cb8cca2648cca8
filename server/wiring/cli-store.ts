import { isPostgresUrl } from '../db/postgres-url.js';
import { readConfig } from './env.js';
import type { StoreConfig } from './open-store.js';

/** The settings that place the store, read from the environment as the server reads them. */
const STORE_SETTINGS = ['FLOORVIEW_DB', 'FLOORVIEW_SYNCHRONOUS', 'FLOORVIEW_DATABASE_URL', 'FLOORVIEW_DATABASE_POOL', 'FLOORVIEW_DATABASE_STATEMENT_TIMEOUT_MS'];

/**
 * The store a command-line tool writes, chosen as backup and restore choose theirs: `--db` names a SQLite
 * file or a postgres:// URL; without it the server's own settings decide (FLOORVIEW_DATABASE_URL, else
 * FLOORVIEW_DB, else data/floorview.db). A bulk load runs without PostgreSQL's statement timeout (a day's
 * sealing or a rebuild is one long statement) unless FLOORVIEW_DATABASE_STATEMENT_TIMEOUT_MS sets one.
 * Throws the configuration's message for a bad URL or setting.
 */
export function cliStoreConfig(db: string | undefined, env: NodeJS.ProcessEnv = process.env): StoreConfig {
  const settings: NodeJS.ProcessEnv = { FLOORVIEW_DATABASE_STATEMENT_TIMEOUT_MS: '0' };
  for (const name of STORE_SETTINGS) if (env[name]) settings[name] = env[name];
  if (db !== undefined) {
    delete settings.FLOORVIEW_DATABASE_URL;
    settings[isPostgresUrl(db) ? 'FLOORVIEW_DATABASE_URL' : 'FLOORVIEW_DB'] = db;
  }
  return readConfig(settings);
}

