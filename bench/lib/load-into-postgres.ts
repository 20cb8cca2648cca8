/**
 * The same centre on PostgreSQL for the statistics and report benchmarks (issue 18): the SQLite
 * file's tables copied row for row into a migrated PostgreSQL database, then VACUUM ANALYZE (as
 * autovacuum would do soon after a bulk load; the figures must not depend on when it ran).
 *
 * A benchmark's loader only, until `npm run store:copy` (the product's copy, resumable and
 * verified) lands: then the benchmarks use that instead. It copies the tables it is told to (the
 * statistics bench leaves out the event log and agent state history, 20 million rows no statistic
 * reads), each whole, in multi-row inserts of about 60,000 values.
 */
import Database from 'better-sqlite3';
import { openPostgres } from '../../server/db/postgres-client.js';

/** Into the new database at `url` (its user a superuser), the file's tables that `copied` accepts. */
export async function loadIntoPostgres(sqliteFile: string, url: string, copied: (table: string) => boolean): Promise<void> {
  const src = new Database(sqliteFile, { readonly: true, fileMustExist: true });
  const pg = await openPostgres(url, { pool: 1, statementTimeoutMs: 0 });
  try {
    const targets = new Set(
      (await pg.$client.query<{ name: string }>("select tablename as name from pg_tables where schemaname = 'public'")).rows.map((r) => r.name),
    );
    const tables = (src.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name").pluck().all() as string[]).filter(
      (t) => targets.has(t) && copied(t) && t !== '__drizzle_migrations',
    );
    // Tables in name order, not in their foreign keys' order: the copied rows are consistent already (a superuser's session).
    await pg.$client.query('set session_replication_role = replica');
    for (const table of tables) {
      const t0 = performance.now();
      const read = src.prepare(`select * from "${table}"`).raw();
      const columns = read.columns().map((c) => `"${c.name}"`);
      const perStatement = Math.floor(60_000 / columns.length);
      const insert = (rows: unknown[][]) => {
        const params: unknown[] = [];
        const tuples = rows.map((r) => `(${r.map((v) => (params.push(v), `$${params.length}`)).join(', ')})`);
        return pg.$client.query(`insert into "${table}" (${columns.join(', ')}) values ${tuples.join(', ')}`, params);
      };
      let batch: unknown[][] = [];
      let copied = 0;
      for (const row of read.iterate() as IterableIterator<unknown[]>) {
        batch.push(row);
        if (batch.length === perStatement) {
          await insert(batch);
          copied += batch.length;
          batch = [];
        }
      }
      if (batch.length > 0) await insert(batch);
      copied += batch.length;
      // Rows a server adds later (a floor snapshot, a directory change) continue after the copied ones.
      const identities = await pg.$client.query<{ column: string }>(
        "select column_name as column from information_schema.columns where table_schema = 'public' and table_name = $1 and is_identity = 'YES'",
        [table],
      );
      for (const { column } of identities.rows) {
        await pg.$client.query(`select setval(pg_get_serial_sequence($1, $2), coalesce(max("${column}"), 0) + 1, false) from "${table}"`, [table, column]);
      }
      console.log(`loaded ${table}: ${copied.toLocaleString('en')} rows in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    }
    await pg.$client.query('vacuum analyze');
  } finally {
    src.close();
    await pg.$client.end();
  }
}
