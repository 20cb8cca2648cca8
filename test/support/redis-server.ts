import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './server-process.js';
import { waitUntil } from './wait-until.js';

/**
 * A throwaway Redis for tests and benchmarks: Debian's `redis-server` (.ci/run installs it) on a
 * free loopback port, its files in a temp dir, never the system service. Nothing is persisted
 * unless asked: a restart then comes back empty, as a Redis that lost its data does.
 */
export interface RedisServer {
  /** `redis://127.0.0.1:<port>`, for FLOORVIEW_REDIS_URL. */
  url: string;
  port: number;
  dir: string;
  /** Stops it (SIGTERM: with persistence, it saves on the way out), keeping its files. */
  halt(): Promise<void>;
  /** Starts it again on the same port and waits until it answers. */
  resume(): Promise<void>;
  /** halt() then resume(): without persistence, every key is gone. */
  restart(): Promise<void>;
  /** Stops it and removes its files. */
  remove(): Promise<void>;
}

export interface RedisServerOptions {
  /** Keep the data across restarts: an append-only file written on every change. */
  persistent?: boolean;
}

export async function startRedisServer(options: RedisServerOptions = {}): Promise<RedisServer> {
  const dir = mkdtempSync(join(tmpdir(), 'floorview-redis-'));
  const port = await freePort();
  const log = join(dir, 'redis.log');
  const args = [
    '--port', String(port),
    '--bind', '127.0.0.1',
    '--dir', dir,
    '--logfile', log,
    '--daemonize', 'no',
    '--save', '',
    ...(options.persistent ? ['--appendonly', 'yes', '--appendfsync', 'always'] : ['--appendonly', 'no']),
  ];
  let child: ChildProcess | null = null;
  // A test that dies before remove() must not leave a Redis behind.
  const killOnExit = () => child?.kill('SIGKILL');
  process.once('exit', killOnExit);

  const start = async () => {
    const started = spawn('redis-server', args, { stdio: 'ignore' });
    child = started;
    let exited = false;
    started.once('exit', () => (exited = true));
    await waitUntil(
      async () => {
        if (exited) throw new Error(`redis-server exited at start: ${tail(log)}`);
        return (await ping(port)) === '+PONG';
      },
      `redis-server answering PING on port ${port}`,
    );
  };
  const stop = async () => {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      running.once('exit', () => resolve());
      running.kill('SIGTERM');
    });
  };

  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    dir,
    halt: stop,
    resume: start,
    async restart() {
      await stop();
      await start();
    },
    async remove() {
      try {
        await stop();
      } finally {
        process.removeListener('exit', killOnExit);
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** The first line Redis answers to PING, or null when nothing listens (yet). `-LOADING …` while it reads its file. */
function ping(port: number): Promise<string | null> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    socket.setTimeout(1_000, () => socket.destroy());
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      answer += chunk.toString();
      if (answer.includes('\r\n')) socket.end();
    });
    socket.on('error', () => {});
    socket.on('close', () => resolve(answer.includes('\r\n') ? answer.split('\r\n')[0]! : null));
  });
}

function tail(file: string): string {
  try {
    return readFileSync(file, 'utf8').trim().split('\n').slice(-5).join('\n');
  } catch {
    return '(no log)';
  }
}
