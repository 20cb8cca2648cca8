import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { lintFromString, loadConfig } from '@redocly/openapi-core';
import { ROOT } from '../support/imports.js';
import { startHarness, type Harness } from './harness.js';

/** The served OpenAPI document passes Redocly's `recommended` rules (redocly.yaml says which warnings stay, and why). */
describe('the OpenAPI document', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h.close());

  it('lints with no errors under Redocly’s recommended rules', async () => {
    const source = await (await h.get('/api/v1/openapi.json')).text();
    const config = await loadConfig({ configPath: join(ROOT, 'redocly.yaml') });
    const problems = await lintFromString({ source, absoluteRef: join(ROOT, 'openapi.json'), config });
    const errors = problems.filter((p) => p.severity === 'error');
    const warnings = problems.filter((p) => p.severity === 'warn');
    console.log(`Redocly lint: ${errors.length} errors, ${warnings.length} warnings`);
    for (const p of problems) console.log(`  ${p.severity} ${p.ruleId}: ${p.message} (${p.location[0]?.pointer ?? ''})`);
    assert.equal(errors.length, 0, errors.map((p) => `${p.ruleId} at ${p.location[0]?.pointer}: ${p.message}`).join('\n'));
  });

  it('has no nullable component reference that a null cannot match', async () => {
    // `.nullable()` on a component comes out as allOf [$ref, {type: [object, null]}]: contract/or-null.ts says why, and what to write.
    const source = await (await h.get('/api/v1/openapi.json')).text();
    const unmatchable = [...source.matchAll(/"allOf":\[\{"\$ref":"#\/components\/schemas\/(\w+)"\},\{"type":\[[^\]]*"null"\]/g)].map((m) => m[1]);
    assert.deepEqual(unmatchable, []);
  });

  it('gives every operation a unique operationId', async () => {
    const doc = (await (await h.get('/api/v1/openapi.json')).json()) as { paths: Record<string, Record<string, { operationId?: string }>> };
    const ids = Object.values(doc.paths).flatMap((ops) => Object.values(ops).map((op) => op.operationId));
    assert.ok(ids.length >= 40, `operations were read (${ids.length})`);
    assert.deepEqual(ids.filter((id) => !id), []);
    assert.equal(new Set(ids).size, ids.length);
  });
});
