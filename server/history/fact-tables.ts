/** A fact table's columns, as (SQL column, field of the derived row); the key columns first. */
export interface FactTable {
  name: string;
  key: number;
  columns: [string, string][];
}

const col = (field: string): [string, string] => [field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), field];
const table = (name: string, key: string[], rest: string[]): FactTable => ({ name, key: key.length, columns: [...key, ...rest].map(col) });

export const CALLS = table('calls', ['id'], ['direction', 'queueId', 'startedAt', 'answeredAt', 'endedAt', 'endedBy', 'outcome']);
export const VISITS = table('queue_visits', ['callId', 'visit'], [
  'queueId', 'queuedAt', 'answeredAt', 'leftAt', 'outcome', 'agentId', 'queueTime', 'holdTime', 'connectedTime', 'handleTime',
]);
export const HANDLINGS = table('handlings', ['callId', 'handling'], [
  'agentId', 'queueId', 'direction', 'offeredAt', 'answeredAt', 'endedAt', 'result', 'ringTime', 'connectedTime', 'holdTime', 'talkTime', 'handleTime',
]);
export const WRAPUPS = table('wrapups', ['callId', 'handling', 'agentId'], ['queueId', 'startedAt', 'completedAt', 'reasonId', 'wrapupTime']);

export const FACT_TABLES = [CALLS, VISITS, HANDLINGS, WRAPUPS] as const;

/** The SQL column names of a fact table, key columns first. */
export const columnNames = (t: FactTable) => t.columns.map(([c]) => c);
