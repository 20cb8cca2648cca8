import { agentInScope, type Scope } from '../auth/principal.js';
import type { Store } from '../db/store.js';
import type { Directory } from '../directory/directory.js';
import { queueRow, waitingByQueue } from '../domain/live-rows.js';
import type { LiveFloor } from '../floor/live-floor.js';
import type { HistoryCatchUp } from '../history/history.js';
import { Serial } from '../lib/serial.js';
import type { ViewerItem } from '../stream/stream-hub.js';
import type { Alert } from '../../contract/alerts.js';
import type { AlertEvent } from './alert-webhook.js';
import { agentConditions, conditionKey, queueConditions, type Condition } from './alert-conditions.js';
import { type AlertRules } from '../directory/alert-rules.js';
import { RAISED_HAND } from '../../contract/alerts.js';
import { AlertStore, type AlertRecord } from './alert-store.js';
import { Hysteresis } from './hysteresis.js';

const HOUR = 3_600_000;
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/**
 * Evaluates the alert rules against the live floor every `everyMs`, raises and clears
 * alerts with hysteresis, keeps them in the database (open ones survive a restart and are
 * not raised twice) and sends each change on the stream to the supervisors — and, for
 * queue alerts, the wallboards — whose scope holds its queue or agent.
 * A round, an acknowledgement and a hand raised or lowered change the open alerts one at a time
 * (`serial`), as each awaits the database between reading and updating them.
 */
export class AlertService {
  private readonly store: AlertStore;
  private readonly hysteresis: Hysteresis;
  /** Open alerts by condition key. */
  private readonly open = new Map<string, AlertRecord>();
  private readonly displays = new Map<string, Set<string>>();
  private readonly serial = new Serial();
  private timer: NodeJS.Timeout | undefined;
  /** The timer's round under way: the next tick skips rather than queue behind a slow one. */
  private round: Promise<void> | null = null;
  private readonly listeners: ((event: AlertEvent, alert: Alert) => void)[] = [];

  constructor(
    store: Store,
    private readonly directory: Directory,
    private readonly floor: LiveFloor,
    private readonly history: HistoryCatchUp,
    private readonly rules: AlertRules,
    private readonly publish: (item: ViewerItem) => void,
    private readonly clock: () => number = Date.now,
    private readonly everyMs = 5_000,
  ) {
    this.store = new AlertStore(store);
    this.hysteresis = new Hysteresis(rules.section.raiseAfterSeconds * 1000, rules.section.clearAfterSeconds * 1000);
  }

  /** Every alert raised, cleared or acknowledged (the alert webhook). */
  onChange(listener: (event: AlertEvent, alert: Alert) => void): void {
    this.listeners.push(listener);
  }

  /** Loads the open alerts (not raised twice after a restart) and the wallboards' queues, then evaluates every `everyMs`. */
  async start(): Promise<void> {
    for (const r of await this.store.open()) this.open.set(conditionKey(r.rule as Condition['rule'], r.queueId ?? r.agentId!), r);
    for (const { tokenId, queueId } of await this.store.wallboardQueues()) {
      if (!this.displays.has(queueId)) this.displays.set(queueId, new Set());
      this.displays.get(queueId)!.add(tokenId);
    }
    this.timer = setInterval(() => {
      if (this.round) return;
      // A failed round (the database busy, say) must not take the server down: the next one tries again.
      this.round = this.evaluate()
        .catch((err: unknown) => console.error('Alert evaluation failed:', err))
        .finally(() => (this.round = null));
    }, this.everyMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** One round: every rule against the floor now; raises and clears what the hysteresis lets through. */
  evaluate(): Promise<void> {
    return this.serial.run(async () => {
      const now = this.clock();
      const holding = new Map<string, Condition>();
      for (const c of await this.conditions(now)) holding.set(c.key, c);
    // A raised hand is no figure's condition: it goes down with the hand, or when its agent signs out.
      const judged = new Set([...this.open].filter(([, r]) => r.rule !== RAISED_HAND).map(([key]) => key));
      const { raise, clear } = this.hysteresis.step(now, new Set(holding.keys()), judged);
      const handsOfSignedOut = [...this.open.values()].filter((r) => r.rule === RAISED_HAND && this.floor.agent(r.agentId!).state === 'signed_out');
      for (const r of handsOfSignedOut) await this.lower(r.agentId!);
      for (const key of raise) {
        const record = await this.store.raise(holding.get(key)!, now);
        this.open.set(key, record);
        this.send(record, 'raised');
      }
      for (const key of clear) {
        const record = await this.store.clear(this.open.get(key)!.seq, now);
        this.open.delete(key);
        this.send(record, 'cleared');
      }
    });
  }

  /** Acknowledges for everyone; the first acknowledgement stands. Undefined: no such alert in this scope. */
  acknowledge(seq: number, supervisorId: string, scope: Scope): Promise<Alert | undefined> {
    return this.serial.run(async () => {
      const known = await this.store.get(seq);
      if (!known || !this.visible(known, scope)) return undefined;
      if (known.ackedBy !== null) return this.view(known);
      const record = (await this.store.acknowledge(seq, supervisorId, this.clock()))!;
      for (const [key, open] of this.open) if (open.seq === seq) this.open.set(key, record);
      this.send(record, 'acknowledged');
      return this.view(record);
    });
  }

  /** An agent asks for help from the desk: an alert for their supervisors at once. A hand already up stays as it is. */
  raiseHand(agentId: string, note: string | null): Promise<Alert> {
    return this.serial.run(async () => {
      const key = conditionKey(RAISED_HAND, agentId);
      let record = this.open.get(key);
      if (!record) {
        record = await this.store.raise({ key, rule: RAISED_HAND, queueId: null, agentId, threshold: 0, value: 0 }, this.clock(), note);
        this.open.set(key, record);
        this.send(record, 'raised');
      }
      return this.view(record);
    });
  }

  /** The hand goes down: its alert clears. Null when none was up. */
  lowerHand(agentId: string): Promise<Alert | null> {
    return this.serial.run(() => this.lower(agentId));
  }

  private async lower(agentId: string): Promise<Alert | null> {
    const key = conditionKey(RAISED_HAND, agentId);
    const open = this.open.get(key);
    if (!open) return null;
    const record = await this.store.clear(open.seq, this.clock());
    this.open.delete(key);
    this.send(record, 'cleared');
    return this.view(record);
  }

  /** The agent's raised hand, if it is up. */
  handOf(agentId: string): Alert | null {
    const record = this.open.get(conditionKey(RAISED_HAND, agentId));
    return record ? this.view(record) : null;
  }

  /** Alerts in the scope: the open ones, or those raised in [from, to). A wallboard (`queuesOnly`) gets its queues' alerts, as its stream does, not its agents'. */
  async list(scope: Scope, range: { from: number; to: number } | 'open', queuesOnly = false): Promise<Alert[]> {
    const records = range === 'open' ? [...this.open.values()].sort((a, b) => b.seq - a.seq) : await this.store.raisedBetween(range.from, range.to);
    return records.filter((r) => (!queuesOnly || r.queueId !== null) && this.visible(r, scope)).map((r) => this.view(r));
  }

  private async conditions(now: number): Promise<Condition[]> {
    const dir = this.directory;
    const state = this.floor.state;
    const waiting = waitingByQueue(state);
    const out: Condition[] = [];
    for (const [queueId, q] of dir.queues) {
      const row = queueRow(dir, state, queueId, waiting, now, this.floor.queueDay(queueId), this.floor.queueStaffing(queueId));
      out.push(...queueConditions(row, this.rules.forQueue(queueId, q.serviceLevelTarget), this.rules.section.serviceLevelMinCalls));
    }
    const limits = this.rules.forAgents();
    const bounces = new Map<string, number>();
    if (limits.ringNoAnswerPerHourAtLeast !== null) {
      try {
        await this.history.upToDate();
      } catch {
        // Counted from what is written so far; the history service logs the failure and tries again.
      }
      for (const { agentId, n } of await this.store.bouncesSince(now - HOUR)) bounces.set(agentId, n);
    }
    for (const agent of state.agents.values()) {
      if (!dir.agents.has(agent.agentId)) continue;
      out.push(...agentConditions(agent, now, limits, bounces.get(agent.agentId) ?? 0));
    }
    return out;
  }

  private visible(r: AlertRecord, scope: Scope): boolean {
    if (scope.agent !== undefined) return false;
    return r.queueId !== null ? scope.queues.has(r.queueId) : agentInScope(this.directory, scope, r.agentId!);
  }

  /** Supervisors whose queues hold the alert's queue (or one of its agent's queues); wallboards for queue alerts. */
  private audience(r: AlertRecord): string[] {
    const queues = r.queueId !== null ? [r.queueId] : (this.directory.agents.get(r.agentId!)?.queues ?? []);
    const viewers: string[] = [];
    for (const s of this.directory.supervisors.values()) if (s.queues.some((q) => queues.includes(q))) viewers.push(`supervisor:${s.id}`);
    if (r.queueId !== null) for (const token of this.displays.get(r.queueId) ?? []) viewers.push(`display:${token}`);
    // The agent who raised a hand sees it acknowledged.
    if (r.rule === RAISED_HAND) viewers.push(`agent:${r.agentId}`);
    return viewers;
  }

  private send(r: AlertRecord, event: AlertEvent): void {
    const alert = this.view(r);
    this.publish({ audience: this.audience(r), channel: 'alerts', data: alert });
    for (const listener of this.listeners) listener(event, alert);
  }

  private view(r: AlertRecord): Alert {
    const queue = r.queueId === null ? null : this.directory.nameOfQueue(r.queueId);
    const supervisor = r.ackedBy === null ? undefined : this.directory.supervisors.get(r.ackedBy);
    return {
      id: r.seq,
      rule: r.rule as Alert['rule'],
      queueId: r.queueId,
      queueName: queue?.name ?? null,
      queueNames: queue?.names ?? {},
      agentId: r.agentId,
      agentName: r.agentId === null ? null : this.directory.nameOfAgent(r.agentId),
      threshold: r.threshold,
      value: r.value,
      raisedAt: iso(r.raisedAt)!,
      clearedAt: iso(r.clearedAt),
      acknowledged: r.ackedBy === null ? null : { supervisorId: r.ackedBy, supervisorName: supervisor?.name ?? r.ackedBy, at: iso(r.ackedAt)! },
      note: r.note,
    };
  }
}
