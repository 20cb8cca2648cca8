#!/usr/bin/env node
// Runs a command while busy loops keep every core saturated, the way a laptop
// or a shared CI runner is: a test that passes only on a quiet machine fails
// here. Usage: node scripts/with-busy-cpu.mjs [--workers N] -- <command> [args…]
// Exits with the command's code. The loops are worker threads of this process,
// so they end with it, even when it is killed.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

const args = process.argv.slice(2);
const dashes = args.indexOf('--');
const options = dashes === -1 ? [] : args.slice(0, dashes);
const command = dashes === -1 ? args : args.slice(dashes + 1);
const workersAt = options.indexOf('--workers');
const workers = workersAt === -1 ? availableParallelism() : Number(options[workersAt + 1]);

if (command.length === 0 || !Number.isInteger(workers) || workers < 1) {
  console.error('usage: node scripts/with-busy-cpu.mjs [--workers N] -- <command> [args…]');
  process.exit(2);
}

/** Load averages (1, 5, 15 min) where the system reports them, so a run's log says how busy it was. */
function load() {
  try {
    return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  } catch {
    return 'n/a';
  }
}

const loops = Array.from({ length: workers }, () => new Worker('for (;;) {}', { eval: true }));
console.error(`[with-busy-cpu] ${workers} busy loop(s) started; load average ${load()}; running: ${command.join(' ')}`);

const child = spawn(command[0], command.slice(1), { stdio: 'inherit', shell: process.platform === 'win32' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));

child.on('error', (err) => {
  console.error(`[with-busy-cpu] could not run ${command[0]}: ${err.message}`);
  void finish(127);
});
child.on('exit', (code, signal) => void finish(code ?? (signal ? 128 : 1)));

async function finish(code) {
  const before = load();
  await Promise.all(loops.map((w) => w.terminate()));
  console.error(`[with-busy-cpu] busy loops stopped; load average at the end ${before}; exit code ${code}`);
  process.exit(code);
}
