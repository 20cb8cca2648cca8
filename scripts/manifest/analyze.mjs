// Runs the analyzer with custom-elements-manifest.config.mjs and gives the manifest as text, exactly as
// `npm run manifest` writes it to custom-elements.json. With --print it writes that text to stdout
// instead (the freshness test compares it with the checked-in file; the analyzer has no types to import).
import { cli } from '@custom-elements-manifest/analyzer/cli.js';

export async function manifestText() {
  const manifest = await cli({ argv: ['analyze', '--quiet'], cwd: process.cwd(), noWrite: true });
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

if (process.argv.includes('--print')) process.stdout.write(await manifestText());
