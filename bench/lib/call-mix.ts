/**
 * Realistic ingestion traffic for benchmarks: whole call lifecycles (queue, ring,
 * bounces, answer, holds, transfers, abandons, wrap-up) interleaved in time order
 * the way a platform emits them, with agents' state changes mixed in.
 */

interface Centre {
  queues: { id: string }[];
  agents: { id: string; queues: string[] }[];
  wrapupReasons: { id: string }[];
}

export interface WireEvent {
  id: string;
  type: string;
  at: string;
  [field: string]: unknown;
}

function prng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

/** `calls` calls starting `spacingMs` apart from `startMs`, as time-ordered events with ids unique to `tag`. */
export function callMix(centre: Centre, opts: { calls: number; startMs: number; spacingMs: number; seed: number; tag: string }): WireEvent[] {
  const rnd = prng(opts.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const staffed = centre.queues.map((q) => ({ q: q.id, agents: centre.agents.filter((a) => a.queues.includes(q.id)).map((a) => a.id) })).filter((x) => x.agents.length > 0);
  const raw: { ms: number; e: Omit<WireEvent, 'id' | 'at'> }[] = [];
  const push = (ms: number, e: Omit<WireEvent, 'id' | 'at'>) => raw.push({ ms, e });

  for (let i = 0; i < opts.calls; i++) {
    const t = opts.startMs + i * opts.spacingMs;
    const { q, agents } = pick(staffed);
    const callId = `${opts.tag}-c${i}`;
    push(t, { type: 'call.queued', callId, queueId: q });
    if (rnd() < 0.05) {
      push(t + 20_000 + rnd() * 60_000, { type: 'call.ended', callId, by: 'caller', outcome: 'abandoned' });
      continue;
    }
    let at = t + 1_000 + rnd() * 5_000;
    let agent = pick(agents);
    if (rnd() < 0.06) {
      push(at, { type: 'call.offered', callId, agentId: agent });
      push(at + 15_000, { type: 'call.bounced', callId, agentId: agent });
      at += 17_000;
      agent = pick(agents);
    }
    push(at, { type: 'call.offered', callId, agentId: agent });
    at += 2_000 + rnd() * 8_000;
    push(at, { type: 'call.answered', callId, agentId: agent });
    if (rnd() < 0.25) {
      at += 30_000 + rnd() * 60_000;
      push(at, { type: 'call.held', callId });
      at += 10_000 + rnd() * 40_000;
      push(at, { type: 'call.resumed', callId });
    }
    at += 60_000 + rnd() * 300_000;
    push(at, { type: 'call.ended', callId, by: rnd() < 0.5 ? 'caller' : 'agent' });
    push(at, { type: 'wrapup.started', agentId: agent, callId });
    push(at + 10_000 + rnd() * 60_000, { type: 'wrapup.completed', agentId: agent, callId, reasonId: pick(centre.wrapupReasons).id });
    if (rnd() < 0.1) {
      const who = pick(agents);
      push(t, rnd() < 0.5 ? { type: 'agent.state_changed', agentId: who, state: 'available' } : { type: 'agent.state_changed', agentId: who, state: 'unavailable', reason: 'Break' });
    }
  }
  raw.sort((a, b) => a.ms - b.ms);
  return raw.map((r, n) => ({ id: `${opts.tag}-e${n}`, at: new Date(r.ms).toISOString(), ...r.e }) as WireEvent);
}
