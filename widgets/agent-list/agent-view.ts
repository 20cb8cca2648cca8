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

interface Keyed {
  row: AgentRow;
  value: number | string | null;
  name: number;
}

/** The rows' order for one column and direction: a total order (ties broken by id), so any way of sorting gives the same list. */
function ordering(rows: readonly AgentRow[], key: SortKey, direction: SortDirection, collator: Intl.Collator) {
  const sign = direction === 'asc' ? 1 : -1;
  const ranks = nameRanks(rows, collator);
  const text = (x: string, y: string) => collator.compare(x, y);
  return {
    keyed: (row: AgentRow): Keyed => ({ row, value: sortValue(row, key, ranks), name: ranks.get(row.name)! }),
    compare: (a: Keyed, b: Keyed): number => {
      // Rows without a value (idle, unmonitored) stay at the end in both directions.
      const byValue = a.value === null || b.value === null ? compareNullable(a.value, b.value, text) : sign * compareNullable(a.value, b.value, text);
      return byValue || a.name - b.name || (a.row.agentId < b.row.agentId ? -1 : a.row.agentId > b.row.agentId ? 1 : 0);
    },
  };
}

export function sortAgents(rows: readonly AgentRow[], key: SortKey, direction: SortDirection, collator: Intl.Collator): AgentRow[] {
  const { keyed, compare } = ordering(rows, key, direction, collator);
  return rows.map(keyed).sort(compare).map((k) => k.row);
}

/**
 * The sorted rows kept from one frame to the next. A frame replaces the row
 * objects of the ~20 agents that changed out of 2,000: only those are sorted and
 * put in place among the rows kept in their order, instead of a full sort each frame.
 */
export class AgentOrder {
  private sorted: AgentRow[] = [];
  private by: readonly unknown[] = [];

  sort(rows: readonly AgentRow[], key: SortKey, direction: SortDirection, collator: Intl.Collator): AgentRow[] {
    const by = [key, direction, collator];
    const sameOrder = by.every((x, i) => x === this.by[i]);
    this.by = by;
    this.sorted = sameOrder ? this.resort(rows, ordering(rows, key, direction, collator)) : sortAgents(rows, key, direction, collator);
    return this.sorted;
  }

  private resort(rows: readonly AgentRow[], { keyed, compare }: ReturnType<typeof ordering>): AgentRow[] {
    const current = new Set(rows);
    const kept = this.sorted.filter((row) => current.has(row));
    // Many new rows (a filter changed, the stream reconnected): a full sort is cheaper than inserting each.
    if (kept.length < rows.length / 2) return rows.map(keyed).sort(compare).map((k) => k.row);
    const keptSet = new Set(kept);
    const added = rows.filter((row) => !keptSet.has(row)).map(keyed).sort(compare);
    const out: AgentRow[] = [];
    let from = 0;
    for (const a of added) {
      // Binary search for the first kept row that sorts after `a`, from where the previous one went.
      let lo = from;
      let hi = kept.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (compare(keyed(kept[mid]!), a) < 0) lo = mid + 1;
        else hi = mid;
      }
      for (; from < lo; from++) out.push(kept[from]!);
      out.push(a.row);
    }
    for (; from < kept.length; from++) out.push(kept[from]!);
    return out;
  }
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
  // One pass over the rows, no arrays per row: this runs for every frame of the grouped view.
  const groups = new Map<string | null, { members: AgentRow[]; joined: number }>();
  const add = (id: string | null, row: AgentRow, joined: boolean) => {
    let group = groups.get(id);
    if (!group) groups.set(id, (group = { members: [], joined: 0 }));
    group.members.push(row);
    if (joined) group.joined++;
  };
  for (const row of sorted) {
    let listed = false;
    for (const q of row.queues) {
      if (filter.queue && q.queueId !== filter.queue) continue;
      add(q.queueId, row, q.joined);
      listed = true;
    }
    if (!listed) add(null, row, false);
  }
  const names = new Map([...groups.keys()].map((id) => [id, id === null ? noQueueName : queueName(id)]));
  const order = [...groups.keys()].sort((a, b) => (a === null ? 1 : b === null ? -1 : collator.compare(names.get(a)!, names.get(b)!)));
  const items: ListItem[] = [];
  for (const id of order) {
    const { members, joined } = groups.get(id)!;
    items.push({ kind: 'group', key: `group ${id ?? ''}`, queueId: id, name: names.get(id)!, count: members.length, joined });
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
