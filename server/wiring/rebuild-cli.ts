/**
 * Rebuilds history from the event log:
 *   npm run rollups:rebuild -- [--db <file | postgres://…>] [--rollups-only] [--time-zone Asia/Shanghai]
 * Re-derives every call's facts from the `events` table, call by call, then
 * rebuilds the interval rollups from the facts (`--rollups-only`: just the
 * rollups). --db is a SQLite file or a postgres:// URL; without it the server's
 * settings decide (server/wiring/cli-store.ts). The reporting zone of the daily
 * rollups is --time-zone, else FLOORVIEW_TIME_ZONE, else the zone they were built
 * in, else the server's. Stop the server first: it must not ingest meanwhile.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { lockOutServers } from '../db/postgres-in-use.js';
import { StartupError } from '../db/postgres-startup-errors.js';
import { databaseInUse } from '../ops/backup.js';
import { cliStoreConfig } from './cli-store.js';
import { openStore, storeLabel, type StoreConfig } from './open-store.js';
import { rederiveFacts } from '../history/fact-rederive.js';
import { readMetaOf } from '../history/rollup-meta.js';
import { rebuildRollupsOf } from '../history/rollup-rebuild.js';
import { systemZoneName, Zone } from '../domain/zone.js';

const USAGE = 'Usage: npm run rollups:rebuild -- [--db <file | postgres://…>] [--rollups-only] [--time-zone <IANA zone>]';

function fail(message: string): never {
  console.error(`rollups:rebuild: ${message}\n${USAGE}`);
  process.exit(2);
}

let values;
try {
  ({ values } = parseArgs({
    options: { db: { type: 'string' }, 'rollups-only': { type: 'boolean', default: false }, 'time-zone': { type: 'string' } },
    strict: true,
  }));
} catch (err) {
  fail((err as Error).message);
}
let config: StoreConfig;
try {
  config = cliStoreConfig(values.db);
} catch (err) {
  fail((err as Error).message);
}
if (!config.FLOORVIEW_DATABASE_URL) {
  if (!existsSync(config.FLOORVIEW_DB)) fail(`no database at ${config.FLOORVIEW_DB}`);
  // Rebuilding under a running server would lose what it ingests meanwhile.
  if (databaseInUse(config.FLOORVIEW_DB)) fail(`${config.FLOORVIEW_DB} is open in another process: stop the server first`);
}

const store = await openStore(config).catch((err: unknown) => {
  if (!(err instanceof StartupError)) throw err;
  console.error(`rollups:rebuild: ${err.message}`);
  process.exit(1);
});
// A server running on PostgreSQL holds its share of a lock this rebuild must take alone.
const releaseLock = store.pg ? await lockOutServers(store.pg) : null;
if (store.pg && !releaseLock) {
  await store.close();
  fail(`${storeLabel(config)} is open in another process (a running server): stop the server first`);
}
const zoneName = values['time-zone'] ?? process.env.FLOORVIEW_TIME_ZONE ?? (await readMetaOf(store)).timeZone ?? systemZoneName();
const zone = Zone.find(zoneName);
if (!zone) {
  await releaseLock?.();
  await store.close();
  fail(`unknown time zone "${zoneName}"`);
}

console.log(`Rebuilding the history of ${storeLabel(config)}`);
const started = performance.now();
const seconds = (t0: number) => ((performance.now() - t0) / 1000).toFixed(1);
if (!values['rollups-only']) {
  const t0 = performance.now();
  let lastReport = t0;
  const stats = await rederiveFacts(store, (s) => {
    if (performance.now() - lastReport < 2_000) return;
    lastReport = performance.now();
    console.log(`  facts: ${s.calls} calls, ${s.events} events (${seconds(t0)} s)`);
  });
  console.log(`facts      ${stats.calls} calls from ${stats.events} events in ${seconds(t0)} s`);
}
const timings = await rebuildRollupsOf(store, zone.name);
for (const [step, s] of Object.entries(timings)) console.log(`rollups    ${step}: ${s.toFixed(1)} s`);
console.log(`done in ${seconds(started)} s (daily rollups in ${zone.name})`);
await releaseLock?.();
await store.close();
