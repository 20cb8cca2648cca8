import type { AgentRow } from '../../contract/live.js';

/** Sorting, filtering and grouping of the agent rows: pure, so a frame costs one pass over the floor. */

/** The sortable columns, in the table's order. */
export const SORT_KEYS = ['name', 'state', 'timeInState', 'queues', 'contactState', 'contactDuration', 'monitoredBy'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDirection = 'asc' | 'desc';
export type AgentListView = 'list' | 'queue';
export const STATE_FILTERS = ['available', 'unavailable', 'signed_out'] as const;
export type StateFilter = (typeof STATE_FILTERS)[number] | '';

export interface AgentFilter {
  /** A queue id, or '' for all. */
  queue: string;
  state: StateFilter;
  /** Part of a name, matched without regard to case or accents. */
  search: string;
}

export type ListItem =
  | { kind: 'group'; key: string; queueId: string | null; name: string; count: number; joined: number }
  | { kind: 'agent'; key: string; row: AgentRow };

const STATE_ORDER = { available: 0, unavailable: 1, signed_out: 2 } as const;
const CONTACT_ORDER = { idle: 0, ringing: 1, connected: 2, hold: 3, wrapup: 4 } as const;

/**
 * Instants sort so that the longest-running comes last in ascending order
 * (shortest duration first); none sorts last either way. Parsed once per row
 * object: a frame replaces only the rows that changed.
 */
const parsed = { stateSince: new WeakMap<AgentRow, number>(), contactSince: new WeakMap<AgentRow, number>() };
function since(row: AgentRow, field: 'stateSince' | 'contactSince'): number | null {
  const iso = row[field];
  if (iso === null) return null;
  let at = parsed[field].get(row);
  if (at === undefined) parsed[field].set(row, (at = Date.parse(iso)));
  return -at;
}

function compareNullable(a: number | string | null, b: number | string | null, compareText: (x: string, y: string) => number): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return typeof a === 'string' ? compareText(a, b as string) : a - (b as number);
}

function sortValue(row: AgentRow, key: SortKey, nameRank: ReadonlyMap<string, number>): number | string | null {
  switch (key) {
    case 'name':
      return nameRank.get(row.name)!;
    case 'state':
      return STATE_ORDER[row.state] * 1000 + (row.stateReason ? 1 : 0);
    case 'timeInState':
      return since(row, 'stateSince');
    case 'queues':
      return row.queues.filter((q) => q.joined).length * 1000 + row.queues.length;
    case 'contactState':
      return CONTACT_ORDER[row.contactState] * 10 + (row.direction === 'outbound' ? 1 : 0);
    case 'contactDuration':
      return row.contactState === 'idle' ? null : since(row, 'contactSince');
    case 'monitoredBy':
      return row.monitoredBy ? `${row.monitoredBy.supervisorName} ${row.monitoredBy.mode}` : null;
  }
}

/**
 * Collation is the costly part of sorting 2,000 rows ten times a second: names
 * are ranked once per collator and compared as numbers until a new name appears.
 */
const rankCache = new WeakMap<Intl.Collator, Map<string, number>>();
function nameRanks(rows: readonly AgentRow[], collator: Intl.Collator): ReadonlyMap<string, number> {
  let ranks = rankCache.get(collator);
  if (ranks && rows.every((r) => ranks!.has(r.name))) return ranks;
  const names = [...new Set([...(ranks?.keys() ?? []), ...rows.map((r) => r.name)])].sort(collator.compare);
  ranks = new Map(names.map((name, i) => [name, i]));
  rankCache.set(collator, ranks);
  return ranks;
}

export function sortAgents(rows: readonly AgentRow[], key: SortKey, direction: SortDirection, collator: Intl.Collator): AgentRow[] {
  const sign = direction === 'asc' ? 1 : -1;
  const ranks = nameRanks(rows, collator);
  const text = (x: string, y: string) => collator.compare(x, y);
  const keyed = rows.map((row) => ({ row, value: sortValue(row, key, ranks), name: ranks.get(row.name)! }));
  keyed.sort((a, b) => {
    // Rows without a value (idle, unmonitored) stay at the end in both directions.
    if (a.value === null || b.value === null) return compareNullable(a.value, b.value, text) || a.name - b.name;
    return sign * compareNullable(a.value, b.value, text) || a.name - b.name || (a.row.agentId < b.row.agentId ? -1 : 1);
  });
  return keyed.map((k) => k.row);
}

export function filterAgents(rows: Iterable<AgentRow>, filter: AgentFilter): AgentRow[] {
  const needle = fold(filter.search.trim());
  const out: AgentRow[] = [];
  for (const row of rows) {
    if (filter.state && row.state !== filter.state) continue;
    if (filter.queue && !row.queues.some((q) => q.queueId === filter.queue)) continue;
    if (needle && !fold(row.name).includes(needle)) continue;
    out.push(row);
  }
  return out;
}

/** Names without case or accents ("li" finds "Lì"), cached: names rarely change and a frame filters every row. */
const folded = new Map<string, string>();
function fold(text: string): string {
  let f = folded.get(text);
  if (f === undefined) {
    f = text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    if (folded.size > 10_000) folded.clear();
    folded.set(text, f);
  }
  return f;
}

/**
 * The rows as the list shows them: flat, or one group per queue (an agent in two
 * queues is listed under both). Rows keep the order they were sorted in.
 */
export function listItems(
  sorted: readonly AgentRow[],
  view: AgentListView,
  queueName: (queueId: string) => string,
  filter: AgentFilter,
  collator: Intl.Collator,
  noQueueName: string,
): ListItem[] {
  if (view === 'list') return sorted.map((row) => agentItem(row, null));
  const groups = new Map<string | null, AgentRow[]>();
  for (const row of sorted) {
    const ids = row.queues.map((q) => q.queueId).filter((id) => !filter.queue || id === filter.queue);
    for (const id of ids.length > 0 ? ids : [null]) {
      let members = groups.get(id);
      if (!members) groups.set(id, (members = []));
      members.push(row);
    }
  }
  const name = (id: string | null) => (id === null ? noQueueName : queueName(id));
  const order = [...groups.keys()].sort((a, b) => (a === null ? 1 : b === null ? -1 : collator.compare(name(a), name(b))));
  const items: ListItem[] = [];
  for (const id of order) {
    const members = groups.get(id)!;
    const joined = id === null ? 0 : members.filter((r) => r.queues.some((q) => q.queueId === id && q.joined)).length;
    items.push({ kind: 'group', key: `group ${id ?? ''}`, queueId: id, name: name(id), count: members.length, joined });
    for (const row of members) items.push(agentItem(row, id));
  }
  return items;
}

/** One item per row object and group, kept while the row is: thousands of fresh items a frame would only feed the garbage collector. */
const itemCache = new WeakMap<AgentRow, Map<string | null, ListItem>>();
function agentItem(row: AgentRow, group: string | null): ListItem {
  let byGroup = itemCache.get(row);
  if (!byGroup) itemCache.set(row, (byGroup = new Map()));
  let item = byGroup.get(group);
  if (!item) byGroup.set(group, (item = { kind: 'agent', key: group === null ? row.agentId : `${group} ${row.agentId}`, row }));
  return item;
}
