import type { AgentStats, CallPage, PeriodStaffing, QueueStats, RangeEcho, WrapupStats } from '../../contract/stats.js';
import type { Scope } from '../auth/principal.js';
import type { Db } from '../db/client.js';
import type { Directory } from '../directory/directory.js';
import type { HistoryCatchUp } from '../history/history.js';
import { agentStats } from './agent-stats.js';
import { CallList, type CallListInput } from './call-list.js';
import type { CellFilter } from './cell-filter.js';
import { FactSource } from './fact-source.js';
import type { FamilySource } from './family-source.js';
import type { Ranking } from './figures.js';
import { periodStaffing } from './period-staffing.js';
import { queueStats } from './queue-stats.js';
import { readMeta } from '../history/rollup-meta.js';
import { RollupSource } from './rollup-source.js';
import { resolveRange, type RangeInput, type StatsRange } from './stats-range.js';
import { badFilterFields, resolveFilter, type FilterInput } from './stats-scope.js';
import { trendLabels, TrendPeriods } from './trend-periods.js';
import { wrapupStats } from './wrapup-stats.js';
import { Zone } from '../domain/zone.js';

export interface StatsRequest extends Omit<RangeInput, 'tz'>, FilterInput {
  /** Default: the reporting zone. */
  tz?: string | undefined;
}

export type RankedRequest = StatsRequest & Ranking;

/** Where the counters come from: the rollups (normally), or a scan of the facts (the reference the rollups are tested and measured against). */
export type Source = 'rollups' | 'facts';

/** History figures (SPEC §4, C8/C9/C12) for a caller's scope: resolves the request, reads counters, computes the glossary's figures. */
export class StatsService {
  readonly reportingZone: Zone;
  private readonly rollups: RollupSource;
  private readonly facts: FactSource;
  private readonly callList: CallList;

  constructor(
    private readonly db: Db,
    private readonly directory: Directory,
    private readonly history: HistoryCatchUp,
  ) {
    this.reportingZone = Zone.of(readMeta(db).timeZone!);
    this.rollups = new RollupSource(db, this.reportingZone);
    this.facts = new FactSource(db);
    this.callList = new CallList(db, directory);
  }

  agents(scope: Scope, req: RankedRequest, source: Source = 'rollups'): Promise<AgentStats> {
    const { range, periods } = this.resolve(req);
    const { byAgent, assigned } = resolveFilter(this.directory, scope, req);
    const src = this.source(source);
    return this.read(() => ({
      range: echo(range, req),
      ...agentStats({
        cells: src.totals('agentQueue', range, byAgent),
        trendLabels: trendLabels(periods),
        trendSums:
          byAgent.agents === null
            ? src.trend('inboundQueue', periods, byAgent, ['answered', 'connectedMs'])
            : src.trend('agentQueue', periods, byAgent, ['answered', 'connectedMs'], true),
        timeCells: this.rollups.totals('agentTime', range, byAgent),
        directory: this.directory,
        assigned,
        ranking: req,
      }),
    }));
  }

  queues(scope: Scope, req: RankedRequest, source: Source = 'rollups'): Promise<QueueStats> {
    const { range, periods } = this.resolve(req);
    const { byQueue } = resolveFilter(this.directory, scope, req);
    const src = this.sourceFor('queue', byQueue, source);
    return this.read(() => ({
      range: echo(range, req),
      ...queueStats({
        cells: src.totals('queue', range, byQueue),
        trendLabels: trendLabels(periods),
        trendSums: src.trend('queue', periods, byQueue, ['answered', 'abandoned', 'other']),
        trendStaffing: this.periodStaffing(periods, byQueue, src),
        directory: this.directory,
        queueIds: byQueue.queues,
        ranking: req,
      }),
    }));
  }

  wrapups(scope: Scope, req: RankedRequest, source: Source = 'rollups'): Promise<WrapupStats> {
    const { range, periods } = this.resolve(req);
    const { byAgent } = resolveFilter(this.directory, scope, req);
    const src = this.source(source);
    return this.read(() => ({
      range: echo(range, req),
      ...wrapupStats({
        agentCells: src.totals('wrapupAgent', range, byAgent),
        reasonCells: byAgent.everything
          ? src.totals('wrapupReasonTotal', range, byAgent)
          : this.sourceFor('wrapupReason', byAgent, source).totals('wrapupReason', range, byAgent),
        trendLabels: trendLabels(periods),
        trendSums: src.trend(byAgent.agents === null ? 'wrapupQueue' : 'wrapupAgent', periods, byAgent, ['completed', 'wrapupMs']),
        directory: this.directory,
        ranking: req,
      }),
    }));
  }

  /**
   * Agents needed and staffed per trend period, each queue read on its own (its need is its
   * own); staffed time of the chosen agents only, under an agent filter.
   */
  private periodStaffing(periods: TrendPeriods, byQueue: CellFilter, src: FamilySource): PeriodStaffing[] {
    const queues = byQueue.queues.map((queueId) => {
      const one: CellFilter = { ...byQueue, queues: [queueId], everything: false };
      const calls = src.trend('queue', periods, one, ['answered', 'abandoned', 'other', 'handleMs']);
      const wrapups = byQueue.agents === null ? this.rollups.trend('wrapupQueue', periods, one, ['wrapupMs']) : this.facts.trend('wrapupAgent', periods, one, ['wrapupMs']);
      const staffed = this.rollups.trend(byQueue.agents === null ? 'queueTime' : 'agentTime', periods, one, ['staffedMs']);
      const q = this.directory.queues.get(queueId)!;
      return {
        target: { seconds: q.serviceLevelSeconds, serviceLevel: q.serviceLevelTarget },
        loads: calls.map(([answered = 0, abandoned = 0, other = 0, handleMs = 0], i) => [answered + abandoned + other, answered, handleMs + (wrapups[i]?.[0] ?? 0)] as const),
        staffedMs: staffed.map(([ms = 0]) => ms),
      };
    });
    return periodStaffing(queues, periods.lengthMs);
  }

  async calls(scope: Scope, req: StatsRequest & CallListInput): Promise<CallPage> {
    const range = this.range(req);
    const filter = resolveFilter(this.directory, scope, req);
    await this.history.upToDate();
    return { range: echo(range, req), ...this.callList.list(range, req.by === 'queue' ? filter.byQueue : filter.byAgent, req) };
  }

  /**
   * One snapshot of the store for all of a request's reads (another process may be ingesting),
   * taken once the history of every accepted event is written.
   */
  private async read<T>(work: () => T): Promise<T> {
    await this.history.upToDate();
    return this.db.transaction(work, { behavior: 'deferred' });
  }

  private resolve(req: StatsRequest): { range: StatsRange; periods: TrendPeriods } {
    const range = this.range(req);
    return { range, periods: new TrendPeriods(range) };
  }

  /** The request's range; a 400 names its bad filters too, before the filters are resolved in scope. */
  private range(req: StatsRequest): StatsRange {
    return resolveRange({ ...req, tz: req.tz ?? this.reportingZone.name }, badFilterFields(this.directory, req));
  }

  private source(source: Source): FamilySource {
    return source === 'facts' ? this.facts : this.rollups;
  }

  /** The rollups, unless they lack the agent dimension the filter needs. */
  private sourceFor(family: 'queue' | 'wrapupReason', filter: CellFilter, source: Source): FamilySource {
    return filter.agents !== null && !this.rollups.filtersAgents(family) ? this.facts : this.source(source);
  }
}

function echo(range: StatsRange, req: StatsRequest): RangeEcho {
  return {
    from: range.zone.isoLocal(range.from),
    to: range.zone.isoLocal(range.to),
    tz: range.zone.name,
    timeFrom: range.window ? (req.timeFrom ?? '00:00') : null,
    timeTo: range.window ? (req.timeTo ?? '24:00') : null,
    interval: range.interval,
  };
}
