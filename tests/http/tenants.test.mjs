// Two municipalities side by side on one server, chosen by the Host header:
// Leidschendam-Voorburg (lv.test, with the demo) and Wassenaar
// (wassenaar.test). What one municipality holds never shows in the other's
// pages, API, search or CSV, and an account, session or API key of one does
// not work on the other. Also the host rule: one municipality answers under
// any host; with several, an unknown host gets 404.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import fs from 'node:fs';
import {
  cli, tempDir, initDb, serve, show, csrfFrom, hasText, Jar, PASSWORD, DEMO,
} from './lib.mjs';

const LV = 'lv.test', WAS = 'wassenaar.test';
const WAS_PASSWORD = 'wassenaar-eigen-wachtwoord';
const ctx = {};

function cliOk(args, opts) {
  const r = cli(args, opts);
  assert.equal(r.code, 0, `wijzer ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
  return r;
}

// fetch() sends the Host of its URL whatever a test asks, so requests with
// another Host go through node:http. The answer has the shape of lib.mjs's
// request(): {status, headers, text, json, location}.
function hostRequest(host, method, p, { headers = {}, body } = {}) {
  const url = new URL(ctx.server.base + p);
  const h = { ...headers, Host: host };
  if (body !== undefined) h['Content-Length'] = Buffer.byteLength(body);
  return new Promise((resolve, reject) => {
    const req = http.request({ hostname: url.hostname, port: url.port, method, path: url.pathname + url.search, headers: h, agent: false },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const headers = new Headers();
          for (const [k, v] of Object.entries(res.headers)) for (const x of [].concat(v)) headers.append(k, x);
          let json;
          if (/json/.test(res.headers['content-type'] || '')) { try { json = JSON.parse(text); } catch { json = undefined; } }
          resolve({ status: res.statusCode, headers, text, json, location: res.headers.location ?? null });
        });
      });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

function api(host, method, p, { token, json } = {}) {
  const headers = {};
  if (token) headers.Authorization = `Bearer ${token}`;
  let body;
  if (json !== undefined) { body = JSON.stringify(json); headers['Content-Type'] = 'application/json'; }
  return hostRequest(host, method, '/api/v1' + p, { headers, body });
}

async function page(host, jar, method, p, { form } = {}) {
  const headers = {};
  if (jar && jar.cookies.size) headers.Cookie = jar.header();
  let body;
  if (form) { body = new URLSearchParams(Object.entries(form)).toString(); headers['Content-Type'] = 'application/x-www-form-urlencoded'; }
  const res = await hostRequest(host, method, p, { headers, body });
  if (jar) jar.store(res.headers);
  return res;
}

async function login(host, email, password) {
  const jar = new Jar();
  const form = await page(host, jar, 'GET', '/inloggen');
  assert.equal(form.status, 200, show(form));
  const res = await page(host, jar, 'POST', '/inloggen', { form: { email, password, csrf: csrfFrom(form.text) } });
  return { jar, res };
}

const initiative = (title, summary) => ({
  title,
  summary,
  description: `${summary}\n\nWe zoeken nog buren die mee willen doen.`,
  area: 'bovenveen',
  themes: ['groen'],
  help_requests: [{ kind: 'vrijwilligers', description: 'Tien mensen voor de eerste zaterdag' }],
});

// Unusual words, so a search hit can only be this initiative.
const MINE = {
  lv: { title: 'Knotwilgenploeg langs de Vliet', word: 'knotwilgenploeg' },
  was: { title: 'Strandjutters van Meijendel', word: 'strandjutters' },
};
const RESIDENT = { email: 'sanne.tweegemeenten@example.nl', name: 'Sanne Tweegemeenten' };
const OFFICIAL_WAS = { email: 'wim.ambtenaar@wassenaar.example', name: 'Wim Ambtenaar' };

before(async () => {
  ctx.dir = tempDir();
  ctx.db = initDb(ctx.dir);
  ctx.server = await serve(ctx.db);
});

after(async () => {
  if (ctx.server) {
    const { code, signal } = await ctx.server.stop();
    assert.equal(signal, null, ctx.server.stderr());
    assert.equal(code, 0, ctx.server.stderr());
  }
  fs.rmSync(ctx.dir, { recursive: true, force: true });
});

test('one municipality: every host gets it, so a single installation needs no host set', async () => {
  const r = await page('wat-dan-ook.example', null, 'GET', '/initiatieven');
  assert.equal(r.status, 200, show(r));
  assert.ok(hasText(r.text, 'Leidschendam-Voorburg'));
});

test('wijzer tenant add: a second municipality with its own host and reference data', async () => {
  // The first municipality needs a host too once there are two; the tool says so.
  const was = cliOk(['tenant', 'add', '--db', ctx.db, '--code', 'wassenaar', '--name', 'Wassenaar', '--host', 'Wassenaar.TEST']);
  assert.match(was.stdout, /wassenaar/);
  assert.match(was.stderr, /leidschendam-voorburg heeft geen host/);
  cliOk(['tenant', 'add', '--db', ctx.db, '--code', 'leidschendam-voorburg', '--host', LV]);
  const list = cliOk(['tenant', 'list', '--db', ctx.db]).stdout;
  assert.match(list, /^leidschendam-voorburg\s+lv\.test\s+Leidschendam-Voorburg$/m, list);
  assert.match(list, /^wassenaar\s+wassenaar\.test\s+Wassenaar$/m, list);
  // A host belongs to one municipality; codes are checked.
  const dup = cli(['tenant', 'add', '--db', ctx.db, '--code', 'voorschoten', '--name', 'Voorschoten', '--host', WAS]);
  assert.equal(dup.code, 1, dup.stderr);
  assert.match(dup.stderr, /hoort al bij wassenaar/);
  assert.equal(cli(['tenant', 'add', '--db', ctx.db, '--code', 'Fout Code', '--name', 'X']).code, 2);
  assert.equal(cli(['tenant', 'add', '--db', ctx.db, '--code', 'nieuw-zonder-naam']).code, 2);

  // Reference data came with it; the pages carry the municipality's name.
  const areas = await api(WAS, 'GET', '/areas');
  assert.equal(areas.status, 200, show(areas));
  assert.ok((areas.json.items ?? areas.json).length > 0, 'Wassenaar has areas');
  const home = await page(WAS, null, 'GET', '/');
  assert.equal(home.status, 200, show(home));
  assert.match(home.text, /wijzer-brand__place">Wassenaar</);
  assert.match(home.text, /<title>[^<]*Wassenaar<\/title>/);
});

test('several municipalities: an unknown host gets 404 "Onbekende gemeente", never another one\'s data', async () => {
  for (const p of ['/', '/initiatieven', '/initiatieven.csv']) {
    const r = await page('onbekend.test', null, 'GET', p);
    assert.equal(r.status, 404, `${p} ${show(r)}`);
    assert.ok(hasText(r.text, 'Onbekende gemeente'), p);
    assert.ok(!hasText(r.text, 'Leidschendam-Voorburg') && !hasText(r.text, 'Wassenaar'), `${p} names no municipality`);
  }
  const a = await api('127.0.0.1', 'GET', '/initiatives');
  assert.equal(a.status, 404, show(a));
  assert.equal(a.json.error.code, 'unknown_tenant');
  assert.ok(!/Vliet|Stompwijk/.test(a.text));
  // The port is not part of the host; case does not matter.
  assert.equal((await page('LV.test:8080', null, 'GET', '/initiatieven')).status, 200);
  // A load balancer's health check and the stylesheet work under any host.
  assert.equal((await page('10.0.0.7', null, 'GET', '/healthz')).status, 200);
});

test('accounts belong to one municipality: same e-mail, separate people; keys made per municipality', () => {
  cliOk(['user', 'add', '--db', ctx.db, '--email', RESIDENT.email, '--name', RESIDENT.name, '--role', 'resident'],
    { input: PASSWORD + '\n' });
  cliOk(['user', 'add', '--db', ctx.db, '--tenant', 'wassenaar', '--email', RESIDENT.email, '--name', RESIDENT.name,
    '--role', 'resident'], { input: WAS_PASSWORD + '\n' });
  cliOk(['user', 'add', '--db', ctx.db, '--tenant', 'wassenaar', '--email', OFFICIAL_WAS.email, '--name', OFFICIAL_WAS.name,
    '--role', 'official'], { input: WAS_PASSWORD + '\n' });
  ctx.tok = {
    lv: cliOk(['token', 'create', '--db', ctx.db, '--email', RESIDENT.email]).stdout.trim(),
    was: cliOk(['token', 'create', '--db', ctx.db, '--tenant', 'wassenaar', '--email', RESIDENT.email]).stdout.trim(),
    wasOfficial: cliOk(['token', 'create', '--db', ctx.db, '--tenant', 'wassenaar', '--email', OFFICIAL_WAS.email]).stdout.trim(),
  };
  // The official exists only in Wassenaar.
  const r = cli(['token', 'create', '--db', ctx.db, '--email', OFFICIAL_WAS.email]);
  assert.equal(r.code, 1, r.stderr);
  const bad = cli(['user', 'add', '--db', ctx.db, '--tenant', 'atlantis', '--email', 'a@example.nl', '--name', 'A',
    '--role', 'resident'], { input: PASSWORD + '\n' });
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /atlantis/);
  // Settings are per municipality too.
  cliOk(['setting', 'set', '--db', ctx.db, '--tenant', 'wassenaar', '--key', 'deadline.decision_weeks', '--value', '6']);
  assert.match(cliOk(['setting', 'get', '--db', ctx.db, '--tenant', 'wassenaar']).stdout, /decision_weeks=6/);
  assert.match(cliOk(['setting', 'get', '--db', ctx.db]).stdout, /decision_weeks=8/);
});

test('each municipality gets an initiative of its own through the API', async () => {
  ctx.ids = {};
  for (const [key, host] of [['lv', LV], ['was', WAS]]) {
    const m = MINE[key];
    const r = await api(host, 'POST', '/initiatives', {
      token: ctx.tok[key], json: initiative(m.title, `Met de buurt aan de slag: ${m.word} voor iedereen.`),
    });
    assert.equal(r.status, 201, `${host} ${show(r)}`);
    ctx.ids[key] = r.json.id;
  }
  const t = await api(WAS, 'POST', `/initiatives/${ctx.ids.was}/transitions`, {
    token: ctx.tok.wasOfficial, json: { to: 'intake', note: 'Wim pakt het op.' },
  });
  assert.equal(t.status, 200, show(t));
});

test('pages: list, detail, search and CSV show only the own municipality', async () => {
  const demoTitle = DEMO.initiatives[0].title;
  for (const [own, other, host] of [['lv', 'was', LV], ['was', 'lv', WAS]]) {
    const list = await page(host, null, 'GET', '/initiatieven');
    assert.equal(list.status, 200, show(list));
    assert.ok(hasText(list.text, MINE[own].title), `${host} lists its own initiative`);
    assert.ok(!hasText(list.text, MINE[other].title), `${host} list does not show ${MINE[other].title}`);

    assert.equal((await page(host, null, 'GET', `/initiatieven/${ctx.ids[own]}`)).status, 200);
    const foreign = await page(host, null, 'GET', `/initiatieven/${ctx.ids[other]}`);
    assert.equal(foreign.status, 404, `${host} detail of the other municipality's initiative ${show(foreign)}`);
    assert.ok(!hasText(foreign.text, MINE[other].title));

    const hit = await page(host, null, 'GET', `/initiatieven?q=${MINE[own].word}`);
    assert.ok(hasText(hit.text, MINE[own].title), `${host} finds its own by search`);
    const miss = await page(host, null, 'GET', `/initiatieven?q=${MINE[other].word}`);
    assert.equal(miss.status, 200);
    assert.ok(!hasText(miss.text, MINE[other].title), `${host} search does not find the other's`);

    const csv = await page(host, null, 'GET', '/initiatieven.csv');
    assert.equal(csv.status, 200, show(csv));
    assert.ok(csv.text.includes(MINE[own].title), `${host} CSV has its own`);
    assert.ok(!csv.text.includes(MINE[other].title), `${host} CSV lacks the other's`);
    const csvSearch = await page(host, null, 'GET', `/initiatieven.csv?q=${MINE[other].word}`);
    assert.ok(!csvSearch.text.includes(MINE[other].title));
  }
  // Wassenaar got reference data, not Leidschendam-Voorburg's demo initiatives.
  const was = await page(WAS, null, 'GET', '/initiatieven.csv');
  assert.ok(!was.text.includes(demoTitle), 'no demo initiative of LV in Wassenaar');
  assert.equal(was.text.trim().split('\n').length, 2, `Wassenaar's CSV: a header and one row\n${was.text}`);
});

test('API: list, detail, search and timeline show only the own municipality', async () => {
  for (const [own, other, host] of [['lv', 'was', LV], ['was', 'lv', WAS]]) {
    const ids = [];
    for (let p = 1; p < 20; p++) {
      const r = await api(host, 'GET', `/initiatives?per_page=50&page=${p}`);
      assert.equal(r.status, 200, show(r));
      ids.push(...r.json.items.map((i) => i.id));
      if (ids.length >= r.json.total || !r.json.items.length) break;
    }
    assert.ok(ids.includes(ctx.ids[own]), `${host} API lists its own`);
    assert.ok(!ids.includes(ctx.ids[other]), `${host} API does not list the other's`);

    for (const p of [`/initiatives/${ctx.ids[other]}`, `/initiatives/${ctx.ids[other]}/timeline`]) {
      const r = await api(host, 'GET', p);
      assert.equal(r.status, 404, `${host} ${p} ${show(r)}`);
      assert.ok(!r.text.includes(MINE[other].title));
    }
    const tl = await api(host, 'GET', `/initiatives/${ctx.ids[own]}/timeline`);
    assert.equal(tl.status, 200, show(tl));

    const hit = await api(host, 'GET', `/initiatives?q=${MINE[own].word}`);
    assert.deepEqual(hit.json.items.map((i) => i.id), [ctx.ids[own]], `${host} search finds its own ${show(hit)}`);
    const miss = await api(host, 'GET', `/initiatives?q=${MINE[other].word}`);
    assert.equal(miss.json.total, 0, `${host} search for the other's word ${show(miss)}`);
  }
  const was = await api(WAS, 'GET', '/initiatives');
  assert.equal(was.json.total, 1, 'Wassenaar holds exactly its one initiative');
});

test('API writes cannot reach the other municipality\'s initiatives, even by id', async () => {
  const lvDemo = (await api(LV, 'GET', '/initiatives?per_page=1')).json.items[0].id;
  for (const id of [ctx.ids.lv, lvDemo]) {
    const patch = await api(WAS, 'PATCH', `/initiatives/${id}`, { token: ctx.tok.wasOfficial, json: { title: 'Overgenomen' } });
    assert.equal(patch.status, 404, show(patch));
    const step = await api(WAS, 'POST', `/initiatives/${id}/transitions`, { token: ctx.tok.wasOfficial, json: { to: 'intake' } });
    assert.equal(step.status, 404, show(step));
    const help = await api(WAS, 'POST', `/initiatives/${id}/help-requests`, {
      token: ctx.tok.wasOfficial, json: { kind: 'geld', description: 'Mag dit?', amount_cents: 100 },
    });
    assert.equal(help.status, 404, show(help));
  }
  const still = await api(LV, 'GET', `/initiatives/${ctx.ids.lv}`);
  assert.equal(still.json.title, MINE.lv.title);
  assert.equal(still.json.help_requests.length, 1);
});

test('an API key of one municipality is refused by the other', async () => {
  for (const [token, host] of [[ctx.tok.was, LV], [ctx.tok.wasOfficial, LV], [ctx.tok.lv, WAS]]) {
    const r = await api(host, 'POST', '/initiatives', { token, json: initiative('Via de verkeerde gemeente', 'Dit mag niet lukken.') });
    assert.equal(r.status, 401, `${host} ${show(r)}`);
  }
  assert.equal((await api(WAS, 'GET', '/initiatives', { token: ctx.tok.was })).status, 200);
});

test('a session of one municipality is not valid on the other; each account has its own password', async () => {
  const { jar, res } = await login(WAS, RESIDENT.email, WAS_PASSWORD);
  assert.equal(res.status, 303, show(res));
  const mine = await page(WAS, jar, 'GET', '/mijn-initiatieven');
  assert.equal(mine.status, 200, show(mine));
  assert.ok(hasText(mine.text, MINE.was.title));

  // The same cookie sent to the other host: not logged in there.
  const there = await page(LV, jar.clone(), 'GET', '/mijn-initiatieven');
  assert.equal(there.status, 303, show(there));
  assert.match(there.location, /^\/inloggen/);
  // A form post with Wassenaar's session and its CSRF token: refused on LV.
  const form = await page(WAS, jar, 'GET', '/initiatieven/nieuw');
  const csrf = csrfFrom(form.text);
  assert.ok(csrf);
  const post = await page(LV, jar.clone(), 'POST', '/initiatieven', {
    form: { csrf, title: 'Via een andere gemeente', summary: 'Mag niet', description: 'Mag niet', area: 'bovenveen' },
  });
  assert.ok([401, 403].includes(post.status), show(post));
  assert.equal((await api(LV, 'GET', '/initiatives?q=gemeente')).json.items.filter((i) => i.title === 'Via een andere gemeente').length, 0);

  // Wassenaar's password does not open the LV account with the same e-mail, and back.
  assert.equal((await login(LV, RESIDENT.email, WAS_PASSWORD)).res.status !== 303, true);
  assert.equal((await login(LV, RESIDENT.email, PASSWORD)).res.status, 303);
  assert.equal((await login(WAS, RESIDENT.email, PASSWORD)).res.status !== 303, true);
  // Wassenaar's official cannot log in on LV at all.
  assert.notEqual((await login(LV, OFFICIAL_WAS.email, WAS_PASSWORD)).res.status, 303);
});
