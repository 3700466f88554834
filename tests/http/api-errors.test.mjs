// Every error code of the JSON API with its shape:
// {"error":{"code","message","fields":{name: why}}}.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServer, api, request, show, assertError, assertFields } from './lib.mjs';

const ctx = useServer();

const good = () => ({
  title: 'Picknicktafels in het park',
  summary: 'Twee picknicktafels bij de speelweide, zodat buren er samen kunnen eten.',
  description: 'Bij de speelweide staat geen enkele tafel.',
  area: 'sijtwende',
  themes: ['ontmoeting'],
  sdgs: [11],
  help_requests: [{ kind: 'materiaal', description: 'Twee tafels', amount_cents: 90000 }],
});

async function total() {
  const r = await api(ctx, 'GET', '/initiatives');
  assert.equal(r.status, 200, show(r));
  return r.json.total;
}

test('POST /initiatives without a token: 401', async () => {
  const n = await total();
  assertError(await api(ctx, 'POST', '/initiatives', { json: good() }), 401, 'no token');
  assert.equal(await total(), n, 'nothing was made');
});

test('POST /initiatives with a bad token: 401', async () => {
  for (const auth of ['Bearer wz_dezesleutelbestaatniet', 'Bearer ', 'Basic b2xnYTpnZWhlaW0=', ctx.tokens.resident,
    `Bearer ${ctx.tokens.resident}x`]) {
    assertError(await api(ctx, 'POST', '/initiatives', { json: good(), headers: { Authorization: auth } }), 401,
      `Authorization: ${auth}`);
  }
});

test('a bad token is refused on reads too (never silently anonymous)', async () => {
  const r = await api(ctx, 'GET', '/initiatives', { headers: { Authorization: 'Bearer wz_dezesleutelbestaatniet' } });
  assertError(r, 401, 'GET with a bad token');
});

test('malformed JSON: 400', async () => {
  for (const b of ['{"title": ', 'nee', '', '[1,2]', '"tekst"', '{"title":"a","title":"b"}']) {
    const r = await api(ctx, 'POST', '/initiatives', {
      token: ctx.tokens.resident, body: b, headers: { 'Content-Type': 'application/json' },
    });
    assertError(r, 400, `body ${JSON.stringify(b)}`);
  }
});

test('another content type: 415', async () => {
  for (const ct of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
    const r = await api(ctx, 'POST', '/initiatives', {
      token: ctx.tokens.resident, body: JSON.stringify(good()), headers: { 'Content-Type': ct },
    });
    assertError(r, 415, `Content-Type: ${ct}`);
  }
  const ok = await api(ctx, 'POST', '/initiatives', {
    token: ctx.tokens.resident, body: JSON.stringify(good()), headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
  assert.equal(ok.status, 201, `application/json; charset=utf-8 is JSON ${show(ok)}`);
});

test('validation: 422 naming each bad field', async () => {
  const n = await total();
  const bad = {
    summary: 'Een samenvatting die lang genoeg is.',
    area: 'atlantis',
    themes: ['groen', 'ruimtevaart'],
    sdgs: [3, 18],
    help_requests: [
      { kind: 'toverkracht', description: 'Een toverstaf' },
      { kind: 'geld', description: 'Een negatief bedrag', amount_cents: -100 },
    ],
  };
  const r = await api(ctx, 'POST', '/initiatives', { token: ctx.tokens.resident, json: bad });
  const fields = assertFields(r, ['title', 'area', 'themes', 'sdgs', /^help_requests\W*0\W*kind$/, /^help_requests\W*1\W*amount_cents$/],
    'many bad fields');
  for (const k of Object.keys(fields)) {
    assert.ok(!/^(summary|description)$/.test(k), `a good field is not named: ${k}`);
  }
  assert.equal(await total(), n, 'nothing was made');
});

test('validation: each field alone', async () => {
  const cases = [
    [{ title: undefined }, 'title'],
    [{ title: '  ' }, 'title'],
    [{ title: 'x'.repeat(500) }, 'title'],
    [{ summary: undefined }, 'summary'],
    [{ area: undefined }, 'area'],
    [{ area: 'atlantis' }, 'area'],
    [{ themes: ['ruimtevaart'] }, 'themes'],
    [{ sdgs: [18] }, 'sdgs'],
    [{ sdgs: [0] }, 'sdgs'],
    [{ help_requests: [{ kind: 'toverkracht', description: 'Een toverstaf' }] }, /^help_requests\W*0\W*kind$/],
    [{ help_requests: [{ kind: 'geld', description: 'Min', amount_cents: -1 }] }, /^help_requests\W*0\W*amount_cents$/],
    [{ help_requests: [{ kind: 'geld', description: '' }] }, /^help_requests\W*0\W*description$/],
    [{ links: [{ kind: 'website', url: 'javascript:alert(1)' }] }, 'links'],
  ];
  for (const [change, field] of cases) {
    const b = { ...good(), ...change };
    const r = await api(ctx, 'POST', '/initiatives', { token: ctx.tokens.resident, json: b });
    assertFields(r, [field], `with ${JSON.stringify(change).slice(0, 80)}`);
  }
});

test('wrong JSON types: refused, never a 201 or 500', async () => {
  for (const change of [{ title: 42 }, { themes: 'groen' }, { sdgs: ['elf'] }, { help_requests: {} },
    { help_requests: [{ kind: 'geld', description: 'x y z', amount_cents: 'veel' }] }, { area: null }]) {
    const r = await api(ctx, 'POST', '/initiatives', { token: ctx.tokens.resident, json: { ...good(), ...change } });
    assert.ok(r.status === 400 || r.status === 422, `${JSON.stringify(change)} ${show(r)}`);
    assertError(r, r.status);
  }
});

test('a body larger than 1 MiB: 413', async () => {
  const big = JSON.stringify({ ...good(), description: 'a'.repeat(1024 * 1024 + 10) });
  const r = await api(ctx, 'POST', '/initiatives', {
    token: ctx.tokens.resident, body: big, headers: { 'Content-Type': 'application/json' },
  });
  assertError(r, 413, 'body over 1 MiB');
  // The server still answers afterwards.
  assert.equal((await request(ctx.base, 'GET', '/healthz')).status, 200);
});

test('a description over the limit but under 1 MiB: 422 description', async () => {
  const r = await api(ctx, 'POST', '/initiatives', { token: ctx.tokens.resident, json: { ...good(), description: 'woord '.repeat(5000) } });
  assertFields(r, ['description']);
});

test('403 for the wrong person, 409 for a move the machine does not have', async () => {
  const c = await api(ctx, 'POST', '/initiatives', { token: ctx.tokens.resident, json: good() });
  assert.equal(c.status, 201, show(c));
  assertError(await api(ctx, 'PATCH', `/initiatives/${c.json.id}`, { token: ctx.tokens.resident2, json: { title: 'Overgenomen' } }), 403);
  assertError(await api(ctx, 'POST', `/initiatives/${c.json.id}/transitions`, { token: ctx.tokens.resident2, json: { to: 'gestopt', note: 'x' } }), 403);
  const e = assertError(await api(ctx, 'POST', `/initiatives/${c.json.id}/transitions`, { token: ctx.tokens.official, json: { to: 'toegekend' } }), 409);
  assert.equal(e.code.length > 0, true);
});

test('unknown route or method under /api/v1: a JSON error, not an HTML page', async () => {
  assertError(await api(ctx, 'GET', '/bestaatniet'), 404);
  const del = await api(ctx, 'DELETE', '/initiatives', { token: ctx.tokens.admin });
  assert.ok(del.status === 405 || del.status === 404, show(del));
  assertError(del, del.status);
});

test('API answers carry a JSON content type and nosniff', async () => {
  const r = await api(ctx, 'GET', '/initiatives');
  assert.match(r.headers.get('content-type'), /^application\/json/);
  assert.equal(r.headers.get('x-content-type-options'), 'nosniff');
});
