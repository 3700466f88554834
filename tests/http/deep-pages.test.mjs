// Deep lists: pages reach only the newest LIST_OFFSET_MAX initiatives (the
// list page says so and keeps its search form; the API answers 400 and
// points at the cursor), and `after` walks a whole list by keyset. A
// database of the demo plus 600 generated initiatives: more than one
// batch of the CSV download (500 rows) and many cursor batches.
import fs from 'node:fs';
import path from 'node:path';
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { ROOT, cli, newDatabase, serve, tempDir, request, show, assertError, assertFields, hasText } from './lib.mjs';

// The one constant of the domain (src/domain/initiatives.h), so the tests
// follow it when it changes.
const CAP = Number(fs.readFileSync(path.join(ROOT, 'src/domain/initiatives.h'), 'utf8')
  .match(/LIST_OFFSET_MAX = (\d+)/)[1]);
const PER_PAGE = 20; // the list page
const PAST = CAP / PER_PAGE + 1; // the first page out of reach

const ctx = {};
before(async () => {
  ctx.dir = tempDir();
  ctx.db = newDatabase(ctx.dir);
  const r = cli(['init', '--db', ctx.db, '--demo', '--scale', '600'], { timeout: 120_000 });
  assert.equal(r.code, 0, r.stderr);
  ctx.server = await serve(ctx.db);
  ctx.base = ctx.server.base;
});
after(async () => {
  if (ctx.server) {
    const { code, signal } = await ctx.server.stop();
    assert.equal(signal, null, ctx.server.stderr());
    assert.equal(code, 0, ctx.server.stderr());
  }
  if (ctx.dir) fs.rmSync(ctx.dir, { recursive: true, force: true });
});

const get = (p) => request(ctx.base, 'GET', p);
const apiGet = (p) => get('/api/v1' + p);

// Every item of a list by page number (within the reach here).
async function byPages(query) {
  const ids = [];
  for (let p = 1; ; p++) {
    const r = await apiGet(`/initiatives?${query}&per_page=100&page=${p}`);
    assert.equal(r.status, 200, show(r));
    ids.push(...r.json.items.map((i) => i.id));
    if (ids.length >= r.json.total || !r.json.items.length) return { ids, total: r.json.total };
  }
}

// Follows "next" from the first batch; returns the ids and the batches.
async function walk(first) {
  const ids = [];
  let url = '/api/v1' + first, batches = 0;
  while (url) {
    assert.ok(url.startsWith('/api/v1/initiatives?'), url);
    const r = await get(url);
    assert.equal(r.status, 200, `${url} ${show(r)}`);
    assert.ok('next' in r.json, `${url} has next`);
    ids.push(...r.json.items.map((i) => i.id));
    url = r.json.next;
    if (url) assert.ok(r.json.items.length > 0, 'a batch with a next is not empty');
    assert.ok(++batches < 500, 'the walk ends');
  }
  return { ids, batches };
}

test('the list page past the reach: 400, a plain message, the search form and the last page', async () => {
  const r = await get(`/initiatieven?page=${PAST}`);
  assert.equal(r.status, 400, show(r));
  assert.match(r.headers.get('content-type'), /^text\/html/);
  assert.ok(hasText(r.text, 'Zo ver terugbladeren kan niet.'), show(r));
  assert.ok(hasText(r.text, 'Zoek op een woord, of kies een wijk, thema of status'), show(r));
  assert.match(r.text, /<form class="wijzer-filters" method="get" action="\/initiatieven" role="search"/);
  for (const name of ['q', 'area', 'theme', 'state']) assert.match(r.text, new RegExp(`name="${name}"`), name);
  const all = await apiGet('/initiatives?per_page=1');
  const last = Math.ceil(Math.min(all.json.total, CAP) / PER_PAGE);
  assert.ok(last > 1);
  assert.match(r.text, new RegExp(`href="/initiatieven\\?page=${last}">Naar pagina ${last}, de laatste pagina</a>`));
  assert.doesNotMatch(r.text, /wijzer-cards/, 'no list');
  // The last page the link names is a normal page with items.
  const l = await get(`/initiatieven?page=${last}`);
  assert.equal(l.status, 200, show(l));
  assert.match(l.text, /class="wijzer-cards"/);
  // Any page number further on, however large, gets the same answer.
  for (const p of [PAST + 1, 100000, 100001, 2 ** 40]) {
    const x = await get(`/initiatieven?page=${p}`);
    assert.equal(x.status, 400, `page=${p} ${show(x)}`);
    assert.ok(hasText(x.text, 'Zo ver terugbladeren kan niet.'), `page=${p}`);
  }
  // The last page within reach is a page (past the end here: empty, 200).
  const edge = await get(`/initiatieven?page=${PAST - 1}`);
  assert.equal(edge.status, 200, show(edge));
  assert.ok(!hasText(edge.text, 'Zo ver terugbladeren kan niet.'));
});

test('past the reach with filters and a word: the form keeps them, the link goes to their last page', async () => {
  const r = await get(`/initiatieven?area=voorburg-noord&theme=groen&page=${PAST}`);
  assert.equal(r.status, 400, show(r));
  assert.match(r.text, /<option value="voorburg-noord" selected/);
  assert.match(r.text, /<option value="groen" selected/);
  const f = await apiGet('/initiatives?area=voorburg-noord&theme=groen&per_page=1');
  const last = Math.max(1, Math.ceil(f.json.total / PER_PAGE));
  const link = last > 1 ? `href="/initiatieven?area=voorburg-noord&amp;theme=groen&amp;page=${last}"`
    : 'href="/initiatieven?area=voorburg-noord&amp;theme=groen"';
  assert.ok(r.text.includes(link), `${link} in ${show(r)}`);
  const q = await get(`/initiatieven?q=speeltuin&page=${PAST}`);
  assert.equal(q.status, 400, show(q));
  assert.match(q.text, /name="q"[^>]*value="speeltuin"|value="speeltuin"[^>]*name="q"/);
  assert.ok(hasText(q.text, 'Zo ver terugbladeren kan niet.'));
});

test('the pager never links past the reach', async () => {
  const r = await get('/initiatieven?page=2');
  assert.equal(r.status, 200, show(r));
  const pages = [...r.text.matchAll(/href="\/initiatieven\?page=(\d+)"/g)].map((m) => Number(m[1]));
  assert.ok(pages.length > 0);
  for (const p of pages) assert.ok(p <= CAP / PER_PAGE, `link to page ${p}`);
});

test('API: a page past the reach is 400 with a Dutch message naming page and the cursor', async () => {
  for (const q of [`page=${CAP / 100 + 1}&per_page=100`, `page=${PAST}`, `page=${CAP + 1}&per_page=1&area=bovenveen`,
    'page=2147483647&per_page=100']) {
    const r = await apiGet(`/initiatives?${q}`);
    const err = assertError(r, 400, q);
    assert.equal(err.code, 'too_deep');
    assert.ok(err.fields && typeof err.fields.page === 'string', show(r));
    assert.match(err.fields.page, /after/, 'points at the cursor');
    assert.match(err.message, /terugbladeren/);
  }
  // The last page within reach is answered (empty here: past the end).
  const ok = await apiGet(`/initiatives?page=${CAP / 100}&per_page=100`);
  assert.equal(ok.status, 200, show(ok));
  assert.deepEqual(ok.json.items, []);
  assert.equal(ok.json.next, null);
});

test('API cursor: a filtered walk gives every item once, newest first, and ends with next null', async () => {
  for (const filter of ['area=voorburg-noord', 'theme=groen', 'state=afgerond', 'area=leidschendam-zuid&theme=groen', '']) {
    const { ids: expected } = await byPages(filter);
    assert.ok(expected.length > 0, `${filter} has items`);
    const { ids, batches } = await walk(`/initiatives?${filter}${filter ? '&' : ''}per_page=7`);
    assert.deepEqual(ids, expected, `walk over ${filter}`);
    assert.equal(new Set(ids).size, ids.length, 'each once');
    for (let i = 1; i < ids.length; i++) assert.ok(ids[i] < ids[i - 1], 'newest first');
    assert.equal(batches, Math.max(1, Math.ceil(expected.length / 7)), `${filter}: no empty batch at the end`);
  }
  // next carries the filters and the batch size.
  const r = await apiGet('/initiatives?theme=groen&state=afgerond&per_page=2');
  assert.equal(r.status, 200, show(r));
  assert.match(r.json.next, /^\/api\/v1\/initiatives\?after=\d+&per_page=2&theme=groen&state=afgerond$/);
  const b = await get(r.json.next);
  assert.equal(b.status, 200, show(b));
  assert.equal(b.json.per_page, 2);
  assert.ok(!('page' in b.json) && !('total' in b.json), 'a cursor batch has no page or total');
  for (const it of b.json.items) assert.ok(it.id < r.json.items[1].id);
});

test('API cursor: after an id that is not in the list, and past the end', async () => {
  const { ids } = await byPages('area=bovenveen');
  const r = await apiGet(`/initiatives?area=bovenveen&after=${ids[0] + 1000000}&per_page=100`);
  assert.equal(r.status, 200, show(r));
  assert.deepEqual(r.json.items.map((i) => i.id), ids.slice(0, 100));
  const end = await apiGet(`/initiatives?area=bovenveen&after=${ids[ids.length - 1]}`);
  assert.equal(end.status, 200, show(end));
  assert.deepEqual(end.json.items, []);
  assert.equal(end.json.next, null);
});

test('API cursor: not with a search, not with page; a bad after is 422', async () => {
  const q = await apiGet('/initiatives?q=speeltuin&after=100');
  const err = assertError(q, 400, 'after + q');
  assert.ok(err.fields && /page/.test(err.fields.after), show(q));
  const p = await apiGet('/initiatives?page=2&after=100');
  assertError(p, 400, 'after + page');
  for (const v of ['abc', '0', '-3', '1.5']) assertFields(await apiGet(`/initiatives?after=${v}`), ['after'], `after=${v}`);
  // A search is ranked: its answer offers no cursor.
  const s = await apiGet('/initiatives?q=speeltuin');
  assert.equal(s.status, 200, show(s));
  assert.ok(!('next' in s.json), 'no next for a search');
});

test('the CSV download is whole: more rows than one batch, every item once, newest first', async () => {
  const { ids, total } = await byPages('');
  assert.ok(total > 500, `more than one batch of 500 (${total})`);
  const r = await get('/initiatieven.csv');
  assert.equal(r.status, 200, show(r));
  const rows = r.text.replace(/^\uFEFF/, '').split(/\r?\n/).slice(1).filter((l) => /^"?\d+"?[,;]/.test(l));
  const got = rows.map((l) => Number(l.match(/^"?(\d+)/)[1]));
  assert.deepEqual(got, ids);
  const f = await get('/initiatieven.csv?theme=groen');
  const { ids: groen } = await byPages('theme=groen');
  const fr = f.text.replace(/^\uFEFF/, '').split(/\r?\n/).slice(1).filter((l) => /^"?\d+"?[,;]/.test(l));
  assert.deepEqual(fr.map((l) => Number(l.match(/^"?(\d+)/)[1])), groen);
});
