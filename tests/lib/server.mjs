// Starting real `wijzer` servers for the HTTP and browser tests: a fresh
// database per test file and `wijzer serve` on a free port of 127.0.0.1.
// The engine follows the environment: with WIJZER_TEST_PG set to a
// PostgreSQL base URL (postgres://user@host:port/, from
// scripts/pg-test-server.sh) every new database is a new PostgreSQL
// database on that server; without it, an SQLite file in a temporary
// directory.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BIN = path.resolve(ROOT, process.env.WIJZER_BIN || 'build/wijzer');
const pgUrl = process.env.WIJZER_TEST_PG || '';
export const PG_BASE = pgUrl && pgUrl.replace(/\/*$/, '/');
export const ENGINE = PG_BASE ? 'postgresql' : 'sqlite';

// The caller's environment without WIJZER_* (so only what a test sets
// counts) and with what it adds.
export function cleanEnv(extra) {
  const env = { ...process.env };
  delete env.WIJZER_DB;
  delete env.WIJZER_LISTEN;
  delete env.WIJZER_TEST_PG;
  return { ...env, ...extra };
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

export function tempDir(prefix = 'wijzer-test-') {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

let dbCount = 0;

// A new, empty PostgreSQL database on the server at base (a URL ending in
// /); returns its URL.
export function createPgDatabase(base) {
  const db = `wz_${process.pid}_${++dbCount}_${Math.random().toString(36).slice(2, 8)}`;
  const r = spawnSync('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', `${base}postgres`,
    '-c', `CREATE DATABASE ${db}`], { encoding: 'utf8', timeout: 30_000 });
  if (r.status !== 0) throw new Error(`CREATE DATABASE ${db} failed (${r.status ?? r.error}): ${r.stderr}`);
  return base + db;
}

// A new, empty database for `wijzer init`; returns the --db value. SQLite:
// the file `name`.db in dir. PostgreSQL: a database with a name of its own
// on the test server (the server and everything on it are removed when
// the run ends).
export function newDatabase(dir, name = 't') {
  return PG_BASE ? createPgDatabase(PG_BASE) : path.join(dir, `${name}.db`);
}

// A PostgreSQL server of one's own (scripts/pg-test-server.sh), for tests
// that stop and start it. Returns {base, halt(), resume(), stop()}.
export function startPgServer() {
  const script = path.join(ROOT, 'scripts', 'pg-test-server.sh');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wijzer-pg-'));
  const run = (cmd) => {
    const r = spawnSync(script, [cmd, dir], { encoding: 'utf8', timeout: 60_000 });
    if (r.status !== 0) throw new Error(`pg-test-server.sh ${cmd} failed (${r.status ?? r.error}): ${r.stderr}`);
    return r.stdout.trim();
  };
  let base;
  try {
    base = run('start');
  } catch (e) {
    run('stop');
    throw e;
  }
  return { base, halt: () => run('halt'), resume: () => run('resume'), stop: () => run('stop') };
}

// Runs the binary; returns {code, signal, stdout, stderr}.
export function runWijzer(args, { input, env, timeout = 60_000 } = {}) {
  const r = spawnSync(BIN, args, {
    input,
    stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    env: cleanEnv(env),
    encoding: 'utf8',
    timeout,
  });
  // A program that refuses its arguments may exit before reading stdin.
  if (r.error && !(r.error.code === 'EPIPE' && r.status !== null)) throw r.error;
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

// Starts `wijzer serve --db db` on a free port and waits for /healthz.
// Resolves to {base, port, proc, exited, stderr(), stop(signal)}; stop()
// resolves to {code, signal} once the process has ended.
export async function startWijzer(db, { env, args = [], timeoutMs = 10_000 } = {}) {
  let lastErr = '';
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const proc = spawn(BIN, ['serve', '--db', db, '--listen', `127.0.0.1:${port}`, '--quiet', ...args], {
      env: cleanEnv(env),
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    // Kept for failure messages only: a passing run prints nothing.
    proc.stderr.on('data', (d) => { err += d; });
    const exited = new Promise((resolve) => proc.on('exit', (code, signal) => resolve({ code, signal })));
    let done = null;
    // Never leave a server behind if the test process ends early.
    const reap = () => { if (!done) proc.kill('SIGKILL'); };
    process.once('exit', reap);
    exited.then((x) => { done = x; process.off('exit', reap); });
    const base = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline && !done) {
      try {
        const r = await fetch(base + '/healthz');
        await r.arrayBuffer();
        if (r.status === 200) {
          return {
            base, port, proc, exited,
            stderr: () => err,
            async stop(signal = 'SIGTERM') {
              if (!done) proc.kill(signal);
              return exited;
            },
          };
        }
      } catch { /* not listening yet */ }
      await new Promise((r) => setTimeout(r, 50));
    }
    if (!done) { proc.kill('SIGKILL'); await exited; }
    lastErr = err;
    // A port taken between freePort() and bind: try another one.
    if (!/in gebruik|in use/i.test(err)) break;
  }
  throw new Error(`server did not answer /healthz within ${timeoutMs / 1000} s: ${lastErr}`);
}
