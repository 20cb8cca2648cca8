import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../lib/repo-root.js';
import { centreJson, generateCentre } from './generate-centre.js';

/** Regenerates demo/centre.json, the bundled demo centre (npm run demo:centre). */
const target = join(REPO_ROOT, 'demo/centre.json');
writeFileSync(target, centreJson(generateCentre({ agents: 60, queues: 8, seed: 1 })));
console.log(`Wrote ${target}`);
