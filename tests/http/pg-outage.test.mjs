// PostgreSQL going away and coming back: while it is down every request
// gets 503 with Retry-After (JSON on the API, a plain Dutch page
// otherwise) and the server keeps running; once it is back the server
// reconnects by itself. Runs in the PostgreSQL run of the suite only
// (WIJZER_TEST_PG), on a PostgreSQL server of its own, since it stops it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { startPgServer, createPgDatabase, PG_BASE } from '../lib/server.mjs';
import { cli, tempDir, serve, api, request, show, USERS, addUsers } from './lib.mjs';

const skip = PG_BASE ? false : 'PostgreSQL only (WIJZER_TEST_PG)';
const ctx = {};

before(async () => {
  if (skip) return;
  ctx.pg = startPgServer();
  ctx.dir = tempDir();
  ctx.db = createPgDatabase(ctx.pg.base);
  const init = cli(['init', '--db', ctx.db, '--demo']);
  assert.equal(init.code, 0, init.stderr);
  ctx.tokens = addUsers(ctx.db, { resident: USERS.resident });
  ctx.server = await serve(ctx.db);
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
    ctx.pg?.stop();
    if (ctx.dir) fs.rmSync(ctx.dir, { recursive: true, force: true });
  }
});

const newInitiative = (title) => ({
  title, summary: 'Een samenvatting die lang genoeg is om door de controle te komen.', area: 'bovenveen', help_requests: [],
});

test('PostgreSQL down: 503 with Retry-After, then back by itself', { skip }, async () => {
  const ok = await api(ctx, 'GET', '/initiatives');
  assert.equal(ok.status, 200, show(ok));
  const before = await api(ctx, 'POST', '/initiatives', { token: ctx.tokens.resident, json: newInitiative('Voor de storing') });
  assert.equal(before.status, 201, show(before));

  ctx.pg.halt();
  for (let i = 0; i < 3; i++) { // the stale pooled connection, then new attempts
    const r = await api(ctx, 'GET', '/initiatives');
    assert.equal(r.status, 503, show(r));
    assert.equal(r.headers.get('retry-after'), '5');
    assert.equal(r.json?.error?.code, 'unavailable', show(r));
  }
  const w = await api(ctx, 'POST', '/initiatives', { token: ctx.tokens.resident, json: newInitiative('Tijdens de storing') });
  assert.equal(w.status, 503, show(w));
  const p = await request(ctx.base, 'GET', '/initiatieven');
  assert.equal(p.status, 503, show(p));
  assert.equal(p.headers.get('retry-after'), '5');
  assert.match(p.headers.get('content-type'), /text\/html/);
  assert.match(p.text, /niet bereikbaar/);
  assert.match(p.text, /<html lang="nl"/);
  const css = await request(ctx.base, 'GET', '/static/app.css');
  assert.equal(css.status, 200, 'the 503 page keeps its stylesheet');
  assert.equal((await request(ctx.base, 'GET', '/healthz')).status, 503);

  ctx.pg.resume();
  const r = await api(ctx, 'GET', '/initiatives?q=storing');
  assert.equal(r.status, 200, `the first request after the restart: ${show(r)}`);
  assert.deepEqual(r.json.items.map((i) => i.title), ['Voor de storing'], 'the write from before is there, the refused one is not');
  const after = await api(ctx, 'POST', '/initiatives', { token: ctx.tokens.resident, json: newInitiative('Na de storing') });
  assert.equal(after.status, 201, show(after));
  assert.equal((await request(ctx.base, 'GET', '/initiatieven')).status, 200);
});

test('PostgreSQL restarted while nobody asked: the next request just works', { skip }, async () => {
  // The pool's idle connections died with the old server; the first
  // statement on one notices, reconnects and runs again.
  for (let i = 0; i < 4; i++) assert.equal((await api(ctx, 'GET', '/initiatives')).status, 200);
  ctx.pg.halt();
  ctx.pg.resume();
  const r = await api(ctx, 'GET', '/initiatives');
  assert.equal(r.status, 200, show(r));
  const w = await api(ctx, 'POST', '/initiatives', { token: ctx.tokens.resident, json: newInitiative('Na de herstart') });
  assert.equal(w.status, 201, show(w));
});
