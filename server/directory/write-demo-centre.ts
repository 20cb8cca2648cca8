import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { centreJson, generateCentre } from './generate-centre.js';

/** Regenerates demo/centre.json, the bundled demo centre (npm run demo:centre). */
const target = fileURLToPath(new URL('../../demo/centre.json', import.meta.url));
writeFileSync(target, centreJson(generateCentre({ agents: 60, queues: 8, seed: 1 })));
console.log(`Wrote ${target}`);
