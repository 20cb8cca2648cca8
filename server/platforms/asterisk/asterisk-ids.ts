/**
 * Floorview ids for what Asterisk reports, derived so that the same fact gets the same id however often
 * it arrives: live over AMI or replayed after a reconnect; imported from queue_log again. A repeated fact
 * is then a duplicate event (SPEC §3), never a second call. AMI and queue_log describe a call in different
 * facts, so only the call id is shared between them: the import skips a call AMI already recorded.
 *
 * A call is the caller's channel: its Uniqueid (AMI's `Uniqueid` on QueueCallerJoin, queue_log's callid,
 * the same number). Facts a call can have only once are keyed by the call and the kind; facts that can
 * repeat (rung again, held again, paused again) add the whole second they happened at, which AMI
 * (`timestampevents = yes`) and queue_log both give to the second.
 */

/** The call id of the call whose caller channel has this Uniqueid (e.g. `1700000000.123`). */
export function asteriskCallId(uniqueid: string): string {
  return `ast-${uniqueid}`;
}

/** Kept within the event id's printable-ASCII rule: an interface or agent id may hold anything else. */
const part = (value: string | number): string => String(value).replace(/[^\x21-\x7e]|[:%]/g, (c) => `%${c.codePointAt(0)!.toString(16)}`);

/**
 * The event id of one fact: `ast:<subject>:<kind>[:<detail>…]`. `subject` is a Uniqueid for call facts
 * or an agent id for agent facts; `details` tell repeatable facts apart (an agent, a queue, `atSecond(ms)`).
 */
export function asteriskEventId(subject: string, kind: string, ...details: (string | number)[]): string {
  return ['ast', subject, kind, ...details].map(part).join(':');
}

/** The whole epoch second of a time in ms: the precision both AMI and queue_log share. */
export function atSecond(ms: number): number {
  return Math.floor(ms / 1000);
}

/**
 * A directory id from a name Asterisk gives (a queue's in queues.conf, an extension): the name as it
 * stands but for characters an id may not hold (printable ASCII, no spaces), which become `_`. A queue's
 * directory id is so its Asterisk name (`sales`), which is how PBX events find their queue.
 */
export function directoryId(asteriskName: string): string {
  return asteriskName.replace(/[^\x21-\x7e]/g, '_');
}
