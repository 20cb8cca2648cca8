/**
 * nginx with the nchan module as the fan-out benchmark's anchor: the Debian packages
 * `nginx` and `libnginx-mod-nchan`, started as our own child (`daemon off`, one worker,
 * a free loopback port, its own prefix and config in a temp dir), never the system service.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../test/support/server-process.js';

const NGINX = '/usr/sbin/nginx';
const NCHAN_MODULE = '/usr/lib/nginx/modules/ngx_nchan_module.so';
const PACKAGES = ['nginx', 'libnginx-mod-nchan'];

/** Installs the packages when missing and we are root; otherwise says exactly what to install, and exits. */
export function ensureNginxNchan(): void {
  if (existsSync(NGINX) && existsSync(NCHAN_MODULE)) return;
  if (process.getuid?.() === 0) {
    console.log(`Installing ${PACKAGES.join(' ')} (apt-get)…`);
    execFileSync('apt-get', ['update'], { stdio: 'inherit' });
    // Debian's nginx package may start its system service (port 80) as it installs; the bench never uses it.
    execFileSync('apt-get', ['install', '-y', '--no-install-recommends', ...PACKAGES], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (existsSync(NGINX) && existsSync(NCHAN_MODULE)) return;
  }
  console.error(`This benchmark needs nginx with the nchan module (${NGINX}, ${NCHAN_MODULE}). Install them with:\n\n  sudo apt-get install ${PACKAGES.join(' ')}\n`);
  process.exit(2);
}

export interface NchanServer {
  /** http://127.0.0.1:<port>; subscribe at /sub/<channel>, publish at /pub/<channel>. */
  url: string;
  /** CPU seconds (user + system) of the master and its workers. */
  cpuSeconds(): number;
  /** Resident memory of the master and its workers, in bytes. */
  rss(): number;
  stop(): Promise<void>;
}

function config(port: number, dir: string): string {
  return `load_module ${NCHAN_MODULE};
worker_processes 1;
worker_rlimit_nofile 30000;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 25000; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  server {
    listen 127.0.0.1:${port};
    location ~ ^/sub/(\\w+)$ { nchan_subscriber eventsource; nchan_channel_id $1; }
    location ~ ^/pub/(\\w+)$ { nchan_publisher; nchan_channel_id $1; }
  }
}
`;
}

const pidsOf = (master: number): number[] => {
  const children = readFileSync(`/proc/${master}/task/${master}/children`, 'utf8').trim();
  return [master, ...(children ? children.split(' ').map(Number) : [])];
};

function cpuOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

const rssOf = (pid: number): number => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) * 1024;

export async function startNchan(): Promise<NchanServer> {
  ensureNginxNchan();
  const dir = mkdtempSync(join(tmpdir(), 'floorview-bench-nchan-'));
  const port = await freePort();
  writeFileSync(join(dir, 'nginx.conf'), config(port, dir));
  const child: ChildProcess = spawn(NGINX, ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'error.log')], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const url = `http://127.0.0.1:${port}`;
  // Up when it answers a publisher's status request (GET on a channel nobody published to: 404).
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited with ${child.exitCode}:\n${out}${readFileSync(join(dir, 'error.log'), 'utf8')}`);
    const answered = await fetch(`${url}/pub/probe`).then((r) => r.text().then(() => true), () => false);
    if (answered) break;
    if (Date.now() > deadline) throw new Error(`nginx did not answer on ${url}:\n${out}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const master = child.pid!;
  return {
    url,
    cpuSeconds: () => pidsOf(master).reduce((sum, pid) => sum + cpuOf(pid), 0),
    rss: () => pidsOf(master).reduce((sum, pid) => sum + rssOf(pid), 0),
    stop: () =>
      new Promise<void>((resolve) => {
        const done = () => {
          rmSync(dir, { recursive: true, force: true });
          resolve();
        };
        if (child.exitCode !== null || child.signalCode !== null) return done();
        child.once('exit', done);
        // nginx's fast shutdown: the master ends its workers, then itself.
        child.kill('SIGTERM');
      }),
  };
}
