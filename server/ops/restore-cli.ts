/**
 * Restore a backup, with the server stopped:
 *   npm run restore -- --from <backup file> [--db <file>]
 * --db defaults to FLOORVIEW_DB, else data/floorview.db. Refuses while a server has it open.
 */
import { parseArgs } from 'node:util';
import { restoreDatabase, postgresInstead } from './backup.js';

const USAGE = 'Usage: npm run restore -- --from <backup file> [--db <database file>]';

let values;
try {
  ({ values } = parseArgs({ options: { from: { type: 'string' }, db: { type: 'string' } }, strict: true }));
} catch (err) {
  console.error(`restore: ${(err as Error).message}\n${USAGE}`);
  process.exit(2);
}
const db = values.db ?? (process.env.FLOORVIEW_DB || 'data/floorview.db');
const elsewhere = postgresInstead('restore', db);
if (elsewhere) {
  console.error(elsewhere);
  process.exit(2);
}
if (!values.from) {
  console.error(`restore: --from is required\n${USAGE}`);
  process.exit(2);
}
try {
  const r = restoreDatabase(values.from, db);
  console.log(`Restored ${db} from ${values.from} (events through #${r.lastSeq}); start the server on it.`);
} catch (err) {
  console.error(`restore: ${(err as Error).message}`);
  process.exit(1);
}
