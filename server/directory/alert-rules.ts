import { z } from 'zod';
import type { AgentRule, QueueRule } from '../../contract/alerts.js';

/**
 * The alert rules of the directory file's `alerts` section: limits per queue (defaults,
 * and overrides per queue id) and per agent, and the hysteresis that keeps an alert from
 * flapping. A limit of `null` switches its rule off.
 */

const count = z.number().int().min(1).max(100_000).nullable();
const seconds = z.number().int().min(1).max(86_400).nullable();

const queueLimits = z
  .object({
    /** Today's service level (share 0–1) below which a queue is alerted, once `serviceLevelMinCalls` calls count; default: the queue's serviceLevelTarget. */
    serviceLevelBelow: z.number().min(0.01).max(1).nullable().optional(),
    waitingAtLeast: count.optional(),
    longestWaitAtLeastSeconds: seconds.optional(),
    /** Agents short of the agents needed now (Erlang C). */
    agentsShortAtLeast: count.optional(),
  })
  .strict();

export const alertsSection = z
  .object({
    queue: queueLimits.default({}),
    /** Overrides of `queue` by queue id. */
    queues: z.record(z.string(), queueLimits).default({}),
    agent: z
      .object({
        unavailableAtLeastSeconds: seconds.optional(),
        holdAtLeastSeconds: seconds.optional(),
        wrapupAtLeastSeconds: seconds.optional(),
        ringNoAnswerPerHourAtLeast: count.optional(),
      })
      .strict()
      .default({}),
    /** Today's service level is judged once this many calls count towards it. */
    serviceLevelMinCalls: z.number().int().min(1).max(10_000).default(10),
    /** A condition must hold this long before its alert is raised… */
    raiseAfterSeconds: z.number().int().min(0).max(3_600).default(10),
    /** …and be gone this long before it clears: a figure hovering at its limit raises one alert, not a stream of them. */
    clearAfterSeconds: z.number().int().min(0).max(3_600).default(60),
  })
  .strict()
  .default({ queue: {}, queues: {}, agent: {}, serviceLevelMinCalls: 10, raiseAfterSeconds: 10, clearAfterSeconds: 60 });

export type AlertsSection = z.infer<typeof alertsSection>;

const QUEUE_DEFAULTS: Record<Exclude<QueueRule, 'serviceLevelBelow'>, number> = { waitingAtLeast: 5, longestWaitAtLeastSeconds: 120, agentsShortAtLeast: 2 };
const AGENT_DEFAULTS: Record<AgentRule, number> = {
  unavailableAtLeastSeconds: 3_600,
  holdAtLeastSeconds: 300,
  wrapupAtLeastSeconds: 300,
  ringNoAnswerPerHourAtLeast: 3,
};

/** The limits in force: a queue's own, else the section's, else the defaults; null when switched off. */
export class AlertRules {
  constructor(readonly section: AlertsSection) {}

  forQueue(queueId: string, serviceLevelTarget: number): Record<QueueRule, number | null> {
    const own = this.section.queues[queueId] ?? {};
    const pick = <K extends QueueRule>(rule: K, fallback: number) => {
      const value = rule in own ? own[rule] : rule in this.section.queue ? this.section.queue[rule] : fallback;
      return value ?? null;
    };
    return {
      serviceLevelBelow: pick('serviceLevelBelow', serviceLevelTarget),
      waitingAtLeast: pick('waitingAtLeast', QUEUE_DEFAULTS.waitingAtLeast),
      longestWaitAtLeastSeconds: pick('longestWaitAtLeastSeconds', QUEUE_DEFAULTS.longestWaitAtLeastSeconds),
      agentsShortAtLeast: pick('agentsShortAtLeast', QUEUE_DEFAULTS.agentsShortAtLeast),
    };
  }

  forAgents(): Record<AgentRule, number | null> {
    const a = this.section.agent;
    const pick = (rule: AgentRule) => (rule in a ? (a[rule] ?? null) : AGENT_DEFAULTS[rule]);
    return {
      unavailableAtLeastSeconds: pick('unavailableAtLeastSeconds'),
      holdAtLeastSeconds: pick('holdAtLeastSeconds'),
      wrapupAtLeastSeconds: pick('wrapupAtLeastSeconds'),
      ringNoAnswerPerHourAtLeast: pick('ringNoAnswerPerHourAtLeast'),
    };
  }
}
