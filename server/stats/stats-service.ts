import type { AgentStats, CallPage, PeriodStaffing, QueueStats, RangeEcho, WrapupStats } from '../../contract/stats.js';
import type { Scope } from '../auth/principal.js';
import { sql } from 'drizzle-orm';
import type { Store } from '../db/store.js';
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
import { META_KEYS } from '../db/meta-keys.js';
import { RollupSource } from './rollup-source.js';
import { statsReads, type StatsReads, type StatsSnapshot } from './stats-snapshot.js';
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
  private readonly rollups: RollupSource;
  private readonly facts = new FactSource();
  private readonly callList: CallList;

  /** The statistics of the store, in the reporting zone its day rollups were cut in. */
  static async open(store: Store, directory: Directory, history: HistoryCatchUp): Promise<StatsService> {
    const zone = await store.get<{ value: string }>(sql`SELECT value FROM rollup_meta WHERE key = ${META_KEYS.timeZone}`);
    return new StatsService(statsReads(store, history), directory, Zone.of(zone!.value));
  }

  private constructor(
    private readonly reads: StatsReads,
    private readonly directory: Directory,
    readonly reportingZone: Zone,
  ) {
    this.rollups = new RollupSource(reportingZone);
    this.callList = new CallList(directory);
  }

  agents(scope: Scope, req: RankedRequest, source: Source = 'rollups'): Promise<AgentStats> {
    const { range, periods } = this.resolve(req);
    const { byAgent, assigned } = resolveFilter(this.directory, scope, req);
    const src = this.source(source);
    return this.reads.read(async (s) => {
      const [cells, trendSums, timeCells] = await Promise.all([
        src.totals(s, 'agentQueue', range, byAgent),
        byAgent.agents === null
          ? src.trend(s, 'inboundQueue', periods, byAgent, ['answered', 'connectedMs'])
          : src.trend(s, 'agentQueue', periods, byAgent, ['answered', 'connectedMs'], true),
        this.rollups.totals(s, 'agentTime', range, byAgent),
      ]);
      return {
        range: echo(range, req),
        ...agentStats({ cells, trendLabels: trendLabels(periods), trendSums, timeCells, directory: this.directory, assigned, ranking: req }),
      };
    });
  }

  queues(scope: Scope, req: RankedRequest, source: Source = 'rollups'): Promise<QueueStats> {
    const { range, periods } = this.resolve(req);
    const { byQueue } = resolveFilter(this.directory, scope, req);
    const src = this.sourceFor('queue', byQueue, source);
    return this.reads.read(async (s) => {
      const [cells, trendSums, trendStaffing] = await Promise.all([
        src.totals(s, 'queue', range, byQueue),
        src.trend(s, 'queue', periods, byQueue, ['answered', 'abandoned', 'other']),
        this.periodStaffing(s, periods, byQueue, src),
      ]);
      return {
        range: echo(range, req),
        ...queueStats({ cells, trendLabels: trendLabels(periods), trendSums, trendStaffing, directory: this.directory, queueIds: byQueue.queues, ranking: req }),
      };
    });
  }

  wrapups(scope: Scope, req: RankedRequest, source: Source = 'rollups'): Promise<WrapupStats> {
    const { range, periods } = this.resolve(req);
    const { byAgent } = resolveFilter(this.directory, scope, req);
    const src = this.source(source);
    return this.reads.read(async (s) => {
      const [agentCells, reasonCells, trendSums] = await Promise.all([
        src.totals(s, 'wrapupAgent', range, byAgent),
        byAgent.everything
          ? src.totals(s, 'wrapupReasonTotal', range, byAgent)
          : this.sourceFor('wrapupReason', byAgent, source).totals(s, 'wrapupReason', range, byAgent),
        src.trend(s, byAgent.agents === null ? 'wrapupQueue' : 'wrapupAgent', periods, byAgent, ['completed', 'wrapupMs']),
      ]);
      return {
        range: echo(range, req),
        ...wrapupStats({ agentCells, reasonCells, trendLabels: trendLabels(periods), trendSums, directory: this.directory, ranking: req }),
      };
    });
  }

  /**
   * Agents needed and staffed per trend period, each queue read on its own (its need is its
   * own); staffed time of the chosen agents only, under an agent filter.
   */
  private async periodStaffing(s: StatsSnapshot, periods: TrendPeriods, byQueue: CellFilter, src: FamilySource): Promise<PeriodStaffing[]> {
    const queues = byQueue.queues.map(async (queueId) => {
      const one: CellFilter = { ...byQueue, queues: [queueId], everything: false };
      const [calls, wrapups, staffed] = await Promise.all([
        src.trend(s, 'queue', periods, one, ['answered', 'abandoned', 'other', 'handleMs']),
        byQueue.agents === null ? this.rollups.trend(s, 'wrapupQueue', periods, one, ['wrapupMs']) : this.facts.trend(s, 'wrapupAgent', periods, one, ['wrapupMs']),
        this.rollups.trend(s, byQueue.agents === null ? 'queueTime' : 'agentTime', periods, one, ['staffedMs']),
      ]);
      const q = this.directory.queues.get(queueId)!;
      return {
        target: { seconds: q.serviceLevelSeconds, serviceLevel: q.serviceLevelTarget },
        loads: calls.map(([answered = 0, abandoned = 0, other = 0, handleMs = 0], i) => [answered + abandoned + other, answered, handleMs + (wrapups[i]?.[0] ?? 0)] as const),
        staffedMs: staffed.map(([ms = 0]) => ms),
      };
    });
    return periodStaffing(await Promise.all(queues), periods.lengthMs);
  }

  calls(scope: Scope, req: StatsRequest & CallListInput): Promise<CallPage> {
    const range = this.range(req);
    const filter = resolveFilter(this.directory, scope, req);
    return this.reads.read(async (s) => ({ range: echo(range, req), ...(await this.callList.list(s, range, req.by === 'queue' ? filter.byQueue : filter.byAgent, req)) }));
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
