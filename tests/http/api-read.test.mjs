// The public read side of the JSON API: areas, the list with search,
// filters and pages, one initiative, its timeline, and 404s.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useServer, api, request, show, assertError, assertFields, listAll, findDemo, demoInitiatives, demoPerson,
  areaCode, personName, STATES,
} from './lib.mjs';

const ctx = useServer();
const demo = demoInitiatives();
let areas;

const titles = (items) => items.map((i) => i.title).sort();

test('GET /healthz answers 200', async () => {
  const r = await request(ctx.base, 'GET', '/healthz');
  assert.equal(r.status, 200, show(r));
});

test('GET /api/v1/areas gives every wijk and buurt with kind and parent', async () => {
  const r = await api(ctx, 'GET', '/areas');
  assert.equal(r.status, 200, show(r));
  assert.match(r.headers.get('content-type'), /^application\/json/);
  assert.ok(Array.isArray(r.json.items), show(r));
  areas = r.json.items;
  const byCode = new Map(areas.map((a) => [a.code, a]));
  for (const a of areas) {
    assert.equal(typeof a.code, 'string');
    assert.equal(typeof a.name, 'string');
    assert.ok(a.name.length > 0);
    assert.ok(a.kind === 'wijk' || a.kind === 'buurt', `kind of ${a.code} is wijk|buurt, got ${a.kind}`);
    assert.ok('parent' in a, `${a.code} has a parent member`);
    if (a.kind === 'wijk') {
      assert.ok(a.parent === null || a.parent === '', `a wijk has no parent: ${JSON.stringify(a)}`);
    } else {
      assert.ok(byCode.has(a.parent), `parent of buurt ${a.code} is a known area: ${a.parent}`);
      assert.equal(byCode.get(a.parent).kind, 'wijk', `parent of buurt ${a.code} is a wijk`);
    }
  }
  // Reference data of Leidschendam-Voorburg.
  const wijken = areas.filter((a) => a.kind === 'wijk').map((a) => a.code);
  for (const w of ['voorburg-noord', 'oud-voorburg', 'voorburg-west', 'voorburg-midden', 'leidschendam-centrum',
    'leidschendam-noord', 'leidschendam-zuid', 'stompwijk']) assert.ok(wijken.includes(w), `wijk ${w}`);
  assert.equal(byCode.get('bovenveen').kind, 'buurt');
  assert.equal(byCode.get('bovenveen').parent, 'voorburg-noord');
  assert.equal(byCode.get('bovenveen').name, 'Bovenveen');
  // Every demo initiative's area exists.
  for (const i of demo) assert.ok(byCode.has(i.area), `area ${i.area}`);
});

test('GET /api/v1/initiatives lists the demo initiatives with a total', async () => {
  const r = await api(ctx, 'GET', '/initiatives');
  assert.equal(r.status, 200, show(r));
  assert.match(r.headers.get('content-type'), /^application\/json/);
  assert.ok(Array.isArray(r.json.items), show(r));
  assert.equal(typeof r.json.total, 'number');
  assert.equal(r.json.total, demo.length, 'total counts every demo initiative');
  assert.ok(r.json.items.length > 0 && r.json.items.length <= r.json.total);
  for (const it of r.json.items) {
    assert.ok(Number.isInteger(it.id) && it.id > 0, `item has an integer id: ${JSON.stringify(it)}`);
    assert.equal(typeof it.title, 'string');
    assert.ok(STATES.includes(it.state), `state ${it.state}`);
    assert.ok(typeof areaCode(it) === 'string', `item names its area: ${JSON.stringify(it)}`);
  }
});

test('the list states each initiative as the demo history left it', async () => {
  const { items, total } = await listAll(ctx);
  assert.equal(items.length, total);
  assert.deepEqual(titles(items), demo.map((d) => d.title).sort());
  for (const d of demo) {
    const it = items.find((i) => i.title === d.title);
    assert.equal(it.state, d.state, `state of "${d.title}"`);
    assert.equal(areaCode(it), d.area, `area of "${d.title}"`);
  }
});

test('demo content: at least 30 initiatives across every wijk, in varied states, with timelines and help requests', async () => {
  assert.ok(areas, 'areas test ran');
  const { items } = await listAll(ctx);
  assert.ok(items.length >= 30);
  const wijkOf = (code) => { const a = areas.find((x) => x.code === code); return a.kind === 'wijk' ? a.code : a.parent; };
  const wijken = new Set(items.map((i) => wijkOf(areaCode(i))));
  assert.deepEqual([...wijken].sort(), areas.filter((a) => a.kind === 'wijk').map((a) => a.code).sort(), 'every wijk has initiatives');
  const states = new Set(items.map((i) => i.state));
  assert.ok(states.size >= 8, `varied states: ${[...states]}`);
  let withHelp = 0, withContact = 0;
  for (const it of items) {
    const tl = await api(ctx, 'GET', `/initiatives/${it.id}/timeline`);
    assert.ok(tl.json.items.length >= 1, `"${it.title}" has a timeline`);
    const o = (await api(ctx, 'GET', `/initiatives/${it.id}`)).json;
    if (o.help_requests.length) withHelp++;
    if (o.contact && o.contact.name) withContact++;
    assert.ok(!/lorem|ipsum/i.test(JSON.stringify(o)), 'no lorem ipsum');
  }
  assert.ok(withHelp >= items.length / 2, `most have help requests (${withHelp})`);
  assert.ok(withContact >= 10, `many have an official as contact (${withContact})`);
});

test('page and per_page split the list; total stays the same', async () => {
  const seen = new Set();
  const first = await api(ctx, 'GET', '/initiatives?per_page=7&page=1');
  assert.equal(first.status, 200, show(first));
  const total = first.json.total;
  const pages = Math.ceil(total / 7);
  for (let p = 1; p <= pages; p++) {
    const r = await api(ctx, 'GET', `/initiatives?per_page=7&page=${p}`);
    assert.equal(r.status, 200, show(r));
    assert.equal(r.json.total, total, `total on page ${p}`);
    assert.equal(r.json.items.length, p < pages ? 7 : total - 7 * (pages - 1), `items on page ${p}`);
    for (const it of r.json.items) {
      assert.ok(!seen.has(it.id), `id ${it.id} appears on one page only`);
      seen.add(it.id);
    }
  }
  assert.equal(seen.size, total);
  const beyond = await api(ctx, 'GET', `/initiatives?per_page=7&page=${pages + 1}`);
  assert.equal(beyond.status, 200, show(beyond));
  assert.deepEqual(beyond.json.items, []);
  assert.equal(beyond.json.total, total);
});

test('search: "speeltuinen" finds the initiatives about a speeltuin, title hit first, with a <mark> snippet', async () => {
  const r = await api(ctx, 'GET', '/initiatives?q=speeltuinen');
  assert.equal(r.status, 200, show(r));
  const expected = demo.filter((d) => /speeltuin/i.test(`${d.title} ${d.summary} ${d.description}`));
  assert.ok(expected.length >= 2);
  assert.deepEqual(titles(r.json.items), expected.map((d) => d.title).sort(), show(r));
  assert.equal(r.json.total, expected.length);
  // bm25 with the title weighted most: the one named after its speeltuin comes first.
  assert.equal(r.json.items[0].title, 'Speeltuin Het Loo opknappen met de buurt');
  for (const it of r.json.items) {
    assert.equal(typeof it.snippet, 'string', `search hit has a snippet: ${JSON.stringify(it)}`);
    assert.match(it.snippet, /<mark>[^<]*speeltuin[^<]*<\/mark>/i, `snippet highlights the match: ${it.snippet}`);
  }
});

test('search: the singular "speeltuin" finds the same initiatives', async () => {
  const a = await api(ctx, 'GET', '/initiatives?q=speeltuin');
  const b = await api(ctx, 'GET', '/initiatives?q=speeltuinen');
  assert.equal(a.status, 200, show(a));
  assert.deepEqual(titles(a.json.items), titles(b.json.items));
});

test('search: several words, a word with no hit, and FTS syntax characters', async () => {
  const none = await api(ctx, 'GET', '/initiatives?q=' + encodeURIComponent('xylofoonorkestwedstrijd'));
  assert.equal(none.status, 200, show(none));
  assert.equal(none.json.total, 0);
  assert.deepEqual(none.json.items, []);
  // Two words: both must be about the same initiative (moestuin in Bovenveen).
  const two = await api(ctx, 'GET', '/initiatives?q=' + encodeURIComponent('moestuin bovenveen'));
  assert.equal(two.status, 200, show(two));
  assert.ok(two.json.items.some((i) => i.title === 'Buurtmoestuin Bovenveen'), show(two));
  // Characters that mean something to FTS5 are just text to the user.
  for (const q of ['speeltuin"', 'speeltuin AND (', '"', '*', 'NEAR(a b)', 'speel-tuin', "o'neill", ':', '^x']) {
    const r = await api(ctx, 'GET', '/initiatives?q=' + encodeURIComponent(q));
    assert.equal(r.status, 200, `q=${q} ${show(r)}`);
    assert.ok(Array.isArray(r.json.items));
  }
});

test('filter area: a wijk includes its buurten; a buurt only itself', async () => {
  assert.ok(areas, 'areas test ran');
  const parentOf = new Map(areas.map((a) => [a.code, a.parent]));
  const inWijk = (code, wijk) => code === wijk || parentOf.get(code) === wijk;
  const r = await api(ctx, 'GET', '/initiatives?area=voorburg-noord&per_page=50');
  assert.equal(r.status, 200, show(r));
  const expected = demo.filter((d) => inWijk(d.area, 'voorburg-noord'));
  assert.ok(expected.some((d) => d.area !== 'voorburg-noord'), 'the demo has buurt-level initiatives here');
  assert.deepEqual(titles(r.json.items), expected.map((d) => d.title).sort());
  assert.equal(r.json.total, expected.length);
  for (const it of r.json.items) assert.ok(inWijk(areaCode(it), 'voorburg-noord'), areaCode(it));

  const b = await api(ctx, 'GET', '/initiatives?area=bovenveen&per_page=50');
  assert.equal(b.status, 200, show(b));
  assert.deepEqual(titles(b.json.items), demo.filter((d) => d.area === 'bovenveen').map((d) => d.title).sort());
});

test('filter theme and state, alone and together with q and area', async () => {
  const g = await api(ctx, 'GET', '/initiatives?theme=groen&per_page=50');
  assert.equal(g.status, 200, show(g));
  assert.deepEqual(titles(g.json.items), demo.filter((d) => d.themes.includes('groen')).map((d) => d.title).sort());
  assert.equal(g.json.total, demo.filter((d) => d.themes.includes('groen')).length);

  const s = await api(ctx, 'GET', '/initiatives?state=ingediend&per_page=50');
  assert.equal(s.status, 200, show(s));
  const ingediend = demo.filter((d) => d.state === 'ingediend');
  assert.ok(ingediend.length > 0);
  assert.deepEqual(titles(s.json.items), ingediend.map((d) => d.title).sort());
  for (const it of s.json.items) assert.equal(it.state, 'ingediend');

  const both = await api(ctx, 'GET', '/initiatives?theme=ontmoeting&state=in_uitvoering&per_page=50');
  assert.equal(both.status, 200, show(both));
  assert.deepEqual(titles(both.json.items),
    demo.filter((d) => d.themes.includes('ontmoeting') && d.state === 'in_uitvoering').map((d) => d.title).sort());

  const qa = await api(ctx, 'GET', '/initiatives?q=speeltuinen&area=voorburg-noord');
  assert.equal(qa.status, 200, show(qa));
  assert.deepEqual(titles(qa.json.items), ['Speeltuin Het Loo opknappen met de buurt']);
  assert.equal(qa.json.total, 1);

  const qs = await api(ctx, 'GET', '/initiatives?q=speeltuinen&state=ingediend');
  assert.equal(qs.status, 200, show(qs));
  for (const it of qs.json.items) assert.equal(it.state, 'ingediend');
});

test('bad page, per_page or state: 422 naming the field', async () => {
  for (const [query, field] of [
    ['per_page=0', 'per_page'], ['per_page=abc', 'per_page'], ['per_page=-5', 'per_page'],
    ['per_page=100000', 'per_page'], ['page=0', 'page'], ['page=abc', 'page'], ['page=-1', 'page'],
    ['state=onzin', 'state'], ['state=INGEDIEND', 'state'],
  ]) {
    const r = await api(ctx, 'GET', `/initiatives?${query}`);
    assertFields(r, [field], `GET /initiatives?${query}`);
  }
});

test('GET /api/v1/initiatives/{id}: help requests, contact and deadline', async () => {
  // In intake: the official who did intake is the contact.
  const d = demo.find((x) => x.title === 'Meer bankjes langs de Vliet');
  assert.equal(d.state, 'intake');
  const it = await findDemo(ctx, d.title);
  const r = await api(ctx, 'GET', `/initiatives/${it.id}`);
  assert.equal(r.status, 200, show(r));
  const o = r.json;
  assert.equal(o.id, it.id);
  assert.equal(o.title, d.title);
  assert.equal(o.summary, d.summary);
  assert.equal(o.state, 'intake');
  assert.equal(areaCode(o), d.area);
  assert.ok(Array.isArray(o.help_requests), 'help_requests is an array');
  assert.equal(o.help_requests.length, (d.help_requests || []).length);
  for (const h of o.help_requests) {
    assert.equal(typeof (typeof h.kind === 'object' ? h.kind.code : h.kind), 'string');
    assert.equal(typeof h.description, 'string');
    assert.ok(['open', 'toegezegd', 'geleverd', 'afgewezen'].includes(h.state), `help state ${h.state}`);
    assert.ok(h.amount_cents === null || h.amount_cents === undefined || Number.isInteger(h.amount_cents));
  }
  const intake = [...d.history].reverse().find((h) => h.to === 'intake');
  assert.ok(o.contact && typeof o.contact === 'object', `contact object: ${show(r)}`);
  assert.equal(o.contact.name, demoPerson(d.contact || intake.by).name, 'contact is the official chosen at intake');
  assert.ok(o.deadline && typeof o.deadline === 'object', `deadline object: ${show(r)}`);
  for (const k of ['state', 'due', 'overdue']) assert.ok(k in o.deadline, `deadline.${k}: ${JSON.stringify(o.deadline)}`);
  assert.match(String(o.deadline.due), /^\d{4}-\d{2}-\d{2}/);
  assert.equal(typeof o.deadline.overdue, 'boolean');
  // The decision term (8 weeks) runs from the day it was submitted.
  const submitted = d.history.find((h) => h.to === 'ingediend');
  const due = new Date(Date.now() - submitted.days_ago * 86400000 + 56 * 86400000).toISOString().slice(0, 10);
  const dueDay = Date.parse(o.deadline.due.slice(0, 10)) / 86400000;
  assert.ok(Math.abs(dueDay - Date.parse(due) / 86400000) <= 1, `due ${o.deadline.due}, expected about ${due}`);
  const today = Math.floor(Date.now() / 86400000);
  if (Math.abs(dueDay - today) > 1) assert.equal(o.deadline.overdue, dueDay < today, 'overdue once the due day has passed');
});

test('GET one: help requests of a demo initiative as the demo file has them', async () => {
  const d = demo.find((x) => (x.help_requests || []).some((h) => h.amount_cents));
  assert.ok(d, 'a demo initiative asks for money');
  const it = await findDemo(ctx, d.title);
  const r = await api(ctx, 'GET', `/initiatives/${it.id}`);
  assert.equal(r.status, 200, show(r));
  const kinds = (h) => (typeof h.kind === 'object' ? h.kind.code : h.kind);
  assert.deepEqual(r.json.help_requests.map(kinds).sort(), d.help_requests.map((h) => h.kind).sort());
  for (const h of d.help_requests) {
    const got = r.json.help_requests.find((x) => kinds(x) === h.kind && x.description === h.description);
    assert.ok(got, `help request ${h.kind} ${h.description}`);
    if (h.amount_cents) assert.equal(got.amount_cents, h.amount_cents);
    if (h.state) assert.equal(got.state, h.state);
  }
});

test('GET one: a state that does not wait on the municipality has no running deadline', async () => {
  const d = demo.find((x) => x.state === 'afgerond');
  const it = await findDemo(ctx, d.title);
  const r = await api(ctx, 'GET', `/initiatives/${it.id}`);
  assert.equal(r.status, 200, show(r));
  assert.ok(!r.json.deadline || r.json.deadline.due == null || r.json.deadline.overdue === false,
    `no deadline for afgerond: ${JSON.stringify(r.json.deadline)}`);
});

test('GET /api/v1/initiatives/{id}/timeline: every step in order with from, to, by and note', async () => {
  const d = demo.find((x) => x.title === 'Speeltuin Het Loo opknappen met de buurt');
  const it = await findDemo(ctx, d.title);
  const r = await api(ctx, 'GET', `/initiatives/${it.id}/timeline`);
  assert.equal(r.status, 200, show(r));
  let items = r.json.items;
  assert.ok(Array.isArray(items));
  // The demo may start where real use starts: shared as an idea first.
  if (items.length === d.history.length + 1 && items[0].to === 'idee') {
    assert.equal(items[0].from, null);
    assert.equal(personName(items[0].by), demoPerson(d.initiator).name);
    items = items.slice(1);
  }
  assert.equal(items.length, d.history.length, show(r));
  let prev = r.json.items.length > items.length ? 'idee' : null, prevAt = '';
  d.history.forEach((h, i) => {
    const e = items[i];
    for (const k of ['at', 'from', 'to', 'by', 'note']) assert.ok(k in e, `timeline item has ${k}: ${JSON.stringify(e)}`);
    assert.equal(e.to, h.to, `step ${i} to`);
    assert.equal(e.from, prev, `step ${i} from`);
    assert.equal(e.note, h.note, `step ${i} note`);
    assert.equal(personName(e.by), demoPerson(h.by).name, `step ${i} by`);
    assert.match(e.at, /^\d{4}-\d{2}-\d{2}/);
    assert.ok(e.at >= prevAt, 'in time order');
    // The demo's "days ago" is when it happened.
    const ago = (Date.now() - Date.parse(e.at)) / 86400000;
    assert.ok(Math.abs(ago - h.days_ago) <= 1.01, `step ${i} at ${e.at}, ${h.days_ago} days ago`);
    prev = e.to;
    prevAt = e.at;
  });
  assert.equal(prev, d.state, 'the last step is the current state');
});

test('unknown initiative or path: 404 with the error shape', async () => {
  for (const p of ['/initiatives/999999', '/initiatives/999999/timeline', '/initiatives/abc', '/initiatives/0',
    '/initiatives/-1', '/nergens', '/initiatives/1/nergens']) {
    assertError(await api(ctx, 'GET', p), 404, `GET /api/v1${p}`);
  }
});
