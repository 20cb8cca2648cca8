/**
 * Erlang C (M/M/N queue): how a queue answers with N agents, and how many agents it needs to
 * meet a service-level target. Pure; durations in seconds, shares as 0–1.
 *
 * Computed through the Erlang B recursion, B(0) = 1, B(n) = A·B(n−1) / (n + A·B(n−1)), whose
 * terms stay within 0–1: no factorials or powers, so it holds for thousands of agents, where
 * A^N / N! overflows a double from about 170 agents on.
 */

export interface Load {
  /** Calls offered in the interval. */
  callsPerInterval: number;
  intervalSeconds: number;
  /** Average handle time: talk, hold and wrap-up. */
  ahtSeconds: number;
}

export interface Target {
  /** Answer within this many seconds… */
  seconds: number;
  /** …this share of the calls (0–1, below 1: Erlang C never answers every call at once). */
  serviceLevel: number;
}

export interface Staffing {
  agents: number;
  /** The chance a call waits at all (Erlang C). */
  probabilityOfWaiting: number;
  /** Share of calls answered within the target's seconds. */
  serviceLevel: number;
  /** Average speed of answer over all calls, seconds. */
  asa: number;
  /** Share of the agents' time spent handling calls: traffic ÷ agents. */
  occupancy: number;
}

/** The offered load in erlangs: arrival rate × average handle time. */
export function trafficErlangs(load: Load): number {
  return (load.callsPerInterval / load.intervalSeconds) * load.ahtSeconds;
}

/** Erlang B for `agents` agents: the recursion up from none. */
function erlangB(traffic: number, agents: number): number {
  let b = 1;
  for (let n = 1; n <= agents; n++) b = (traffic * b) / (n + traffic * b);
  return b;
}

/** Erlang C from Erlang B with the same agents (agents > traffic). */
const erlangCFromB = (traffic: number, agents: number, b: number) => (agents * b) / (agents - traffic * (1 - b));

function figures(traffic: number, agents: number, aht: number, target: Target, b: number): Staffing {
  const c = erlangCFromB(traffic, agents, b);
  const spare = agents - traffic;
  return {
    agents,
    probabilityOfWaiting: c,
    serviceLevel: 1 - c * Math.exp((-spare * target.seconds) / aht),
    asa: (c * aht) / spare,
    occupancy: traffic / agents,
  };
}

/**
 * The queue's figures with `agents` agents. Only more agents than the traffic reach a steady
 * state (fewer, and the queue grows without end): a RangeError says so.
 */
export function staffingWith(load: Load, agents: number, target: Target): Staffing {
  const traffic = trafficErlangs(load);
  if (!(agents > traffic)) throw new RangeError(`${agents} agents cannot carry ${traffic.toFixed(2)} erlangs: the queue would grow without end (no steady state); more than ${Math.floor(traffic)} are needed`);
  return figures(traffic, agents, load.ahtSeconds, target, erlangB(traffic, agents));
}

/**
 * The fewest agents meeting the target, and the queue's figures with them. No traffic needs
 * no agents. Walks up from the first whole number above the traffic, carrying Erlang B along.
 */
export function agentsRequired(load: Load, target: Target): Staffing {
  const traffic = trafficErlangs(load);
  if (traffic === 0) return { agents: 0, probabilityOfWaiting: 0, serviceLevel: 1, asa: 0, occupancy: 0 };
  let agents = Math.floor(traffic) + 1;
  let b = erlangB(traffic, agents);
  for (;;) {
    const at = figures(traffic, agents, load.ahtSeconds, target, b);
    if (at.serviceLevel >= target.serviceLevel) return at;
    agents++;
    b = (traffic * b) / (agents + traffic * b);
  }
}
