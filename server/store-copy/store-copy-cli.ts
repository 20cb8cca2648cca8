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
import { openDb } from '../db/client.js';
import { openPostgres } from '../db/postgres-client.js';
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
const sqliteDb = openDb(from);
const source = SqliteStore.over(sqliteDb);
const target = PostgresStore.over(pg);
const sqlite = sqliteDb.$client;
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
  await Promise.allSettled([source.close(), target.close()]);
}
