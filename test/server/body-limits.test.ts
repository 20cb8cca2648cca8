import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { INTEGRATION, startHarness, type Harness } from './harness.js';

/** Just over the 64 KiB every router but ingestion takes. */
const PADDED = { padding: 'x'.repeat(65 * 1024) };

describe('request body limits, router by router', () => {
  let h: Harness;
  let ava: Record<string, string>;
  before(async () => {
    h = await startHarness();
    ava = await h.login('ava');
  });
  after(() => h.close());

  it('refuses a body over 64 KiB with 413 too_large on every router that reads one', async () => {
    const paths = [
      '/api/v1/auth/login',
      '/api/v1/auth/display-session',
      '/api/v1/auth/agent-login',
      '/api/v1/agents/a-1/messages',
      '/api/v1/agents/a-1/messages/read',
      '/api/v1/agents/a-1/hand',
      '/api/v1/agents/a-1/state',
      '/api/v1/alerts/x/ack',
      '/api/v1/reports',
    ];
    for (const path of paths) {
      const res = await h.post(path, PADDED, ava);
      assert.equal(res.status, 413, path);
      const { error } = (await res.json()) as { error: { code: string; message: string } };
      assert.deepEqual(error, { code: 'too_large', message: 'The body is larger than 64 KiB.' }, path);
    }
  });

  it('lets ingestion take a batch over 64 KiB', async () => {
    const res = await h.post('/api/v1/events', { events: [], ...PADDED }, INTEGRATION);
    assert.equal(res.status, 400, 'read and validated, not refused for its size');
  });
});
