import type { SQL } from 'drizzle-orm';
import type { Store } from '../db/store.js';
import type { FamilyName } from '../domain/rollup-cells.js';
import type { Zone } from '../domain/zone.js';
import { sealQueries } from './day-sealing.js';
import { columnNames, type FactTable } from './fact-tables.js';
import type { HistoryWrites } from './history-writes.js';
import { FAMILY_NAMES, ROLLUP_TABLES, tableOf, type Level } from './rollup-tables.js';
import { query } from './sql-steps.js';

/** PostgreSQL's limit of parameters in one statement. */
const MAX_PARAMS = 65_535;

/**
 * The order in which recorded writes are replayed. Within one catch-up the writers touch each
 * fact row and each cell of a level at most once (a call is re-derived once, a cell's changes
 * are summed first), and never a row both upserted and deleted, so the writes of a kind may go
 * together in multi-row statements; what must follow them does: a cell emptied is deleted after
 * its change, the seal line moves over the cells written, in its statements' order.
 */
const PHASES = ['facts', 'cells', 'emptied', 'keys', 'seal', 'meta'] as const;
type Phase = (typeof PHASES)[number];

interface Recorded {
  phase: Phase;
  /** Writes with the same statement go into one multi-row statement (`rows` for `row`s). */
  statement: string;
  row: unknown[];
  /** The row's conflict key: two rows with one key never share a statement. */
  key: string;
  rows?: (rows: unknown[][]) => SQL;
  /** A whole statement (sealing), replayed as it is. */
  sql?: SQL;
}

/**
 * The history's writes on PostgreSQL: the shared writers' calls are recorded, then replayed in one
 * transaction (`replay`), consecutive writes of one statement as multi-row `INSERT … ON CONFLICT`
 * or `DELETE … IN` statements: a catch-up costs a few round trips, not one per row.
 */
export class RecordedHistoryWrites implements HistoryWrites {
  private recorded: Recorded[] = [];

  atomically(work: () => void): void {
    const mark = this.recorded.length;
    try {
      work();
    } catch (err) {
      this.recorded.length = mark;
      throw err;
    }
  }

  upsertFact(table: FactTable, values: unknown[]): void {
    const names = columnNames(table);
    const keys = names.slice(0, table.key);
    const set = names.slice(table.key).map((c) => `${c} = excluded.${c}`);
    this.record('facts', `upsert ${table.name}`, values, table.key, (rows) =>
      insert(table.name, names, rows, `ON CONFLICT (${keys.join(', ')}) DO UPDATE SET ${set.join(', ')}`),
    );
  }

  deleteFact(table: FactTable, key: unknown[]): void {
    const keys = columnNames(table).slice(0, table.key);
    this.record('facts', `delete ${table.name}`, key, key.length, (rows) => deleteIn(table.name, keys, rows, ''));
  }

  addToCell(family: FamilyName, level: Level, dims: readonly string[], period: number, values: readonly number[]): void {
    const t = ROLLUP_TABLES[family];
    const table = tableOf(t, level);
    const key = [...t.dims, level];
    const set = t.values.map((v) => `${v} = ${table}.${v} + excluded.${v}`);
    this.record('cells', `add ${table}`, [...dims, period, ...values], key.length, (rows) =>
      insert(table, [...key, ...t.values], rows, `ON CONFLICT (${key.join(', ')}) DO UPDATE SET ${set.join(', ')}`),
    );
  }

  deleteIfEmpty(family: FamilyName, level: Level, dims: readonly string[], period: number): void {
    const t = ROLLUP_TABLES[family];
    const table = tableOf(t, level);
    const empty = t.values.map((v) => ` AND ${v} = 0`).join('');
    this.record('emptied', `empty ${table}`, [...dims, period], dims.length + 1, (rows) => deleteIn(table, [...t.dims, level], rows, empty));
  }

  insertKey(family: FamilyName, dims: readonly string[]): void {
    const t = ROLLUP_TABLES[family];
    this.record('keys', `key ${t.keys}`, [...dims], dims.length, (rows) => insert(t.keys, t.dims, rows, 'ON CONFLICT DO NOTHING'));
  }

  saveMeta(key: string, value: string): void {
    this.record('meta', 'meta', [key, value], 1, (rows) =>
      insert('rollup_meta', ['key', 'value'], rows, 'ON CONFLICT (key) DO UPDATE SET value = excluded.value'),
    );
  }

  seal(zone: Zone, from: number, to: number): void {
    for (const q of sealQueries(zone, FAMILY_NAMES, from, to)) this.recorded.push({ phase: 'seal', statement: '', row: [], key: '', sql: q });
  }

  /** Whether anything waits for `replay`. */
  get empty(): boolean {
    return this.recorded.length === 0;
  }

  /** Drops what was recorded (after a failed catch-up). */
  clear(): void {
    this.recorded = [];
  }

  /** Writes what was recorded in one transaction, then forgets it; on failure nothing is written and it is dropped too. */
  async replay(store: Store): Promise<void> {
    const statements = this.statements();
    this.recorded = [];
    if (statements.length === 0) return;
    await store.transaction(async (tx) => {
      for (const q of statements) await tx.run(q);
    });
  }

  private record(phase: Phase, statement: string, row: unknown[], keyLength: number, rows: (rows: unknown[][]) => SQL): void {
    this.recorded.push({ phase, statement, row, key: JSON.stringify(row.slice(0, keyLength)), rows });
  }

  /** The recorded writes as statements, phase by phase, a statement's rows together as far as keys and parameters allow. */
  private statements(): SQL[] {
    const out: SQL[] = [];
    for (const phase of PHASES) {
      const groups = new Map<string, Recorded[]>();
      for (const r of this.recorded) {
        if (r.phase !== phase) continue;
        if (r.sql) out.push(r.sql);
        else {
          const group = groups.get(r.statement);
          if (group) group.push(r);
          else groups.set(r.statement, [r]);
        }
      }
      for (const group of groups.values()) out.push(...chunks(group));
    }
    return out;
  }
}

/** A group's rows in statements of at most MAX_PARAMS parameters, a new one where a key comes again (later rows win, as when written one by one). */
function chunks(group: Recorded[]): SQL[] {
  const out: SQL[] = [];
  const perStatement = Math.floor(MAX_PARAMS / group[0]!.row.length);
  let rows: unknown[][] = [];
  let keys = new Set<string>();
  const flush = () => {
    if (rows.length > 0) out.push(group[0]!.rows!(rows));
    rows = [];
    keys = new Set();
  };
  for (const r of group) {
    if (keys.has(r.key) || rows.length === perStatement) flush();
    rows.push(r.row);
    keys.add(r.key);
  }
  flush();
  return out;
}

const tuples = (rows: unknown[][]) => rows.map((row) => `(${row.map(() => '?').join(', ')})`).join(', ');

function insert(table: string, columns: readonly string[], rows: unknown[][], onConflict: string): SQL {
  return query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples(rows)} ${onConflict}`, rows.flat());
}

function deleteIn(table: string, key: readonly string[], rows: unknown[][], condition: string): SQL {
  return query(`DELETE FROM ${table} WHERE (${key.join(', ')}) IN (${tuples(rows)})${condition}`, rows.flat());
}
