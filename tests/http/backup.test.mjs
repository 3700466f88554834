// Backup and restore, round trip: a server runs and takes writes, `wijzer
// backup` copies its database meanwhile (SQLite's online backup API), the
// copy is restored into a new file, a second server starts on that, and
// what was stored before the backup is there, timeline and all. The
// server is not held up while the copy runs. On PostgreSQL the commands
// point to pg_dump and pg_restore instead.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {
  cli, tempDir, initDb, addUsers, serve, api, show, cleanEnv, BIN, ENGINE, USERS,
} from './lib.mjs';

const sqlite = ENGINE === 'sqlite';
const users = { resident: USERS.resident, official: USERS.official };
const ctx = {};

function cliAsync(args) {
  return new Promise((resolve, reject) => {
    const p = spawn(BIN, args, { env: cleanEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '', stderr = '';
    p.stdout.on('data', (d) => { stdout += d; });
    p.stderr.on('data', (d) => { stderr += d; });
    p.on('error', reject);
    p.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

const body = (title) => ({
  title,
  summary: 'Buren maken samen een pluktuin met fruitbomen bij de school.',
  description: 'Met **appels**, peren en bessen voor iedereen.',
  area: 'bovenveen',
  themes: ['groen'],
  help_requests: [{ kind: 'geld', description: 'Tien fruitbomen', amount_cents: 60000 }],
});

before(async () => {
  ctx.dir = tempDir();
  ctx.db = initDb(ctx.dir);
  ctx.tokens = addUsers(ctx.db, users);
  ctx.server = await serve(ctx.db);
});

after(async () => {
  for (const s of [ctx.server, ctx.restored]) {
    if (!s) continue;
    const { code, signal } = await s.stop();
    assert.equal(signal, null, s.stderr());
    assert.equal(code, 0, s.stderr());
  }
  fs.rmSync(ctx.dir, { recursive: true, force: true });
});

test('PostgreSQL: backup and restore point to pg_dump and pg_restore', { skip: sqlite && 'SQLite run' }, () => {
  const b = cli(['backup', '--db', ctx.db, '--to', path.join(ctx.dir, 'x.dump')]);
  assert.equal(b.code, 1);
  assert.match(b.stderr, /pg_dump/);
  assert.ok(!b.stderr.includes(ctx.db), 'the URL (it may hold a password) is not repeated');
  const r = cli(['restore', '--from', path.join(ctx.dir, 'x.dump'), '--db', ctx.db]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /pg_restore/);
});

test('an initiative with a timeline, made through the API while the server runs', { skip: !sqlite && 'PostgreSQL run' }, async () => {
  const c = await api(ctx.server, 'POST', '/initiatives', { token: ctx.tokens.resident, json: body('Pluktuin bij de Margrietschool') });
  assert.equal(c.status, 201, show(c));
  ctx.id = c.json.id;
  const t = await api(ctx.server, 'POST', `/initiatives/${ctx.id}/transitions`, {
    token: ctx.tokens.official, json: { to: 'intake', note: 'Ik bel de school deze week.' },
  });
  assert.equal(t.status, 200, show(t));
  ctx.before = {
    item: (await api(ctx.server, 'GET', `/initiatives/${ctx.id}`)).json,
    timeline: (await api(ctx.server, 'GET', `/initiatives/${ctx.id}/timeline`)).json,
    total: (await api(ctx.server, 'GET', '/initiatives')).json.total,
  };
  assert.ok((ctx.before.timeline.items ?? ctx.before.timeline).length >= 2, show(t));
});

test('wijzer backup copies the live database while writes keep being answered', { skip: !sqlite && 'PostgreSQL run' }, async () => {
  ctx.backup = path.join(ctx.dir, 'backup.db');
  let writing = true, writes = 0, worst = 0;
  const failures = [];
  const load = (async () => {
    while (writing) {
      const t0 = Date.now();
      const r = await api(ctx.server, 'POST', '/initiatives', { token: ctx.tokens.resident, json: body(`Tijdens de back-up ${writes}`) });
      worst = Math.max(worst, Date.now() - t0);
      if (r.status !== 201) failures.push(show(r));
      writes++;
    }
  })();
  await new Promise((r) => setTimeout(r, 100));
  const b = await cliAsync(['backup', '--db', ctx.db, '--to', ctx.backup]);
  await new Promise((r) => setTimeout(r, 100));
  writing = false;
  await load;
  assert.equal(b.code, 0, b.stderr);
  assert.match(b.stdout, /Back-up/);
  assert.deepEqual(failures, [], 'every write during the backup succeeded');
  assert.ok(writes > 0, 'writes ran during the backup');
  assert.ok(worst < 2000, `no write waited long on the backup (slowest ${worst} ms)`);
  assert.ok(fs.statSync(ctx.backup).size > 0);
  assert.ok(!fs.existsSync(ctx.backup + '-wal'), 'the backup is one self-contained file');

  // An existing file is not overwritten unless asked.
  const again = cli(['backup', '--db', ctx.db, '--to', ctx.backup]);
  assert.equal(again.code, 1);
  assert.match(again.stderr, /--force/);
});

test('wijzer restore checks the file and refuses to overwrite', { skip: !sqlite && 'PostgreSQL run' }, () => {
  const junk = path.join(ctx.dir, 'junk.db');
  fs.writeFileSync(junk, 'dit is geen database, maar een boodschappenlijst\n');
  const target = path.join(ctx.dir, 'nergens.db');
  const bad = cli(['restore', '--from', junk, '--db', target]);
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /geen database van wijzer/);
  assert.ok(!fs.existsSync(target), 'nothing is left behind');
  const over = cli(['restore', '--from', ctx.backup, '--db', ctx.db]);
  assert.equal(over.code, 1, 'the live database is not overwritten without --force');
  assert.match(over.stderr, /--force/);
  const missing = cli(['restore', '--from', path.join(ctx.dir, 'bestaat-niet.db'), '--db', target]);
  assert.equal(missing.code, 1);
});

test('restored into a new file and served: the initiative is there with its timeline', { skip: !sqlite && 'PostgreSQL run' }, async () => {
  const restoredDb = path.join(ctx.dir, 'restored.db');
  const r = cli(['restore', '--from', ctx.backup, '--db', restoredDb]);
  assert.equal(r.code, 0, r.stderr);
  ctx.restored = await serve(restoredDb);
  const item = await api(ctx.restored, 'GET', `/initiatives/${ctx.id}`);
  assert.equal(item.status, 200, show(item));
  assert.deepEqual(item.json, ctx.before.item);
  const tl = await api(ctx.restored, 'GET', `/initiatives/${ctx.id}/timeline`);
  assert.equal(tl.status, 200, show(tl));
  assert.deepEqual(tl.json, ctx.before.timeline);
  const list = await api(ctx.restored, 'GET', '/initiatives');
  assert.ok(list.json.total >= ctx.before.total, 'everything stored before the backup is there');
  // Accounts and keys came along: the resident can go on writing.
  const w = await api(ctx.restored, 'POST', '/initiatives', { token: ctx.tokens.resident, json: body('Na het terugzetten') });
  assert.equal(w.status, 201, show(w));
});
