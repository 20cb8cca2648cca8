import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { LoginThrottle } from '../../server/auth/login-throttle.js';
import { startHarness, type Harness } from './harness.js';

/** A sign-in from a chosen loopback address (all of 127.0.0.0/8 is this machine), answered status and headers. */
function signIn(base: string, from: string, email: string, password: string): Promise<{ status: number; retryAfter: string | undefined; code: string }> {
  const url = new URL('/api/v1/auth/login', base);
  const body = JSON.stringify({ email, password });
  return new Promise((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', localAddress: from, agent: false, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        let text = '';
        res.setEncoding('utf8').on('data', (d) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode!, retryAfter: res.headers['retry-after'], code: (JSON.parse(text) as { error?: { code: string } }).error?.code ?? '' }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Issue 13 defect 2: the limit holds under concurrency, and someone else's failures lock no one out. */
describe('sign-in throttling', () => {
  let h: Harness;
  let base: string;

  before(async () => {
    h = await startHarness();
    base = await h.listen();
  });
  after(() => h.close());

  const storm = async (n: number, from: string, email: string) => {
    const answers = await Promise.all(Array.from({ length: n }, (_, i) => signIn(base, from, email, `wrong-${i}-guess`)));
    const checked = answers.filter((a) => a.status === 401).length;
    const refused = answers.filter((a) => a.status === 429);
    assert.equal(checked + refused.length, n, `only 401 and 429: ${JSON.stringify(answers.filter((a) => a.status !== 401 && a.status !== 429))}`);
    for (const r of refused) {
      assert.equal(r.code, 'too_many_attempts');
      assert.ok(Number(r.retryAfter) > 0 && Number(r.retryAfter) <= 15 * 60, `Retry-After ${r.retryAfter}`);
    }
    return checked;
  };

  it('checks at most ten of 60 concurrent wrong passwords, and the owner still signs in from another address', async () => {
    assert.ok((await storm(60, '127.0.0.10', 'ava@example.com')) <= 10);
    assert.equal((await signIn(base, '127.0.0.10', 'ava@example.com', 'ava-password')).status, 429, 'the guessing address stays throttled');
    assert.equal((await signIn(base, '127.0.0.11', 'ava@example.com', 'ava-password')).status, 200, 'the owner, elsewhere, is not locked out');
  });

  it('checks at most ten of 300 concurrent wrong passwords', async () => {
    assert.ok((await storm(300, '127.0.0.20', 'ben@example.com')) <= 10);
    assert.equal((await signIn(base, '127.0.0.21', 'ben@example.com', 'ben-password')).status, 200);
  });

  it('throttles the agent desk’s sign-in the same way', async () => {
    const answers = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        fetch(`${base}/api/v1/auth/agent-login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: 'li.na@example.com', password: `wrong-${i}-guess` }),
        }).then((r) => r.status),
      ),
    );
    assert.ok(answers.filter((s) => s === 401).length <= 10, JSON.stringify(answers));
    assert.ok(answers.filter((s) => s === 429).length >= 50);
  });
});

describe('sign-in throttle table', () => {
  const limits = { pair: 3, address: 100, account: 5, windowMs: 60_000, capacity: 8 };

  it('holds an account-wide limit against many addresses, sparing the addresses it signed in from', () => {
    let now = 0;
    const t = new LoginThrottle(() => now, limits);
    t.reserve('10.0.0.1', 'ava').succeeded(); // Ava's usual address
    for (let i = 0; i < 5; i++) t.reserve(`10.9.0.${i}`, 'ava').failed();
    assert.throws(() => t.reserve('10.9.1.1', 'ava'), (e: { status: number; headers: Record<string, string> }) => e.status === 429 && e.headers['retry-after'] === '60');
    t.reserve('10.0.0.1', 'ava').succeeded();
    now += 60_000;
    t.reserve('10.9.1.1', 'ava').failed(); // a new window
  });

  it('does not forget a counter at the limit when flooded with new keys', () => {
    const t = new LoginThrottle(() => 0, limits);
    for (let i = 0; i < 3; i++) t.reserve('10.0.0.66', 'victim').failed();
    for (let i = 0; i < 100; i++) t.reserve(`10.1.${i >> 8}.${i & 255}`, `someone-${i}`).failed();
    assert.throws(() => t.reserve('10.0.0.66', 'victim'), (e: { status: number }) => e.status === 429);
  });

  it('does not count a success against the address or the account', () => {
    const t = new LoginThrottle(() => 0, limits);
    for (let i = 0; i < 10; i++) t.reserve('10.0.0.5', 'sam').succeeded();
    for (let i = 0; i < 3; i++) t.reserve('10.0.0.5', 'sam').failed();
    assert.throws(() => t.reserve('10.0.0.5', 'sam'));
  });
});
