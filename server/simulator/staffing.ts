import type { ArrivalCurve } from './arrival-curve.js';
import { CALL, lognormalMean, OUTBOUND, rangeMean, SHIFT } from './call-params.js';
import type { Random } from '../lib/random.js';
import { HOUR_MS, MINUTE_MS, type ZoneClock } from './time-zones.js';

/**
 * Sizes the work to the roster and the roster to the work, as a workforce
 * planner would: talk times are scaled so the day's calls fit the agents at a
 * realistic occupancy, then each agent's shift start is chosen to cover the
 * half-hours and queues that still lack people. That keeps any centre size,
 * from the 60-agent demo to 2,000 agents, busy but not saturated.
 */

const SLOT_MS = 30 * MINUTE_MS;
const SLOTS = 48;
const SHIFT_SLOTS = Math.round(SHIFT.lengthMs / SLOT_MS);
/**
 * Each queue's half-hour is staffed to answer this share of calls within 20 s
 * by Erlang C: a target below the usual 80/20 because agents serve several
 * queues and so pool better than one queue's Erlang C assumes.
 */
const SL_TARGET = 0.6;
const SL_SECONDS = 20;
/** Every queue has someone at every hour, however few calls the night brings (the centre is staffed around the clock). */
const MIN_STAFF = 1;
/** Talk-time scale limits: beyond them the centre is simply over- or understaffed. */
const MIN_SCALE = 0.35;
const MAX_SCALE = 2.5;
const PLANNING_PASSES = 4;
/** Usual start of a day shift, local; used when no start covers any missing work. */
const USUAL_START_MINUTE = 8.5 * 60;

export interface StaffingQueue {
  curve: ArrivalCurve;
  /** Mean of `curve` over the planning day. */
  curveMean: number;
  share: number;
  /** The queue's talk-time factor relative to the centre's typical call. */
  talkFactor: number;
}

export interface StaffingAgent {
  zone: ZoneClock;
  /** Indexes into the queue list. */
  queues: readonly number[];
}

export interface StaffingPlan {
  talkScale: number;
  /** Per agent, the local minute of day its shift starts. */
  shiftStartMinutes: number[];
}

export function planStaffing(
  queues: readonly StaffingQueue[],
  agents: readonly StaffingAgent[],
  callsPerDay: number,
  planningDay: number,
  rng: Random,
): StaffingPlan {
  const mid = (s: number) => planningDay + s * SLOT_MS + SLOT_MS / 2;
  const ratePerHour = queues.map((q) =>
    Array.from({ length: SLOTS }, (_, s) => (q.share > 0 ? (callsPerDay * q.share * q.curve.at(mid(s))) / (q.curveMean * 24) : 0)),
  );
  const open = ratePerHour.map((rates) => rates.map((r) => r > 0));
  const needAt = (scale: number) =>
    queues.map((q, i) =>
      ratePerHour[i]!.map((rate) => {
        if (rate === 0) return 0;
        const aht = handleHours(q.talkFactor * scale);
        const need = agentsFor(rate * aht, aht * 3600);
        return Math.max(need, MIN_STAFF);
      }),
    );

  const working = agents.filter((a) => a.queues.length > 0).length;
  const supply = working * ON_DUTY.reduce((a, b) => a + b, 0) * (1 - OUTBOUND.dialRate);
  const total = (scale: number) => needAt(scale).reduce((sum, slots) => sum + slots.reduce((a, b) => a + b, 0), 0);
  let lo = MIN_SCALE;
  let hi = MAX_SCALE;
  if (total(lo) >= supply) hi = lo;
  else if (total(hi) <= supply) lo = hi;
  for (let i = 0; i < 40 && hi - lo > 1e-4; i++) {
    const m = (lo + hi) / 2;
    if (total(m) > supply) hi = m;
    else lo = m;
  }
  const talkScale = (lo + hi) / 2;

  const need = needAt(talkScale);
  const cover = queues.map(() => new Float64Array(SLOTS));
  const starts = agents.map(() => -1);
  const order = rng.shuffle(agents.map((_, i) => i));
  // Greedy placement, then a few passes moving each agent to where they now help most.
  for (let pass = 0; pass < PLANNING_PASSES; pass++) {
    for (const i of order) {
      const agent = agents[i]!;
      if (starts[i]! >= 0) forShift(agent, starts[i]!, open, (q, s, share) => (cover[q]![s]! -= share));
      starts[i] = bestStart(agent, usualSlot(agent, planningDay), starts[i]!, open, need, cover);
      forShift(agent, starts[i]!, open, (q, s, share) => (cover[q]![s]! += share));
    }
  }
  const shiftStartMinutes = agents.map((agent, i) => mod(starts[i]! * 30 + offsetMinutes(agent, planningDay), 24 * 60));
  return { talkScale, shiftStartMinutes };
}

/** The start that covers the most missing work; ties keep the current start, else the one nearest the usual. */
function bestStart(
  agent: StaffingAgent,
  usual: number,
  current: number,
  open: readonly boolean[][],
  need: readonly number[][],
  cover: readonly Float64Array[],
): number {
  let best = current >= 0 ? current : usual;
  let bestScore = -1;
  let bestRank = Infinity;
  for (let start = 0; start < SLOTS; start++) {
    let score = 0;
    forShift(agent, start, open, (q, s, share) => (score += Math.min(share, Math.max(0, need[q]![s]! - cover[q]![s]!))));
    const rank = start === current ? -1 : Math.min(mod(start - usual, SLOTS), mod(usual - start, SLOTS));
    if (score > bestScore + 1e-9 || (Math.abs(score - bestScore) <= 1e-9 && rank < bestRank)) {
      best = start;
      bestScore = score;
      bestRank = rank;
    }
  }
  return best;
}

const offsetMinutes = (agent: StaffingAgent, planningDay: number) => agent.zone.offsetMs(planningDay + 12 * HOUR_MS) / MINUTE_MS;
const usualSlot = (agent: StaffingAgent, planningDay: number) =>
  mod(Math.round((USUAL_START_MINUTE - offsetMinutes(agent, planningDay)) / 30), SLOTS);

/** Visits each slot of a shift with each of the agent's open queues and the share of the agent it gets. */
function forShift(
  agent: StaffingAgent,
  start: number,
  open: readonly boolean[][],
  visit: (queue: number, slot: number, share: number) => void,
): void {
  for (let k = 0; k < SHIFT_SLOTS; k++) {
    const s = (start + k) % SLOTS;
    let openCount = 0;
    for (const q of agent.queues) if (open[q]![s]) openCount++;
    if (openCount === 0) continue;
    const share = ON_DUTY[k]! / openCount;
    for (const q of agent.queues) if (open[q]![s]) visit(q, s, share);
  }
}

/**
 * The expected share of each half-hour of a shift an agent can take calls:
 * less where breaks and lunch usually fall, so the plan fills those gaps too.
 */
function onDutyBySlot(): number[] {
  const samples = 30;
  const meetingShare = (SHIFT.meetingRate * rangeMean(SHIFT.meetingMs)) / SHIFT.lengthMs;
  return Array.from({ length: SHIFT_SLOTS }, (_, k) => {
    let away = 0;
    for (const b of SHIFT.breaks) {
      // The break starts uniformly within its jitter; average its overlap with this slot.
      for (let i = 0; i < samples; i++) {
        const start = b.atMs - b.jitterMs + ((i + 0.5) / samples) * 2 * b.jitterMs;
        away += Math.max(0, Math.min(start + b.durationMs, (k + 1) * SLOT_MS) - Math.max(start, k * SLOT_MS)) / samples;
      }
    }
    const signingIn = k === 0 ? rangeMean(SHIFT.signInToAvailableMs) : 0;
    return Math.max(0, 1 - (away + signingIn) / SLOT_MS - meetingShare);
  });
}
const ON_DUTY = onDutyBySlot();

/** Mean agent time per inbound call (routing, ring, talk, hold, consult, wrap-up), in hours. */
function handleHours(talkScale: number): number {
  const ms =
    rangeMean(CALL.routingMs) +
    rangeMean(CALL.ringMs) +
    talkScale * lognormalMean(CALL.talk) +
    CALL.holdRate * lognormalMean(CALL.hold) +
    CALL.transferRate * rangeMean(CALL.consultMs) +
    lognormalMean(CALL.wrapup);
  return ms / HOUR_MS;
}

/** Agents (fractional, interpolated between whole ones) for `erlangs` of load to meet the service-level target (Erlang C). */
function agentsFor(erlangs: number, ahtSeconds: number): number {
  if (!(erlangs > 0)) return 0;
  let b = 1; // Erlang B, by recursion over n
  let previous = 0;
  for (let n = 1; ; n++) {
    b = (erlangs * b) / (n + erlangs * b);
    if (n <= erlangs) continue;
    const waitProbability = (n * b) / (n - erlangs * (1 - b));
    const sl = 1 - waitProbability * Math.exp((-(n - erlangs) * SL_SECONDS) / ahtSeconds);
    if (sl >= SL_TARGET) return n - 1 + Math.min(1, (SL_TARGET - previous) / (sl - previous));
    previous = sl;
  }
}

const mod = (n: number, m: number) => ((n % m) + m) % m;
