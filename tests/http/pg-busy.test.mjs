// PostgreSQL too busy: a statement that waits on a lock past its time limit
// (statement_timeout, 30 s by default, here set shorter in the URL) answers
// 503 with Retry-After, like a database that is down, not 500; nothing of a
// refused write is kept, and the next request after the lock is gone works.
// Runs in the PostgreSQL run of the suite only (WIJZER_TEST_PG).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { PG_BASE } from '../lib/server.mjs';
import { initDb, tempDir, serve, api, request, show, USERS, addUsers } from './lib.mjs';

const skip = PG_BASE ? false : 'PostgreSQL only (WIJZER_TEST_PG)';
const ctx = {};

before(async () => {
  if (skip) return;
  ctx.dir = tempDir();
  ctx.db = initDb(ctx.dir);
  ctx.tokens = addUsers(ctx.db, { resident: USERS.resident });
  // The URL's own options: the time limit short, so the test is quick.
  ctx.server = await serve(`${ctx.db}?options=-c%20statement_timeout%3D400ms`);
  ctx.base = ctx.server.base;
});

after(async () => {
  if (skip) return;
  try {
    if (ctx.server) {
      const { code, signal } = await ctx.server.stop();
      assert.equal(signal, null, ctx.server.stderr());
      assert.equal(code, 0, ctx.server.stderr());
    }
  } finally {
    fs.rmSync(ctx.dir, { recursive: true, force: true });
  }
});

// Holds a lock on the initiatives in a psql session of its own until
// release() is called; resolves once the lock is held.
function lockInitiatives(db) {
  const psql = spawn('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', db], { stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  psql.stdout.on('data', (d) => { out += d; });
  psql.stdin.write("BEGIN;\nLOCK TABLE initiatives IN ACCESS EXCLUSIVE MODE;\n\\echo locked\n");
  return new Promise((resolve, reject) => {
    const t = setInterval(() => {
      if (out.includes('locked')) {
        clearInterval(t);
        resolve({
          release: () => new Promise((done) => {
            psql.on('close', done);
            psql.stdin.end('ROLLBACK;\n');
          }),
        });
      }
    }, 20);
    psql.on('close', (code) => { clearInterval(t); reject(new Error(`psql ended (${code})`)); });
  });
}

const newInitiative = (title) => ({
  title, summary: 'Een samenvatting die lang genoeg is om door de controle te komen.', area: 'bovenveen', help_requests: [],
});

test('a statement past its time limit: 503 with Retry-After, then fine again', { skip }, async () => {
  assert.equal((await api(ctx, 'GET', '/initiatives')).status, 200);
  const lock = await lockInitiatives(ctx.db);
  try {
    const r = await api(ctx, 'GET', '/initiatives');
    assert.equal(r.status, 503, show(r));
    assert.equal(r.headers.get('retry-after'), '5');
    assert.equal(r.json?.error?.code, 'unavailable', show(r));
    assert.match(r.json.error.message, /druk/);
    const p = await request(ctx.base, 'GET', '/initiatieven');
    assert.equal(p.status, 503, show(p));
    assert.equal(p.headers.get('retry-after'), '5');
    assert.match(p.text, /te druk/);
    const w = await api(ctx, 'POST', '/initiatives', { token: ctx.tokens.resident, json: newInitiative('Tijdens het tijdslimietslot') });
    assert.equal(w.status, 503, show(w));
  } finally {
    await lock.release();
  }
  const r = await api(ctx, 'GET', '/initiatives?q=tijdslimietslot');
  assert.equal(r.status, 200, show(r));
  assert.deepEqual(r.json.items, [], 'the refused write is not there');
  const w = await api(ctx, 'POST', '/initiatives', { token: ctx.tokens.resident, json: newInitiative('Na het slot') });
  assert.equal(w.status, 201, show(w));
});
