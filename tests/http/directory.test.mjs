// The directory of issue 5 over HTTP: goals as a tree with their source
// document, portfolio holder and department; organisations (paged, with
// filters), places and officials in the API and on pages; never anyone's
// e-mail address or phone number; who may edit what (members their
// organisation, an official her own profile, an admin goals and places),
// with 401/403/404/422 answers in Dutch; `user add --org`; registering an
// organisation; CSRF and escaping.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useServer, api, page, login, csrfFrom, show, hasText, assertError, assertFields, cli, PASSWORD, USERS, DEMO,
  DEMO_PASSWORD,
} from './lib.mjs';

const ctx = useServer();
const jars = {};
let setUp;
const setup = () => (setUp ??= (async () => {
  for (const key of ['resident', 'resident2', 'official', 'official2', 'admin']) jars[key] = await login(ctx, USERS[key].email);
  // rosa is a member of Woej through the command line; the demo made Fatima a member of Fenomeen Bovenveen.
  const r = cli(['user', 'add', '--db', ctx.db, '--email', USERS.resident.email, '--name', 'x', '--role', 'resident',
    '--org', 'woej', '--org=ibce']);
  assert.equal(r.code, 0, `user add --org: ${r.stderr}`);
  assert.match(r.stdout, /lid van organisatie woej/);
  assert.match(r.stdout, /lid van organisatie ibce/);
  jars.fatima = await login(ctx, 'fatima.ouali@example.nl', DEMO_PASSWORD);
})());

// Everything private that must never show: every demo and test address and phone number.
const PRIVATE = [
  ...DEMO.officials.map((p) => p.email), ...DEMO.residents.map((p) => p.email),
  ...DEMO.residents.map((p) => p.phone).filter(Boolean), ...Object.values(USERS).map((u) => u.email),
];
function assertNoPrivateData(text, what) {
  for (const s of PRIVATE) assert.ok(!text.includes(s), `${what} shows ${s}`);
  assert.ok(!/"(email|phone)"/.test(text), `${what} has an email or phone member`);
}

async function postForm(jar, from, action, fields) {
  const get = await page(ctx, jar, 'GET', from);
  assert.equal(get.status, 200, `GET ${from} ${show(get)}`);
  const csrf = csrfFrom(get.text);
  assert.ok(csrf, `${from} has a csrf field`);
  return page(ctx, jar, 'POST', action, { form: [['csrf', csrf], ...fields] });
}

// The edit form's fields; extra pairs replace the single-valued ones of the same name.
const orgFields = (extra = []) => {
  const base = [
    ['name', 'Woej'], ['kind', 'welzijn'], ['description', 'Welzijnswerk in de hele gemeente.'],
    ['offer', 'Zalen, opbouwwerkers en vrijwilligers.'], ['contact', 'Bel op werkdagen.'], ['website', 'https://www.woej.nl'],
    ['help_kinds', 'ruimte'], ['help_kinds', 'vrijwilligers'], ['themes', 'ontmoeting'],
  ];
  const single = new Set(['name', 'kind', 'description', 'offer', 'contact', 'website']);
  const replaced = new Set(extra.map(([k]) => k).filter((k) => single.has(k)));
  return [...base.filter(([k]) => !replaced.has(k)), ...extra];
};

test('API: goals are a tree with source document, portfolio holder and department', async () => {
  const r = await api(ctx, 'GET', '/goals');
  assert.equal(r.status, 200, show(r));
  const items = r.json.items;
  assert.equal(items.length, 13);
  assert.equal(items[0].code, 'koers-3-1');
  assert.equal(items[0].depth, 0);
  assert.equal(items[0].parent, null);
  assert.equal(items[0].source_document, 'Initiatiefvraag Sociale Cohesie');
  assert.deepEqual(items[0].portfolio_holder, { code: 'sociaal-domein', name: 'Anke Verbeek', portfolio: 'Sociaal domein, welzijn en vrijwilligerswerk' });
  assert.equal(items[0].department, 'Team Samenleving');
  assert.deepEqual(items[0].themes, [{ code: 'ontmoeting', name: 'Ontmoeting en sociale contacten' }]);
  // every child comes after its parent, one level deeper
  for (const [i, g] of items.entries()) {
    if (!g.parent) { assert.equal(g.depth, 0); continue; }
    const p = items.findIndex((x) => x.code === g.parent);
    assert.ok(p >= 0 && p < i, `${g.code} after its parent`);
    assert.equal(g.depth, items[p].depth + 1);
  }
  const one = await api(ctx, 'GET', '/goals/eenzaamheid');
  assert.equal(one.status, 200, show(one));
  assert.deepEqual(one.json.path, [{ code: 'koers-3-1', title: items[0].title }]);
  const root = await api(ctx, 'GET', '/goals/koers-3-1');
  assert.equal(root.json.children.length, 7);
  const none = await api(ctx, 'GET', '/goals/bestaat-niet');
  assert.equal(assertError(none, 404).message, 'Niet gevonden.');
  const holders = await api(ctx, 'GET', '/portfolio-holders');
  assert.equal(holders.status, 200);
  assert.equal(holders.json.items.length, 3);
});

test('API: organisations page and filter; bad filters are 422 in Dutch', async () => {
  const all = await api(ctx, 'GET', '/organisations');
  assert.equal(all.status, 200, show(all));
  assert.equal(all.json.page, 1);
  assert.equal(all.json.per_page, 20);
  assert.ok(all.json.total >= 11);
  const p2 = await api(ctx, 'GET', '/organisations?per_page=5&page=2');
  assert.equal(p2.json.items.length, 5);
  assert.equal(p2.json.total, all.json.total);
  assert.deepEqual(p2.json.items.map((o) => o.code), all.json.items.slice(5, 10).map((o) => o.code));
  const vol = await api(ctx, 'GET', '/organisations?help_kind=vrijwilligers&area=bovenveen');
  assert.equal(vol.status, 200);
  const codes = vol.json.items.map((o) => o.code);
  assert.ok(codes.includes('fenomeen-bovenveen'), codes.join());
  assert.ok(codes.includes('woej'), 'an organisation of the whole municipality fits every wijk');
  const far = await api(ctx, 'GET', '/organisations?help_kind=vrijwilligers&area=stompwijk');
  assert.ok(!far.json.items.some((o) => o.code === 'fenomeen-bovenveen'), 'Bovenveen is not in Stompwijk');
  const bad = await api(ctx, 'GET', '/organisations?theme=onzin&area=atlantis&page=0&per_page=500');
  const f = assertFields(bad, ['theme', 'area', 'page', 'per_page']);
  assert.equal(f.theme, 'Dit thema kennen we niet.');
  assert.equal(f.area, 'Deze wijk of buurt kennen we niet.');
  const woej = await api(ctx, 'GET', '/organisations/woej');
  assert.equal(woej.status, 200, show(woej));
  assert.equal(woej.json.name, 'Woej');
  assert.ok(woej.json.help_kinds.some((k) => k.code === 'ruimte'));
  assert.ok(woej.json.places.some((p) => p.code === 'de-plint'));
  assertNoPrivateData(woej.text, 'GET /organisations/woej');
  assert.ok(!('members' in woej.json), 'members are not public');
  assertError(await api(ctx, 'GET', '/organisations/bestaat-niet'), 404);
});

test('API: places and officials, without private data', async () => {
  const pl = await api(ctx, 'GET', '/places');
  assert.equal(pl.status, 200);
  assert.equal(pl.json.items.length, 7);
  const plint = pl.json.items.find((p) => p.code === 'de-plint');
  assert.equal(plint.organisation.code, 'woej');
  assert.ok(plint.address && plint.activities, 'the demo gives address and activities');
  assert.equal((await api(ctx, 'GET', '/places/de-plint')).json.name, 'De Plint');
  assertError(await api(ctx, 'GET', '/places/nergens'), 404);
  const of = await api(ctx, 'GET', '/officials');
  assert.equal(of.status, 200);
  const sanne = of.json.items.find((o) => o.name === 'Sanne de Wit');
  assert.ok(sanne, 'a demo official is listed');
  assert.match(sanne.expertise, /Voorburg/);
  assert.ok(sanne.themes.length && sanne.areas.length);
  assert.deepEqual(Object.keys(sanne).sort(), ['areas', 'expertise', 'id', 'name', 'themes']);
  assert.ok(!of.json.items.some((o) => o.name === USERS.resident.name), 'residents are no officials');
  assertNoPrivateData(of.text, 'GET /officials');
  assertNoPrivateData(pl.text, 'GET /places');
  const green = await api(ctx, 'GET', '/officials?theme=duurzaamheid');
  assert.ok(green.json.items.every((o) => o.themes.some((t) => t.code === 'duurzaamheid')));
  assertFields(await api(ctx, 'GET', '/officials?area=atlantis'), ['area']);
});

test('pages: the directory is public, has empty states and shows no private data', async () => {
  for (const [p, text] of [
    ['/wie-helpt', 'Wie kan helpen?'], ['/doelen', 'Het verminderen van eenzaamheid'],
    ['/doelen/eenzaamheid', 'Anke Verbeek'], ['/wethouders', 'Joost van Rijswijk'],
    ['/organisaties', 'Fenomeen Bovenveen'], ['/organisaties/woej', 'Waarmee wij kunnen helpen'],
    ['/plekken', 'De Plint'], ['/plekken/de-plint', 'Wat gebeurt er?'], ['/ambtenaren', 'Sanne de Wit'],
    ['/organisaties?hulp=ruimte&wijk=damsigt&thema=ontmoeting', 'Woej'],
  ]) {
    const r = await page(ctx, null, 'GET', p);
    assert.equal(r.status, 200, `GET ${p} ${show(r)}`);
    assert.ok(hasText(r.text, text), `${p} shows ${text}`);
    assertNoPrivateData(r.text, p);
  }
  const home = await page(ctx, null, 'GET', '/');
  assert.match(home.text, /href="\/wie-helpt"/, 'the menu leads to the directory');
  const none = await page(ctx, null, 'GET', '/organisaties?hulp=geld&wijk=stompwijk&thema=spelen');
  assert.equal(none.status, 200);
  assert.ok(hasText(none.text, 'Geen organisaties gevonden'), 'empty state');
  const nobody = await page(ctx, null, 'GET', '/ambtenaren?thema=cultuur');
  assert.ok(hasText(nobody.text, 'Geen ambtenaren gevonden'));
  for (const p of ['/doelen/bestaat-niet', '/organisaties/bestaat-niet', '/plekken/nergens']) {
    const r = await page(ctx, null, 'GET', p);
    assert.equal(r.status, 404, `GET ${p}`);
    assert.ok(hasText(r.text, 'We kunnen'), `${p} says in Dutch what is missing`);
  }
  // officials' pages while logged in also hide addresses
  await setup();
  const seen = await page(ctx, jars.official, 'GET', '/ambtenaren');
  assertNoPrivateData(seen.text.replace(/ingelogd als [^<]*/, ''), '/ambtenaren as an official');
});

test('members edit their organisation; others get 403; errors are 422 in Dutch', async () => {
  await setup();
  const anon = await page(ctx, null, 'GET', '/organisaties/woej/bewerken');
  assert.equal(anon.status, 303);
  assert.match(anon.location, /^\/inloggen/);
  const stranger = await page(ctx, jars.resident2, 'GET', '/organisaties/woej/bewerken');
  assert.equal(stranger.status, 403, show(stranger));
  assert.ok(hasText(stranger.text, 'Alleen leden van de organisatie'));
  const official = await page(ctx, jars.official, 'GET', '/organisaties/woej/bewerken');
  assert.equal(official.status, 403, 'officials are no members');
  // a POST by a non-member with a valid csrf token of its own session
  const forged = await postForm(jars.resident2, '/organisaties', '/organisaties/woej', orgFields());
  assert.equal(forged.status, 403, show(forged));
  const index = await page(ctx, jars.resident, 'GET', '/wie-helpt');
  assert.ok(hasText(index.text, 'Uw organisaties'), 'a member finds her organisations on /wie-helpt');
  assert.match(index.text, /href="\/organisaties\/ibce"/);
  const view = await page(ctx, jars.resident, 'GET', '/organisaties/woej');
  assert.match(view.text, /href="\/organisaties\/woej\/bewerken"/, 'a member sees the edit link');
  assert.ok(hasText(view.text, 'Rosa Testbewoner'), 'a member sees the members');
  const anonView = await page(ctx, null, 'GET', '/organisaties/woej');
  assert.ok(!hasText(anonView.text, 'Rosa Testbewoner'), 'visitors do not see the members');
  const bad = await postForm(jars.resident, '/organisaties/woej/bewerken', '/organisaties/woej',
    orgFields([['name', ''], ['website', 'javascript:alert(1)'], ['themes', 'onzin']]));
  assert.equal(bad.status, 422, show(bad));
  assert.match(bad.text, /<title>Fout: /);
  assert.ok(hasText(bad.text, 'Vul de naam in.'));
  assert.ok(hasText(bad.text, 'Een website begint met https:// of http:// en heeft geen spaties.'));
  assert.ok(hasText(bad.text, 'Dit thema kennen we niet.'));
  const ok = await postForm(jars.resident, '/organisaties/woej/bewerken', '/organisaties/woej',
    orgFields([['offer', 'Zalen <b>en</b> koffie & thee.']]));
  assert.equal(ok.status, 303, show(ok));
  assert.equal(ok.location, '/organisaties/woej');
  const after = await page(ctx, jars.resident, 'GET', '/organisaties/woej');
  assert.ok(after.text.includes('Zalen &lt;b&gt;en&lt;/b&gt; koffie &amp; thee.'), 'what members type is escaped');
  const j = await api(ctx, 'GET', '/organisations/woej');
  assert.equal(j.json.offer, 'Zalen <b>en</b> koffie & thee.');
  assert.deepEqual(j.json.help_kinds.map((k) => k.code).sort(), ['ruimte', 'vrijwilligers']);
  // the demo's member, and an admin, may too
  assert.equal((await page(ctx, jars.fatima, 'GET', '/organisaties/fenomeen-bovenveen/bewerken')).status, 200);
  assert.equal((await page(ctx, jars.admin, 'GET', '/organisaties/woej/bewerken')).status, 200);
  // without the csrf field
  const noCsrf = await page(ctx, jars.resident, 'POST', '/organisaties/woej', { form: orgFields() });
  assert.equal(noCsrf.status, 403);
});

test('anyone logged in registers an organisation and becomes its member', async () => {
  await setup();
  const form = await page(ctx, jars.resident2, 'GET', '/organisaties/nieuw');
  assert.equal(form.status, 200);
  const empty = await postForm(jars.resident2, '/organisaties/nieuw', '/organisaties', []);
  assert.equal(empty.status, 422);
  assert.ok(hasText(empty.text, 'Vul de naam in.'));
  const r = await postForm(jars.resident2, '/organisaties/nieuw', '/organisaties', [
    ['name', 'Buurtvereniging De Vliet'], ['kind', 'vereniging'], ['description', 'Feesten en klussen in de buurt.'],
    ['areas', 'voorburg-west'], ['help_kinds', 'materiaal'],
  ]);
  assert.equal(r.status, 303, show(r));
  assert.equal(r.location, '/organisaties/buurtvereniging-de-vliet');
  const mine = await page(ctx, jars.resident2, 'GET', r.location);
  assert.ok(hasText(mine.text, 'Uw organisatie is aangemeld'));
  assert.match(mine.text, /href="\/organisaties\/buurtvereniging-de-vliet\/bewerken"/);
  const j = await api(ctx, 'GET', '/organisations/buurtvereniging-de-vliet');
  assert.deepEqual(j.json.areas, [{ code: 'voorburg-west', name: 'Voorburg-West' }]);
  assert.equal((await page(ctx, jars.resident, 'GET', '/organisaties/buurtvereniging-de-vliet/bewerken')).status, 403);
});

test('an official edits her own profile, not a colleague’s; an admin edits goals and places', async () => {
  await setup();
  const id = ctx.ids.official, id2 = ctx.ids.official2;
  assert.ok(id && id2);
  const list = await page(ctx, jars.official, 'GET', '/ambtenaren');
  assert.match(list.text, new RegExp(`href="/ambtenaren/${id}/bewerken"`));
  assert.equal((await page(ctx, jars.official2, 'GET', `/ambtenaren/${id}/bewerken`)).status, 403);
  assert.equal((await page(ctx, jars.resident, 'GET', `/ambtenaren/${id}/bewerken`)).status, 403);
  assert.equal((await page(ctx, jars.official, 'GET', `/ambtenaren/${ctx.ids.resident}/bewerken`)).status, 404);
  const bad = await postForm(jars.official, `/ambtenaren/${id}/bewerken`, `/ambtenaren/${id}`,
    [['expertise', 'x'], ['areas', 'atlantis']]);
  assert.equal(bad.status, 422);
  assert.ok(hasText(bad.text, 'Deze wijk of buurt kennen we niet.'));
  const ok = await postForm(jars.official, `/ambtenaren/${id}/bewerken`, `/ambtenaren/${id}`,
    [['expertise', 'Speelplekken en groen in Damsigt.'], ['themes', 'spelen'], ['areas', 'voorburg-west']]);
  assert.equal(ok.status, 303, show(ok));
  const j = await api(ctx, 'GET', '/officials?area=damsigt');
  const olga = j.json.items.find((o) => o.id === id);
  assert.equal(olga.expertise, 'Speelplekken en groen in Damsigt.');
  assert.deepEqual(olga.themes, [{ code: 'spelen', name: 'Spelen' }]);
  // goals: admin only
  assert.equal((await page(ctx, jars.official, 'GET', '/doelen/participatie-niveau/bewerken')).status, 403);
  const g = await postForm(jars.admin, '/doelen/participatie-niveau/bewerken', '/doelen/participatie-niveau',
    [['holder', 'wijkzaken'], ['department', 'Team Participatie'], ['themes', 'verkeer'], ['themes', 'ontmoeting']]);
  assert.equal(g.status, 303, show(g));
  const goal = await api(ctx, 'GET', '/goals/participatie-niveau');
  assert.equal(goal.json.portfolio_holder.code, 'wijkzaken');
  assert.equal(goal.json.department, 'Team Participatie');
  assert.deepEqual(goal.json.themes.map((t) => t.code).sort(), ['ontmoeting', 'verkeer']);
  const gBad = await postForm(jars.admin, '/doelen/participatie-niveau/bewerken', '/doelen/participatie-niveau',
    [['holder', 'niemand'], ['department', '']]);
  assert.equal(gBad.status, 422);
  assert.ok(hasText(gBad.text, 'Kies een wethouder uit de lijst.'));
  // a new portfolio holder
  const h = await postForm(jars.admin, '/wethouders', '/wethouders', [['code', ''], ['name', 'Kees de Boer'], ['portfolio', 'Financiën']]);
  assert.equal(h.status, 303, show(h));
  assert.ok((await api(ctx, 'GET', '/portfolio-holders')).json.items.some((x) => x.code === 'kees-de-boer'));
  const hForbidden = await postForm(jars.official, '/wethouders', '/wethouders', [['name', 'X'], ['portfolio', 'Y']]);
  assert.equal(hForbidden.status, 403);
  // places: admin only
  assert.equal((await page(ctx, jars.resident, 'GET', '/plekken/de-plint/bewerken')).status, 403);
  const pOk = await postForm(jars.admin, '/plekken/de-plint/bewerken', '/plekken/de-plint',
    [['address', 'Plintweg 1, Leidschendam'], ['activities', 'Koffie en biljart.'], ['area', 'leidschendam-noord']]);
  assert.equal(pOk.status, 303, show(pOk));
  assert.equal((await api(ctx, 'GET', '/places/de-plint')).json.address, 'Plintweg 1, Leidschendam');
});

test('user add --org refuses an unknown organisation', () => {
  const r = cli(['user', 'add', '--db', ctx.db, '--email', 'nieuw.lid@example.nl', '--name', 'Nieuw Lid', '--role', 'resident',
    '--org', 'bestaat-niet'], { input: PASSWORD + '\n' });
  assert.equal(r.code, 1);
  assert.match(r.stderr, /geen organisatie met code 'bestaat-niet'/);
});

test('API changes: members PATCH their organisation, officials their profile, admins goals', async () => {
  await setup();
  const T = ctx.tokens;
  // anonymous: 401; a non-member: 403 in Dutch; unknown: 404
  assertError(await api(ctx, 'PATCH', '/organisations/ibce', { json: { offer: 'x' } }), 401);
  const forbidden = await api(ctx, 'PATCH', '/organisations/ibce', { token: T.resident2, json: { offer: 'x' } });
  assert.match(assertError(forbidden, 403).message, /Alleen leden van de organisatie/);
  assertError(await api(ctx, 'PATCH', '/organisations/bestaat-niet', { token: T.resident, json: {} }), 404);
  const bad = await api(ctx, 'PATCH', '/organisations/ibce', { token: T.resident, json: { name: '', areas: ['atlantis'] } });
  const f = assertFields(bad, ['name', 'areas']);
  assert.equal(f.name, 'Vul de naam in.');
  assert.equal(f.areas, 'Deze wijk of buurt kennen we niet.');
  assertFields(await api(ctx, 'PATCH', '/organisations/ibce', { token: T.resident, json: { themes: 'groen' } }), ['themes']);
  const ok = await api(ctx, 'PATCH', '/organisations/ibce', { token: T.resident, json: { offer: 'Taalmaatjes', help_kinds: ['vrijwilligers', 'advies'] } });
  assert.equal(ok.status, 200, show(ok));
  assert.equal(ok.json.offer, 'Taalmaatjes');
  assert.equal(ok.json.name, 'Stichting Interculturele Bevordering Contact & Educatie (IBCE)', 'what was not sent stays');
  assert.deepEqual(ok.json.help_kinds.map((k) => k.code).sort(), ['advies', 'vrijwilligers']);
  // registering through the API
  const created = await api(ctx, 'POST', '/organisations', { token: T.resident2, json: { name: 'Repair Café Voorburg', kind: 'stichting', description: 'Samen spullen repareren.' } });
  assert.equal(created.status, 201, show(created));
  assert.equal(created.json.code, 'repair-caf-voorburg');
  assert.equal(created.headers.get('location'), '/api/v1/organisations/repair-caf-voorburg');
  assertFields(await api(ctx, 'POST', '/organisations', { token: T.resident2, json: {} }), ['name', 'kind', 'description']);
  // officials
  const id = ctx.ids.official;
  const other = await api(ctx, 'PATCH', `/officials/${id}`, { token: T.official2, json: { expertise: 'x' } });
  assert.match(assertError(other, 403).message, /eigen profiel/);
  assertError(await api(ctx, 'PATCH', `/officials/${ctx.ids.resident}`, { token: T.official, json: {} }), 404);
  const mine = await api(ctx, 'PATCH', `/officials/${id}`, { token: T.official, json: { themes: ['groen'] } });
  assert.equal(mine.status, 200, show(mine));
  assert.deepEqual(mine.json.themes, [{ code: 'groen', name: 'Groen en natuur' }]);
  assertNoPrivateData(mine.text, 'PATCH /officials');
  // goals
  assert.match(assertError(await api(ctx, 'PATCH', '/goals/activiteiten', { token: T.official, json: { department: 'x' } }), 403).message,
    /beheerder/);
  const g = await api(ctx, 'PATCH', '/goals/activiteiten', { token: T.admin, json: { portfolio_holder: 'sociaal-domein', themes: ['cultuur'] } });
  assert.equal(g.status, 200, show(g));
  assert.equal(g.json.portfolio_holder.name, 'Anke Verbeek');
  assertFields(await api(ctx, 'PATCH', '/goals/activiteiten', { token: T.admin, json: { portfolio_holder: 'niemand' } }), ['portfolio_holder']);
});
