import { api, type ApiTarget } from '../core/api.js';
import type { Lang } from '../core/i18n/index.js';
import { localName } from '../../common/local-name.js';
import type { FilterOptions } from './history-toolbar.js';

export const NO_OPTIONS: FilterOptions = { queues: [], agents: [], locations: [] };

/** The queues and agents in scope, and their locations: what the filters offer, and the names a report's filters are shown by. */
export async function fetchFilterOptions(target: ApiTarget, signal: AbortSignal, lang: Lang): Promise<FilterOptions> {
  const [{ queues }, { agents }] = await Promise.all([
    api(target, 'GET /queues', { signal }),
    api(target, 'GET /agents', { signal }),
  ]);
  return {
    queues: queues.map((q) => ({ id: q.queueId, name: localName(q.queueName, q.queueNames, lang) })),
    agents: agents.map((a) => ({ id: a.agentId, name: a.name })),
    locations: [...new Set([...queues, ...agents].flatMap((x) => (x.location ? [x.location] : [])))],
  };
}

/** In the viewer's alphabetical order, as the filters list them. */
export function sortedOptions(options: FilterOptions, c: Intl.Collator): FilterOptions {
  const byName = (a: { name: string }, b: { name: string }) => c.compare(a.name, b.name);
  return { queues: [...options.queues].sort(byName), agents: [...options.agents].sort(byName), locations: [...options.locations].sort(c.compare) };
}
