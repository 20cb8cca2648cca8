import { join } from 'node:path';
import type { Store } from '../../server/db/store.js';
import { readConfig } from '../../server/wiring/env.js';
import { openStore } from '../../server/wiring/open-store.js';
import { testDatabaseUrl } from './postgres-cluster.js';

/**
 * The one parameter that runs the server tests on PostgreSQL: FLOORVIEW_TEST_STORE=postgres,
 * set with the throwaway cluster's URL by scripts/test-on-postgres.ts (npm run test:server:postgres).
 * Unset, tests run on SQLite files as always.
 */
export const TEST_STORE = ((): 'sqlite' | 'postgres' => {
  const chosen = process.env.FLOORVIEW_TEST_STORE ?? 'sqlite';
  if (chosen !== 'sqlite' && chosen !== 'postgres') throw new Error(`FLOORVIEW_TEST_STORE: sqlite or postgres, not ${chosen}`);
  return chosen;
})();

/** The environment that puts the store of a test server keeping its files in `dir` where the run asks: nothing for SQLite (its file is in `dir`), a database of its own on PostgreSQL. */
export function storeEnv(dir: string): Record<string, string> {
  if (TEST_STORE === 'sqlite') return {};
  const adminUrl = process.env.FLOORVIEW_TEST_POSTGRES_URL;
  if (!adminUrl) throw new Error('FLOORVIEW_TEST_STORE=postgres runs on the throwaway cluster: npm run test:server:postgres (scripts/test-on-postgres.ts) starts it');
  return { FLOORVIEW_DATABASE_URL: testDatabaseUrl(adminUrl, dir) };
}

/** A store of the run's dialect for a test of the store itself: a file in `dir`, or its own PostgreSQL database. */
export function openTestStore(dir: string): Promise<Store> {
  return openStore(readConfig({ FLOORVIEW_DB: join(dir, 'store.db'), ...storeEnv(dir) }));
}
