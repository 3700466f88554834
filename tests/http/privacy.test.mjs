// Privacy: an initiator's e-mail address and phone number are never on a
// public page nor in the public API; the name only when she chose so.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useServer, api, page, request, login, show, USERS, DEMO, demoInitiatives, demoPerson, listAll, findDemo,
} from './lib.mjs';

const ctx = useServer();
const demo = demoInitiatives();

// Everything that identifies an initiator beyond a name.
const initiatorEmails = [...new Set(demo.map((d) => d.initiator))];
const phones = DEMO.residents.map((r) => r.phone).filter(Boolean);
const EMAIL = /[\w.+-]+@[\w-]+(\.[\w-]+)+/;

function assertNoPersonalData(text, where) {
  assert.ok(!text.includes('@example.nl'), `${where}: an @example.nl address`);
  for (const e of initiatorEmails) assert.ok(!text.includes(e), `${where}: ${e}`);
  for (const e of [USERS.resident.email, USERS.resident2.email]) assert.ok(!text.includes(e), `${where}: ${e}`);
  for (const p of phones) {
    assert.ok(!text.includes(p) && !text.includes(p.replace('-', '')), `${where}: phone ${p}`);
  }
}

// Walks a JSON value for members that look like contact data.
function assertNoContactMembers(v, where, path = '') {
  if (Array.isArray(v)) return v.forEach((x, i) => assertNoContactMembers(x, where, `${path}[${i}]`));
  if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      assert.ok(!/e-?mail|phone|telefoon/i.test(k), `${where}: member ${path}.${k}`);
      assertNoContactMembers(x, where, `${path}.${k}`);
    }
  } else if (typeof v === 'string') {
    assert.ok(!EMAIL.test(v) || /leidschendam-voorburg\.example/.test(v), `${where}: ${path} holds an e-mail address: ${v}`);
  }
}

let ids;

test('API list, every initiative and every timeline: no initiator e-mail or phone', async () => {
  const { items } = await listAll(ctx);
  ids = items.map((i) => i.id);
  assert.equal(ids.length, demo.length);
  const list = await api(ctx, 'GET', '/initiatives?per_page=100');
  const text = list.status === 200 ? list.text : JSON.stringify(items);
  assertNoPersonalData(text, 'list');
  assertNoContactMembers(JSON.parse(text), 'list');
  for (const id of ids) {
    for (const p of [`/initiatives/${id}`, `/initiatives/${id}/timeline`]) {
      const r = await api(ctx, 'GET', p);
      assert.equal(r.status, 200, `${p} ${show(r)}`);
      assertNoPersonalData(r.text, p);
      assertNoContactMembers(r.json, p);
    }
  }
  for (const q of ['speeltuinen', 'example', 'nl', '06']) {
    const r = await api(ctx, 'GET', `/initiatives?q=${q}&per_page=100`);
    assertNoPersonalData(r.text, `search ${q}`);
  }
});

test('the same with a token: reading with an official\'s or resident\'s key shows no contact data either', async () => {
  for (const who of ['official', 'resident']) {
    for (const id of ids.slice(0, 10)) {
      const r = await api(ctx, 'GET', `/initiatives/${id}`, { token: ctx.tokens[who] });
      assert.equal(r.status, 200);
      assertNoPersonalData(r.text, `${who} /initiatives/${id}`);
    }
  }
});

test('HTML: home, every list page, every initiative page and the CSV hold no e-mail or phone', async () => {
  const urls = ['/', '/initiatieven', '/initiatieven?q=speeltuinen', '/initiatieven.csv'];
  for (let p = 2; p <= 5; p++) urls.push(`/initiatieven?page=${p}`);
  for (const id of ids) urls.push(`/initiatieven/${id}`);
  for (const u of urls) {
    const r = await request(ctx.base, 'GET', u);
    assert.equal(r.status, 200, `${u} ${show(r)}`);
    assertNoPersonalData(r.text, u);
  }
});

test('a demo initiative whose initiator hid her name: not in the API, the timeline, the page or the CSV', async () => {
  const hidden = demo.filter((d) => !d.show_name);
  assert.ok(hidden.length > 0);
  let checked = 0;
  for (const d of hidden) {
    const name = demoPerson(d.initiator).name;
    // The same person may show her name on another initiative: only this one counts.
    const it = await findDemo(ctx, d.title);
    assert.ok(!JSON.stringify(it).includes(name), `list item of "${d.title}" holds ${name}`);
    for (const p of [`/initiatives/${it.id}`, `/initiatives/${it.id}/timeline`]) {
      const r = await api(ctx, 'GET', p);
      assert.ok(!r.text.includes(name), `${p} ("${d.title}") holds the hidden name ${name}: ${show(r)}`);
    }
    const html = await page(ctx, null, 'GET', `/initiatieven/${it.id}`);
    assert.ok(!html.text.includes(name), `page of "${d.title}" holds the hidden name ${name}`);
    checked++;
  }
  assert.equal(checked, hidden.length);
});

test('show_name=false on a new initiative hides the name everywhere; true shows it', async () => {
  const mk = (token, show_name, title) => api(ctx, 'POST', '/initiatives', {
    token, json: {
      title, summary: 'Een plan om de buren beter te leren kennen in de straat.', area: 'damsigt', themes: ['ontmoeting'],
      show_name,
    },
  });
  const hid = await mk(ctx.tokens.resident2, false, 'Straatfeest zonder naam');
  assert.equal(hid.status, 201, show(hid));
  const vis = await mk(ctx.tokens.resident, true, 'Straatfeest met naam');
  assert.equal(vis.status, 201, show(vis));
  const hiddenName = USERS.resident2.name, shownName = USERS.resident.name;
  // Also after an official acted on it, the timeline keeps her name out.
  const t = await api(ctx, 'POST', `/initiatives/${hid.json.id}/transitions`, { token: ctx.tokens.official, json: { to: 'intake', note: 'Welkom.' } });
  assert.equal(t.status, 200, show(t));
  assert.ok(!hid.text.includes(hiddenName), `the 201 answer is public data too: ${show(hid)}`);
  for (const p of [`/initiatives/${hid.json.id}`, `/initiatives/${hid.json.id}/timeline`, '/initiatives?q=straatfeest',
    '/initiatives?area=damsigt&per_page=100']) {
    const r = await api(ctx, 'GET', p);
    assert.equal(r.status, 200);
    const j = r.json.items ? { ...r.json, items: r.json.items.filter((x) => x.id !== vis.json.id) } : r.json;
    assert.ok(!JSON.stringify(j).includes(hiddenName), `${p} holds the hidden name: ${show(r)}`);
  }
  const pg = await page(ctx, null, 'GET', `/initiatieven/${hid.json.id}`);
  assert.equal(pg.status, 200);
  assert.ok(!pg.text.includes(hiddenName), 'the page holds the hidden name');
  assertNoPersonalData(pg.text, 'new page');
  const list = await page(ctx, null, 'GET', '/initiatieven?q=straatfeest');
  assert.ok(list.text.includes('Straatfeest zonder naam'));
  assert.ok(!list.text.includes(hiddenName), 'the list page holds the hidden name');
  const csv = await request(ctx.base, 'GET', '/initiatieven.csv?q=straatfeest');
  assert.ok(!csv.text.includes(hiddenName), 'the CSV holds the hidden name');
  // The positive control: a name the initiator chose to show is shown.
  const v = await api(ctx, 'GET', `/initiatives/${vis.json.id}`);
  assert.ok(v.text.includes(shownName), `show_name=true shows the name: ${show(v)}`);
  const vp = await page(ctx, null, 'GET', `/initiatieven/${vis.json.id}`);
  assert.ok(vp.text.includes(shownName), 'and on the page');
  // Public pages never show the initiator's e-mail, even to herself logged in.
  const jar = await login(ctx, USERS.resident2.email);
  const own = await page(ctx, jar, 'GET', `/initiatieven/${hid.json.id}`);
  assert.ok(!own.text.includes(USERS.resident2.email), 'no e-mail on the public page');
});

test('changing show_name later takes the name off', async () => {
  const c = await api(ctx, 'POST', '/initiatives', {
    token: ctx.tokens.resident, json: {
      title: 'Later anoniem', summary: 'Eerst met naam, daarna zonder naam getoond.', area: 'fonteijn', show_name: true,
    },
  });
  assert.equal(c.status, 201, show(c));
  assert.ok((await api(ctx, 'GET', `/initiatives/${c.json.id}`)).text.includes(USERS.resident.name));
  const p = await api(ctx, 'PATCH', `/initiatives/${c.json.id}`, { token: ctx.tokens.resident, json: { show_name: false } });
  assert.equal(p.status, 200, show(p));
  for (const u of [`/initiatives/${c.json.id}`, `/initiatives/${c.json.id}/timeline`]) {
    const r = await api(ctx, 'GET', u);
    assert.ok(!r.text.includes(USERS.resident.name), `${u} ${show(r)}`);
  }
  const pg = await page(ctx, null, 'GET', `/initiatieven/${c.json.id}`);
  assert.ok(!pg.text.includes(USERS.resident.name));
});
