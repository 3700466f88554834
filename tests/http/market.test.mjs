// The Beursvloer of issue 6 over HTTP: requests and offers in the API and
// on pages (filters, SDGs, counter-offer); only a member of the
// organisation (or an admin or coordinator) posts for it; a match pairs a
// request with an offer of another organisation and becomes a deal that
// moves voorgesteld → afgesproken → uitgevoerd (or geannuleerd), with 409
// for a move that is not allowed and 403 for outsiders; an event with its
// total value and deals per SDG (SVG chart and a table with the same
// numbers); forms with Dutch errors next to the fields, values kept, CSRF.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useServer, api, page, login, csrfFrom, show, hasText, assertError, cli, USERS, DEMO, DEMO_PASSWORD,
} from './lib.mjs';

const ctx = useServer();
const jars = {};
let setUp;
const setup = () => (setUp ??= (async () => {
  // rosa is a member of Woej; the demo made Samira a member of IBCE and Kees of the library.
  const r = cli(['user', 'add', '--db', ctx.db, '--email', USERS.resident.email, '--name', 'x', '--role', 'resident',
    '--org', 'woej']);
  assert.equal(r.code, 0, `user add --org: ${r.stderr}`);
  for (const key of ['resident', 'resident2', 'official', 'admin']) jars[key] = await login(ctx, USERS[key].email);
  jars.samira = await login(ctx, 'samira.haddou@example.nl', DEMO_PASSWORD);
})());

const T = () => ctx.tokens;
const market = DEMO.market;

async function findPost(kind, title) {
  const r = await api(ctx, 'GET', `/market/${kind}?q=${encodeURIComponent(title)}&state=all`);
  assert.equal(r.status, 200, show(r));
  const p = r.json.items.find((x) => x.title === title);
  assert.ok(p, `${kind}: ${title}`);
  return p;
}

async function postForm(jar, from, action, fields) {
  const get = await page(ctx, jar, 'GET', from);
  assert.equal(get.status, 200, `GET ${from} ${show(get)}`);
  const csrf = csrfFrom(get.text);
  assert.ok(csrf, `${from} has a csrf field`);
  return page(ctx, jar, 'POST', action, { form: [['csrf', csrf], ...fields] });
}

test('API: requests and offers with SDGs, counter-offer and filters', async () => {
  const r = await api(ctx, 'GET', '/market/requests');
  assert.equal(r.status, 200, show(r));
  assert.equal(r.json.total, market.requests.length);
  const site = r.json.items.find((x) => x.title === 'Hulp bij een nieuwe website');
  assert.equal(site.type, 'request');
  assert.equal(site.kind, 'knowledge');
  assert.equal(site.state, 'open');
  assert.deepEqual(site.organisation, { code: 'ibce', name: 'Stichting Interculturele Bevordering Contact & Educatie (IBCE)' });
  assert.deepEqual(site.sdgs.map((s) => s.number), [4, 10]);
  assert.equal(site.sdgs[0].name, 'Kwaliteitsonderwijs');
  assert.match(site.counter_offer, /culinaire maaltijd/);
  const offers = await api(ctx, 'GET', '/market/offers?kind=knowledge');
  assert.equal(offers.status, 200, show(offers));
  assert.equal(offers.json.total, 2);
  assert.ok(offers.json.items.every((x) => x.type === 'offer' && x.kind === 'knowledge' && !('counter_offer' in x)));
  assert.equal((await api(ctx, 'GET', '/market/requests?sdg=4')).json.total, 2);
  assert.equal((await api(ctx, 'GET', '/market/requests?q=laptop')).json.total, 1);
  assert.equal((await api(ctx, 'GET', '/market/requests?organisation=ibce')).json.total, 1);
  const one = await api(ctx, 'GET', `/market/requests/${site.id}`);
  assert.equal(one.status, 200, show(one));
  assert.equal(one.json.deals.length, 1);
  assert.equal(one.json.deals[0].state, 'uitgevoerd');
  assert.equal(one.json.deals[0].value_cents, 75000);
  // an offer's id is no request
  assertError(await api(ctx, 'GET', `/market/requests/${one.json.deals[0].offer_id}`), 404);
  assertError(await api(ctx, 'GET', '/market/offers/999999'), 404);
  const bad = assertError(await api(ctx, 'GET', '/market/requests?kind=geld&sdg=18'), 422);
  assert.ok(bad.fields.kind && bad.fields.sdg, JSON.stringify(bad));
});

test('API: only members post for their organisation; admins for any', async () => {
  await setup();
  const body = {
    organisation: 'woej', kind: 'hands', title: 'Vrijwilligers voor de kerstmarkt', description: 'Wie helpt een middag?',
    counter_offer: 'Warme chocomelk en een bedankkaart.', sdgs: [11, 3],
  };
  assertError(await api(ctx, 'POST', '/market/requests', { json: body }), 401);
  const forbidden = assertError(await api(ctx, 'POST', '/market/requests', { token: T().resident2, json: body }), 403);
  assert.match(forbidden.message, /leden/);
  assertError(await api(ctx, 'POST', '/market/requests', { token: T().resident, json: { ...body, organisation: 'ibce' } }), 403);
  const ok = await api(ctx, 'POST', '/market/requests', { token: T().resident, json: body });
  assert.equal(ok.status, 201, show(ok));
  assert.equal(ok.json.organisation.code, 'woej');
  assert.deepEqual(ok.json.sdgs.map((s) => s.number), [3, 11]);
  assert.match(ok.headers.get('location'), /^\/api\/v1\/market\/requests\/\d+$/);
  const invalid = assertError(await api(ctx, 'POST', '/market/requests', {
    token: T().resident, json: { organisation: 'woej', kind: 'geld', title: '', description: 'x', sdgs: [0] },
  }), 422);
  for (const f of ['kind', 'title', 'counter_offer', 'sdgs']) assert.ok(invalid.fields[f], `${f}: ${JSON.stringify(invalid)}`);
  assert.match(invalid.fields.sdgs, /1 tot en met 17/);
  assertError(await api(ctx, 'POST', '/market/requests', { token: T().resident, json: { ...body, organisation: 'bestaat-niet' } }), 422);
  const admin = await api(ctx, 'POST', '/market/offers', {
    token: T().admin, json: { organisation: 'ggd', kind: 'means', title: 'Folders over gezond leven', description: 'Gratis.', sdgs: [] },
  });
  assert.equal(admin.status, 201, show(admin));
  assert.equal(admin.json.type, 'offer');
  // an official is staff but posts only as a member
  assertError(await api(ctx, 'POST', '/market/offers', { token: T().official, json: { ...body, organisation: 'ggd' } }), 403);
});

test('API: a match between two organisations becomes a deal; the state machine', async () => {
  await setup();
  const rq = await findPost('requests', 'Laptops voor taalmaatjes');
  const own = await api(ctx, 'POST', '/market/offers', {
    token: T().resident, json: { organisation: 'woej', kind: 'means', title: 'Oude laptops van Woej', description: 'Vijf stuks.', sdgs: [4] },
  });
  assert.equal(own.status, 201, show(own));
  const woejRequest = await findPost('requests', 'Vrijwilligers voor de kerstmarkt');
  // same organisation on both sides
  const same = assertError(await api(ctx, 'POST', '/market/matches', {
    token: T().resident, json: { request_id: woejRequest.id, offer_id: own.json.id, value_cents: 100 },
  }), 422);
  assert.ok(same.fields.offer_id, JSON.stringify(same));
  // an outsider
  assertError(await api(ctx, 'POST', '/market/matches', {
    token: T().resident2, json: { request_id: rq.id, offer_id: own.json.id, value_cents: 50000 },
  }), 403);
  const neg = assertError(await api(ctx, 'POST', '/market/matches', {
    token: T().resident, json: { request_id: rq.id, offer_id: own.json.id, value_cents: -5 },
  }), 422);
  assert.ok(neg.fields.value_cents);
  const deal = await api(ctx, 'POST', '/market/matches', {
    token: T().resident, json: { request_id: rq.id, offer_id: own.json.id, value_cents: 50000 },
  });
  assert.equal(deal.status, 201, show(deal));
  assert.equal(deal.json.state, 'voorgesteld');
  assert.equal(deal.json.value_cents, 50000);
  assert.equal(deal.json.request.organisation.code, 'vluchtelingenwerk');
  assert.equal(deal.json.offer.organisation.code, 'woej');
  assert.equal(deal.json.event_id, null);
  assertError(await api(ctx, 'POST', '/market/matches', {
    token: T().resident, json: { request_id: rq.id, offer_id: own.json.id, value_cents: 1 },
  }), 409);
  const id = deal.json.id;
  const patch = (token, state) => api(ctx, 'PATCH', `/market/deals/${id}`, { token, json: { state } });
  const skip = assertError(await patch(T().resident, 'uitgevoerd'), 409);
  assert.match(skip.message, /voorgesteld/);
  assertError(await patch(T().resident2, 'afgesproken'), 403);
  assertError(await patch(T().resident, 'klaar'), 422);
  assert.equal((await patch(T().resident, 'afgesproken')).json.state, 'afgesproken');
  // staff may move any deal
  const done = await patch(T().official, 'uitgevoerd');
  assert.equal(done.status, 200, show(done));
  assert.equal(done.json.state, 'uitgevoerd');
  assertError(await patch(T().resident, 'geannuleerd'), 409);
  assertError(await api(ctx, 'PATCH', '/market/deals/999999', { token: T().resident, json: { state: 'afgesproken' } }), 404);
  // a cancelled deal frees the pair
  const other = await api(ctx, 'POST', '/market/matches', {
    token: T().official, json: { request_id: woejRequest.id, offer_id: (await findPost('offers', 'Workshop digitale vaardigheden')).id, value_cents: 0 },
  });
  assert.equal(other.status, 201, show(other));
  assert.equal((await api(ctx, 'PATCH', `/market/deals/${other.json.id}`, { token: T().resident, json: { state: 'geannuleerd' } })).json.state, 'geannuleerd');
  assert.equal((await api(ctx, 'POST', '/market/matches', {
    token: T().resident, json: { request_id: woejRequest.id, offer_id: other.json.offer_id, value_cents: 0 },
  })).status, 201);
});

test('API: an event with participants, pitches, deals, total value and deals per SDG', async () => {
  await setup();
  const list = await api(ctx, 'GET', '/market/events');
  assert.equal(list.status, 200, show(list));
  const ev = list.json.items.find((e) => e.title === market.events[0].title);
  const r = await api(ctx, 'GET', `/market/events/${ev.id}`);
  assert.equal(r.status, 200, show(r));
  assert.equal(r.json.date, '2026-10-08');
  assert.deepEqual(r.json.place, { code: 'de-plint', name: 'De Plint' });
  assert.equal(r.json.participants.length, market.events[0].participants.length);
  assert.deepEqual(r.json.pitches.map((p) => p.title), market.events[0].pitches);
  // the demo's deals at the event: 750 + 1200 + 250 euro
  const atEvent = market.deals.filter((d) => d.event);
  assert.equal(r.json.deals.length, atEvent.length);
  assert.equal(r.json.total_value_cents, atEvent.reduce((s, d) => s + d.value_cents, 0));
  // a deal counts for each SDG of its request
  const want = new Map();
  for (const d of atEvent) {
    for (const n of market.requests.find((q) => q.title === d.request).sdgs) {
      const w = want.get(n) || { deals: 0, value_cents: 0 };
      w.deals += 1; w.value_cents += d.value_cents;
      want.set(n, w);
    }
  }
  assert.deepEqual(r.json.by_sdg.map((s) => [s.sdg, s.deals, s.value_cents]),
    [...want].sort((a, b) => a[0] - b[0]).map(([n, w]) => [n, w.deals, w.value_cents]));
  assertError(await api(ctx, 'GET', '/market/events/999999'), 404);
  // staff plan an event; a resident may not
  const body = { title: 'Beursvloer 2028', date: '2028-03-16', place: 'de-groene-loper' };
  assertError(await api(ctx, 'POST', '/market/events', { token: T().resident, json: body }), 403);
  const bad = assertError(await api(ctx, 'POST', '/market/events', { token: T().official, json: { ...body, date: '16-03-2028' } }), 422);
  assert.ok(bad.fields.date);
  const made = await api(ctx, 'POST', '/market/events', { token: T().official, json: body });
  assert.equal(made.status, 201, show(made));
  assert.equal(made.json.place.name, 'De Groene Loper');
  // a member registers her organisation; an outsider may not
  assertError(await api(ctx, 'POST', `/market/events/${made.json.id}/participants`, { token: T().resident2, json: { organisation: 'woej' } }), 403);
  assert.equal((await api(ctx, 'POST', `/market/events/${made.json.id}/participants`, { token: T().resident, json: { organisation: 'woej' } })).status, 200);
  const rq = await findPost('requests', 'Advies over subsidies en fondsen');
  assertError(await api(ctx, 'POST', `/market/events/${made.json.id}/pitches`, { token: T().resident, json: { request_id: rq.id } }), 403);
  assert.equal((await api(ctx, 'POST', `/market/events/${made.json.id}/pitches`, { token: T().official, json: { request_id: rq.id } })).status, 200);
  // a deal made there counts for the event
  const offer = await findPost('offers', 'Cijfers over gezondheid in uw wijk');
  const deal = await api(ctx, 'POST', '/market/matches', {
    token: T().official, json: { request_id: rq.id, offer_id: offer.id, value_cents: 30000, event_id: made.json.id },
  });
  assert.equal(deal.status, 201, show(deal));
  const after = (await api(ctx, 'GET', `/market/events/${made.json.id}`)).json;
  assert.deepEqual(after.participants, [{ code: 'woej', name: 'Woej' }]);
  assert.deepEqual(after.pitches.map((p) => p.id), [rq.id]);
  assert.equal(after.total_value_cents, 30000);
  assert.deepEqual(after.by_sdg.map((s) => s.sdg), [1, 2, 11]);
});

test('pages: the Beursvloer, a request, the event page with its chart and table, links from the directory', async () => {
  await setup();
  const hub = await page(ctx, null, 'GET', '/beursvloer');
  assert.equal(hub.status, 200, show(hub));
  assert.ok(hasText(hub.text, market.events[0].title));
  const newest = (await api(ctx, 'GET', '/market/requests?per_page=1')).json.items[0];
  assert.ok(hasText(hub.text, newest.title), 'the newest request');
  assert.match(hub.text, /href="\/beursvloer\/vragen"/);
  assert.ok(!/<script/i.test(hub.text));
  const who = await page(ctx, null, 'GET', '/wie-helpt');
  assert.match(who.text, /href="\/beursvloer"/);
  const org = await page(ctx, null, 'GET', '/organisaties/ibce');
  assert.ok(hasText(org.text, 'Op de Beursvloer'));
  assert.ok(hasText(org.text, 'Hulp bij een nieuwe website'));
  const site = await findPost('requests', 'Hulp bij een nieuwe website');
  const rq = await page(ctx, null, 'GET', `/beursvloer/vragen/${site.id}`);
  assert.equal(rq.status, 200);
  assert.ok(hasText(rq.text, 'Wat wij teruggeven (tegenprestatie)'));
  assert.ok(hasText(rq.text, '4. Kwaliteitsonderwijs'));
  assert.equal((await page(ctx, null, 'GET', `/beursvloer/aanbod/${site.id}`)).status, 404);
  const filtered = await page(ctx, null, 'GET', '/beursvloer/vragen?soort=hands');
  assert.ok(hasText(filtered.text, 'Handen voor de buurtsportdag'));
  assert.ok(!hasText(filtered.text, 'Laptops voor taalmaatjes'));
  const ev = (await api(ctx, 'GET', '/market/events')).json.items.find((e) => e.title === market.events[0].title);
  const evp = await page(ctx, null, 'GET', `/beursvloer/evenementen/${ev.id}`);
  assert.equal(evp.status, 200);
  const data = (await api(ctx, 'GET', `/market/events/${ev.id}`)).json;
  assert.match(evp.text, /<svg role="img" aria-labelledby="per-sdg-titel"/);
  assert.ok(hasText(evp.text, '€ ' + (data.total_value_cents / 100).toLocaleString('nl-NL', { minimumFractionDigits: 2 })));
  const table = evp.text.match(/<table class="utrecht-table">\n<caption[^>]*id="per-sdg-caption"[\s\S]*?<\/table>/)[0];
  for (const s of data.by_sdg) {
    assert.ok(hasText(table, `${s.sdg}. ${s.name}`), `row for SDG ${s.sdg}`);
    assert.ok(hasText(evp.text.match(/<svg[\s\S]*?<\/svg>/)[0], `${s.sdg}. ${s.name}`), `bar for SDG ${s.sdg}`);
  }
});

test('forms: a member posts a request (errors next to the fields, values kept), matches it, moves the deal; CSRF', async () => {
  await setup();
  // not a member of anything
  const none = await page(ctx, jars.resident2, 'GET', '/beursvloer/nieuw');
  assert.equal(none.status, 200);
  assert.ok(hasText(none.text, 'U bent nog geen lid van een organisatie'));
  assert.equal((await page(ctx, null, 'GET', '/beursvloer/nieuw')).status, 303);
  // a bad form comes back with the errors and what was typed
  const bad = await postForm(jars.resident, '/beursvloer/nieuw', '/beursvloer/nieuw', [
    ['side', 'vraag'], ['organisation', 'woej'], ['kind', 'hands'], ['title', 'Schilders <gezocht>'], ['description', ''],
    ['counter_offer', ''],
  ]);
  assert.equal(bad.status, 422, show(bad));
  assert.match(bad.text, /<title>Fout: /);
  assert.ok(hasText(bad.text, 'Vul een beschrijving in.'));
  assert.ok(hasText(bad.text, 'Kies minstens één werelddoel'));
  assert.match(bad.text, /value="Schilders &lt;gezocht&gt;"/);
  assert.match(bad.text, /id="description-error"|aria-describedby="[^"]*description/);
  // for another organisation: refused
  const other = await postForm(jars.resident, '/beursvloer/nieuw', '/beursvloer/nieuw', [
    ['side', 'vraag'], ['organisation', 'ibce'], ['kind', 'hands'], ['title', 'x'], ['description', 'y'], ['counter_offer', 'z'], ['sdgs', '1'],
  ]);
  assert.equal(other.status, 403);
  const ok = await postForm(jars.resident, '/beursvloer/nieuw', '/beursvloer/nieuw', [
    ['side', 'vraag'], ['organisation', 'woej'], ['kind', 'hands'], ['title', 'Schilders gezocht'],
    ['description', 'De zaal in De Plint moet geverfd worden.'], ['counter_offer', 'Een gratis zaal voor uw feest.'],
    ['sdgs', '11'], ['sdgs', '3'],
  ]);
  assert.equal(ok.status, 303, show(ok));
  assert.match(ok.location, /^\/beursvloer\/vragen\/\d+$/);
  const mine = await page(ctx, jars.resident, 'GET', ok.location);
  assert.ok(hasText(mine.text, 'Schilders gezocht'));
  assert.ok(hasText(mine.text, '11. Duurzame steden en gemeenschappen'));
  assert.ok(hasText(mine.text, 'Uw bericht staat op de Beursvloer.'));
  // without the csrf field
  const noCsrf = await page(ctx, jars.resident, 'POST', '/beursvloer/nieuw', {
    form: [['side', 'vraag'], ['organisation', 'woej'], ['kind', 'hands'], ['title', 'x']],
  });
  assert.equal(noCsrf.status, 403);
  // Samira (IBCE) pairs her request with the library's offer... already done; she pairs Woej's new request from its page
  const id = Number(ok.location.split('/').pop());
  const offer = await findPost('offers', 'Workshop digitale vaardigheden');
  const badValue = await postForm(jars.resident, ok.location, '/beursvloer/koppelingen', [
    ['vanaf', 'vraag'], ['request_id', String(id)], ['offer_id', String(offer.id)], ['value', 'veel'],
  ]);
  assert.equal(badValue.status, 422, show(badValue));
  assert.ok(hasText(badValue.text, 'Vul een bedrag in'));
  assert.match(badValue.text, /value="veel"/);
  const match = await postForm(jars.resident, ok.location, '/beursvloer/koppelingen', [
    ['vanaf', 'vraag'], ['request_id', String(id)], ['offer_id', String(offer.id)], ['value', '1.250,50'], ['event_id', ''],
  ]);
  assert.equal(match.status, 303, show(match));
  const deals = (await api(ctx, 'GET', `/market/requests/${id}`)).json.deals;
  assert.equal(deals.length, 1);
  assert.equal(deals[0].value_cents, 125050);
  // an outsider gets no buttons and may not move it
  const outsider = await page(ctx, jars.resident2, 'GET', ok.location);
  assert.ok(!outsider.text.includes(`/beursvloer/koppelingen/${deals[0].id}/status`));
  const refused = await postForm(jars.resident2, ok.location, `/beursvloer/koppelingen/${deals[0].id}/status`, [['state', 'afgesproken']]);
  assert.equal(refused.status, 403);
  // the member moves it; a skipped step is refused
  const skip = await postForm(jars.resident, ok.location, `/beursvloer/koppelingen/${deals[0].id}/status`, [['state', 'uitgevoerd']]);
  assert.equal(skip.status, 409);
  const moved = await postForm(jars.resident, ok.location, `/beursvloer/koppelingen/${deals[0].id}/status`,
    [['state', 'afgesproken'], ['terug', ok.location]]);
  assert.equal(moved.status, 303, show(moved));
  assert.equal(moved.location, `${ok.location}#koppelingen`);
  const away = await postForm(jars.resident, ok.location, `/beursvloer/koppelingen/${deals[0].id}/status`,
    [['state', 'uitgevoerd'], ['terug', 'https://evil.example/']]);
  assert.equal(away.location, '/beursvloer#koppelingen');
  assert.equal((await api(ctx, 'GET', `/market/deals/${deals[0].id}`)).json.state, 'uitgevoerd');
  // the member closes the request: it leaves the open list
  const closed = await postForm(jars.resident, ok.location, `/beursvloer/berichten/${id}/status`, [['open', '0']]);
  assert.equal(closed.status, 303);
  assert.equal((await api(ctx, 'GET', `/market/requests/${id}`)).json.state, 'closed');
  const notMine = await postForm(jars.samira, ok.location, `/beursvloer/berichten/${id}/status`, [['open', '1']]);
  assert.equal(notMine.status, 403);
});

test('pages: staff plan an event, select a pitch; a member registers her organisation', async () => {
  await setup();
  assert.equal((await page(ctx, jars.resident, 'GET', '/beursvloer/evenementen/nieuw')).status, 403);
  const bad = await postForm(jars.official, '/beursvloer/evenementen/nieuw', '/beursvloer/evenementen', [
    ['title', ''], ['date', 'morgen'], ['place', ''], ['place_other', 'Raadhuis, Voorburg'],
  ]);
  assert.equal(bad.status, 422, show(bad));
  assert.ok(hasText(bad.text, 'Vul de datum in als jjjj-mm-dd'));
  assert.match(bad.text, /value="Raadhuis, Voorburg"/);
  const ok = await postForm(jars.official, '/beursvloer/evenementen/nieuw', '/beursvloer/evenementen', [
    ['title', 'Beursvloer voorjaar'], ['date', '2027-04-15'], ['place', ''], ['place_other', 'Raadhuis, Voorburg'],
  ]);
  assert.equal(ok.status, 303, show(ok));
  const evId = ok.location.split('/').pop();
  const rq = await findPost('requests', 'Handen voor de buurtsportdag');
  const pitch = await postForm(jars.official, ok.location, `/beursvloer/evenementen/${evId}/pitches`, [['request_id', String(rq.id)], ['aan', '1']]);
  assert.equal(pitch.status, 303, show(pitch));
  const reg = await postForm(jars.samira, ok.location, `/beursvloer/evenementen/${evId}/deelnemers`, [['organisation', 'ibce']]);
  assert.equal(reg.status, 303, show(reg));
  const refused = await postForm(jars.samira, ok.location, `/beursvloer/evenementen/${evId}/deelnemers`, [['organisation', 'woej']]);
  assert.equal(refused.status, 403);
  const p = await page(ctx, null, 'GET', ok.location);
  assert.ok(hasText(p.text, 'Raadhuis, Voorburg'));
  assert.ok(hasText(p.text, 'Handen voor de buurtsportdag'));
  assert.ok(hasText(p.text, 'Stichting Interculturele Bevordering Contact & Educatie (IBCE)'));
  assert.ok(hasText(p.text, 'Er zijn nog geen koppelingen gemaakt op deze Beursvloer.'));
});
