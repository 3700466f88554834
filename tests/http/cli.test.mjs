// The command line: help, exit codes (0 ok, 2 usage, 1 failure), init
// that can run twice, users and tokens, the WIJZER_DB / WIJZER_LISTEN
// defaults, and serve stopping cleanly on SIGTERM.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import {
  cli, tempDir, initDb, serve, api, request, show, freePort, PASSWORD, BIN, addWorkingDays, dayOf, isoDay, cleanEnv,
} from './lib.mjs';
import { spawn } from 'node:child_process';

const dir = tempDir();
after(() => fs.rmSync(dir, { recursive: true, force: true }));

test('wijzer --help: exit 0, names every command and the environment defaults', () => {
  const r = cli(['--help']);
  assert.equal(r.code, 0, r.stderr);
  for (const w of ['init', 'serve', 'user', 'token', 'WIJZER_DB', 'WIJZER_LISTEN']) assert.ok(r.stdout.includes(w), w);
});

test('wijzer COMMAND --help explains every option, exit 0', () => {
  const cases = [
    [['init', '--help'], ['--db', '--demo']],
    [['serve', '--help'], ['--db', '--listen']],
    [['user', 'add', '--help'], ['--db', '--email', '--name', '--role', 'resident', 'official', 'committee', 'coordinator', 'admin']],
    [['token', 'create', '--help'], ['--db', '--email']],
  ];
  for (const [args, words] of cases) {
    const r = cli(args);
    assert.equal(r.code, 0, `${args.join(' ')}: ${r.stderr}`);
    for (const w of words) assert.ok(r.stdout.includes(w), `${args.join(' ')} mentions ${w}: ${r.stdout}`);
  }
});

test('usage errors exit 2 with a message on stderr', () => {
  const db = path.join(dir, 'usage.db');
  for (const args of [[], ['frobnicate'], ['init'], ['init', '--db'], ['init', '--db', db, '--onbekend'], ['user'],
    ['user', 'remove'], ['token'], ['serve', '--db', db, '--listen'],
    ['user', 'add', '--db', db, '--email', 'x@example.nl', '--name', 'X', '--role', 'koning'],
    ['user', 'add', '--db', db, '--name', 'X', '--role', 'resident'], ['token', 'create', '--db', db]]) {
    const r = cli(args, { input: 'een-goed-wachtwoord\n' });
    assert.equal(r.code, 2, `wijzer ${args.join(' ')} → ${r.code}: ${r.stderr}`);
    assert.ok(r.stderr.trim().length > 0, `wijzer ${args.join(' ')} says why`);
  }
});

let db, srv;

test('init --demo twice: the second run changes nothing', async () => {
  db = initDb(dir);
  srv = await serve(db);
  const before = await api(srv, 'GET', '/initiatives');
  const areas = await api(srv, 'GET', '/areas');
  assert.equal(before.status, 200, show(before));
  assert.ok(before.json.total >= 30, `at least 30 demo initiatives: ${before.json.total}`);
  const again = cli(['init', '--db', db, '--demo']);
  assert.equal(again.code, 0, again.stderr);
  const plain = cli(['init', '--db', db]);
  assert.equal(plain.code, 0, plain.stderr);
  const afterList = await api(srv, 'GET', '/initiatives?per_page=100');
  assert.equal(afterList.json.total, before.json.total, 'same number of initiatives');
  assert.equal((await api(srv, 'GET', '/areas')).text, areas.text, 'same areas');
  const tl = await api(srv, 'GET', `/initiatives/${afterList.json.items[0].id}/timeline`);
  const tl2 = afterList.json.items.map((i) => i.id);
  assert.equal(new Set(tl2).size, tl2.length, 'no duplicates');
  assert.equal(tl.status, 200);
});

test('init --demo again after --scale: the demo finds its own initiatives, not generated namesakes', () => {
  const big = path.join(dir, 'scaled.db');
  const first = cli(['init', '--db', big, '--demo', '--scale', '3000']);
  assert.equal(first.code, 0, first.stderr);
  const again = cli(['init', '--db', big, '--demo', '--scale', '10']);
  assert.equal(again.code, 0, again.stderr);
  assert.match(again.stdout, /0 demo-initiatieven toegevoegd/);
});

test('user add and token create: the token works as a bearer key; a duplicate e-mail fails with 1', async () => {
  const add = cli(['user', 'add', '--db', db, '--email', 'cli.ambtenaar@leidschendam-voorburg.example', '--name', 'Cli Ambtenaar', '--role', 'official'],
    { input: PASSWORD + '\n' });
  assert.equal(add.code, 0, add.stderr);
  const tok = cli(['token', 'create', '--db', db, '--email', 'cli.ambtenaar@leidschendam-voorburg.example']);
  assert.equal(tok.code, 0, tok.stderr);
  assert.match(tok.stdout, /^\S{20,}\n$/, 'one line with the token');
  const r = await api(srv, 'POST', '/initiatives', {
    token: tok.stdout.trim(),
    json: { title: 'Via de CLI-sleutel', summary: 'Een initiatief ingediend met een sleutel van de CLI.', area: 'wilsveen' },
  });
  assert.equal(r.status, 201, show(r));
  const dup = cli(['user', 'add', '--db', db, '--email', 'CLI.Ambtenaar@leidschendam-voorburg.example', '--name', 'Nog een', '--role', 'resident'],
    { input: PASSWORD + '\n' });
  assert.equal(dup.code, 1, `duplicate e-mail → ${dup.code}: ${dup.stderr}`);
  const short = cli(['user', 'add', '--db', db, '--email', 'kort@example.nl', '--name', 'Kort', '--role', 'resident'], { input: 'kort\n' });
  assert.notEqual(short.code, 0, 'a too short password is refused');
  assert.ok(short.stderr.trim().length > 0);
});

test('token create for an unknown e-mail: exit 1', () => {
  const r = cli(['token', 'create', '--db', db, '--email', 'niemand@example.nl']);
  assert.equal(r.code, 1, r.stderr);
  assert.equal(r.stdout, '', 'no token printed');
  assert.ok(r.stderr.includes('niemand@example.nl'));
});

test('WIJZER_DB is the default of --db', () => {
  const r = cli(['token', 'create', '--email', 'cli.ambtenaar@leidschendam-voorburg.example'], { env: { WIJZER_DB: db } });
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^\S{20,}\n$/);
});

test('WIJZER_LISTEN is the default of --listen', async () => {
  const port = await freePort();
  const p = spawn(BIN, ['serve', '--db', db, '--quiet'], { env: cleanEnv({ WIJZER_LISTEN: `127.0.0.1:${port}` }), stdio: 'ignore' });
  const exited = new Promise((res) => p.on('exit', (code, signal) => res({ code, signal })));
  let ok = false;
  for (let i = 0; i < 200 && !ok; i++) {
    try { ok = (await fetch(`http://127.0.0.1:${port}/healthz`)).status === 200; } catch { await new Promise((r) => setTimeout(r, 50)); }
  }
  p.kill('SIGTERM');
  const { code } = await exited;
  assert.ok(ok, 'it listened on WIJZER_LISTEN');
  assert.equal(code, 0);
});

test('serve on a port that is taken: exit 1 with a message', async () => {
  const blocker = net.createServer();
  await new Promise((r) => blocker.listen(0, '127.0.0.1', r));
  const { port } = blocker.address();
  const r = await new Promise((resolve) => {
    const p = spawn(BIN, ['serve', '--db', db, '--listen', `127.0.0.1:${port}`, '--quiet'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    p.stderr.on('data', (d) => { err += d; });
    const t = setTimeout(() => p.kill('SIGKILL'), 10_000);
    p.on('exit', (code, signal) => { clearTimeout(t); resolve({ code, signal, err }); });
  });
  blocker.close();
  assert.equal(r.signal, null, 'it ended by itself');
  assert.equal(r.code, 1, r.err);
  assert.ok(r.err.trim().length > 0);
});

test('serve on a database that was never initialised: a clear failure, not a crash', async () => {
  const empty = path.join(dir, 'leeg', 'niets.db');
  const r = cli(['serve', '--db', empty, '--listen', `127.0.0.1:${await freePort()}`], { timeout: 10_000 });
  assert.equal(r.signal, null, 'it stopped by itself');
  assert.ok(r.code === 1 || r.code === 2, `exit ${r.code}: ${r.stderr}`);
  assert.ok(r.stderr.trim().length > 0);
});

test('deadlines are configurable: wijzer setting changes the intake and decision terms', async () => {
  const set = (key, value) => {
    const r = cli(['setting', 'set', '--db', db, '--key', key, '--value', String(value)]);
    assert.equal(r.code, 0, r.stderr);
  };
  set('deadline.intake_working_days', 3);
  set('deadline.decision_weeks', 2);
  const tok = cli(['token', 'create', '--db', db, '--email', 'cli.ambtenaar@leidschendam-voorburg.example']).stdout.trim();
  const t0 = Date.now();
  const c = await api(srv, 'POST', '/initiatives', {
    token: tok, json: { title: 'Korte termijn', summary: 'Een initiatief om de instellingen te proberen.', area: 'wilsveen' },
  });
  assert.equal(c.status, 201, show(c));
  const g = await api(srv, 'GET', `/initiatives/${c.json.id}`);
  const ok = new Set([false, true].flatMap((x) => [t0, Date.now()].map((t) => isoDay(addWorkingDays(dayOf(t), 3, x)))));
  assert.ok(ok.has(g.json.deadline.due), `intake due in 3 working days: ${JSON.stringify(g.json.deadline)}`);
  const t = await api(srv, 'POST', `/initiatives/${c.json.id}/transitions`, { token: tok, json: { to: 'intake' } });
  assert.equal(t.status, 200, show(t));
  const g2 = await api(srv, 'GET', `/initiatives/${c.json.id}`);
  const due = dayOf(Date.parse(g2.json.deadline.due));
  assert.ok(Math.abs(due - (dayOf(Date.now()) + 14)) <= 1, `decision due in 2 weeks: ${JSON.stringify(g2.json.deadline)}`);
  const bad = cli(['setting', 'set', '--db', db, '--key', 'deadline.intake_working_days', '--value', 'veel']);
  assert.notEqual(bad.code, 0, 'a value that is not a number is refused');
  set('deadline.intake_working_days', 10);
  set('deadline.decision_weeks', 8);
});

test('SIGTERM finishes a request in flight, then exits 0', async () => {
  // A POST whose body is still to come when the signal arrives. With
  // "Expect: 100-continue" the server's "100 Continue" tells us it has
  // read the headers and started the request: no guessing with timers.
  const tok = cli(['token', 'create', '--db', db, '--email', 'cli.ambtenaar@leidschendam-voorburg.example']).stdout.trim();
  const payload = JSON.stringify({ title: 'Stopzegelactie bij het stoppen', summary: 'Dit verzoek loopt nog als de server stopt.', area: 'wilsveen' });
  const sock = net.connect(srv.port, '127.0.0.1');
  let got = '';
  const waitFor = (re) => new Promise((resolve, reject) => {
    const check = () => { if (re.test(got)) { sock.off('data', on); resolve(); } };
    const on = (d) => { got += d; check(); };
    sock.on('data', on);
    sock.once('error', reject);
    sock.once('close', () => (re.test(got) ? resolve() : reject(new Error(`closed; got: ${got}`))));
    check();
  });
  await new Promise((r) => sock.once('connect', r));
  sock.write(`POST /api/v1/initiatives HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${tok}\r\n`
    + `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(payload)}\r\nExpect: 100-continue\r\n\r\n`);
  await waitFor(/^HTTP\/1\.1 100/);
  srv.proc.kill('SIGTERM');
  for (let i = 0; i < 250 && !/stop/i.test(srv.stderr()); i++) await new Promise((r) => setTimeout(r, 20));
  assert.match(srv.stderr(), /stop/i, 'the server says it is stopping');
  sock.write(payload);
  await waitFor(/HTTP\/1\.1 [2-5]\d\d [\s\S]*\r\n\r\n[\s\S]*\}/);
  sock.destroy();
  const status = got.replace(/^HTTP\/1\.1 100[^\n]*\n\r?\n/, '').match(/^HTTP\/1\.1 (\d+)/)?.[1];
  assert.equal(status, '201', `the request in flight got its answer: ${got}`);
  const { code, signal } = await srv.exited;
  assert.equal(signal, null);
  assert.equal(code, 0, srv.stderr());
  // It was stored: a new server sees it; the old address answers no more.
  await assert.rejects(fetch(`${srv.base}/healthz`));
  const s2 = await serve(db);
  try {
    const r = await api(s2, 'GET', '/initiatives?q=stopzegelactie');
    assert.equal(r.json.total, 1, show(r));
  } finally {
    const x = await s2.stop();
    assert.equal(x.code, 0);
  }
});

test('SIGINT (Ctrl-C) stops it cleanly too', async () => {
  const s = await serve(db);
  assert.equal((await request(s.base, 'GET', '/healthz')).status, 200);
  const { code, signal } = await s.stop('SIGINT');
  assert.equal(signal, null);
  assert.equal(code, 0);
});
