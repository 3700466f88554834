// Photos with the accountability report (verantwoording, issue 4): the
// initiator uploads JPEG or PNG files with the report form
// (multipart/form-data with its CSRF field); they are kept in the database
// and served byte for byte, with their real type, inline and nosniff, to
// the applicant, the fund's committee and staff only — 403 for another
// resident, the log-in page for a visitor, 404 for what does not exist.
// A file that is not a photo, too many photos or too big a file are
// refused in plain Dutch, next to the field when the form can come back
// (what she typed stays). The API lists the photos with the report and
// serves them at /api/v1/files/{id}. Runs on SQLite, and on PostgreSQL
// with WIJZER_TEST_PG.
import fs from 'node:fs';
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  api, request, page, login, csrfFrom, show, hasText, decodeHtml, assertError, USERS, PASSWORD, tempDir, initDb,
  addUsers, cli, serve, dayOf, isoDay,
} from './lib.mjs';

const FUND = 'vlietwensen';
const MB = 1024 * 1024;
const COMMITTEE = {
  chair: { email: 'carla.voorzitter@example.nl', name: 'Carla Voorzitter', chair: true },
  member: { email: 'mees.commissielid@example.nl', name: 'Mees Commissielid' },
};

const ctx = {};
const jars = {};
const T = () => ctx.tokens;

before(async () => {
  ctx.dir = tempDir();
  ctx.db = initDb(ctx.dir);
  ctx.ids = {};
  ctx.tokens = addUsers(ctx.db, USERS, ctx.ids);
  for (const [key, u] of Object.entries(COMMITTEE)) {
    const args = ['user', 'add', '--db', ctx.db, '--email', u.email, '--name', u.name, '--role', 'committee', '--fund', FUND];
    if (u.chair) args.push('--chair');
    const r = cli(args, { input: PASSWORD + '\n' });
    assert.equal(r.code, 0, `wijzer ${args.join(' ')}: ${r.stderr}`);
    const t = cli(['token', 'create', '--db', ctx.db, '--email', u.email]);
    assert.equal(t.code, 0, t.stderr);
    ctx.tokens[key] = t.stdout.trim();
  }
  ctx.server = await serve(ctx.db);
  ctx.base = ctx.server.base;
  for (const key of ['resident', 'resident2', 'official']) jars[key] = await login(ctx, USERS[key].email);
  for (const [key, u] of Object.entries(COMMITTEE)) jars[key] = await login(ctx, u.email);
});

after(async () => {
  if (ctx.server) {
    const { code, signal } = await ctx.server.stop();
    assert.equal(signal, null, `server died of ${signal}: ${ctx.server.stderr()}`);
    assert.equal(code, 0, `server exited ${code}: ${ctx.server.stderr()}`);
  }
  if (ctx.dir) fs.rmSync(ctx.dir, { recursive: true, force: true });
});

/* ---------- files ---------- */

// A PNG and a JPEG whose bytes include NULs and every byte value, so a
// round trip that treats them as text would show.
const every = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), every, Buffer.alloc(64)]);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]), every.reverse(), Buffer.from([0, 0, 0xff, 0xd9])]);
const blob = (bytes, type) => new Blob([bytes], { type });

/* ---------- helpers ---------- */

let count = 0;

// A granted application of the resident, so she may report.
async function grantedApplication() {
  const n = ++count;
  const ini = await api(ctx, 'POST', '/initiatives', {
    token: T().resident,
    json: {
      title: `Geveltuinen in de Fonteinstraat ${n}`,
      summary: 'Buren maken samen geveltuinen, zodat de straat groener en gezelliger wordt.',
      description: 'Twaalf geveltuinen en een buurtdag om ze te planten.',
      area: 'bovenveen', themes: ['groen'],
    },
  });
  assert.equal(ini.status, 201, `initiative ${show(ini)}`);
  const app = await api(ctx, 'POST', `/funds/${FUND}/applications`, {
    token: T().resident,
    json: {
      initiative: ini.json.id, amount_cents: 50000, lines: [{ description: 'Planten en aarde', amount_cents: 50000 }],
      own_contribution: 'Wij planten zelf.', own_contribution_hours: 20, needed_by: isoDay(dayOf(Date.now()) + 90),
    },
  });
  assert.equal(app.status, 201, `apply ${show(app)}`);
  const d = await api(ctx, 'POST', `/applications/${app.json.id}/decision`, {
    token: T().chair, json: { outcome: 'granted', motivation: 'Goed voor de straat.' },
  });
  assert.equal(d.status, 200, `decide ${show(d)}`);
  return app.json.id;
}

const REPORT = { participants: '14', reach: '60', costs: '480,50', story: 'Twaalf geveltuinen, en een buurtborrel erna.' };

// Posts the report form of the application page as multipart/form-data.
async function postReport(jar, id, fields, files = [], { csrf } = {}) {
  const from = `/aanvragen/${id}`;
  const get = await page(ctx, jar, 'GET', from);
  assert.equal(get.status, 200, `GET ${from} ${show(get)}`);
  const fd = new FormData();
  fd.append('csrf', csrf ?? csrfFrom(get.text));
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  for (const [bytes, type, name] of files) fd.append('photos', blob(bytes, type), name);
  const res = await request(ctx.base, 'POST', `${from}/verantwoording`, { headers: { Cookie: jar.header() }, body: fd });
  jar.store(res.headers);
  return res;
}

async function getBytes(p, { jar, token } = {}) {
  const headers = {};
  if (jar) headers.Cookie = jar.header();
  if (token) headers.Authorization = `Bearer ${token}`;
  const res = await fetch(ctx.base + p, { headers, redirect: 'manual' });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

const photoIds = (html) => [...html.matchAll(/<img src="\/bestanden\/(\d+)"/g)].map((m) => Number(m[1]));

/* ---------- tests ---------- */

let appId, ids = [];

test('the report form takes photos: multipart, a file input for JPG and PNG, a clear label', async () => {
  appId = await grantedApplication();
  const r = await page(ctx, jars.resident, 'GET', `/aanvragen/${appId}`);
  assert.equal(r.status, 200, show(r));
  const form = r.text.match(/<form[^>]*action="\/aanvragen\/\d+\/verantwoording"[^>]*>/)?.[0];
  assert.ok(form, 'the report form');
  assert.match(form, /enctype="multipart\/form-data"/);
  const input = r.text.match(/<input[^>]*type="file"[^>]*>/)?.[0];
  assert.ok(input, 'a file input');
  assert.match(input, /name="photos"/);
  assert.match(input, /accept="image\/jpeg,image\/png"/);
  assert.match(input, /\bmultiple\b/);
  assert.match(input, /id="report-photos"/);
  assert.ok(hasText(r.text, "Foto's (JPG of PNG, hoogstens 5 MB per foto, hoogstens 5)"), 'the label');
  assert.match(r.text, /<label class="utrecht-form-label" for="report-photos">/);
});

test('without the csrf field a multipart report is refused (403) and nothing is kept', async () => {
  const r = await postReport(jars.resident, appId, REPORT, [[PNG, 'image/png', 'tuin.png']], { csrf: 'vals' });
  assert.equal(r.status, 403, show(r));
  assert.match(r.text, /verlopen/);
  const after = await page(ctx, jars.resident, 'GET', `/aanvragen/${appId}`);
  assert.equal(photoIds(after.text).length, 0, 'no photo stored');
});

test('she sends the report with two photos; they show on her page and the committee page', async () => {
  const r = await postReport(jars.resident, appId, REPORT, [[PNG, 'image/png', 'geveltuin voor.png'], [JPEG, 'image/jpeg', 'C:\\fakepath\\buurtborrel.jpg']]);
  assert.equal(r.status, 303, show(r));
  const hers = await page(ctx, jars.resident, 'GET', `/aanvragen/${appId}`);
  ids = photoIds(hers.text);
  assert.equal(ids.length, 2, 'two photos on her page');
  assert.match(hers.text, /<img src="\/bestanden\/\d+" alt="Foto bij de verantwoording: geveltuin voor"/);
  assert.match(hers.text, /alt="Foto bij de verantwoording: buurtborrel"/);
  assert.match(hers.text, /<ul class="wijzer-photos">/);
  assert.ok(hasText(hers.text, 'u kunt er nog 3 bijdoen'), 'the form says how many more may come');
  const theirs = await page(ctx, jars.member, 'GET', `/commissie/aanvragen/${appId}`);
  assert.equal(theirs.status, 200, show(theirs));
  assert.deepEqual(photoIds(theirs.text), ids, 'the committee sees the same photos');
});

test('each photo is served byte for byte, with its type, inline and nosniff, to who may see it', async () => {
  const [png, jpeg] = ids;
  for (const who of ['resident', 'chair', 'member', 'official']) {
    const a = await getBytes(`/bestanden/${png}`, { jar: jars[who] });
    assert.equal(a.status, 200, `${who} png`);
    assert.equal(a.headers.get('content-type'), 'image/png');
    assert.match(a.headers.get('content-disposition') || '', /^inline\b/);
    assert.equal(a.headers.get('x-content-type-options'), 'nosniff');
    assert.ok(a.bytes.equals(PNG), `${who}: the PNG comes back unchanged`);
    const b = await getBytes(`/bestanden/${jpeg}`, { jar: jars[who] });
    assert.equal(b.status, 200, `${who} jpeg`);
    assert.equal(b.headers.get('content-type'), 'image/jpeg');
    assert.ok(b.bytes.equals(JPEG), `${who}: the JPEG comes back unchanged`);
  }
});

test('nobody else sees them: 403 for another resident, log in for a visitor, 404 for no such file', async () => {
  const [png] = ids;
  const other = await getBytes(`/bestanden/${png}`, { jar: jars.resident2 });
  assert.equal(other.status, 403);
  assert.ok(!other.bytes.includes(PNG.subarray(0, 8)), 'no image bytes in the refusal');
  assert.match(other.bytes.toString(), /alleen de aanvrager/);
  const anon = await getBytes(`/bestanden/${png}`);
  assert.ok([303, 401].includes(anon.status), `visitor: ${anon.status}`);
  if (anon.status === 303) assert.match(anon.headers.get('location'), /^\/inloggen\?terug=/);
  assert.ok(!anon.bytes.includes(PNG.subarray(0, 8)));
  for (const p of ['/bestanden/999999', '/bestanden/0', '/bestanden/abc'])
    assert.equal((await getBytes(p, { jar: jars.resident })).status, 404, p);
  // Nor does another resident's application page show them.
  assert.equal((await page(ctx, jars.resident2, 'GET', `/aanvragen/${appId}`)).status, 403);
});

test('API: the report lists its photos; /api/v1/files/{id} serves them with the same rights', async () => {
  const r = await api(ctx, 'GET', `/applications/${appId}`, { token: T().resident });
  assert.equal(r.status, 200, show(r));
  const photos = r.json.report.photos;
  assert.equal(photos.length, 2, JSON.stringify(r.json.report));
  assert.deepEqual(photos.map((p) => p.id), ids);
  assert.deepEqual(photos.map((p) => p.content_type), ['image/png', 'image/jpeg']);
  assert.deepEqual(photos.map((p) => p.size), [PNG.length, JPEG.length]);
  assert.equal(photos[0].url, `/api/v1/files/${ids[0]}`);
  assert.equal(r.json.report.photo_url, null, 'the link field stays as it was');
  for (const who of ['resident', 'chair', 'official']) {
    const f = await getBytes(photos[1].url, { token: T()[who] });
    assert.equal(f.status, 200, who);
    assert.equal(f.headers.get('content-type'), 'image/jpeg');
    assert.equal(f.headers.get('x-content-type-options'), 'nosniff');
    assert.ok(f.bytes.equals(JPEG), `${who}: same bytes`);
  }
  assertError(await api(ctx, 'GET', `/files/${ids[0]}`, { token: T().resident2 }), 403, 'another resident');
  assertError(await api(ctx, 'GET', `/files/${ids[0]}`), 401, 'no token');
  assertError(await api(ctx, 'GET', '/files/999999', { token: T().resident }), 404, 'no such file');
});

test('a text file renamed .jpg is refused next to the field, in Dutch, and what she typed stays', async () => {
  const story = 'Een nieuw verhaal dat niet verloren mag gaan.';
  const r = await postReport(jars.resident, appId, { ...REPORT, story },
    [[Buffer.from('Dit is een boodschappenlijst, geen foto.\n'), 'image/jpeg', 'lijstje.jpg']]);
  assert.equal(r.status, 422, show(r));
  assert.match(r.text, /<html[^>]*lang="nl"/);
  assert.match(r.text, /<input[^>]*type="file"[^>]*aria-invalid="true"/);
  assert.match(r.text, /id="report-photos-fout"/);
  assert.ok(hasText(r.text, '‘lijstje.jpg’ is geen foto in JPG of PNG'), 'says which file and why');
  assert.match(r.text, /href="#report-photos"/, 'the error summary links to the field');
  assert.ok(hasText(r.text, story), 'the story she typed is still there');
  assert.match(decodeHtml(r.text), /name="costs"[^>]*value="480,50"/);
  // A PDF passes the server's general check but is no photo either.
  const pdf = await postReport(jars.resident, appId, REPORT, [[Buffer.from('%PDF-1.4\n%…'), 'application/pdf', 'plan.pdf']]);
  assert.equal(pdf.status, 422, show(pdf));
  assert.ok(hasText(pdf.text, '‘plan.pdf’ is geen foto in JPG of PNG'));
  const after = await page(ctx, jars.resident, 'GET', `/aanvragen/${appId}`);
  assert.deepEqual(photoIds(after.text), ids, 'nothing was added');
});

test('too many photos: at most 5 with the report, counting those sent before', async () => {
  const four = [1, 2, 3, 4].map((i) => [PNG, 'image/png', `foto${i}.png`]);
  const r = await postReport(jars.resident, appId, REPORT, four);
  assert.equal(r.status, 422, show(r));
  assert.ok(hasText(r.text, "U kunt hoogstens 5 foto's sturen. Er staan er al 2 bij uw verantwoording, dus u kunt er nog 3 bijdoen."));
  assert.match(r.text, /<input[^>]*type="file"[^>]*aria-invalid="true"/);
  // A fresh application: six at once is too many too.
  const other = await grantedApplication();
  const six = [1, 2, 3, 4, 5, 6].map((i) => [JPEG, 'image/jpeg', `foto${i}.jpg`]);
  const r6 = await postReport(jars.resident, other, REPORT, six);
  assert.equal(r6.status, 422, show(r6));
  assert.ok(hasText(r6.text, "U kunt hoogstens 5 foto's sturen. U koos er 6."));
  // Three more fill it up; then the form says no more can come.
  const ok = await postReport(jars.resident, appId, REPORT, [1, 2, 3].map((i) => [JPEG, 'image/jpeg', `extra${i}.jpg`]));
  assert.equal(ok.status, 303, show(ok));
  const full = await page(ctx, jars.resident, 'GET', `/aanvragen/${appId}`);
  assert.equal(photoIds(full.text).length, 5);
  assert.ok(hasText(full.text, "U hebt al 5 foto's gestuurd. Meer kan niet."));
  assert.doesNotMatch(full.text, /type="file"/);
  const more = await postReport(jars.resident, appId, REPORT, [[PNG, 'image/png', 'nog een.png']]);
  assert.equal(more.status, 422, show(more));
  assert.ok(hasText(more.text, 'dus u kunt er nog 0 bijdoen'));
});

test('a photo over 5 MB, or more than 10 MB together: refused with a Dutch page', async () => {
  const other = await grantedApplication();
  const big = Buffer.concat([JPEG, Buffer.alloc(5 * MB)]);
  const r = await postReport(jars.resident, other, REPORT, [[big, 'image/jpeg', 'groot.jpg']]);
  assert.equal(r.status, 413, show(r));
  assert.match(r.text, /<html[^>]*lang="nl"/);
  assert.match(r.text, /hoogstens 5 MB per bestand/);
  const three = [1, 2, 3].map((i) => [Buffer.concat([JPEG, Buffer.alloc(4 * MB)]), 'image/jpeg', `f${i}.jpg`]);
  const t = await postReport(jars.resident, other, REPORT, three);
  assert.equal(t.status, 413, show(t));
  assert.match(t.text, /hoogstens 10 MB samen/);
  const after = await page(ctx, jars.resident, 'GET', `/aanvragen/${other}`);
  assert.equal(photoIds(after.text).length, 0, 'nothing stored');
  // Just under the limit is fine.
  const edge = Buffer.concat([PNG, Buffer.alloc(5 * MB - PNG.length)]);
  const e = await postReport(jars.resident, other, REPORT, [[edge, 'image/png', 'precies.png']]);
  assert.equal(e.status, 303, show(e));
  const [id] = photoIds((await page(ctx, jars.resident, 'GET', `/aanvragen/${other}`)).text);
  const back = await getBytes(`/bestanden/${id}`, { jar: jars.chair });
  assert.equal(back.status, 200);
  assert.ok(back.bytes.equals(edge), 'a 5 MB photo comes back whole');
});

test('only the applicant adds photos: the committee cannot post her report form', async () => {
  const r = await postReport(jars.member, appId, REPORT, [[PNG, 'image/png', 'indringer.png']]);
  // The member can open the page (she is on the committee) but has no form; a post is refused.
  assert.ok(r.status === 403 || r.status === 409, show(r));
  const other = await getBytes(`/aanvragen/${appId}`, { jar: jars.resident2 });
  assert.equal(other.status, 403);
});

test('the link to an album still works as before, next to the photos', async () => {
  const r = await postReport(jars.resident, appId, { ...REPORT, photo_url: 'https://example.nl/album' });
  assert.equal(r.status, 303, show(r));
  const hers = await page(ctx, jars.resident, 'GET', `/aanvragen/${appId}`);
  assert.match(hers.text, /href="https:\/\/example.nl\/album"/);
  assert.ok(hasText(hers.text, "Link naar meer foto's"));
  const a = await api(ctx, 'GET', `/applications/${appId}`, { token: T().chair });
  assert.equal(a.json.report.photo_url, 'https://example.nl/album');
  assert.equal(a.json.report.photos.length, 5);
});

test('API upload: multipart to /applications/{id}/report/photos, after the report, by the applicant only', async () => {
  const id = await grantedApplication();
  const up = (token, files, body) => {
    const fd = new FormData();
    for (const [bytes, type, name] of files) fd.append('photos', blob(bytes, type), name);
    const headers = token ? { Authorization: `Bearer ${token}` } : {};
    return api(ctx, 'POST', `/applications/${id}/report/photos`, { headers, body: body ?? fd });
  };
  const early = await up(T().resident, [[PNG, 'image/png', 'tuin.png']]);
  assert.equal(assertError(early, 409, 'before the report').code, 'conflict');
  assert.match(early.json.error.message, /Stuur eerst uw verantwoording/);
  const rep = await api(ctx, 'POST', `/applications/${id}/report`, {
    token: T().resident, json: { participants: 10, reach: 40, costs_cents: 45000, story: 'Het ging goed, de straat is groener.' },
  });
  assert.equal(rep.status, 200, show(rep));

  assertError(await up(null, [[PNG, 'image/png', 'tuin.png']]), 401, 'no token');
  assertError(await up(T().resident2, [[PNG, 'image/png', 'tuin.png']]), 403, 'another resident');
  assertError(await up(T().member, [[PNG, 'image/png', 'tuin.png']]), 403, 'a committee member');
  const json = await api(ctx, 'POST', `/applications/${id}/report/photos`, { token: T().resident, json: { photos: [] } });
  assertError(json, 415, 'JSON instead of files');
  const wrong = await up(T().resident, [[Buffer.from('geen foto'), 'image/jpeg', 'nep.jpg']]);
  const err = assertError(wrong, 422, 'a text file as .jpg');
  assert.match(err.fields.photos, /‘nep\.jpg’ is geen foto in JPG of PNG/);
  const none = await up(T().resident, []);
  assert.ok([415, 422].includes(none.status), `no files ${show(none)}`);

  const ok = await up(T().resident, [[PNG, 'image/png', 'voor.png'], [JPEG, 'image/jpeg', 'na.jpg']]);
  assert.equal(ok.status, 201, show(ok));
  const photos = ok.json.report.photos;
  assert.deepEqual(photos.map((p) => p.content_type), ['image/png', 'image/jpeg']);
  const back = await getBytes(photos[0].url, { token: T().chair });
  assert.equal(back.status, 200);
  assert.ok(back.bytes.equals(PNG), 'the uploaded PNG comes back unchanged');
  const four = await up(T().resident, [1, 2, 3, 4].map((i) => [PNG, 'image/png', `f${i}.png`]));
  assert.match(assertError(four, 422, 'over five in all').fields.photos, /nog 3 bijdoen/);
  // Over 5 MB: refused before it reaches the handler, as JSON.
  const big = await up(T().resident, [[Buffer.concat([JPEG, Buffer.alloc(5 * MB)]), 'image/jpeg', 'groot.jpg']]);
  assert.match(assertError(big, 413, 'over 5 MB').message, /hoogstens 5 MB per bestand/);
  // The page shows them too.
  const hers = await page(ctx, jars.resident, 'GET', `/aanvragen/${id}`);
  assert.equal(photoIds(hers.text).length, 2);
});

test('she can take a photo away again (with the csrf field); nobody else can', async () => {
  const from = `/aanvragen/${appId}`;
  const before = await page(ctx, jars.resident, 'GET', from);
  const all = photoIds(before.text);
  assert.equal(all.length, 5);
  const victim = all[0];
  const action = `${from}/fotos/${victim}/weghalen`;
  assert.match(before.text, new RegExp(`<form method="post" action="${action}">`), 'a remove button per photo');
  assert.match(before.text, /Weghalen<span class="wijzer-visually-hidden">: geveltuin voor\.png<\/span>/, 'each button names its photo');
  const csrf = csrfFrom(before.text);
  assert.equal((await page(ctx, jars.resident, 'POST', action, { form: { csrf: 'vals' } })).status, 403, 'csrf');
  for (const who of ['resident2', 'member']) {
    const g = await page(ctx, jars[who], 'GET', '/');
    const r = await page(ctx, jars[who], 'POST', action, { form: { csrf: csrfFrom(g.text) } });
    assert.equal(r.status, 403, `${who} ${show(r)}`);
  }
  assert.equal((await page(ctx, jars.resident, 'POST', `${from}/fotos/999999/weghalen`, { form: { csrf } })).status, 404);
  const ok = await page(ctx, jars.resident, 'POST', action, { form: { csrf } });
  assert.equal(ok.status, 303, show(ok));
  const after = await page(ctx, jars.resident, 'GET', from);
  assert.deepEqual(photoIds(after.text), all.slice(1));
  assert.ok(hasText(after.text, 'De foto is weggehaald.'));
  assert.equal((await getBytes(`/bestanden/${victim}`, { jar: jars.resident })).status, 404, 'gone for good');
  // Once the committee accepts the report, the photos stay as they are.
  const acc = await api(ctx, 'POST', `/applications/${appId}/report/review`, { token: T().chair, json: { accepted: true, note: 'Mooi!' } });
  assert.equal(acc.status, 200, show(acc));
  const done = await page(ctx, jars.resident, 'GET', from);
  assert.doesNotMatch(done.text, /\/weghalen"/, 'no remove buttons after acceptance');
  assert.equal(photoIds(done.text).length, 4, 'the photos still show');
  const late = await page(ctx, jars.resident, 'POST', `${from}/fotos/${all[1]}/weghalen`, { form: { csrf } });
  assert.equal(late.status, 409, show(late));
});
