import type { Directory } from '../directory/directory.js';
import { localName } from '../../common/local-name.js';
import type { Zone } from '../domain/zone.js';
import { BOM, csvRecord } from '../../common/csv.js';
import type { ReportLang } from '../../contract/reports.js';
import type { ReportRow } from './report-rows.js';

/** The columns of SPEC §4 "wrap-up report rows", in its order; `{tz}` names the zone the times are written in. */
const HEADERS: Record<ReportLang, readonly string[]> = {
  en: [
    'Agent name',
    'Location',
    'Call start ({tz})',
    'Call end ({tz})',
    'Call minutes',
    'Wrap-up reason',
    'Wrap-up minutes',
    'Wrap-up start ({tz})',
    'Wrap-up end ({tz})',
  ],
  'zh-CN': ['座席姓名', '位置', '呼叫开始时间 ({tz})', '呼叫结束时间 ({tz})', '通话分钟数', '总结原因', '总结分钟数', '总结开始时间 ({tz})', '总结结束时间 ({tz})'],
};

/** The file's first bytes: the byte-order mark and the header record. */
export function reportHeader(lang: ReportLang, zone: Zone): string {
  return BOM + csvRecord(HEADERS[lang].map((h) => h.replace('{tz}', zone.name)));
}

const DAY_MS = 86_400_000;
const TWO_DIGITS = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));
/** Rows come in time order: the local date changes seldom, so its text is kept (a local day number is a date in any zone). */
let dateOf = { day: NaN, text: '' };

/**
 * `2026-03-02 17:00:25`: local wall-clock time to the second, the form
 * spreadsheets read as a date and time (the zone is in the column's header).
 * Four per row: built from numbers rather than through Date, ten times faster.
 */
export function localTime(zone: Zone, ms: number | null): string {
  if (ms === null) return '';
  const local = ms + zone.offsetAt(ms);
  const day = Math.floor(local / DAY_MS);
  if (day !== dateOf.day) dateOf = { day, text: new Date(day * DAY_MS).toISOString().slice(0, 10) };
  const s = Math.floor((local - day * DAY_MS) / 1000);
  return `${dateOf.text} ${TWO_DIGITS[Math.floor(s / 3600)]}:${TWO_DIGITS[Math.floor(s / 60) % 60]}:${TWO_DIGITS[s % 60]}`;
}

/** Seconds as minutes with two decimals: 85 s → `1.42`. */
export function minutes(seconds: number | null): string {
  return seconds === null ? '' : (seconds / 60).toFixed(2);
}

/** One report row as a CSV record: names from the directory, times in the report's zone. */
export function reportRecord(row: ReportRow, directory: Directory, zone: Zone, lang: ReportLang): string {
  const agent = directory.agents.get(row.agentId);
  const reason = directory.nameOfWrapupReason(row.reasonId);
  return csvRecord([
    directory.nameOfAgent(row.agentId),
    agent?.location ?? '',
    localTime(zone, row.callStart),
    localTime(zone, row.callEnd),
    minutes(row.callTime),
    localName(reason.name, reason.names, lang),
    minutes(row.wrapupTime),
    localTime(zone, row.wrapupStart),
    localTime(zone, row.wrapupEnd),
  ]);
}
