import type { Zone } from '../../domain/zone.js';

/**
 * One line of Asterisk's queue_log, in the layouts found in the field:
 *   classic     `1765098000|1765097990.12|sales|PJSIP/1001|CONNECT|10|1765097991.13|3`
 *   realtime    `2026-12-07 09:00:00.123|…` — the stamp in local time (`--time-zone`), and the
 *               data padded into data1…data5, as the realtime backend's `queue_log` table stores it
 *   row id      `42|2026-12-07 09:00:00|…` — that table exported with its leading id column
 * Trailing empty data fields are dropped, so padded and unpadded lines of one event are the same event.
 */
export interface QueueLogLine {
  /** Line number in the file, from 1. */
  n: number;
  at: number;
  callId: string;
  queue: string;
  member: string;
  event: string;
  data: readonly string[];
}

/** What queue_log writes where a field has no value. */
export const isNone = (field: string) => field === '' || field === 'NONE' || field === 'NULL';

/** Every event the import knows; each one maps to Floorview events or is known to carry nothing Floorview keeps. */
export const QUEUE_LOG_EVENTS = new Set([
  'ENTERQUEUE', 'CONNECT', 'COMPLETEAGENT', 'COMPLETECALLER', 'ABANDON', 'EXITWITHTIMEOUT', 'EXITWITHKEY', 'EXITEMPTY',
  'RINGNOANSWER', 'RINGCANCELED', 'TRANSFER', 'BLINDTRANSFER', 'ATTENDEDTRANSFER', 'AGENTDUMP',
  'ADDMEMBER', 'REMOVEMEMBER', 'PAUSE', 'UNPAUSE', 'PAUSEALL', 'UNPAUSEALL',
  'AGENTLOGIN', 'AGENTLOGOFF', 'AGENTCALLBACKLOGIN', 'AGENTCALLBACKLOGOFF',
  // Nothing Floorview keeps: queue and system housekeeping, caller details.
  'QUEUESTART', 'CONFIGRELOAD', 'SYSCOMPAT', 'DID', 'INFO',
]);

const EPOCH = /^\d{9,10}(\.\d{1,6})?$/;
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(\.\d{1,6})?$/;
const EVENT = /^[A-Z][A-Z_]*$/;

/** A line's reason for being skipped, as the summary groups them. */
export class SkippedLine {
  constructor(readonly reason: string) {}
}

/** Parses one line (without its end of line); a `SkippedLine` says why it is not an event. */
export function parseQueueLogLine(text: string, n: number, zone: Zone): QueueLogLine | SkippedLine {
  let f = text.split('|');
  // A leading row id shifts every field by one: where the event name stands tells.
  if (f.length >= 6 && /^\d+$/.test(f[0]!) && !QUEUE_LOG_EVENTS.has(f[4]!.trim()) && QUEUE_LOG_EVENTS.has(f[5]!.trim())) f = f.slice(1);
  if (f.length < 5) return new SkippedLine('not a queue_log line (fewer than 5 fields)');
  const at = parseStamp(f[0]!.trim(), zone);
  if (at === null) return new SkippedLine('bad time stamp');
  const event = f[4]!.trim();
  if (!EVENT.test(event)) return new SkippedLine('no event name in the 5th field');
  if (!QUEUE_LOG_EVENTS.has(event)) return new SkippedLine(`unknown event ${event}`);
  let end = f.length;
  while (end > 5 && f[end - 1]!.trim() === '') end--;
  return { n, at, callId: f[1]!.trim(), queue: f[2]!.trim(), member: f[3]!.trim(), event, data: f.slice(5, end).map((d) => d.trim()) };
}

function parseStamp(s: string, zone: Zone): number | null {
  if (EPOCH.test(s)) return Math.round(Number(s) * 1000);
  const m = LOCAL.exec(s);
  if (!m) return null;
  const wall = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!, m[7] ? Math.round(Number(m[7]) * 1000) : 0);
  if (Number.isNaN(wall) || new Date(wall).getUTCDate() !== +m[3]!) return null;
  // The offset at the wall time read as UTC is at most a day off the true instant's: ask again there.
  return wall - zone.offsetAt(wall - zone.offsetAt(wall));
}
