import { expect } from '@open-wc/testing';
import type { AgentRow } from '../../contract/live.js';
import { AgentOrder, SORT_KEYS, sortAgents, type SortDirection } from '../../widgets/agent-list/agent-view.js';
import { agentRow } from './support/fake-floor.js';

/** A repeatable stream of numbers in [0, 1), so a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
}

const NAMES = ['Ana', 'Ána', 'Bo', 'li', 'Lì', '李', 'Zoë', 'Agent 2', 'Agent 10'];
const QUEUES = ['q1', 'q2', 'q3'];

/** An agent as a frame may show it: a new object with other fields, as the stream replaces a changed row. */
function randomRow(agentId: string, next: () => number): AgentRow {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!;
  const since = (chance: number) => (next() < chance ? new Date(Date.UTC(2026, 0, 1) + Math.floor(next() * 600) * 1000).toISOString() : null);
  const contactState = pick(['idle', 'ringing', 'connected', 'hold', 'wrapup'] as const);
  return agentRow(
    agentId,
    QUEUES.filter(() => next() < 0.5).map((q) => [q, next() < 0.5]),
    {
      name: pick(NAMES),
      state: pick(['available', 'unavailable', 'signed_out'] as const),
      stateReason: next() < 0.3 ? 'Break' : null,
      stateSince: since(0.9),
      contactState,
      contactSince: contactState === 'idle' ? null : since(1),
      direction: pick(['inbound', 'outbound', null] as const),
      monitoredBy: next() < 0.3 ? { supervisorId: 's1', supervisorName: pick(NAMES), mode: pick(['monitor', 'coach', 'barge'] as const), since: new Date(0).toISOString() } : null,
    },
  );
}

describe('<fv-agent-list> order', () => {
  for (const key of SORT_KEYS) {
    for (const direction of ['asc', 'desc'] as SortDirection[]) {
      it(`keeps the ${key} ${direction} order frame by frame as a full sort gives it`, () => {
        const next = random(SORT_KEYS.indexOf(key) * 2 + (direction === 'asc' ? 1 : 2));
        const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
        let rows = Array.from({ length: 300 }, (_, i) => randomRow(`a${i}`, next));
        const order = new AgentOrder();
        for (let frame = 0; frame < 40; frame++) {
          // Some frames change a few agents, one changes most, some add or drop agents.
          const share = frame === 20 ? 0.8 : 0.05;
          rows = rows.map((row) => (next() < share ? randomRow(row.agentId, next) : row));
          if (frame % 7 === 3) rows = rows.filter(() => next() < 0.95);
          if (frame % 7 === 5) rows = [...rows, randomRow(`b${frame}`, next)];
          const kept = order.sort(rows, key, direction, collator);
          expect(kept.map((r) => r.agentId), `frame ${frame}`).to.deep.equal(sortAgents(rows, key, direction, collator).map((r) => r.agentId));
        }
      });
    }
  }
});
