/**
 * Fills a database with simulated history:
 *   npm run seed -- --days 90 --agents 500 --queues 40 --calls-per-day 30000 --db data/reference.db --seed 1
 * With --directory the centre comes from that file; otherwise one is generated,
 * written next to the database (<db>.centre.json) and loaded. The floor is saved
 * at the end, so a server started on the database carries on from it.
 */
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { openDb } from '../db/client.js';
import { SqliteStore } from '../db/sqlite-store.js';
import { Directory } from '../directory/directory.js';
import { DirectoryFileError, readDirectoryFile, type DirectoryFile } from '../directory/directory-file.js';
import { centreJson, generateCentre } from '../directory/generate-centre.js';
import { upsertDirectory } from '../directory/upsert-directory.js';
import { restoreFloor, saveFloor } from '../floor/floor-snapshot.js';
import { EventStore } from '../ingest/event-store.js';
import { IngestService } from '../ingest/ingest-service.js';
import { History } from '../history/history.js';
import { readMeta } from '../history/rollup-meta.js';
import { rebuildRollups } from '../history/rollup-rebuild.js';
import { systemZoneName } from '../domain/zone.js';
import { progressLines } from './backfill.js';
import { Simulator } from './simulator.js';
import { DAY_MS } from './time-zones.js';

const USAGE = `Usage: npm run seed -- [options]
  --days <n>            days of history ending now (default 14)
  --agents <n>          agents in the generated centre (default 60)
  --queues <n>          queues in the generated centre (default 8)
  --calls-per-day <n>   inbound calls a day (default about 45 per agent)
  --seed <n>            random seed (default 1)
  --db <path>           SQLite file to fill (default data/floorview.db); must hold no events yet
  --directory <file>    use this directory file instead of generating a centre
  --rollups-at-end      build the statistics rollups once from the facts at the end
                        instead of keeping them while simulating`;

function fail(message: string): never {
  console.error(`seed: ${message}\n\n${USAGE}`);
  process.exit(2);
}

function readArgs() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        days: { type: 'string', default: '14' },
        agents: { type: 'string' },
        queues: { type: 'string' },
        'calls-per-day': { type: 'string' },
        seed: { type: 'string', default: '1' },
        db: { type: 'string', default: 'data/floorview.db' },
        directory: { type: 'string' },
        'rollups-at-end': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    fail((err as Error).message);
  }
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  if (values.directory !== undefined && (values.agents !== undefined || values.queues !== undefined))
    fail('--agents and --queues describe a generated centre; they cannot be combined with --directory');
  const number = (name: string, raw: string | undefined, min: number, max: number, integer = true) => {
    if (raw === undefined) return undefined;
    const n = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(n) || (integer && !Number.isInteger(n)) || n < min || n > max)
      fail(`--${name} must be ${integer ? 'an integer' : 'a number'} from ${min} to ${max}, got "${raw}"`);
    return n;
  };
  return {
    days: number('days', values.days, 0.001, 3650, false)!,
    agents: number('agents', values.agents, 1, 100_000) ?? 60,
    queues: number('queues', values.queues, 1, 10_000) ?? 8,
    callsPerDay: number('calls-per-day', values['calls-per-day'], 0, 10_000_000),
    seed: number('seed', values.seed, -(2 ** 31), 2 ** 31 - 1)!,
    db: values.db,
    directory: values.directory,
    rollupsAtEnd: values['rollups-at-end'],
  };
}

const args = readArgs();
let centre: DirectoryFile;
try {
  centre = args.directory
    ? readDirectoryFile(args.directory)
    : generateCentre({ agents: args.agents, queues: args.queues, seed: args.seed });
} catch (err) {
  if (err instanceof DirectoryFileError) fail(err.message);
  throw err;
}

const db = openDb(args.db);
const store = new EventStore(db);
const existing = store.lastSeq();
if (existing > 0) {
  db.$client.close();
  fail(`${args.db} already holds events (up to #${existing}); seed a new database file`);
}
if (!args.directory) {
  writeFileSync(`${args.db}.centre.json`, centreJson(centre));
  console.log(`Centre: ${centre.agents.length} agents, ${centre.queues.length} queues, written to ${args.db}.centre.json`);
}
const database = SqliteStore.over(db);
await upsertDirectory(database, centre);
const directory = await Directory.load(database);
const floor = await restoreFloor(database, directory);
const ingest = new IngestService(database, directory, Date.now, store);
ingest.onIngested((fresh) => floor.apply(fresh));
const history = (await History.open(database, store, Date.now, { rollups: !args.rollupsAtEnd })).follow(ingest);
const simulator = new Simulator({ directory, seed: args.seed, callsPerDay: args.callsPerDay });

const to = Date.now();
const from = Math.round(to - args.days * DAY_MS);
console.log(
  `Simulating ${new Date(from).toISOString()} → ${new Date(to).toISOString()}, ${simulator.callsPerDay} calls a day, seed ${args.seed}`,
);
const stats = await simulator.backfill(ingest, from, to, { onProgress: progressLines(from, to, (line) => console.log(line)) });
// A bulk load is done when its history is written too.
await history.upToDate();
await saveFloor(database, floor, to);
let rollupSeconds: number | null = null;
if (args.rollupsAtEnd) {
  const t0 = performance.now();
  rebuildRollups(db, readMeta(db).timeZone ?? systemZoneName());
  rollupSeconds = (performance.now() - t0) / 1000;
}
db.$client.pragma('wal_checkpoint(TRUNCATE)');
await database.close();

const size = [args.db, `${args.db}-wal`].reduce((sum, f) => sum + (existsSync(f) ? statSync(f).size : 0), 0);
console.log(
  [
    'Done.',
    `  events       ${stats.events} (${stats.accepted} new, ${stats.duplicates} already stored)`,
    `  calls        ${stats.calls}`,
    `  seconds      ${stats.seconds.toFixed(1)}`,
    `  events/s     ${Math.round(stats.eventsPerSecond)}${args.rollupsAtEnd ? ' (without rollups)' : ''}`,
    ...(rollupSeconds === null
      ? []
      : [`  rollups      built in ${rollupSeconds.toFixed(1)} s (${Math.round(stats.events / (stats.seconds + rollupSeconds))} events/s overall)`]),
    `  database     ${args.db}, ${(size / 2 ** 20).toFixed(1)} MiB`,
  ].join('\n'),
);
