// The Wegwijzer of issue 5 ("Waar kunt u waarvoor terecht?") over HTTP: the
// page is a GET form that works without JavaScript (radio buttons, "Maakt
// niet uit" first) and shows with the answers the organisations, places,
// officials and funds that fit, each with its reasons and how to reach it;
// unknown codes give a Dutch message on the page and 422 in the API; the
// API's shape; no e-mail address or phone number of anyone; an answer that
// finds nothing still helps; links to it from the home page, the submit
// form and "Wie kan helpen?"; and `init --scale` adding organisations.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useServer, api, page, login, show, hasText, assertFields, cli, serve, newDatabase, request, USERS, DEMO,
} from './lib.mjs';

const ctx = useServer();

const PRIVATE = [
  ...DEMO.officials.map((p) => p.email), ...DEMO.residents.map((p) => p.email),
  ...DEMO.residents.map((p) => p.phone).filter(Boolean), ...Object.values(USERS).map((u) => u.email),
];
function assertNoPrivateData(text, what) {
  for (const s of PRIVATE) assert.ok(!text.includes(s), `${what} shows ${s}`);
  assert.ok(!/"(email|phone)"/.test(text), `${what} has an email or phone member`);
}

test('page: three questions as a GET form without JavaScript', async () => {
  const r = await page(ctx, null, 'GET', '/wegwijzer');
  assert.equal(r.status, 200, show(r));
  assert.match(r.text, /<h1[^>]*>Waar kunt u waarvoor terecht\?<\/h1>/);
  const form = r.text.match(/<form\b[^>]*action="\/wegwijzer"[^>]*>[\s\S]*?<\/form>/);
  assert.ok(form, 'a form to /wegwijzer');
  assert.match(form[0], /method="get"/);
  for (const [name, legend] of [['hulp', 'Wat hebt u nodig?'], ['thema', 'Waar gaat uw idee over?'], ['wijk', 'In welke wijk?']]) {
    assert.ok(hasText(form[0], legend), legend);
    // "Maakt niet uit" first and chosen; every radio has its label
    const radios = [...form[0].matchAll(new RegExp(`<input\\b[^>]*name="${name}"[^>]*>`, 'g'))].map((m) => m[0]);
    assert.ok(radios.length > 3, `${name} radios`);
    assert.match(radios[0], /value=""/);
    assert.match(radios[0], /checked/);
    for (const radio of radios) {
      const id = radio.match(/id="([^"]+)"/)[1];
      assert.match(form[0], new RegExp(`<label[^>]*for="${id}"`), `label for ${id}`);
    }
  }
  assert.match(form[0], /name="hulp" value="vrijwilligers"/);
  assert.match(form[0], /name="thema" value="groen"/);
  assert.match(form[0], /name="wijk" value="voorburg-west"/);
  assert.ok(!/<script/i.test(r.text), 'no script needed');
  assert.ok(!hasText(r.text, 'Wie kan u helpen?'), 'no results before answering');
});

test('page: the answers give who fits, why and how to reach them', async () => {
  const r = await page(ctx, null, 'GET', '/wegwijzer?hulp=vrijwilligers&thema=groen&wijk=voorburg-west');
  assert.equal(r.status, 200, show(r));
  const t = r.text;
  assert.ok(hasText(t, 'Wie kan u helpen?'));
  assert.ok(hasText(t, 'Mensen en tijd'));
  // organisations: Woej offers volunteers everywhere, with its contact route
  assert.match(t, /href="\/organisaties\/woej"/);
  assert.ok(hasText(t, 'helpt met vrijwilligers'));
  assert.ok(hasText(t, 'werkt in heel de gemeente'));
  assert.ok(hasText(t, 'Loop binnen bij een wijk- en dienstencentrum of bel Woej op werkdagen.'));
  // the wijkcentrum in Voorburg-West with its address
  assert.match(t, /href="\/plekken\/de-groene-loper"/);
  assert.ok(hasText(t, 'wijkcentrum in uw wijk'));
  assert.ok(hasText(t, 'Groene Loper 2, Voorburg'));
  // the official's public profile, not her e-mail
  assert.ok(hasText(t, 'Sanne de Wit'));
  assert.ok(hasText(t, 'kent het thema groen'));
  assert.match(t, /href="\/ambtenaren#ambtenaar-\d+"/);
  assertNoPrivateData(t, 'wegwijzer page');
  // the answers stay chosen
  assert.match(t, /name="hulp" value="vrijwilligers" checked/);
  assert.match(t, /name="wijk" value="voorburg-west" checked/);
  // money: the fund first
  const g = await page(ctx, null, 'GET', '/wegwijzer?hulp=geld');
  assert.equal(g.status, 200, show(g));
  assert.match(g.text, /href="\/fondsen\/vlietwensen"/);
  assert.ok(g.text.indexOf('Geld uit een fonds') < g.text.indexOf('id="ww-organisaties"') || !/id="ww-organisaties"/.test(g.text));
});

test('page: an unknown answer gets a Dutch message', async () => {
  const r = await page(ctx, null, 'GET', '/wegwijzer?hulp=toverkracht&thema=groen&wijk=atlantis');
  assert.equal(r.status, 422, show(r));
  assert.ok(hasText(r.text, 'Deze soort hulp kennen we niet.'));
  assert.ok(hasText(r.text, 'Deze wijk kennen we niet.'));
  assert.match(r.text, /name="thema" value="groen" checked/, 'the good answer stays');
  assert.match(r.text, /<form\b[^>]*action="\/wegwijzer"/, 'the form is there to try again');
});

test('API: shape, reasons, contact routes, no private data', async () => {
  const r = await api(ctx, 'GET', '/wegwijzer?need=vrijwilligers&theme=groen&area=voorburg-west');
  assert.equal(r.status, 200, show(r));
  assert.deepEqual(Object.keys(r.json).sort(), ['funds', 'officials', 'organisations', 'places']);
  const { organisations, places, officials, funds } = r.json;
  assert.equal(funds.length, 0, 'volunteers, not money');
  assert.ok(organisations.length > 0);
  for (const o of organisations) {
    assert.equal(typeof o.code, 'string');
    assert.equal(typeof o.name, 'string');
    assert.ok(Array.isArray(o.reasons) && o.reasons.length > 0, `${o.code} has reasons`);
    assert.ok('contact' in o && 'website' in o && o.url === `/organisaties/${o.code}`);
  }
  // best first
  for (let i = 1; i < organisations.length; i++) assert.ok(organisations[i - 1].score >= organisations[i].score);
  const woej = organisations.find((o) => o.code === 'woej');
  assert.ok(woej, 'Woej helps with volunteers');
  assert.ok(woej.reasons.includes('helpt met vrijwilligers'));
  assert.equal(places[0].code, 'de-groene-loper');
  assert.equal(places[0].address, 'Groene Loper 2, Voorburg');
  assert.ok(places[0].reasons.includes('wijkcentrum in uw wijk'));
  const sanne = officials.find((o) => o.name === 'Sanne de Wit');
  assert.ok(sanne, show(r));
  assert.equal(typeof sanne.id, 'number');
  assert.deepEqual(sanne.reasons, ['kent het thema groen', 'werkt in Voorburg-West']);
  assertNoPrivateData(r.text, 'wegwijzer API');
  const money = await api(ctx, 'GET', '/wegwijzer?need=geld');
  assert.equal(money.status, 200, show(money));
  assert.equal(money.json.funds[0].code, 'vlietwensen');
  assert.ok(money.json.funds[0].reasons.includes('geeft geld voor initiatieven'));
  // a buurt is a valid area too
  const buurt = await api(ctx, 'GET', '/wegwijzer?area=damsigt');
  assert.equal(buurt.status, 200, show(buurt));
  assert.equal(buurt.json.places[0].code, 'de-groene-loper');
});

test('API: 422 names each unknown code', async () => {
  const r = await api(ctx, 'GET', '/wegwijzer?need=toverkracht&theme=onzin&area=atlantis');
  const fields = assertFields(r, ['need', 'theme', 'area']);
  assert.match(fields.area, /wijk/);
  const none = await api(ctx, 'GET', '/wegwijzer');
  assert.equal(none.status, 200, show(none));
  assert.deepEqual(none.json, { funds: [], organisations: [], places: [], officials: [] });
});

test('links to the Wegwijzer from home, the submit form and Wie kan helpen?', async () => {
  const home = await page(ctx, null, 'GET', '/');
  assert.match(home.text, /href="\/wegwijzer"/);
  assert.ok(hasText(home.text, 'Waar kunt u waarvoor terecht?'));
  const who = await page(ctx, null, 'GET', '/wie-helpt');
  assert.match(who.text, /href="\/wegwijzer"/);
  const jar = await login(ctx, USERS.resident.email);
  const form = await page(ctx, jar, 'GET', '/initiatieven/nieuw');
  assert.equal(form.status, 200, show(form));
  assert.match(form.text, /href="\/wegwijzer"/);
});

test('nothing fits: the page still helps; --scale adds organisations the Wegwijzer finds', async () => {
  // A database without the demo: no organisation names its help yet.
  const db = newDatabase(ctx.dir, 'bare');
  const init = cli(['init', '--db', db]);
  assert.equal(init.code, 0, init.stderr);
  const server = await serve(db);
  try {
    const r = await request(server.base, 'GET', '/wegwijzer?hulp=vrijwilligers&thema=groen&wijk=voorburg-west');
    assert.equal(r.status, 200, show(r));
    assert.ok(hasText(r.text, 'Niets gevonden dat precies past.'));
    assert.match(r.text, /href="\/wie-helpt"/);
    // --scale 200 makes 10 organisations; a second run 10 more
    const s1 = cli(['init', '--db', db, '--demo', '--scale', '200']);
    assert.equal(s1.code, 0, s1.stderr);
    assert.match(s1.stdout, /Ronde 1: 200 initiatieven, \d+ initiatiefnemers, 10 organisaties/);
    const s2 = cli(['init', '--db', db, '--demo', '--scale', '200']);
    assert.equal(s2.code, 0, s2.stderr);
    assert.match(s2.stdout, /Ronde 2: 200 initiatieven, \d+ initiatiefnemers, 10 organisaties/);
    const list = await request(server.base, 'GET', '/api/v1/organisations?per_page=100');
    assert.equal(list.status, 200, show(list));
    const made = list.json.items.filter((o) => /-\d+$/.test(o.code) && o.contact);
    assert.equal(made.length, 20, made.map((o) => o.code).join(' '));
    for (const o of made) {
      assert.ok(o.themes.length >= 1 && o.themes.length <= 3, `${o.code} themes`);
      assert.ok(o.help_kinds.length >= 1 && o.help_kinds.length <= 3, `${o.code} help kinds`);
      assert.ok(o.areas.length <= 2, `${o.code} areas`);
    }
    const found = await request(server.base, 'GET', '/api/v1/wegwijzer?need=vrijwilligers');
    assert.equal(found.status, 200, show(found));
    assert.ok(found.json.organisations.some((o) => made.some((m) => m.code === o.code)), show(found));
  } finally {
    await server.stop();
  }
});
