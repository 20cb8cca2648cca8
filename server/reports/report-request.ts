import type { Scope } from '../auth/principal.js';
import type { Directory } from '../directory/directory.js';
import { ApiError, badRequest } from '../lib/errors.js';
import type { CellFilter } from '../stats/cell-filter.js';
import { resolveRange, type StatsRange } from '../stats/stats-range.js';
import { badFilterFields, resolveFilter } from '../stats/stats-scope.js';
import type { ReportLang, ReportRange, ReportRequest } from '../../contract/reports.js';

/** `POST /reports` after schema validation. */
export interface ReportInput {
  from: string;
  to: string;
  tz?: string | undefined;
  timeFrom?: string | undefined;
  timeTo?: string | undefined;
  queue?: string[] | undefined;
  agent?: string[] | undefined;
  location?: string | undefined;
  lang?: ReportLang | undefined;
}

/** What generating a report reads: the counted range, and the wrap-ups in scope (as the wrap-up statistics filter them). */
export interface ReportPlan {
  request: ReportRequest;
  range: StatsRange;
  filter: CellFilter;
}

/**
 * Resolves a report's range and filters in a supervisor's scope, exactly as
 * the wrap-up statistics do (server/stats): 400 naming each bad field, 403 for
 * a queue or agent outside the scope. Run when the report is requested, and
 * again when it is generated, against the scope the supervisor has then.
 */
export function planReport(directory: Directory, scope: Scope, input: ReportInput, defaultZone: string): ReportPlan {
  const request: ReportRequest = {
    from: input.from,
    to: input.to,
    tz: input.tz ?? defaultZone,
    timeFrom: input.timeFrom ?? null,
    timeTo: input.timeTo ?? null,
    queue: unique(input.queue),
    agent: unique(input.agent),
    location: input.location ?? null,
    lang: input.lang ?? 'en',
  };
  const filter = {
    queue: request.queue.length > 0 ? request.queue : undefined,
    agent: request.agent.length > 0 ? request.agent : undefined,
    location: request.location ?? undefined,
  };
  try {
    const range = resolveRange(
      { from: request.from, to: request.to, tz: request.tz, timeFrom: request.timeFrom ?? undefined, timeTo: request.timeTo ?? undefined },
      badFilterFields(directory, filter),
    );
    const { byAgent } = resolveFilter(directory, scope, filter);
    // The canonical zone name (an alias such as "PRC" is stored as "Asia/Shanghai").
    return { request: { ...request, tz: range.zone.name }, range, filter: byAgent };
  } catch (err) {
    if (err instanceof ApiError && err.status === 400) throw badRequest('The report request is invalid.', err.fields);
    throw err;
  }
}

export function rangeOf(plan: ReportPlan): ReportRange {
  const { range, request } = plan;
  return {
    from: range.zone.isoLocal(range.from),
    to: range.zone.isoLocal(range.to),
    tz: range.zone.name,
    timeFrom: range.window ? (request.timeFrom ?? '00:00') : null,
    timeTo: range.window ? (request.timeTo ?? '24:00') : null,
  };
}

/** `wrapup-reasons_2026-03-01_2026-03-07.csv`: the local dates covered (ASCII only, safe in any header or file system). */
export function fileNameOf(plan: ReportPlan): string {
  const { range } = plan;
  const first = range.zone.isoLocal(range.from).slice(0, 10);
  const last = range.zone.isoLocal(range.to - 1).slice(0, 10);
  return `wrapup-reasons_${first}_${last}.csv`;
}

const unique = (ids: readonly string[] | undefined) => [...new Set(ids ?? [])].sort();
