/**
 * Imports an Asterisk queue_log (issue 11 points 5 and 6):
 *   npm run import:queue-log -- --file PATH [--follow] [--dry-run] [--time-zone ZONE] [--api URL]
 * The directory is FLOORVIEW_DIRECTORY's and the store the server's (FLOORVIEW_DATABASE_URL, else FLOORVIEW_DB).
 * Without --api the events go into it through this process's ingestion (the server stopped: history of any age is accepted).
 * With --api they are posted to a running server (FLOORVIEW_INTEGRATION_SECRET: an integration key's
 * secret), as any integration: the way to --follow a live file. --dry-run writes nothing to the database
 * and prints, after the summary, a directory skeleton between `--- directory ---` and `--- end ---`.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { lockOutServers } from '../db/postgres-in-use.js';
import { StartupError } from '../db/postgres-startup-errors.js';
import { readDirectoryFile } from '../directory/directory-file.js';
import { Directory } from '../directory/directory.js';
import { upsertDirectory } from '../directory/upsert-directory.js';
import { Zone } from '../domain/zone.js';
import { restoreFloor, saveFloor } from '../floor/floor-snapshot.js';
import { History } from '../history/history.js';
import { IngestService } from '../ingest/ingest-service.js';
import { fileLines } from '../lib/file-lines.js';
import { databaseInUse } from '../ops/backup.js';
import { cliStoreConfig } from './cli-store.js';
import { readConfig } from './env.js';
import { openStore, storeLabel } from './open-store.js';
import { directoryId } from '../platforms/asterisk/asterisk-ids.js';
import { DirectorySkeleton } from '../platforms/asterisk/directory-skeleton.js';
import { QueueLogImport, type EventSink } from '../platforms/asterisk/queue-log-import.js';
import { httpSink, ingestionSink } from '../platforms/asterisk/queue-log-sinks.js';
import { ImportSummary } from '../platforms/asterisk/queue-log-summary.js';

const USAGE = 'Usage: npm run import:queue-log -- --file PATH [--follow] [--dry-run] [--time-zone ZONE] [--api URL]';

function fail(message: string): never {
  console.error(`import:queue-log: ${message}\n${USAGE}`);
  process.exit(2);
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      file: { type: 'string' },
      follow: { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
      'time-zone': { type: 'string' },
      api: { type: 'string' },
    },
    strict: true,
  }));
} catch (err) {
  fail((err as Error).message);
}
if (!values.file) fail('--file is required');
// Waiting for a followed file to appear would hide a mistyped path: it must exist.
if (!existsSync(values.file)) fail(`no file at ${values.file}`);
let config;
try {
  config = readConfig();
} catch (err) {
  fail((err as Error).message);
}
const zone = Zone.find(values['time-zone'] ?? config.FLOORVIEW_TIME_ZONE);
if (!zone) fail(`unknown time zone "${values['time-zone']}"`);
const dryRun = values['dry-run'];
const secret = process.env.FLOORVIEW_INTEGRATION_SECRET;
if (values.api && !dryRun && !secret) fail('--api needs FLOORVIEW_INTEGRATION_SECRET, the secret of an integration key of that server');
// Straight into the database only while no server has it open: a running server would not see the events.
const direct = !values.api && !dryRun;
if (direct && !config.FLOORVIEW_DATABASE_URL && databaseInUse(config.FLOORVIEW_DB))
  fail(`${config.FLOORVIEW_DB} is open in another process (the server?): stop it, or post to it with --api URL`);

// A dry run (and --api) still validates every call against the directory, in a scratch SQLite file.
const scratch = direct ? null : mkdtempSync(join(tmpdir(), 'floorview-queue-log-'));
// A bulk load: a SQLite file fsynced at checkpoints only (a crash is repaired by importing again).
const storeEnv = { ...process.env, FLOORVIEW_SYNCHRONOUS: 'normal' };
const database = await openStore(cliStoreConfig(scratch ? join(scratch, 'scratch.db') : undefined, storeEnv)).catch((err: unknown) => {
  if (!(err instanceof StartupError)) throw err;
  console.error(`import:queue-log: ${err.message}`);
  process.exit(1);
});
// The server running on PostgreSQL holds its share of a lock this import must take alone.
const releaseLock = direct && database.pg ? await lockOutServers(database.pg) : null;
if (direct && database.pg && !releaseLock) {
  await database.close();
  fail(`${storeLabel(config)} is open in another process (a running server): stop it, or post to it with --api URL`);
}
let directoryFile;
try {
  directoryFile = readDirectoryFile(config.FLOORVIEW_DIRECTORY);
} catch (err) {
  fail((err as Error).message);
}
await upsertDirectory(database, directoryFile);
const directory = await Directory.load(database);
const ingest = new IngestService(database, directory, Date.now, undefined, { maxFutureSeconds: config.FLOORVIEW_EVENT_MAX_FUTURE_SECONDS });
const floor = direct ? await restoreFloor(database, directory) : null;
if (floor) ingest.onIngested((fresh) => floor.apply(fresh));
const history = direct ? (await History.open(database, ingest.store, Date.now, { historyAfterMs: null })).follow(ingest) : null;
const sink: EventSink = values.api && !dryRun ? httpSink(values.api, secret!) : ingestionSink(ingest, database);

const summary = new ImportSummary();
const skeleton = dryRun ? new DirectorySkeleton() : undefined;
const importer = new QueueLogImport(
  sink,
  { agentOf: (member) => directory.agentOfInterface(member)?.id, queueOf: (name) => (directory.queues.has(directoryId(name)) ? directoryId(name) : undefined) },
  zone,
  summary,
  skeleton,
);

const stop = new AbortController();
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => stop.abort());
try {
  for await (const line of fileLines(values.file, { follow: values.follow, signal: stop.signal, onIdle: () => importer.idle() })) {
    await importer.line(line.text, line.n, line.terminated);
  }
  await importer.finish();
  await history?.upToDate();
  if (floor) await saveFloor(database, floor);
} catch (err) {
  console.error(`import:queue-log: ${(err as Error).message}`);
  process.exitCode = 1;
} finally {
  await releaseLock?.();
  await database.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
}

console.log(`${dryRun ? 'dry run: nothing written to the database\n' : ''}${summary.lines().join('\n')}`);
if (skeleton) console.log(`--- directory ---\n${JSON.stringify(skeleton, null, 2)}\n--- end ---`);
