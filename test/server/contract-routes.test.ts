import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ROOT } from '../support/imports.js';
import { startHarness, type Harness } from './harness.js';

/**
 * The routes widgets call (contract/routes.ts, types only) are routes the server serves:
 * each `METHOD /path` of the table is an operation of the OpenAPI document the app builds
 * from the same schemas, so a renamed or removed route cannot leave a client calling nothing.
 */
describe('the contract’s route table', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h.close());

  it('names only operations the server serves', async () => {
    const doc = (await (await h.get('/api/v1/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
    const served = new Set(Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`)));
    const table = [...readFileSync(join(ROOT, 'contract/routes.ts'), 'utf8').matchAll(/^\s*'((?:GET|POST|PUT|PATCH|DELETE) \/[^']*)':/gm)].map((m) => m[1]!);
    assert.ok(table.length >= 30, `the table was read (${table.length} routes)`);
    assert.deepEqual(table.filter((route) => !served.has(route)), []);
  });
});
