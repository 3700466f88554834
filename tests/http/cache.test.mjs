// The answer cache (src/http/cache.h): anonymous GETs are answered from
// memory while nothing has changed, never after a change (by this server
// or another process), never for someone logged in, never with a cookie.
// On PostgreSQL nothing is kept.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServer, api, request, show, cli, login, page, USERS, ENGINE } from './lib.mjs';

const ctx = useServer();
const hit = (r) => r.headers.get('x-cache') === 'hit';

// Asks until the cache answers (an address is kept the second time it is
// asked for); returns the answers.
async function untilHit(p, headers = {}) {
  const seen = [];
  for (let i = 0; i < 4; i++) {
    const r = await request(ctx.base, 'GET', p, { headers });
    assert.equal(r.status, 200, show(r));
    seen.push(r);
    if (hit(r)) break;
  }
  return seen;
}

const newInitiative = (title) => ({
  title, summary: 'Een bankje bij de vijver om even uit te rusten.', description: 'Wij willen een bankje.',
  area: 'bovenveen', themes: ['groen'],
});

test('an anonymous list page is answered from the cache, the same as when it was made', async (t) => {
  const seen = await untilHit('/initiatieven');
  if (ENGINE === 'postgresql') {
    assert.ok(!seen.some(hit), 'PostgreSQL: nothing is kept (no data version)');
    return t.skip('no cache on PostgreSQL');
  }
  const last = seen.at(-1);
  assert.ok(hit(last), 'the third answer at the latest comes from the cache');
  assert.equal(last.text, seen[0].text, 'the same page');
  assert.equal(last.headers.get('content-type'), seen[0].headers.get('content-type'));
  assert.equal(last.headers.get('content-security-policy'), seen[0].headers.get('content-security-policy'));
  const api1 = await untilHit('/api/v1/initiatives?q=speeltuin');
  assert.ok(hit(api1.at(-1)), 'API reads too');
  assert.deepEqual(api1.at(-1).json, api1[0].json);
});

test('a write through the API: the next answer is new and shows it', async () => {
  await untilHit('/initiatieven');
  const made = await api(ctx, 'POST', '/initiatives', { token: ctx.tokens.resident, json: newInitiative('Bankje voor de cachetest') });
  assert.equal(made.status, 201, show(made));
  const after = await request(ctx.base, 'GET', '/initiatieven');
  assert.ok(!hit(after), 'not from the cache after a change');
  assert.ok(after.text.includes('Bankje voor de cachetest'), 'the new initiative is on the page');
});

test('a write by another process (the command line): the next answer is new', async () => {
  await untilHit('/initiatieven');
  const r = cli(['setting', 'set', '--db', ctx.db, '--key', 'deadline.decision_weeks', '--value', '9']);
  assert.equal(r.code, 0, r.stderr);
  const after = await request(ctx.base, 'GET', '/initiatieven');
  assert.ok(!hit(after), 'not from the cache after another process committed');
});

test('someone logged in, an API key or any cookie: never from the cache', async () => {
  await untilHit('/initiatieven');
  const withCookie = await request(ctx.base, 'GET', '/initiatieven', { headers: { Cookie: 'iets=anders' } });
  assert.ok(!hit(withCookie), 'a cookie');
  await untilHit('/api/v1/initiatives');
  const withKey = await api(ctx, 'GET', '/initiatives', { token: ctx.tokens.resident });
  assert.ok(!hit(withKey), 'an API key');
  const jar = await login(ctx, USERS.resident.email);
  for (let i = 0; i < 3; i++) {
    const mine = await page(ctx, jar, 'GET', '/initiatieven');
    assert.equal(mine.status, 200);
    assert.ok(!hit(mine), 'a session');
    assert.ok(mine.text.includes(USERS.resident.name), 'the page knows who is logged in');
  }
});

test('an answer that sets a cookie (the log-in form) is never kept', async () => {
  for (let i = 0; i < 3; i++) {
    const r = await request(ctx.base, 'GET', '/inloggen');
    assert.equal(r.status, 200);
    assert.ok(!hit(r), 'the log-in form is made anew: it sets its own csrf cookie');
    assert.ok(r.headers.getSetCookie().length > 0 || !r.text.includes('name="csrf"'), 'a form with csrf comes with its cookie');
  }
});

test('another host (municipality) or address is another answer', async () => {
  const a = await untilHit('/initiatieven?page=2');
  const b = await request(ctx.base, 'GET', '/initiatieven?page=3');
  assert.ok(!hit(b), 'another page number is not the kept page');
  assert.notEqual(a.at(-1).text, b.text);
  const other = await request(ctx.base, 'GET', '/initiatieven?page=2', { headers: { 'X-Forwarded-Proto': 'https' } });
  assert.ok(!hit(other), 'behind TLS the links differ: its own answer');
});
