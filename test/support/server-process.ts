import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';

/** A real Floorview server in its own process: killable like a crashed node, measurable from outside. */
export interface ServerProcess {
  child: ChildProcess;
  url: string;
  /** CPU seconds (user + system) the process has used so far. */
  cpuSeconds(): number;
  /** Resident memory in bytes. */
  rss(): number;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = srv.address() as { port: number };
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

/** Starts a helper HTTP server (a portal, an attacker's page) on a free loopback port: another origin of the same site. */
export async function listenOnLoopback(server: Server): Promise<string> {
  const port = await freePort();
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  return `http://127.0.0.1:${port}`;
}

/** The server compiled as it loads (what tests run), or as `npm start` runs it (`npm run build:server` first). */
export const SERVER_ENTRY = { tsx: ['--import', 'tsx', 'server/main.ts'], compiled: ['dist/server/main.js'] } as const;

/** `checkout`: another checkout's server (a benchmark's baseline commit); by default this one. */
export async function startServerProcess(
  env: Record<string, string>,
  nodeArgs: string[] = [],
  checkout?: string,
  entry: readonly string[] = SERVER_ENTRY.tsx,
): Promise<ServerProcess> {
  const port = env.PORT ? Number(env.PORT) : await freePort();
  const child = spawn(process.execPath, [...nodeArgs, ...entry], {
    cwd: checkout,
    env: { ...process.env, HOST: '127.0.0.1', ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    // A hang guard: on two loaded cores, compiling the server and its first backfill can take minutes.
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 300_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      if (out.includes('Floorview is up')) {
        clearTimeout(timer);
        child.off('exit', onExit);
        resolve();
      }
    };
    const onExit = (code: number | null) => reject(new Error(`server exited with ${code}:\n${out}`));
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', onExit);
  });
  const proc = (file: string) => readFileSync(`/proc/${child.pid}/${file}`, 'utf8');
  return {
    child,
    url: `http://127.0.0.1:${port}`,
    cpuSeconds() {
      const fields = proc('stat').split(') ')[1]!.split(' ');
      return (Number(fields[11]) + Number(fields[12])) / 100;
    },
    rss() {
      return Number(/VmRSS:\s+(\d+) kB/.exec(proc('status'))![1]) * 1024;
    },
    stop(signal = 'SIGTERM') {
      return new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill(signal);
      });
    },
  };
}
