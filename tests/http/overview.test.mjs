// The municipality's overview of issue 5 over HTTP: GET /api/v1/overview
// (per wijk initiatives by state and state group, organisations and open
// help requests; per goal the connected initiatives by state) and the
// page /overzicht, whose SVG map of the wijken and table hold the same
// numbers as the API, which are those of the public list of initiatives.
// A new initiative in a buurt counts for its wijk. Public, fast, linked
// from "Wie kan helpen?", the work queue and the main navigation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServer, api, page, login, show, USERS, STATES } from './lib.mjs';

const ctx = useServer();

const GROUPS = ['idee', 'bij_gemeente', 'lopend', 'afgerond', 'gestopt'];
const sum = (o) => Object.values(o).reduce((a, b) => a + b, 0);
const decode = (s) => s.replace(/&amp;/g, '&').replace(/&#39;/g, "'").replace(/&quot;/g, '"')
  .replace(/&lt;/g, '<').replace(/&gt;/g, '>');
const dots = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');

async function overview() {
  const r = await api(ctx, 'GET', '/overview');
  assert.equal(r.status, 200, show(r));
  return r.json;
}

test('API: per wijk initiatives by state and group, organisations, open help requests; per goal by state', async () => {
  const o = await overview();
  assert.deepEqual(Object.keys(o).sort(), ['areas', 'goals', 'total', 'whole_municipality_organisations']);
  assert.equal(o.areas.length, 8, 'the eight wijken, no buurten');
  assert.deepEqual(o.areas.map((a) => a.code).sort(), ['leidschendam-centrum', 'leidschendam-noord', 'leidschendam-zuid',
    'oud-voorburg', 'stompwijk', 'voorburg-midden', 'voorburg-noord', 'voorburg-west']);
  for (const a of o.areas) {
    for (const k of ['initiatives', 'organisations', 'open_help_requests']) {
      assert.ok(Number.isInteger(a[k]) && a[k] >= 0, `${a.code}.${k}`);
    }
    assert.equal(typeof a.name, 'string');
    assert.deepEqual(Object.keys(a.by_state).sort(), [...STATES].sort(), `${a.code} by_state has every state`);
    assert.deepEqual(Object.keys(a.by_group).sort(), [...GROUPS].sort());
    assert.equal(sum(a.by_state), a.initiatives, `${a.code}: states add up`);
    assert.equal(sum(a.by_group), a.initiatives, `${a.code}: groups add up`);
    assert.equal(a.by_group.bij_gemeente, a.by_state.ingediend + a.by_state.intake + a.by_state.in_behandeling);
  }
  assert.ok(o.areas.some((a) => a.initiatives > 0), 'the demo has initiatives');
  assert.equal(o.total.initiatives, sum(o.areas.map((a) => a.initiatives)), 'every demo initiative lies in a wijk');
  assert.equal(o.total.open_help_requests, sum(o.areas.map((a) => a.open_help_requests)));
  assert.ok(Number.isInteger(o.whole_municipality_organisations) && o.whole_municipality_organisations > 0);
  assert.ok(o.total.organisations >= o.whole_municipality_organisations);
  assert.ok(o.goals.length > 3);
  assert.equal(o.goals[0].depth, 0, 'goals in tree order, a root first');
  for (const g of o.goals) {
    assert.equal(typeof g.code, 'string');
    assert.equal(typeof g.title, 'string');
    assert.equal(sum(g.by_state), g.initiatives, `${g.code}: states add up`);
    assert.ok(Array.isArray(g.newest) && g.newest.length <= Math.min(10, g.initiatives));
    for (const i of g.newest) assert.ok(STATES.includes(i.state) && Number.isInteger(i.id));
  }
});

test('API: the same numbers as the public list of initiatives', async () => {
  const o = await overview();
  for (const a of o.areas) {
    const l = await api(ctx, 'GET', `/initiatives?area=${a.code}&per_page=1`);
    assert.equal(l.status, 200, show(l));
    assert.equal(l.json.total, a.initiatives, `${a.code}: list and overview agree`);
  }
  const all = await api(ctx, 'GET', '/initiatives?per_page=1');
  assert.equal(all.json.total, o.total.initiatives);
});

test('a new initiative in a buurt counts for its wijk, with its open help requests', async () => {
  const before = (await overview()).areas.find((a) => a.code === 'voorburg-west');
  const c = await api(ctx, 'POST', '/initiatives', {
    token: ctx.tokens.resident,
    json: {
      title: 'Plantenbakken in Damsigt', summary: 'Buren zetten samen plantenbakken in de straat en houden ze bij.',
      area: 'damsigt', themes: ['groen'],
      help_requests: [{ kind: 'materiaal', description: 'Zes bakken' }, { kind: 'vrijwilligers', description: 'Gieters' }],
    },
  });
  assert.equal(c.status, 201, show(c));
  const after = (await overview()).areas.find((a) => a.code === 'voorburg-west');
  assert.equal(after.initiatives, before.initiatives + 1);
  assert.equal(after.by_state.ingediend, before.by_state.ingediend + 1);
  assert.equal(after.by_group.bij_gemeente, before.by_group.bij_gemeente + 1);
  assert.equal(after.open_help_requests, before.open_help_requests + 2);
});

test('page: an SVG map of the wijken and a table with the same numbers, no script', async () => {
  const o = await overview();
  const r = await page(ctx, null, 'GET', '/overzicht');
  assert.equal(r.status, 200, show(r));
  const html = r.text;
  assert.match(html, /<title>Overzicht van de gemeente/);
  assert.equal((html.match(/<h1\b/g) || []).length, 1);
  assert.ok(!/<script\b/i.test(html), 'no JavaScript');
  assert.ok(!/\sstyle="/i.test(html), 'no inline style');
  const svg = html.match(/<svg\b[^>]*class="wijzer-map__svg"[^>]*>[\s\S]*?<\/svg>/);
  assert.ok(svg, 'the map is an inline SVG');
  assert.match(svg[0], /aria-labelledby="kaart-titel"/);
  const title = decode(svg[0].match(/<title id="kaart-titel">([^<]*)<\/title>/)[1]);
  const table = html.match(/<table\b[\s\S]*?<\/table>/)[0];
  assert.match(table, /<caption class="utrecht-table__caption" id="wijken-caption">/);
  for (const a of o.areas) {
    const words = `${a.name}: ${dots(a.initiatives)} ${a.initiatives === 1 ? 'initiatief' : 'initiatieven'}`;
    // the tile: a link to the list of that wijk, its name and number in words
    const tile = svg[0].match(new RegExp(`<a class="wijzer-map__tile" href="/initiatieven\\?area=${a.code}" aria-label="([^"]*)">([\\s\\S]*?)</a>`));
    assert.ok(tile, `a tile for ${a.code}`);
    assert.equal(decode(tile[1]), words);
    assert.match(tile[2], new RegExp(`>${dots(a.initiatives)}</text>`), `${a.code} prints its number`);
    assert.match(tile[2], /<rect [^>]*fill="#[0-9a-f]{6}"/);
    assert.ok(title.includes(`${a.name} ${dots(a.initiatives)} initiatie`), `the map's title names ${a.code}`);
    // the table row: the same numbers
    const row = table.match(new RegExp(`<tr class="utrecht-table__row"><th [^>]*scope="row"><a class="nl-link" href="/initiatieven\\?area=${a.code}">[^<]*</a></th>(.*?)</tr>`));
    assert.ok(row, `a row for ${a.code}`);
    const cells = [...row[1].matchAll(/<td [^>]*>([^<]*)<\/td>/g)].map((m) => m[1]);
    assert.deepEqual(cells, [a.initiatives, ...GROUPS.map((g) => a.by_group[g]), a.organisations, a.open_help_requests]
      .map(dots), `${a.code}: table = API`);
  }
  const foot = table.match(/<tfoot[\s\S]*?<\/tfoot>/)[0];
  const totals = [...foot.matchAll(/<td [^>]*>([^<]*)<\/td>/g)].map((m) => m[1]);
  assert.deepEqual(totals, [o.total.initiatives, ...GROUPS.map((g) => o.total.by_group[g]), o.total.organisations,
    o.total.open_help_requests].map(dots));
  assert.match(html, new RegExp(`${o.whole_municipality_organisations} organisaties? werk(t|en) in de hele gemeente`));
  // per goal: each goal, its count or the empty state that explains how to connect
  for (const g of o.goals) {
    assert.ok(html.includes(`href="/doelen/${g.code}"`), `goal ${g.code} is on the page`);
  }
  const empty = o.goals.filter((g) => g.initiatives === 0).length;
  assert.equal((html.match(/Nog geen initiatieven gekoppeld aan dit doel\./g) || []).length, empty);
  assert.match(html, /gekoppeld op de pagina van het initiatief/);
});

test('linked from Wie kan helpen?, the work queue and the main navigation; public', async () => {
  const who = await page(ctx, null, 'GET', '/wie-helpt');
  assert.match(who.text, /href="\/overzicht"/);
  const jar = await login(ctx, USERS.official.email);
  const work = await page(ctx, jar, 'GET', '/werkvoorraad');
  assert.equal(work.status, 200, show(work));
  assert.match(work.text, /<a class="nl-link" href="\/overzicht">Overzicht van de gemeente<\/a>/);
  const mine = await page(ctx, jar, 'GET', '/overzicht');
  assert.equal(mine.status, 200);
  assert.match(mine.text, /<a class="wijzer-nav__link" href="\/overzicht" aria-current="page">/);
});

test('fast: the API and the page answer well within 100 ms', async () => {
  // With a cookie, so each answer is made anew (the answer cache keeps only cookieless ones).
  for (const [what, p] of [['api', '/api/v1/overview'], ['page', '/overzicht']]) {
    const times = [];
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      const r = await fetch(ctx.base + p, { headers: { Cookie: `x${i}=1` } });
      await r.text();
      assert.equal(r.status, 200);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    assert.ok(times[2] < 100, `${what}: median ${times[2].toFixed(1)} ms`);
  }
});
