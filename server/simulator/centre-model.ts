import type { Directory } from '../directory/directory.js';
import { ArrivalCurve } from './arrival-curve.js';
import { CALL } from './call-params.js';
import { Random } from '../lib/random.js';
import { planStaffing } from './staffing.js';
import { DAY_MS, zoneClocks, zoneOfLocation, type ZoneClock } from './time-zones.js';

/** The simulated centre's fixed traits, derived once from the directory and the seed. */

export interface QueueModel {
  id: string;
  name: string;
  curve: ArrivalCurve;
  /** Arrival rate (calls per ms) at intensity 1; arrivals are thinned from it. */
  peakRatePerMs: number;
  talkMedianMs: number;
  /** Queues a call may be transferred to. */
  transferTargets: string[];
  /** Weights aligned with `CentreModel.reasons`. */
  reasonWeights: number[];
}

export interface AgentModel {
  id: string;
  name: string;
  zone: ZoneClock;
  /** Assigned queues, sorted. */
  queues: readonly string[];
  shiftStartMinute: number;
}

export interface CentreModel {
  queues: QueueModel[];
  agents: AgentModel[];
  /** Wrap-up reason ids, sorted. */
  reasons: string[];
  outboundReasonWeights: number[];
  callsPerDay: number;
  talkScale: number;
}

const CALLS_PER_AGENT_PER_DAY = 45;
/** A winter Monday: staffing is planned and curves normalised on it. */
const PLANNING_DAY = Date.UTC(2025, 0, 6);

/** How often a reason is chosen, by name, before a queue's own leaning. */
const REASON_WEIGHTS: Record<string, number> = {
  resolved: 10,
  'information provided': 4,
  'follow-up needed': 3,
  'billing question': 2,
  'order placed': 2,
  'technical issue': 2,
  'callback scheduled': 1.5,
  escalated: 1.2,
  'complaint logged': 0.8,
  'wrong number': 0.6,
};

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function buildCentreModel(directory: Directory, seed: number, callsPerDay?: number): CentreModel {
  const rng = new Random(seed ^ 0x2545f491);
  const clockOf = zoneClocks();
  const queueInfos = [...directory.queues.values()].sort(byId);
  const agentInfos = [...directory.agents.values()].sort(byId);
  const dailyCalls = callsPerDay ?? Math.round(CALLS_PER_AGENT_PER_DAY * agentInfos.filter((a) => a.queues.length > 0).length);

  const siteZones = [
    ...new Set([...queueInfos, ...agentInfos].flatMap((x) => (x.location ? [zoneOfLocation(x.location)] : []))),
  ].sort();
  const allSites = (siteZones.length > 0 ? siteZones : ['UTC']).map(clockOf);
  const queueIndex = new Map(queueInfos.map((q, i) => [q.id, i]));

  // Calls go where the people are: a queue's share is the agent capacity assigned to it.
  const capacity = queueInfos.map(() => 0);
  for (const a of agentInfos) for (const q of a.queues) capacity[queueIndex.get(q)!]! += 1 / a.queues.length;
  const totalCapacity = capacity.reduce((a, b) => a + b, 0) || 1;

  const staffingQueues = queueInfos.map((q, i) => {
    const curve = new ArrivalCurve(q.location ? [clockOf(zoneOfLocation(q.location))] : allSites);
    return { curve, curveMean: curve.mean(PLANNING_DAY), share: capacity[i]! / totalCapacity, talkFactor: rng.between(0.7, 1.4) };
  });
  const staffingAgents = agentInfos.map((a) => ({
    zone: clockOf(zoneOfLocation(a.location)),
    queues: a.queues.map((q) => queueIndex.get(q)!),
  }));
  const plan = planStaffing(staffingQueues, staffingAgents, dailyCalls, PLANNING_DAY, rng);

  const reasons = [...directory.wrapupReasons.keys()].sort();
  const reasonBase = reasons.map((id) => REASON_WEIGHTS[directory.wrapupReasons.get(id)!.name.toLowerCase()] ?? 1);

  const queues = queueInfos.map((q, i): QueueModel => {
    const s = staffingQueues[i]!;
    return {
      id: q.id,
      name: q.name,
      curve: s.curve,
      peakRatePerMs: s.share > 0 ? (dailyCalls * s.share) / (s.curveMean * DAY_MS) : 0,
      talkMedianMs: CALL.talk.median * s.talkFactor * plan.talkScale,
      transferTargets: queueInfos
        .filter((t, j) => t.id !== q.id && capacity[j]! > 0 && (!t.location || !q.location || t.location === q.location))
        .map((t) => t.id),
      reasonWeights: reasons.map(
        (id, r) => reasonBase[r]! * affinity(directory.wrapupReasons.get(id)!.name, q.name) * rng.lognormal(1, 0.35),
      ),
    };
  });

  return {
    queues,
    agents: agentInfos.map((a, i) => ({
      id: a.id,
      name: a.name,
      zone: staffingAgents[i]!.zone,
      queues: a.queues,
      shiftStartMinute: plan.shiftStartMinutes[i]!,
    })),
    reasons,
    outboundReasonWeights: reasonBase,
    callsPerDay: dailyCalls,
    talkScale: plan.talkScale,
  };
}

/** A reason that names the queue's business ("Billing question" in Billing) is chosen more there. */
function affinity(reason: string, queueName: string): number {
  const queueWords = new Set(queueName.toLowerCase().split(/\W+/));
  return reason
    .toLowerCase()
    .split(/\W+/)
    .some((w) => w.length >= 4 && queueWords.has(w))
    ? 4
    : 1;
}
