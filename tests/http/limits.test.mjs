// Bad and oversized input: every limit is refused with a clear answer
// (a Dutch page, or JSON on the API), nothing is silently dropped, and
// nothing gives a 500 or brings the server down. Limits: body 1 MB
// (multipart 10 MB, 5 MB per file, 10 files, JPEG/PNG/PDF only), 200
// fields, 8 KB of address, request line and headers 16 KB, JSON 32 deep,
// and a maximum length for every text field.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useServer, page, api, request, login, csrfFrom, show, assertError, assertFields, formValues, postForms, withValues,
  USERS, PASSWORD, Jar,
} from './lib.mjs';

const ctx = useServer();
const MB = 1024 * 1024;
const BIG = 'x'.repeat(100_000);

function assertPage(res, status, re, what) {
  assert.equal(res.status, status, `${what}: expected ${status} ${show(res)}`);
  assert.match(res.headers.get('content-type') || '', /^text\/html/, `${what} is a page`);
  assert.match(res.text, /<html[^>]*lang="nl"/, `${what} is a Dutch page`);
  if (re) assert.match(res.text, re, `${what} says why`);
}

function assertNot500(res, what) {
  assert.ok(res.status >= 400 && res.status < 500, `${what}: expected a 4xx ${show(res)}`);
}

// The anonymous csrf token and cookie for /inloggen.
async function loginForm() {
  const jar = new Jar();
  const g = await page(ctx, jar, 'GET', '/inloggen');
  return { jar, csrf: csrfFrom(g.text) };
}

// Posts a FormData (multipart/form-data; fetch picks the boundary).
async function postMultipart(jar, path, fd, headers = {}) {
  const h = { ...headers };
  if (jar && jar.cookies.size) h.Cookie = jar.header();
  const res = await request(ctx.base, 'POST', path, { headers: h, body: fd });
  if (jar) jar.store(res.headers);
  return res;
}

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]);
const pdf = (size) => { const b = Buffer.alloc(size, 0x20); b.write('%PDF-1.4\n'); return b; };
const file = (bytes, type) => new Blob([bytes], { type });

function loginData(csrf) {
  const fd = new FormData();
  fd.append('csrf', csrf);
  fd.append('email', USERS.resident.email);
  fd.append('password', PASSWORD);
  return fd;
}

/* ---------- body size and number of fields ---------- */

test('a body over 1 MB: 413 in Dutch on a page, JSON on the API', async () => {
  const { jar, csrf } = await loginForm();
  const r = await page(ctx, jar, 'POST', '/inloggen', { form: { csrf, email: 'a@b.nl', password: 'x'.repeat(MB + 1) } });
  assertPage(r, 413, /te groot \(hoogstens 1 MB\)/, 'page');
  const a = await api(ctx, 'POST', '/initiatives', { token: ctx.tokens.resident, json: { title: 'x'.repeat(MB + 1) } });
  assert.equal(assertError(a, 413, 'api').code, 'too_large');
  // Just under the limit is read (and refused for what it says, not its size).
  const ok = await api(ctx, 'POST', '/initiatives', { token: ctx.tokens.resident, json: { title: 'x'.repeat(MB - 100) } });
  assertFields(ok, ['title'], 'just under 1 MB');
});

test('more than 200 form fields: 413 "te veel velden" instead of dropping the rest', async () => {
  const { jar, csrf } = await loginForm();
  const many = [['csrf', csrf], ...Array.from({ length: 200 }, (_, i) => [`f${i}`, 'x'])];
  const r = await page(ctx, jar, 'POST', '/inloggen', { form: many });
  assertPage(r, 413, /te veel velden/, '201 fields');
  const fine = await page(ctx, jar, 'POST', '/inloggen', { form: many.slice(0, 200) });
  assert.notEqual(fine.status, 413, `200 fields are fine ${show(fine)}`);

  const a = await request(ctx.base, 'POST', '/api/v1/initiatives', {
    headers: { Authorization: `Bearer ${ctx.tokens.resident}`, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(many).toString(),
  });
  assert.equal(assertError(a, 413, 'api form').code, 'too_many_fields');
  assert.match(a.json.error.message, /te veel velden/);

  const fd = new FormData();
  for (const [k, v] of many) fd.append(k, v);
  assertPage(await postMultipart(jar, '/inloggen', fd), 413, /te veel velden/, '201 multipart parts');
});

/* ---------- multipart/form-data ---------- */

test('a multipart form is read like a urlencoded one: log-in works', async () => {
  const { jar, csrf } = await loginForm();
  const r = await postMultipart(jar, '/inloggen', loginData(csrf));
  assert.equal(r.status, 303, show(r));
  assert.ok(jar.get('wz_session'), 'logged in');
  const bad = await loginForm();
  const fd = loginData('not-the-token');
  assertPage(await postMultipart(bad.jar, '/inloggen', fd), 403, /verlopen/, 'the csrf field is checked in multipart too');
});

test('uploads: JPEG, PNG and PDF up to 5 MB each are accepted', async () => {
  const { jar, csrf } = await loginForm();
  const fd = loginData(csrf);
  fd.append('foto', file(PNG, 'image/png'), 'tuin.png');
  fd.append('foto2', file(JPEG, 'image/jpeg'), 'C:\\fakepath\\plein.jpg');
  fd.append('plan', file(pdf(5 * MB), 'application/pdf'), 'plan.pdf');
  fd.append('leeg', file(Buffer.alloc(0), 'application/octet-stream'), ''); // a file input left empty
  const r = await postMultipart(jar, '/inloggen', fd);
  assert.equal(r.status, 303, `within the limits the request goes on ${show(r)}`);
});

test('uploads: over 5 MB a file, over 10 MB together, more than 10 files: 413', async () => {
  const { jar, csrf } = await loginForm();
  let fd = loginData(csrf);
  fd.append('plan', file(pdf(5 * MB + 1), 'application/pdf'), 'plan.pdf');
  assertPage(await postMultipart(jar, '/inloggen', fd), 413, /hoogstens 5 MB per bestand/, 'file over 5 MB');

  fd = loginData(csrf);
  for (let i = 0; i < 3; i++) fd.append(`plan${i}`, file(pdf(4 * MB), 'application/pdf'), `plan${i}.pdf`);
  assertPage(await postMultipart(jar, '/inloggen', fd), 413, /hoogstens 10 MB samen/, '12 MB together');

  fd = loginData(csrf);
  for (let i = 0; i < 11; i++) fd.append(`f${i}`, file(PNG, 'image/png'), `f${i}.png`);
  assertPage(await postMultipart(jar, '/inloggen', fd), 413, /te veel bestanden/, '11 files');

  // The API takes JSON only: no uploads, so a form is held to 1 MB.
  const a = await request(ctx.base, 'POST', '/api/v1/initiatives', {
    headers: { Authorization: `Bearer ${ctx.tokens.resident}` },
    body: (() => { const f = new FormData(); f.append('plan', file(pdf(2 * MB), 'application/pdf'), 'p.pdf'); return f; })(),
  });
  assert.equal(assertError(a, 413, 'api').code, 'too_large');
  assert.match(a.json.error.message, /hoogstens 1 MB\)/);
});

test('uploads: other file types, or bytes that are not what the type says: 415', async () => {
  const { jar, csrf } = await loginForm();
  const cases = [
    ['html', file(Buffer.from('<script>alert(1)</script>'), 'text/html'), 'a.html'],
    ['gif', file(Buffer.from('GIF89a....'), 'image/gif'), 'a.gif'],
    ['svg', file(Buffer.from('<svg onload="alert(1)"/>'), 'image/svg+xml'), 'a.svg'],
    ['html posing as PNG', file(Buffer.from('<html>not a png</html>'), 'image/png'), 'a.png'],
    ['PNG posing as PDF', file(PNG, 'application/pdf'), 'a.pdf'],
    ['no type', file(PNG, ''), 'a.png'],
  ];
  for (const [what, blob, name] of cases) {
    const fd = loginData(csrf);
    fd.append('bestand', blob, name);
    assertPage(await postMultipart(jar, '/inloggen', fd), 415, /JPEG of PNG\) of een PDF/, what);
  }
  const f = new FormData();
  f.append('bestand', file(PNG, 'image/png'), 'a.png');
  const a = await request(ctx.base, 'POST', '/api/v1/initiatives', { headers: { Authorization: `Bearer ${ctx.tokens.resident}` }, body: f });
  assert.equal(assertError(a, 415, 'api: JSON only').code, 'unsupported_media_type');
});

test('malformed multipart bodies: 400, never a crash', async () => {
  const B = 'grens123';
  const bodies = [
    ['no boundary', 'multipart/form-data', `--${B}\r\nContent-Disposition: form-data; name="a"\r\n\r\nx\r\n--${B}--\r\n`],
    ['garbage', `multipart/form-data; boundary=${B}`, 'dit is geen multipart'],
    ['never closed', `multipart/form-data; boundary=${B}`, `--${B}\r\nContent-Disposition: form-data; name="a"\r\n\r\nx`],
    ['no name', `multipart/form-data; boundary=${B}`, `--${B}\r\nContent-Disposition: form-data\r\n\r\nx\r\n--${B}--\r\n`],
    ['folded header', `multipart/form-data; boundary=${B}`, `--${B}\r\nContent-Disposition: form-data;\r\n name="a"\r\n\r\nx\r\n--${B}--\r\n`],
    ['header of 5 KB', `multipart/form-data; boundary=${B}`, `--${B}\r\nContent-Disposition: form-data; name="a"\r\nX: ${'y'.repeat(5000)}\r\n\r\nx\r\n--${B}--\r\n`],
  ];
  for (const [what, type, body] of bodies) {
    const r = await request(ctx.base, 'POST', '/inloggen', { headers: { 'Content-Type': type }, body });
    assertNot500(r, what);
    assert.match(r.text, /<html[^>]*lang="nl"/, `${what}: a Dutch page`);
    const a = await request(ctx.base, 'POST', '/api/v1/initiatives', {
      headers: { 'Content-Type': type, Authorization: `Bearer ${ctx.tokens.resident}` }, body,
    });
    assertError(a, 415, `api ${what}`);
  }
  const r = await request(ctx.base, 'POST', '/inloggen', { headers: { 'Content-Type': `multipart/form-data; boundary=${B}` }, body: 'x' });
  assertPage(r, 400, /kwam niet goed aan/, 'garbage');
});

/* ---------- text fields: every one has a maximum ---------- */

let myId, helpId;

test('API: 100 KB in any text field of a new initiative is a 422 naming it', async () => {
  const good = {
    title: 'Bloembakken in de Hoofdstraat', summary: 'Bloembakken langs de winkels van de Hoofdstraat.',
    description: 'Wij willen graag **bloembakken**.', area: 'damsigt', themes: ['ontmoeting'],
    links: [{ kind: 'website', url: 'https://bloembakken.example' }],
    help_requests: [{ kind: 'geld', description: 'Geld voor de bakken en de planten.', amount_cents: 50000 }],
  };
  const T = ctx.tokens.resident;
  const cases = [
    ['title', { title: BIG }], ['summary', { summary: BIG }], ['description', { description: BIG }],
    ['area', { area: BIG }], ['themes', { themes: [BIG] }],
    ['links', { links: [{ kind: 'website', url: `https://x.example/${BIG}` }] }],
    ['links', { links: [{ kind: BIG, url: 'https://x.example' }] }],
    [/^help_requests\[0\]\.kind$/, { help_requests: [{ kind: BIG, description: 'Geld voor de bakken.' }] }],
    [/^help_requests\[0\]\.description$/, { help_requests: [{ kind: 'geld', description: BIG }] }],
  ];
  for (const [field, change] of cases) {
    const r = await api(ctx, 'POST', '/initiatives', { token: T, json: { ...good, ...change } });
    assertFields(r, [field], `create with a long ${field}`);
  }
  const c = await api(ctx, 'POST', '/initiatives', { token: T, json: good });
  assert.equal(c.status, 201, show(c));
  myId = c.json.id;
  for (const [field, change] of cases) {
    const r = await api(ctx, 'PATCH', `/initiatives/${myId}`, { token: T, json: change });
    assertFields(r, [field], `change with a long ${field}`);
  }
  const h = await api(ctx, 'POST', `/initiatives/${myId}/help-requests`, { token: T, json: { kind: BIG, description: 'x y z' } });
  assertFields(h, ['kind'], 'help request kind');
  assertFields(await api(ctx, 'POST', `/initiatives/${myId}/help-requests`, { token: T, json: { kind: 'geld', description: BIG } }),
    ['description'], 'help request description');
  const ok = await api(ctx, 'POST', `/initiatives/${myId}/help-requests`, { token: T, json: { kind: 'vrijwilligers', description: 'Twee handen.' } });
  assert.equal(ok.status, 201, show(ok));
  helpId = ok.json.id;
});

test('API: 100 KB in a transition, a help state or a query is refused, never a 500', async () => {
  const T = ctx.tokens.official;
  assertFields(await api(ctx, 'POST', `/initiatives/${myId}/transitions`, { token: T, json: { to: BIG } }), ['to'], 'to');
  assertFields(await api(ctx, 'POST', `/initiatives/${myId}/transitions`, { token: T, json: { to: 'intake', note: BIG } }),
    ['note'], 'note');
  const s = await api(ctx, 'PATCH', `/initiatives/${myId}/help-requests/${helpId}`, { token: T, json: { state: BIG } });
  assertNot500(s, 'help state');
  assertError(s, s.status, 'help state');
  for (const name of ['q', 'area', 'theme', 'state', 'page', 'per_page', 'sort']) {
    const r = await api(ctx, 'GET', `/initiatives?${name}=${'x'.repeat(7000)}`);
    assert.ok(r.status === 200 || (r.status >= 400 && r.status < 500), `?${name}= of 7 KB ${show(r)}`);
  }
  const words = Array.from({ length: 1200 }, (_, i) => `w${i}`).join(' ');
  const r = await api(ctx, 'GET', `/initiatives?q=${encodeURIComponent(words)}`);
  assert.ok(r.status === 200 || (r.status >= 400 && r.status < 500), `search for 1200 words ${show(r)}`);
});

test('pages: 100 KB in any field of the log-in and sign-up forms is refused, never a 500', async () => {
  for (const change of [{ email: BIG }, { password: BIG }, { terug: `/${BIG}` }]) {
    const { jar, csrf } = await loginForm();
    const r = await page(ctx, jar, 'POST', '/inloggen', { form: { csrf, email: 'niemand@example.nl', password: 'fout-fout-fout', ...change } });
    assertPage(r, 401, /klopt niet/, `log-in with a long ${Object.keys(change)[0]}`);
  }
  for (const name of ['name', 'email', 'password', 'password2']) {
    const jar = new Jar();
    const g = await page(ctx, jar, 'GET', '/registreren');
    const form = { csrf: csrfFrom(g.text), name: 'Nieuwe Bewoner', email: `nieuw-${name}@example.nl`, password: 'een-goed-wachtwoord', password2: 'een-goed-wachtwoord', [name]: BIG };
    if (name === 'password') form.password2 = BIG;
    assertPage(await page(ctx, jar, 'POST', '/registreren', { form }), 422, null, `sign-up with a long ${name}`);
  }
});

test('pages: 100 KB in any field of the initiative forms is a 422, never a 500', async () => {
  const jar = await login(ctx, USERS.resident.email);
  const g = await page(ctx, jar, 'GET', '/initiatieven/nieuw');
  const [form] = postForms(g.text);
  const base = withValues(formValues(form.html), {
    title: 'Bloembakken in de Kerkstraat', summary: 'Bloembakken langs de winkels van de Kerkstraat.',
    description: 'Wij willen graag bloembakken.', area: 'damsigt',
  });
  const texts = formValues(form.html).map(([k]) => k).filter((k) => k !== 'csrf' && k !== 'as_idea' && k !== 'show_name');
  assert.ok(texts.includes('title') && texts.some((k) => /^link/.test(k)) && texts.some((k) => /^help_description/.test(k)),
    `the form has titles, links and help requests: ${texts.join(', ')}`);
  for (const name of new Set(texts)) {
    const change = { [name]: BIG };
    if (/^help_(description|amount)_(\d+)$/.test(name)) change[name.replace(/_(description|amount)_/, '_kind_')] = 'geld';
    if (/^help_kind_(\d+)$/.test(name)) change[name.replace('kind', 'description')] = 'Een beetje geld.';
    const r = await page(ctx, jar, 'POST', form.action, { form: withValues(base, change) });
    assertPage(r, 422, /utrecht-form-field-error-message/, `new initiative with a long ${name}`);
  }
  // The edit form of the resident's own initiative.
  const e = await page(ctx, jar, 'GET', `/initiatieven/${myId}/bewerken`);
  assert.equal(e.status, 200, show(e));
  const [edit] = postForms(e.text);
  for (const name of ['title', 'summary', 'description', 'area']) {
    const r = await page(ctx, jar, 'POST', edit.action, { form: withValues(formValues(edit.html), { [name]: BIG }) });
    assertPage(r, 422, null, `edit with a long ${name}`);
  }
  // The help request form on the detail page.
  const d = await page(ctx, jar, 'GET', `/initiatieven/${myId}`);
  const help = postForms(d.text).find((f) => /\/hulpvragen$/.test(f.action));
  assert.ok(help, 'the detail page has a help request form');
  for (const change of [{ kind: BIG, description: 'Wat handen.' }, { kind: 'geld', description: BIG }, { kind: 'geld', description: 'Geld.', amount: BIG }]) {
    const r = await page(ctx, jar, 'POST', help.action, { form: withValues(formValues(help.html), change) });
    assertPage(r, 422, null, `help request with a long ${Object.keys(change).find((k) => change[k] === BIG)}`);
  }
});

test('pages: 100 KB in a transition note or a help state is refused, never a 500', async () => {
  const jar = await login(ctx, USERS.official.email);
  const d = await page(ctx, jar, 'GET', `/initiatieven/${myId}`);
  const step = postForms(d.text).find((f) => /\/stappen$/.test(f.action));
  assert.ok(step, 'the official sees the transition form');
  const values = formValues(step.html);
  const toName = values.find(([k]) => /^(to|naar)$/.test(k))?.[0] ?? 'to';
  const noteName = values.find(([k]) => /note|toelichting/.test(k))?.[0] ?? 'note';
  assertPage(await page(ctx, jar, 'POST', step.action, { form: withValues(values, { [toName]: 'intake', [noteName]: BIG }) }), 422, null, 'long note');
  assertPage(await page(ctx, jar, 'POST', step.action, { form: withValues(values, { [toName]: BIG }) }), 422, null, 'long state');
  const csrf = csrfFrom(d.text);
  const r = await page(ctx, jar, 'POST', `/initiatieven/${myId}/hulpvragen/${helpId}/status`, { form: { csrf, state: BIG } });
  assertNot500(r, 'long help state');
});

/* ---------- address, headers, JSON depth ---------- */

test('a long address: 414 in Dutch up to 16 KB, from the HTTP layer beyond; big headers 431; never a crash', async () => {
  assertPage(await page(ctx, null, 'GET', `/initiatieven?q=${'a'.repeat(9000)}`), 414, /te lang/, '9 KB address');
  assert.equal(assertError(await api(ctx, 'GET', `/initiatives?q=${'a'.repeat(9000)}`), 414, 'api').code, 'uri_too_long');
  const many = Array.from({ length: 201 }, (_, i) => `f${i}=1`).join('&');
  assertPage(await page(ctx, null, 'GET', `/initiatieven?${many}`), 414, /te veel velden/, '201 query fields');
  const ok = await page(ctx, null, 'GET', `/initiatieven?q=${'a'.repeat(7000)}`);
  assert.equal(ok.status, 200, `7 KB is fine ${show(ok)}`);
  for (const n of [33_000, 64 * 1024, 200_000]) {
    const r = await request(ctx.base, 'GET', `/initiatieven?q=${'a'.repeat(n)}`);
    assert.equal(r.status, 414, `${n} B address ${show(r)}`);
  }
  for (const n of [40_000, 100_000]) {
    const r = await request(ctx.base, 'GET', '/', { headers: { 'X-Groot': 'y'.repeat(n) } });
    assert.equal(r.status, 431, `${n} B header ${show(r)}`);
  }
  const many_headers = Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`X-H${i}`, 'y'.repeat(60)]));
  const r = await request(ctx.base, 'GET', '/', { headers: many_headers });
  assert.equal(r.status, 431, `500 headers ${show(r)}`);
  const h = await request(ctx.base, 'GET', '/healthz');
  assert.equal(h.status, 200, 'still serving');
});

test('JSON nested deeper than 32 levels: 400', async () => {
  const T = ctx.tokens.resident;
  const nest = (n) => '['.repeat(n) + ']'.repeat(n);
  const send = (body) => request(ctx.base, 'POST', '/api/v1/initiatives', {
    headers: { Authorization: `Bearer ${T}`, 'Content-Type': 'application/json' }, body,
  });
  for (const n of [33, 3000, 200_000]) {
    const r = await send(`{"title":${nest(n)}}`);
    assert.match(assertError(r, 400, `${n} deep`).message, /te diep genest/);
  }
  assertFields(await send(`{"title":${nest(31)}}`), ['title'], '32 deep is read');
  // Brackets inside strings do not count.
  const s = await send(JSON.stringify({ title: '['.repeat(100) }));
  assert.equal(s.status, 422, show(s));
  const h = await request(ctx.base, 'GET', '/healthz');
  assert.equal(h.status, 200, 'still serving');
});
