import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { agentsRequired, staffingWith, trafficErlangs } from '../../server/domain/erlang-c.js';
import { DISPLAY, startHarness, type Harness } from './harness.js';

type Json = Record<string, any>;
const close = (actual: number, expected: number, digits: number, what: string) =>
  assert.ok(Math.abs(actual - expected) < 0.5 * 10 ** -digits, `${what}: ${actual} is not ${expected} to ${digits} places`);

/**
 * Erlang C the textbook way, for comparison: Σ A^k/k! and A^N/N! · N/(N−A), each term in
 * logarithms (log-sum-exp) so it holds where the powers and factorials overflow.
 */
function erlangCByLogs(traffic: number, agents: number): number {
  const logTerms: number[] = [];
  let logFactorial = 0;
  for (let k = 0; k < agents; k++) {
    if (k > 0) logFactorial += Math.log(k);
    logTerms.push(k * Math.log(traffic) - logFactorial);
  }
  const logLast = agents * Math.log(traffic) - (logFactorial + Math.log(agents)) + Math.log(agents / (agents - traffic));
  const top = Math.max(logLast, ...logTerms);
  const sum = logTerms.reduce((s, t) => s + Math.exp(t - top), 0);
  const last = Math.exp(logLast - top);
  return last / (sum + last);
}

const target = { seconds: 20, serviceLevel: 0.8 };

describe('Erlang C staffing', () => {
  it('matches the published example: 100 calls per 30 min, AHT 180 s, 80 % in 20 s', () => {
    const load = { callsPerInterval: 100, intervalSeconds: 1800, ahtSeconds: 180 };
    assert.equal(trafficErlangs(load), 10);
    const at = agentsRequired(load, target);
    assert.equal(at.agents, 14);
    close(at.probabilityOfWaiting, 0.1741, 4, 'P(wait), 14 agents');
    close(at.serviceLevel, 0.8884, 4, 'service level, 14 agents');
    close(at.occupancy, 0.714, 3, 'occupancy, 14 agents');
    close(at.asa, 7.8, 1, 'ASA, 14 agents');
    close(staffingWith(load, 13, target).serviceLevel, 0.7956, 4, 'service level, 13 agents');
  });

  it('matches Erlang C computed by hand for small queues', () => {
    // A = 2, N = 3: (8/6 · 3) / (1 + 2 + 2 + 4) = 4/9. A = 1, N = 2: 1 / 3.
    const load = (erlangs: number) => ({ callsPerInterval: erlangs * 3600, intervalSeconds: 3600, ahtSeconds: 1 });
    close(staffingWith(load(2), 3, target).probabilityOfWaiting, 4 / 9, 12, 'A=2, N=3');
    close(staffingWith(load(1), 2, target).probabilityOfWaiting, 1 / 3, 12, 'A=1, N=2');
  });

  it('stays exact for large centres, where A^N/N! overflows a double', () => {
    for (const [erlangs, agents] of [
      [180, 200],
      [480, 500],
      [2_000, 2_050],
    ] as const) {
      const load = { callsPerInterval: erlangs * 20, intervalSeconds: 3600, ahtSeconds: 180 };
      const c = staffingWith(load, agents, target).probabilityOfWaiting;
      assert.ok(Number.isFinite(c) && c > 0 && c < 1, `${agents} agents: ${c}`);
      close(c, erlangCByLogs(erlangs, agents), 9, `${erlangs} erlangs, ${agents} agents`);
    }
  });

  it('needs the fewest agents that meet the target, and one fewer does not', () => {
    for (const [calls, aht, secs, sl] of [
      [100, 180, 20, 0.8],
      [2_400, 240, 30, 0.9],
      [30, 600, 60, 0.5],
      [9_000, 180, 15, 0.95],
    ] as const) {
      const load = { callsPerInterval: calls, intervalSeconds: 3600, ahtSeconds: aht };
      const t = { seconds: secs, serviceLevel: sl };
      const { agents, serviceLevel } = agentsRequired(load, t);
      assert.ok(serviceLevel >= sl, `${agents} agents meet ${sl}`);
      if (agents - 1 > trafficErlangs(load)) assert.ok(staffingWith(load, agents - 1, t).serviceLevel < sl, `${agents - 1} agents do not`);
    }
  });

  it('needs one agent above the load when the load alone would meet the target, and none for no calls', () => {
    // 0.5 erlangs, a target any steady queue meets: one agent.
    assert.equal(agentsRequired({ callsPerInterval: 10, intervalSeconds: 3600, ahtSeconds: 180 }, { seconds: 3600, serviceLevel: 0.01 }).agents, 1);
    assert.equal(agentsRequired({ callsPerInterval: 0, intervalSeconds: 3600, ahtSeconds: 180 }, target).agents, 0);
  });

  it('refuses as many agents as the load or fewer: there is no steady state', () => {
    const load = { callsPerInterval: 100, intervalSeconds: 1800, ahtSeconds: 180 };
    assert.throws(() => staffingWith(load, 10, target), /10 agents cannot carry 10\.00 erlangs.*no steady state/);
    assert.equal(staffingWith(load, 11, target).agents, 11);
  });
});

describe('GET /api/v1/staffing/erlang-c', () => {
  let h: Harness;
  let sam: Record<string, string>;
  const url = (params: Record<string, string | number>) =>
    `/api/v1/staffing/erlang-c?${new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]))}`;
  const example = { callsPerInterval: 100, intervalMinutes: 30, ahtSeconds: 180, targetSeconds: 20, targetServiceLevel: 0.8 };

  before(async () => {
    h = await startHarness();
    sam = await h.login('sam');
  });
  after(() => h.close());

  it('answers the agents required and the figures for a given number', async () => {
    const res = await h.get(url({ ...example, agents: 13 }), sam);
    assert.equal(res.status, 200);
    const body = (await res.json()) as Json;
    assert.equal(body.trafficErlangs, 10);
    assert.equal(body.agentsRequired, 14);
    assert.equal(body.atRequired.agents, 14);
    close(body.atRequired.serviceLevel, 0.8884, 4, 'service level at 14');
    assert.equal(body.agents, 13);
    close(body.serviceLevel, 0.7956, 4, 'service level at 13');
    close(body.probabilityOfWaiting, 0.2853, 4, 'P(wait) at 13');
    close(body.occupancy, 10 / 13, 9, 'occupancy at 13');
    assert.ok(body.asa > body.atRequired.asa);
  });

  it('names every bad field', async () => {
    const res = await h.get(url({ callsPerInterval: -1, intervalMinutes: 0, ahtSeconds: 'abc', targetSeconds: 20, targetServiceLevel: 1.5 }), sam);
    assert.equal(res.status, 400);
    const { error } = (await res.json()) as Json;
    assert.deepEqual(Object.keys(error.fields).sort(), ['ahtSeconds', 'callsPerInterval', 'intervalMinutes', 'targetServiceLevel']);
  });

  it('says there is no steady state for as many agents as the load or fewer, instead of NaN', async () => {
    const res = await h.get(url({ ...example, agents: 10 }), sam);
    assert.equal(res.status, 400);
    const { error } = (await res.json()) as Json;
    assert.match(error.fields.agents, /no steady state/);
  });

  it('refuses a load too large to compute, and is for supervisors only', async () => {
    const huge = await h.get(url({ ...example, callsPerInterval: 1e12 }), sam);
    assert.equal(huge.status, 400);
    assert.ok(((await huge.json()) as Json).error.fields.callsPerInterval);
    // A billion agents would hold the server in a loop: refused like any bad field.
    const crowd = await h.get(url({ ...example, agents: 1e9 }), sam);
    assert.equal(crowd.status, 400);
    assert.ok(((await crowd.json()) as Json).error.fields.agents);
    assert.equal((await h.get(url(example), DISPLAY)).status, 403);
    assert.equal((await h.get(url(example))).status, 401);
  });
});
