import { isDeepStrictEqual } from 'node:util';
import type Database from 'better-sqlite3';
import type pg from 'pg';
import type { CopyTable } from './store-copy-tables.js';

/**
 * Copies every table of a SQLite centre into PostgreSQL (npm run store:copy), in streaming
 * batches, resumable after any interruption.
 *
 * How it resumes: each table is read from SQLite in primary-key order (keyset pagination: the
 * next batch starts after the last key read, never an OFFSET) and each batch is written as ONE
 * multi-row INSERT (all of it or nothing), so at every moment the target holds a prefix of each
 * table in key order. A run started again reads the largest key present in each table of the
 * target and continues after it: nothing is copied twice (a row copied twice would also break
 * the primary key, loudly) and nothing is skipped. Keys compare alike on both sides: integers
 * as numbers, text by its bytes (SQLite's BINARY collation, PostgreSQL's COLLATE "C").
 *
 * That holds only while the source does not change: the server must be stopped (the copy
 * refuses a file another process has open) from the first run until the copy is done. A target
 * that is not such a prefix is another centre (or a source that changed since): the copy
 * refuses it when the first or last row of one of its tables is not the source's row.
 */

export interface CopyOptions {
  /** Rows per INSERT at most. */
  batchRows: number;
  /** A progress line per table at most this often (and when the table is done); 0: after every batch. */
  progressEveryMs: number;
  onProgress(line: string): void;
}

export interface TableCopied {
  table: string;
  /** Rows already in the target when this run began (copied by an earlier, interrupted run). */
  resumedAt: number;
  copied: number;
  total: number;
}

/** Bytes of one batch at most, whatever its row count: a table of large rows (report chunks, floor snapshots) stays within memory. */
const BATCH_BYTES = 16 * 2 ** 20;

export class DifferentCentreError extends Error {}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Refuses a target holding anything but a prefix of the source (see the header), before a row is written. */
export async function checkSameCentre(sqlite: Database.Database, target: pg.Pool, tables: CopyTable[]): Promise<void> {
  for (const t of tables) {
    for (const direction of ['ASC', 'DESC'] as const) {
      const { rows } = await target.query({ text: `SELECT ${columnList(t)} FROM ${quote(t.name)} ORDER BY ${pgKeyOrder(t, direction)} LIMIT 1`, rowMode: 'array' });
      const row = rows[0] as unknown[] | undefined;
      if (!row) break;
      const key = t.key.map((i) => row[i]);
      const there = sqlite.prepare(`SELECT ${columnList(t)} FROM ${quote(t.name)} WHERE ${keyColumns(t)} = (${key.map(() => '?').join(', ')})`).raw().get(...key) as
        | unknown[]
        | undefined;
      const same = there !== undefined && t.columns.every((c, i) => isDeepStrictEqual(c.fromSqlite(there[i]), c.fromPg(row[i])));
      if (!same) {
        throw new DifferentCentreError(
          `the target already holds another centre: its table ${t.name} has a row (${keyText(t, key)}) that the source ${there === undefined ? 'does not have' : 'holds otherwise'}. ` +
            'Copy into an empty database, or into the one an interrupted copy of this same source left (with the source unchanged since).',
        );
      }
    }
  }
}

/** Copies one table from where the target's rows end; returns what it did. */
export async function copyTable(sqlite: Database.Database, target: pg.Pool, t: CopyTable, options: CopyOptions): Promise<TableCopied> {
  const total = sqlite.prepare(`SELECT count(*) FROM ${quote(t.name)}`).pluck().get() as number;
  const resumedAt = Number((await target.query(`SELECT count(*) AS n FROM ${quote(t.name)}`)).rows[0].n);
  const last = (await target.query({ text: `SELECT ${keyList(t)} FROM ${quote(t.name)} ORDER BY ${pgKeyOrder(t, 'DESC')} LIMIT 1`, rowMode: 'array' }))
    .rows[0] as unknown[] | undefined;

  const select = `SELECT ${columnList(t)} FROM ${quote(t.name)}`;
  const order = `ORDER BY ${keyList(t)} LIMIT ?`;
  const first = sqlite.prepare(`${select} ${order}`).raw();
  const after = sqlite.prepare(`${select} WHERE ${keyColumns(t)} > (${t.key.map(() => '?').join(', ')}) ${order}`).raw();
  const insert = `INSERT INTO ${quote(t.name)} (${columnList(t)}) SELECT * FROM unnest(${t.columns.map((c, i) => `$${i + 1}::${c.pgType}[]`).join(', ')})`;

  const readBatch = (lastKey: unknown[] | undefined): unknown[][] => {
    const rows: unknown[][] = [];
    let bytes = 0;
    const iterator = lastKey ? after.iterate(...lastKey, options.batchRows) : first.iterate(options.batchRows);
    for (const row of iterator as Iterable<unknown[]>) {
      rows.push(row);
      bytes += rowBytes(row);
      if (bytes >= BATCH_BYTES) break;
    }
    return rows;
  };

  const started = performance.now();
  let printed = started;
  let copied = 0;
  const say = () => {
    const seconds = (performance.now() - started) / 1000;
    const rate = seconds > 0 ? Math.round(copied / seconds) : 0;
    options.onProgress(`${t.name}: ${resumedAt + copied} / ${total} rows, ${rate} rows/s${resumedAt > 0 ? ` (resumed at ${resumedAt})` : ''}`);
  };

  // While PostgreSQL stores one batch, the next is read from SQLite.
  let batch = readBatch(last);
  while (batch.length > 0) {
    const columns = t.columns.map((c, i) => batch.map((row) => c.toPg(row[i])));
    const stored = target.query(insert, columns);
    const lastKey = t.key.map((i) => batch[batch.length - 1]![i]);
    const count = batch.length;
    batch = readBatch(lastKey);
    await stored;
    copied += count;
    if (performance.now() - printed >= options.progressEveryMs && batch.length > 0) {
      printed = performance.now();
      say();
    }
  }
  say();
  return { table: t.name, resumedAt, copied, total };
}

/** New rows continue after the copied ones: every identity column's sequence moves past the largest value copied. */
export async function resetIdentities(target: pg.Pool): Promise<void> {
  const { rows } = await target.query<{ table_name: string; column_name: string }>(
    `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema() AND is_identity = 'YES' ORDER BY table_name`,
  );
  for (const { table_name: table, column_name: column } of rows) {
    await target.query(
      `SELECT setval(pg_get_serial_sequence($1, $2), coalesce(max(${quote(column)}), 1), max(${quote(column)}) IS NOT NULL) FROM ${quote(table)}`,
      [quote(table), column],
    );
  }
}

const columnList = (t: CopyTable) => t.columns.map((c) => quote(c.name)).join(', ');
const keyList = (t: CopyTable) => t.key.map((i) => quote(t.columns[i]!.name)).join(', ');
const keyColumns = (t: CopyTable) => `(${keyList(t)})`;
const keyText = (t: CopyTable, key: unknown[]) => t.key.map((i, n) => `${t.columns[i]!.name} ${JSON.stringify(key[n])}`).join(', ');

/** PostgreSQL's key order as SQLite's: text by its bytes, whatever the database's collation. */
const pgKeyOrder = (t: CopyTable, direction: 'ASC' | 'DESC') =>
  t.key.map((i) => `${quote(t.columns[i]!.name)}${t.columns[i]!.pgType === 'text' ? ' COLLATE "C"' : ''} ${direction}`).join(', ');

function rowBytes(row: unknown[]): number {
  let bytes = 0;
  for (const v of row) bytes += typeof v === 'string' ? v.length : Buffer.isBuffer(v) ? v.length : 8;
  return bytes;
}
