/**
 * Moves a centre from its SQLite file to PostgreSQL, with the server stopped:
 *   npm run store:copy -- --from data/floorview.db --to postgres://user:password@host/floorview
 * Brings the target's schema up to date, copies every table (server/store-copy/store-copy.ts: in
 * key order, resumable: run it again after an interruption), moves the target's identity
 * sequences past the copied rows, then checks both stores agree (row counts, a sample of the
 * statistics). Exit 0: copied and verified; 1: failed or differs (said how); 2: bad arguments.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { openDb } from '../db/client.js';
import { openPostgres } from '../db/postgres-client.js';
import { lockOutServers } from '../db/postgres-in-use.js';
import { StartupError } from '../db/postgres-startup-errors.js';
import { PostgresStore } from '../db/postgres-store.js';
import { SqliteStore } from '../db/sqlite-store.js';
import { databaseInUse } from '../ops/backup.js';
import { checkSameCentre, copyTable, DifferentCentreError, resetIdentities } from './store-copy.js';
import { copyTables } from './store-copy-tables.js';
import { compareCounts, compareStatistics } from './store-copy-verify.js';

const USAGE = `Usage: npm run store:copy -- --from <SQLite file> --to <postgres://…> [options]
  --batch-rows <n>        rows per insert (default 5000)
  --progress-every <s>    seconds between a table's progress lines (default 2; 0: every batch)`;

/** Why `file` is not a centre to copy, or null; checked before the copy opens it, which would add Floorview's tables to any SQLite file. */
function notFloorview(file: string): string | null {
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      return db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'events'`).get() ? null : `${file} is not a Floorview database (no events table)`;
    } finally {
      db.close();
    }
  } catch (err) {
    return `${file} cannot be read as a SQLite database (${(err as Error).message})`;
  }
}

function fail(message: string): never {
  console.error(`store:copy: ${message}\n${USAGE}`);
  process.exit(2);
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      from: { type: 'string' },
      to: { type: 'string' },
      'batch-rows': { type: 'string', default: '5000' },
      'progress-every': { type: 'string', default: '2' },
    },
    strict: true,
  }));
} catch (err) {
  fail((err as Error).message);
}
const bad: string[] = [];
if (!values.from) bad.push('--from (the SQLite file) is required');
else if (!existsSync(values.from)) bad.push(`--from: no database at ${values.from}`);
else {
  const problem = notFloorview(values.from);
  if (problem) bad.push(`--from: ${problem}`);
}
if (!values.to) bad.push('--to (the PostgreSQL URL) is required');
else if (!/^postgres(ql)?:\/\/./.test(values.to)) bad.push(`--to must be a postgres:// URL, not ${JSON.stringify(values.to)}`);
const batchRows = Number(values['batch-rows']);
if (!Number.isInteger(batchRows) || batchRows < 1 || batchRows > 100_000) bad.push(`--batch-rows must be an integer from 1 to 100000, not ${JSON.stringify(values['batch-rows'])}`);
const progressEvery = Number(values['progress-every']);
if (values['progress-every'].trim() === '' || !Number.isFinite(progressEvery) || progressEvery < 0)
  bad.push(`--progress-every must be a number of seconds, 0 or more, not ${JSON.stringify(values['progress-every'])}`);
if (bad.length > 0) fail(bad.join('\n'));
const from = values.from!;
const to = values.to!;

function stop(message: string): never {
  console.error(`store:copy: ${message}`);
  process.exit(1);
}

if (databaseInUse(from)) stop(`${from} is open in another process: stop the server first (the copy must see the centre as it stays)`);
let pg;
try {
  pg = await openPostgres(to, { pool: 2, statementTimeoutMs: 0 });
} catch (err) {
  // The start-up errors name the server's setting; here the URL came as --to.
  if (err instanceof StartupError) stop(err.message.replaceAll('FLOORVIEW_DATABASE_URL', '--to'));
  throw err;
}
// A server started on the target meanwhile waits for its share of the lock until the copy is done.
const unlock = await lockOutServers(pg);
if (!unlock) {
  await pg.$client.end();
  stop('a Floorview server is running on the target database: stop it first (the copy must be its only writer)');
}
const sqliteDb = openDb(from);
const source = SqliteStore.over(sqliteDb);
const target = PostgresStore.over(pg);
const sqlite = sqliteDb.$client;
// Each page is read once, in key order: the server's 128 MB page cache would only hold the copy's memory up.
sqlite.pragma('cache_size = -8192');
try {
  const tables = copyTables();
  await checkSameCentre(sqlite, pg.$client, tables);
  const t0 = performance.now();
  let rows = 0;
  for (const table of tables) {
    rows += (await copyTable(sqlite, pg.$client, table, { batchRows, progressEveryMs: progressEvery * 1000, onProgress: (line) => console.log(line) })).copied;
  }
  await resetIdentities(pg.$client);
  console.log(`Copied ${rows} rows of ${tables.length} tables in ${((performance.now() - t0) / 1000).toFixed(1)} s; verifying…`);
  const counts = await compareCounts(source, target, tables);
  const statistics = await compareStatistics(source, target);
  if (counts.length > 0 || statistics.length > 0) {
    stop(
      ['the copy differs from the source:', ...counts.map((c) => `  row count of ${c}`), ...statistics.map((s) => `  statistics: ${s}`)].join('\n'),
    );
  }
  console.log(`Verified: every table's row count and the statistics sample are the same on both stores. Start the server with FLOORVIEW_DATABASE_URL set to the target.`);
} catch (err) {
  if (err instanceof DifferentCentreError) stop(err.message);
  throw err;
} finally {
  await unlock();
  await Promise.allSettled([source.close(), target.close()]);
}
