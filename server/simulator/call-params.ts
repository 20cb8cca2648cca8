/**
 * How callers and agents behave, in one place: the engine draws from these and
 * the staffing plan sizes the roster with the same numbers.
 * Durations in ms; ranges are uniform, `median`/`sigma` lognormal.
 */
export const CALL = {
  /** ACD picks an agent and starts ringing. */
  routingMs: [1_000, 3_000],
  ringMs: [2_000, 12_000],
  ringNoAnswerRate: 0.02,
  ringNoAnswerMs: [14_500, 15_500],
  /** An agent who let a call ring out is paused by the platform. */
  ringNoAnswerPauseMs: [60_000, 120_000],
  patience: { median: 90_000, sigma: 0.9 },
  /** No key chosen at the queue's prompt (or nobody staffs the queue): never offered, the platform drops the call. */
  noKeyRate: 0.02,
  noKeyMs: [8_000, 25_000],
  /** Queue overflow: nobody answered in this long. */
  overflowMs: 15 * 60_000,
  talk: { median: 240_000, sigma: 0.65 },
  holdRate: 0.25,
  hold: { median: 40_000, sigma: 0.7 },
  transferRate: 0.04,
  /** The agent holds the caller to consult before transferring. */
  consultMs: [15_000, 60_000],
  endedByCallerRate: 0.6,
  wrapup: { median: 40_000, sigma: 0.6 },
} as const;

export const OUTBOUND = {
  /** Share of idle moments, with nothing waiting, an agent uses to call someone back. */
  dialRate: 0.2,
  dialAfterMs: [5_000, 40_000],
  answeredRate: 0.8,
  answerMs: [5_000, 20_000],
  giveUpMs: [20_000, 35_000],
  talk: { median: 150_000, sigma: 0.6 },
} as const;

export const SHIFT = {
  lengthMs: 8.5 * 3_600_000,
  /** Daily wobble of the start, so sign-ins spread over minutes. */
  startJitterMs: 8 * 60_000,
  signInToJoinMs: [3_000, 10_000],
  signInToAvailableMs: [60_000, 120_000],
  breaks: [
    { reason: 'Break', atMs: 2 * 3_600_000, jitterMs: 15 * 60_000, durationMs: 15 * 60_000 },
    { reason: 'Lunch', atMs: 4 * 3_600_000, jitterMs: 20 * 60_000, durationMs: 30 * 60_000 },
    { reason: 'Break', atMs: 6.25 * 3_600_000, jitterMs: 15 * 60_000, durationMs: 15 * 60_000 },
  ],
  meetingRate: 0.12,
  meetingMs: [30 * 60_000, 60 * 60_000],
  queueBreakRate: 0.15,
  queueBreakMs: [20 * 60_000, 90 * 60_000],
} as const;

export const SUPERVISOR = {
  /** Platform latency before a command shows up as an event. */
  latencyMs: [200, 500],
  /** Simulated agents come back by themselves so the demo never empties. */
  backAvailableMs: [3 * 60_000, 10 * 60_000],
  backSignedInMs: [5 * 60_000, 15 * 60_000],
} as const;

export const lognormalMean = (d: { median: number; sigma: number }) => d.median * Math.exp((d.sigma * d.sigma) / 2);
export const rangeMean = (r: readonly [number, number]) => (r[0] + r[1]) / 2;
