import { serve } from '@hono/node-server';
import { createApp } from './app.js';
import { readConfig } from './env.js';
import { createServices } from './services.js';

let config;
try {
  config = readConfig();
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}

const started = Date.now();
console.log(`Starting Floorview: database ${config.FLOORVIEW_DB} (schema migrations, directory, statistics)…`);
const services = await createServices(config, { log: (line) => console.log(line) });
const server = serve({ fetch: createApp(services).fetch, port: config.PORT, hostname: config.HOST }, (info) => {
  const url = `http://localhost:${info.port}`;
  console.log(`Floorview is up in ${((Date.now() - started) / 1000).toFixed(1)} s: ${url}`);
  console.log(`  API description  ${url}/api/v1/openapi.json`);
  if (services.simulator) console.log('  Simulated centre: on (FLOORVIEW_SIMULATOR=off to stop it)');
  if (config.FLOORVIEW_DIRECTORY.endsWith('demo/centre.json')) {
    console.log('  Demo sign-in     admin@example.com / floorview-demo   (every queue; ava@… supervises Shanghai, ben@… Austin)');
    console.log(`  Agent desk       ${url}/agent.html?agent=a-001   (any demo agent; password floorview-demo)`);
  }
});

server.on('error', (err: NodeJS.ErrnoException) => {
  console.error(
    err.code === 'EADDRINUSE' ? `Port ${config.PORT} is already in use: stop the other server or set PORT.` : `Server error: ${err.message}`,
  );
  services.close();
  process.exit(1);
});

let stopping = false;
function shutdown(signal: string): void {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: stopping`);
  services.close();
  server.close(() => process.exit(0));
  // Open streams never end by themselves.
  setTimeout(() => process.exit(0), 2_000).unref();
}
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));
