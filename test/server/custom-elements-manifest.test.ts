import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';
import { docsPage, DOCS_PAGE } from '../../scripts/api-docs/docs-page.js';
import { declarations, MANIFEST_FILE, readManifest, widgets } from '../../scripts/api-docs/manifest.js';
import { readmeWithApi } from '../../scripts/api-docs/readme-api.js';
import { ROOT, sourceFiles } from '../support/imports.js';

/**
 * custom-elements.json is checked in (a package ships it, editors read it): it must be what the
 * analyzer makes of the current source, and say what an integrator needs of every widget.
 */

const REGENERATE = 'run `npm run manifest` (it writes custom-elements.json, the README\'s API tables and docs/index.html) and commit the result';

/** Every `var(--name` in the files under `dir`. */
function customPropertiesRead(files: string[]): Set<string> {
  return new Set(files.flatMap((file) => [...readFileSync(join(ROOT, file), 'utf8').matchAll(/var\((--[a-z0-9-]+)/g)].map((m) => m[1]!)));
}

/**
 * The part names the widgets' templates give: `part="a b"`, and in `part="a ${x ? 'b' : 'c'}"` or
 * `part=${x ? 'a b' : 'a'}` the quoted names of the expression too.
 */
function partsRendered(files: string[]): Set<string> {
  const names = new Set<string>();
  for (const file of files) {
    for (const m of readFileSync(join(ROOT, file), 'utf8').matchAll(/part=(?:"([^"]*)"|\$\{([^}]*)\})/g)) {
      const value = m[1] ?? `\${${m[2]}}`;
      const words = value.replace(/\$\{([^}]*)\}/g, (_, expression: string) => ` ${[...expression.matchAll(/'([^']*)'/g)].map((q) => q[1]).join(' ')} `);
      for (const word of words.split(/\s+/)) if (word) names.add(word);
    }
  }
  return names;
}

describe('custom-elements.json', () => {
  it('is what the analyzer makes of the current widget source', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['scripts/manifest/analyze.mjs', '--print'], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
    assert.ok(stdout === readFileSync(join(ROOT, MANIFEST_FILE), 'utf8'), `${MANIFEST_FILE} is not what the analyzer makes of the current source: ${REGENERATE}`);
  });

  const manifest = readManifest(ROOT);
  const elements = widgets(manifest);

  it('is what the README\'s widget API tables and the docs page at /docs/ say', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    assert.ok(readme === readmeWithApi(readme, manifest), `README.md's widget API tables are not what ${MANIFEST_FILE} says: ${REGENERATE}`);
    assert.ok(readFileSync(join(ROOT, DOCS_PAGE), 'utf8') === docsPage(manifest), `${DOCS_PAGE} is not what ${MANIFEST_FILE} says: ${REGENERATE}`);
    for (const element of elements) assert.ok(readme.includes(`Events of \`<${element.tagName}>\``) || !element.events?.length, `README.md shows no events of <${element.tagName}>`);
  });

  it('describes every tag the widgets define, with a summary', () => {
    const defined = sourceFiles('widgets').flatMap((file) => [...readFileSync(join(ROOT, file), 'utf8').matchAll(/defineElement\('([a-z-]+)'/g)].map((m) => m[1]!));
    assert.ok(defined.length >= 9, `found ${defined.length} defineElement calls`);
    assert.deepEqual(elements.map((e) => e.tagName).sort(), [...new Set(defined)].sort());
    assert.deepEqual(elements.filter((e) => !e.summary?.trim()).map((e) => e.tagName), []);
  });

  it('gives every attribute a type and a description, and every event its class and a description', () => {
    const eventClasses = new Set(declarations(manifest).filter((d) => d.superclass?.name === 'Event').map((d) => d.name));
    const missing = elements.flatMap((e) => [
      ...(e.attributes ?? []).filter((a) => !a.type?.text || !a.description).map((a) => `${e.tagName} [${a.name}]`),
      ...(e.events ?? []).filter((v) => !v.name || !eventClasses.has(v.type?.text ?? '') || !v.description).map((v) => `${e.tagName} @${v.name} (${v.type?.text})`),
    ]);
    assert.deepEqual(missing, []);
  });

  it('documents every part the widgets render, and only those', () => {
    const rendered = partsRendered(sourceFiles('widgets'));
    assert.ok(rendered.size >= 40, `found ${rendered.size} part names`);
    const documented = new Set(elements.flatMap((e) => (e.cssParts ?? []).map((p) => p.name)));
    assert.deepEqual([...rendered].filter((p) => !documented.has(p)), [], 'parts no widget documents');
    assert.deepEqual([...documented].filter((p) => !rendered.has(p)), [], 'documented parts no widget renders');
  });

  it('lists no private, protected or internal member', () => {
    const hidden = declarations(manifest).flatMap((d) => (d.members ?? []).filter((m) => (m.privacy && m.privacy !== 'public') || m.name === 'floorviewVersion').map((m) => `${d.name}.${m.name}`));
    assert.deepEqual(hidden, []);
  });

  it('documents on every themed widget each theme token the widgets read, and no token they do not', () => {
    const tokens = [...customPropertiesRead(['widgets/core/theme.styles.ts'])].filter((name) => name.startsWith('--fv-'));
    assert.ok(tokens.length >= 20, `theme.styles.ts reads ${tokens.length} tokens`);
    const read = customPropertiesRead(sourceFiles('widgets'));
    for (const element of elements.filter((e) => e.tagName !== 'fv-provider')) {
      const documented = (element.cssProperties ?? []).map((p) => p.name);
      assert.deepEqual(tokens.filter((t) => !documented.includes(t)), [], `${element.tagName} leaves theme tokens undocumented`);
      assert.deepEqual(documented.filter((p) => !read.has(p)), [], `${element.tagName} documents custom properties no widget reads`);
    }
  });
});
