/**
 * Rebuilds history from the event log:
 *   npm run rollups:rebuild -- --db data/floorview.db [--rollups-only] [--time-zone Asia/Shanghai]
 * Re-derives every call's facts from the `events` table, call by call, then
 * rebuilds the interval rollups from the facts (`--rollups-only`: just the
 * rollups). The reporting zone of the daily rollups is --time-zone, else
 * FLOORVIEW_TIME_ZONE, else the zone they were built in, else the server's.
 * Stop the server first: it must not ingest meanwhile.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { openDb } from '../db/client.js';
import { databaseInUse } from '../ops/backup.js';
import { rederiveFacts } from './fact-rederive.js';
import { readMeta } from './rollup-meta.js';
import { rebuildRollups } from './rollup-rebuild.js';
import { systemZoneName, Zone } from '../domain/zone.js';

const USAGE = 'Usage: npm run rollups:rebuild -- --db <file> [--rollups-only] [--time-zone <IANA zone>]';

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
if (!values.db) fail('--db is required');
if (!existsSync(values.db)) fail(`no database at ${values.db}`);
// Rebuilding under a running server would lose what it ingests meanwhile.
if (databaseInUse(values.db)) fail(`${values.db} is open in another process: stop the server first`);

const db = openDb(values.db);
const zoneName = values['time-zone'] ?? process.env.FLOORVIEW_TIME_ZONE ?? readMeta(db).timeZone ?? systemZoneName();
const zone = Zone.find(zoneName);
if (!zone) fail(`unknown time zone "${zoneName}"`);

const started = performance.now();
const seconds = (t0: number) => ((performance.now() - t0) / 1000).toFixed(1);
if (!values['rollups-only']) {
  const t0 = performance.now();
  let lastReport = t0;
  const stats = rederiveFacts(db, (s) => {
    if (performance.now() - lastReport < 2_000) return;
    lastReport = performance.now();
    console.log(`  facts: ${s.calls} calls, ${s.events} events (${seconds(t0)} s)`);
  });
  console.log(`facts      ${stats.calls} calls from ${stats.events} events in ${seconds(t0)} s`);
}
const timings = rebuildRollups(db, zone.name);
for (const [step, s] of Object.entries(timings)) console.log(`rollups    ${step}: ${s.toFixed(1)} s`);
console.log(`done in ${seconds(started)} s (daily rollups in ${zone.name})`);
db.$client.close();
