/**
 * The same centre on PostgreSQL for the statistics and report benchmarks (issue 18): the SQLite
 * file's tables copied by `npm run store:copy`'s own code (server/store-copy/) into a new
 * database, then VACUUM ANALYZE (as autovacuum would do soon after a bulk load; the figures must
 * not depend on when it ran). Only the tables a benchmark reads: the statistics bench leaves out
 * the event log and agent state history, 20 million rows no statistic reads.
 */
import Database from 'better-sqlite3';
import { openPostgres } from '../../server/db/postgres-client.js';
import { copyTable, resetIdentities } from '../../server/store-copy/store-copy.js';
import { copyTables } from '../../server/store-copy/store-copy-tables.js';

/** Into the new database at `url`, the file's tables that `copied` accepts. */
export async function loadIntoPostgres(sqliteFile: string, url: string, copied: (table: string) => boolean): Promise<void> {
  const sqlite = new Database(sqliteFile, { readonly: true, fileMustExist: true });
  const pg = await openPostgres(url, { pool: 2, statementTimeoutMs: 0 });
  try {
    for (const table of copyTables().filter((t) => copied(t.name))) {
      await copyTable(sqlite, pg.$client, table, { batchRows: 5_000, progressEveryMs: 30_000, onProgress: (line) => console.log(line) });
    }
    await resetIdentities(pg.$client);
    await pg.$client.query('vacuum analyze');
  } finally {
    sqlite.close();
    await pg.$client.end();
  }
}
