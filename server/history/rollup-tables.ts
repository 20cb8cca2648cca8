import { FAMILIES, type FamilyName } from '../domain/rollup-cells.js';

/** SQL names of a rollup family's tables and columns (server/db/schema/rollups.ts), derived from its glossary names. */
export interface FamilyTables {
  family: FamilyName;
  /** 15-minute level: period column `bucket`. */
  buckets: string;
  /** UTC hours: period column `hour`. */
  hours: string;
  /** Reporting-zone days: period column `day`. */
  days: string;
  /** Reporting-zone months: period column `month`. */
  months: string;
  /** Every key the family has counters for. */
  keys: string;
  dims: string[];
  values: string[];
}

/** A rollup level; also the name of its tables' period column. */
export type Level = 'bucket' | 'hour' | 'day' | 'month';

/** Levels whose tables lead with the period (read by time range); the others lead with the dimensions (read key by key). */
export const byTime = (level: Level) => level === 'bucket' || level === 'hour';

export const HOUR_MS = 3_600_000;

/** The UTC hour holding `ms`. */
export const hourOf = (ms: number) => ms - (((ms % HOUR_MS) + HOUR_MS) % HOUR_MS);

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

function tablesOf(family: FamilyName): FamilyTables {
  const base = snake(family);
  return {
    family,
    buckets: `${base}_buckets`,
    hours: `${base}_hours`,
    days: `${base}_days`,
    months: `${base}_months`,
    keys: `${base}_keys`,
    dims: FAMILIES[family].dims.map(snake),
    values: FAMILIES[family].values.map(snake),
  };
}

export const FAMILY_NAMES = Object.keys(FAMILIES) as FamilyName[];

export const ROLLUP_TABLES = Object.fromEntries(FAMILY_NAMES.map((f) => [f, tablesOf(f)])) as Record<FamilyName, FamilyTables>;

export const tableOf = (t: FamilyTables, level: Level) => ({ bucket: t.buckets, hour: t.hours, day: t.days, month: t.months })[level];

/** The column of one of the family's values (a glossary name such as `connectedMs`). */
export function columnOf(t: FamilyTables, value: string): string {
  const column = snake(value);
  if (!t.values.includes(column)) throw new Error(`${t.family} has no counter "${value}"`);
  return column;
}

/**
 * Families whose every cell has an agent, so an agent filter applies. (The reason
 * family keeps an agent only for wrap-ups with no queue.)
 */
export const FAMILIES_WITH_AGENTS: ReadonlySet<FamilyName> = new Set(['agentQueue', 'wrapupAgent', 'agentTime']);
