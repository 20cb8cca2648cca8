// `npm run manifest` (after the analyzer has written custom-elements.json): the README's widget API
// tables and the docs page served at /docs/, both from the manifest.
import { readFileSync, writeFileSync } from 'node:fs';
import { docsPage, DOCS_PAGE } from './docs-page.js';
import { readManifest } from './manifest.js';
import { readmeWithApi } from './readme-api.js';

const root = process.cwd();
const manifest = readManifest(root);
writeFileSync('README.md', readmeWithApi(readFileSync('README.md', 'utf8'), manifest));
writeFileSync(DOCS_PAGE, docsPage(manifest));
