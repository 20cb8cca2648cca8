/**
 * Online backup, beside a running server:
 *   npm run backup -- --to <file> [--db <file>]
 * --db defaults to FLOORVIEW_DB, else data/floorview.db (as the server's).
 */
import { parseArgs } from 'node:util';
import { backupDatabase, postgresInstead } from './backup.js';

const USAGE = 'Usage: npm run backup -- --to <new file> [--db <database file>]';

let values;
try {
  ({ values } = parseArgs({ options: { to: { type: 'string' }, db: { type: 'string' } }, strict: true }));
} catch (err) {
  console.error(`backup: ${(err as Error).message}\n${USAGE}`);
  process.exit(2);
}
const db = values.db ?? (process.env.FLOORVIEW_DB || 'data/floorview.db');
const elsewhere = postgresInstead('backup', db);
if (elsewhere) {
  console.error(elsewhere);
  process.exit(2);
}
if (!values.to) {
  console.error(`backup: --to is required\n${USAGE}`);
  process.exit(2);
}
try {
  const r = await backupDatabase(db, values.to);
  const mb = (r.bytes / 1024 / 1024).toFixed(1);
  console.log(`Backed up ${db} to ${values.to}: ${mb} MB, events through #${r.lastSeq}, in ${r.seconds.toFixed(1)} s`);
} catch (err) {
  console.error(`backup: ${(err as Error).message}`);
  process.exit(1);
}
