// Two `wijzer serve` processes on one database, as behind a load balancer:
// what one process knows the other knows too, because it lives in the
// database. A log-in on A works on B, a CSRF token from A's form is taken
// by B, a log-out on B ends the session on A, failed log-ins count across
// both, and a background job that is due once runs once, not once per
// process. Runs on SQLite and on PostgreSQL (WIJZER_TEST_PG).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import {
  cli, tempDir, initDb, addUsers, serve, page, login, tryLogin, csrfFrom, hasText, show, Jar, USERS, PASSWORD,
} from './lib.mjs';

const users = { resident: USERS.resident, resident2: USERS.resident2 };
const ctx = {};
// Both processes look for due jobs five times a second.
const JOB_ENV = { WIJZER_JOB_INTERVAL: '0.2' };

before(async () => {
  ctx.dir = tempDir();
  ctx.db = initDb(ctx.dir);
  addUsers(ctx.db, users);
  [ctx.a, ctx.b] = await Promise.all([serve(ctx.db, { env: JOB_ENV }), serve(ctx.db, { env: JOB_ENV })]);
  ctx.A = { base: ctx.a.base };
  ctx.B = { base: ctx.b.base };
});

after(async () => {
  for (const s of [ctx.a, ctx.b]) {
    if (!s) continue;
    // SIGTERM stops the job thread too: a clean exit, not a hang or a crash.
    const { code, signal } = await s.stop();
    assert.equal(signal, null, s.stderr());
    assert.equal(code, 0, s.stderr());
  }
  fs.rmSync(ctx.dir, { recursive: true, force: true });
});

function jobs() {
  const r = cli(['jobs', '--db', ctx.db]);
  assert.equal(r.code, 0, r.stderr);
  const out = {};
  for (const m of r.stdout.matchAll(/^(\w+)\s+(\d+)\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)$/gm)) {
    out[m[1]] = { runs: Number(m[2]), last: m[3], ok: m[4], by: m[7] };
  }
  return { out, text: r.stdout };
}

async function waitFor(cond, ms = 8000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const v = cond();
    if (v) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
  return cond();
}

test('two processes answer on their own ports from one database', async () => {
  assert.notEqual(ctx.a.port, ctx.b.port);
  for (const s of [ctx.A, ctx.B]) {
    const r = await page(s, null, 'GET', '/initiatieven');
    assert.equal(r.status, 200, show(r));
  }
});

test('a log-in on process A is valid on process B, and the log-in form of A is accepted by B', async () => {
  const { jar, res } = await tryLogin(ctx.A, USERS.resident.email, PASSWORD);
  assert.equal(res.status, 303, show(res));
  ctx.jar = jar;
  // A's session cookie opens the account pages on B.
  const mine = await page(ctx.B, jar.clone(), 'GET', '/mijn-initiatieven');
  assert.equal(mine.status, 200, `A's session on B ${show(mine)}`);
  assert.ok(hasText(mine.text, USERS.resident.name), 'B knows who is logged in');

  // The log-in form (and its anonymous CSRF token) comes from A; the post goes to B.
  const visitor = new Jar();
  const form = await page(ctx.A, visitor, 'GET', '/inloggen');
  const onB = await page(ctx.B, visitor, 'POST', '/inloggen', {
    form: { email: USERS.resident.email, password: PASSWORD, csrf: csrfFrom(form.text) },
  });
  assert.equal(onB.status, 303, `log-in posted to B with A's form token ${show(onB)}`);
  assert.equal((await page(ctx.A, visitor, 'GET', '/mijn-initiatieven')).status, 200, "B's session on A");
});

test('a form from process A (session CSRF token) is accepted by process B', async () => {
  const g = await page(ctx.A, ctx.jar, 'GET', '/initiatieven/nieuw');
  assert.equal(g.status, 200, show(g));
  const csrf = csrfFrom(g.text);
  const title = 'Ruilkast bij het speelveld';
  const r = await page(ctx.B, ctx.jar, 'POST', '/initiatieven', {
    form: [['csrf', csrf], ['title', title], ['summary', 'Een kast waar buren boeken en zaden ruilen.'],
      ['description', 'Bij het speelveld komt een **ruilkast**.'], ['area', 'fonteijn']],
  });
  assert.equal(r.status, 303, `POST on B with A's form ${show(r)}`);
  const created = await page(ctx.A, ctx.jar, 'GET', r.location);
  assert.equal(created.status, 200, 'A shows what B stored');
  assert.ok(hasText(created.text, title));
  // A wrong token is still refused on B: the check is real.
  const bad = await page(ctx.B, ctx.jar, 'POST', '/initiatieven', { form: { csrf: 'x'.repeat(32), title } });
  assert.equal(bad.status, 403, show(bad));
});

test('a log-out on process B ends the session on process A', async () => {
  const jar = await login(ctx.B, USERS.resident.email);
  assert.equal((await page(ctx.A, jar, 'GET', '/mijn-initiatieven')).status, 200);
  const home = await page(ctx.A, jar, 'GET', '/mijn-initiatieven');
  const csrf = csrfFrom(home.text);
  const out = await page(ctx.B, jar.clone(), 'POST', '/uitloggen', { form: { csrf } });
  assert.equal(out.status, 303, show(out));
  const after = await page(ctx.A, jar, 'GET', '/mijn-initiatieven');
  assert.equal(after.status, 303, `the old cookie on A after log-out on B ${show(after)}`);
  assert.match(after.location, /^\/inloggen/);
});

test('failed log-ins count across both processes: the limit holds however the tries are spread', async () => {
  const email = USERS.resident2.email;
  const servers = [ctx.A, ctx.B];
  let limited = -1;
  for (let i = 0; i < 12 && limited < 0; i++) {
    const { res } = await tryLogin(servers[i % 2], email, 'fout-wachtwoord-' + i);
    if (res.status === 429) limited = i;
    else assert.notEqual(res.status, 303, show(res));
  }
  // Five wrong tries are allowed per e-mail address, wherever they land.
  assert.equal(limited, 5, 'the sixth try, spread over A and B, is refused');
  for (const s of servers) {
    const { res } = await tryLogin(s, email, PASSWORD);
    assert.equal(res.status, 429, `even the right password waits, on ${s.base} ${show(res)}`);
  }
});

test('a job that is due once runs once, not once per process', async () => {
  // Both processes registered the jobs at start and ran each once between them.
  const first = await waitFor(() => {
    const j = jobs().out;
    return j.purge_sessions?.runs >= 1 && j.purge_login_attempts?.runs >= 1 && j;
  });
  assert.ok(first, `jobs ran at start:\n${jobs().text}`);
  // Several ticks of both processes later, still once each.
  await new Promise((r) => setTimeout(r, 1000));
  let j = jobs().out;
  assert.equal(j.purge_sessions.runs, 1, jobs().text);
  assert.equal(j.purge_login_attempts.runs, 1, jobs().text);
  assert.equal(j.purge_sessions.ok, 'ja');

  // Make it due again a few times; each time exactly one process runs it.
  const owners = new Set([j.purge_sessions.by]);
  for (let round = 2; round <= 4; round++) {
    const r = cli(['jobs', '--db', ctx.db, '--now', 'purge_sessions']);
    assert.equal(r.code, 0, r.stderr);
    const done = await waitFor(() => jobs().out.purge_sessions.runs >= round);
    assert.ok(done, `round ${round} ran:\n${jobs().text}`);
    await new Promise((res) => setTimeout(res, 600)); // both processes tick three more times
    j = jobs().out;
    assert.equal(j.purge_sessions.runs, round, `round ${round}: once, not twice\n${jobs().text}`);
    owners.add(j.purge_sessions.by);
  }
  assert.equal(j.purge_login_attempts.runs, 1, 'the other job was left alone');
  for (const o of owners) assert.match(o, /^[^:]+:\d+:/, 'runs are signed host:pid:…');
  const unknown = cli(['jobs', '--db', ctx.db, '--now', 'bestaat_niet']);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /purge_sessions/);
});
