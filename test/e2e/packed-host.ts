import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { extname, join, normalize, relative } from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from '../support/imports.js';
import { listenOnLoopback } from '../support/server-process.js';

/**
 * A fresh host app of the packed `floorview` package, as an integrator makes one: the package
 * built and packed (`npm run build:package`, `npm pack`), a host folder (test/e2e/hosts/<name>/)
 * copied into a temporary directory, installed from the tarball without the network, built and
 * served. Each host's test says which packages it installs beside floorview.
 */

const execFileAsync = promisify(execFile);

/** Runs a program; when it fails, the error's message says what it printed (tsc prints its errors on stdout), as do its `stdout` and `stderr`. */
async function run(file: string, args: string[], options: { cwd: string }) {
  try {
    return await execFileAsync(file, args, options);
  } catch (err) {
    const { stdout = '', stderr = '' } = err as { stdout?: string; stderr?: string };
    throw Object.assign(new Error(`${[file, ...args].join(' ')} failed:\n${stdout}${stderr}`, { cause: err }), { stdout, stderr });
  }
}
const root = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

/** Builds the package and packs it into `dir`; returns the tarball's path. */
export async function packFloorview(dir: string): Promise<string> {
  await run('npm', ['run', '--silent', 'build:package'], { cwd: ROOT });
  const { stdout } = await run('npm', ['pack', join(ROOT, 'dist/package'), '--pack-destination', dir, '--silent'], { cwd: ROOT });
  return join(dir, stdout.trim());
}

/**
 * Copies host `name` into `dir` and installs `packages` (at the ranges this repository's
 * package.json gives them) and the tarball with `npm ci --offline`: the lockfile is cut from
 * this repository's own, so every package is one npm's cache already holds.
 */
export async function installHost(name: string, dir: string, tarball: string, packages: string[]): Promise<void> {
  cpSync(join(ROOT, 'test/e2e/hosts', name), dir, { recursive: true });
  const floorview = JSON.parse(readFileSync(join(ROOT, 'dist/package/package.json'), 'utf8'));
  const dependencies = { floorview: `file:${relative(dir, tarball)}`, ...Object.fromEntries(packages.map((p) => [p, root.dependencies[p] ?? root.devDependencies[p]])) };
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: `floorview-${name}-host`, private: true, type: 'module', dependencies }, null, 2));
  const lock = hostLockfile(dependencies, {
    version: floorview.version,
    resolved: dependencies.floorview,
    integrity: `sha512-${createHash('sha512').update(readFileSync(tarball)).digest('base64')}`,
    dependencies: floorview.dependencies,
    peerDependencies: floorview.peerDependencies,
    peerDependenciesMeta: floorview.peerDependenciesMeta,
  });
  writeFileSync(join(dir, 'package-lock.json'), JSON.stringify(lock, null, 2));
  await run('npm', ['ci', '--offline', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir });
}

interface LockEntry {
  version?: string;
  resolved?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  dev?: boolean;
  devOptional?: boolean;
  optional?: boolean;
  peer?: boolean;
}

/**
 * The host's package-lock.json: floorview from the tarball, and each package it needs at the
 * place and version this repository's lockfile has it (a dependency is found as Node finds it:
 * in the nearest node_modules up the tree). The repository installs these for its own tests.
 */
function hostLockfile(dependencies: Record<string, string>, floorview: LockEntry & Record<string, unknown>) {
  const source: Record<string, LockEntry> = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')).packages;
  const packages: Record<string, LockEntry> = { 'node_modules/floorview': floorview };
  const locate = (from: string, name: string) => {
    for (let at = from; ; at = at.slice(0, Math.max(0, at.lastIndexOf('/node_modules/')))) {
      const path = `${at ? `${at}/` : ''}node_modules/${name}`;
      if (source[path]) return path;
      if (!at) return null;
    }
  };
  const needs = (entry: LockEntry) => [
    ...Object.keys({ ...entry.dependencies, ...entry.optionalDependencies }),
    ...Object.keys(entry.peerDependencies ?? {}).filter((p) => !entry.peerDependenciesMeta?.[p]?.optional),
  ];
  const queue: [string, string][] = [...Object.keys(dependencies), ...needs(floorview)].filter((n) => n !== 'floorview').map((n) => ['', n]);
  for (const [from, name] of queue) {
    const path = locate(from, name);
    if (path === null) {
      if (source[from]?.optionalDependencies?.[name]) continue;
      throw new Error(`${name} (needed by ${from || 'the host'}) is not in package-lock.json`);
    }
    if (packages[path]) continue;
    const { dev, devOptional, peer, ...entry } = source[path]!;
    packages[path] = { ...entry, resolved: tarballUrl(path, entry.version!), ...(devOptional && { optional: true }) };
    queue.push(...needs(entry).map((n): [string, string] => [path, n]));
  }
  return { lockfileVersion: 3, requires: true, packages: { '': { dependencies }, ...packages } };
}

/** Where the registry keeps a package's tarball: the repository's lockfile leaves it out, and npm would ask the registry. */
function tarballUrl(path: string, version: string): string {
  const name = path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
  return `https://registry.npmjs.org/${name}/-/${name.split('/').pop()}-${version}.tgz`;
}

/** Runs a program of the host's own node_modules (`vite`, `vue-tsc`…) in `dir`. */
export function runInHost(dir: string, bin: string, args: string[]) {
  return run(process.execPath, [join(dir, 'node_modules/.bin', bin), ...args], { cwd: dir });
}

/** Type-checks the host with this repository's TypeScript, against the types it installed (the host's tsconfig.json). */
export function typecheckHost(dir: string) {
  return run(process.execPath, [createRequire(import.meta.url).resolve('typescript/bin/tsc'), '-p', dir], { cwd: dir });
}

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' };

/** Serves the built host (`dir`) on a loopback port; returns its origin and a stop. */
export async function serveHost(dir: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    const path = normalize(new URL(req.url!, 'http://host').pathname).replace(/^(\.\.[/\\])+/, '');
    try {
      const body = readFileSync(join(dir, path.endsWith('/') ? `${path}index.html` : path));
      res.writeHead(200, { 'content-type': TYPES[extname(path) || '.html'] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  const url = await listenOnLoopback(server);
  return { url, close: () => new Promise((r) => server.close(() => r())) };
}
