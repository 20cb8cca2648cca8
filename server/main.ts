import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { createApp } from './app.js';
import { storeLabel } from './wiring/open-store.js';
import { StartupError } from './db/postgres-startup-errors.js';
import { readConfig, type Config } from './wiring/env.js';
import { createServices } from './wiring/services.js';

let config: Config;
try {
  config = readConfig();
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}

const started = Date.now();
console.log(`Starting Floorview: database ${storeLabel(config)} (schema migrations, directory, statistics)…`);
const services = await createServices(config, { log: (line) => console.log(line) }).catch((err: unknown) => {
  if (!(err instanceof StartupError)) throw err;
  console.error(err.message);
  process.exit(1);
});
const server = serve({ fetch: createApp(services).fetch, port: config.PORT, hostname: config.HOST }, (info) => {
  const url = `http://localhost:${info.port}`;
  console.log(`Floorview is up in ${((Date.now() - started) / 1000).toFixed(1)} s: ${url}`);
  console.log(`  API description  ${url}/api/v1/openapi.json`);
  if (services.simulator) console.log('  Simulated centre: on (FLOORVIEW_PLATFORM=webhook or asterisk to connect a real one)');
  if (config.FLOORVIEW_PLATFORM === 'asterisk') console.log(`  Asterisk         ${new URL(config.FLOORVIEW_AMI_URL!).host} over AMI (its connection: ${url}/api/v1/health)`);
  if (config.FLOORVIEW_DIRECTORY.endsWith('demo/centre.json')) {
    console.log('  Demo sign-in     admin@example.com / floorview-demo   (every queue; ava@… supervises Shanghai, ben@… Austin)');
    console.log(`  Agent desk       ${url}/agent.html?agent=a-001   (any demo agent; password floorview-demo)`);
  }
});

server.on('error', (err: NodeJS.ErrnoException) => {
  console.error(
    err.code === 'EADDRINUSE' ? `Port ${config.PORT} is already in use: stop the other server or set PORT.` : `Server error: ${err.message}`,
  );
  void services.close().finally(() => process.exit(1));
});

let stopping = false;
/**
 * Graceful stop (SIGTERM from an orchestrator, Ctrl-C): stop accepting connections, end
 * the streams with a reconnect hint (server/stream/sse-connection.ts), let in-flight
 * requests finish — an ingest batch being read still commits and gets its answer —
 * then write the pending history, save the floor and close the database. Whatever
 * hangs, the process is gone after FLOORVIEW_SHUTDOWN_SECONDS (exit code 1 then).
 */
function shutdown(signal: string): void {
  if (stopping) return;
  stopping = true;
  const t0 = Date.now();
  console.log(`${signal}: stopping (at most ${config.FLOORVIEW_SHUTDOWN_SECONDS} s)`);
  const http = server as Server;
  let sweep: NodeJS.Timeout | undefined;
  const finish = async (code: number) => {
    clearTimeout(deadline);
    clearInterval(sweep);
    try {
      await services.close();
    } catch (err) {
      console.error(`Closing failed: ${(err as Error).message}`);
      code = 1;
    }
    console.log(`Stopped in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    process.exit(code);
  };
  const deadline = setTimeout(() => {
    console.error(`Requests still running after ${config.FLOORVIEW_SHUTDOWN_SECONDS} s: cut off (they were not acknowledged)`);
    http.closeAllConnections();
    void finish(1);
  }, config.FLOORVIEW_SHUTDOWN_SECONDS * 1000);
  http.close(() => void finish(0));
  services.simulator?.stop();
  services.hub.closeForShutdown();
  // A keep-alive socket becomes idle when its last response is sent: close those as they appear.
  http.closeIdleConnections();
  sweep = setInterval(() => http.closeIdleConnections(), 50);
}
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));
