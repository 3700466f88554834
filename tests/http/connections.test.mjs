// Connections of issue 5 over HTTP: an initiative linked to goals,
// organisations and other initiatives, shown on both sides (API and
// pages), who may connect what (the initiator, staff, a member for her own
// organisation), the forms on the initiative's page with CSRF and Dutch
// errors next to the field; the demo's connections; and an organisation's
// members managed on its edit page and in the API, never showing their
// e-mail addresses to the public.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useServer, api, page, login, csrfFrom, show, hasText, assertError, assertFields, cli, USERS, DEMO_PASSWORD,
} from './lib.mjs';

const ctx = useServer();
const T = () => ctx.tokens;
const jars = {};
let mine, other; // initiatives of resident and resident2
let setUp;
const setup = () => (setUp ??= (async () => {
  const body = (title) => ({
    title, summary: 'Buren doen samen iets moois voor de straat en elkaar.',
    description: 'Een langere uitleg van wat wij willen doen.', area: 'bovenveen', themes: ['groen'],
  });
  const a = await api(ctx, 'POST', '/initiatives', { token: T().resident, json: body('Pluktuin voor de buurt') });
  assert.equal(a.status, 201, show(a));
  mine = a.json.id;
  const b = await api(ctx, 'POST', '/initiatives', { token: T().resident2, json: body('Bankjes langs het water') });
  assert.equal(b.status, 201, show(b));
  other = b.json.id;
  // resident2 is a member of IBCE
  const r = cli(['user', 'add', '--db', ctx.db, '--email', USERS.resident2.email, '--name', 'x', '--role', 'resident',
    '--org', 'ibce']);
  assert.equal(r.code, 0, r.stderr);
  for (const key of ['resident', 'resident2', 'official']) jars[key] = await login(ctx, USERS[key].email);
})());

const post = (token, id, json) => api(ctx, 'POST', `/initiatives/${id}/connections`, { token, json });

test('API: add (201, then 200), list both sides, remove (204)', async () => {
  await setup();
  let r = await post(T().resident, mine, { kind: 'goal', target: 'eenzaamheid' });
  assert.equal(r.status, 201, show(r));
  r = await post(T().resident, mine, { kind: 'goal', target: 'eenzaamheid' });
  assert.equal(r.status, 200, show(r));
  r = await post(T().resident, mine, { kind: 'organisation', target: 'woej' });
  assert.equal(r.status, 201, show(r));
  r = await post(T().resident, mine, { kind: 'initiative', target: other });
  assert.equal(r.status, 201, show(r));
  r = await api(ctx, 'GET', `/initiatives/${mine}/connections`);
  assert.equal(r.status, 200, show(r));
  assert.deepEqual(r.json.goals, [{ code: 'eenzaamheid', title: 'Het verminderen van eenzaamheid' }]);
  assert.deepEqual(r.json.organisations, [{ code: 'woej', name: 'Woej' }]);
  assert.deepEqual(r.json.initiatives, [{ id: other, title: 'Bankjes langs het water', state: 'ingediend' }]);
  // the partner sees it from its side too
  r = await api(ctx, 'GET', `/initiatives/${other}/connections`);
  assert.deepEqual(r.json.initiatives.map((x) => x.id), [mine]);
  // goal and organisation list the initiative
  r = await api(ctx, 'GET', '/goals/eenzaamheid');
  assert.ok(r.json.initiatives.some((x) => x.id === mine && x.state === 'ingediend' && x.area === 'bovenveen'), show(r));
  r = await api(ctx, 'GET', '/organisations/woej');
  assert.equal(r.json.initiatives[0].id, mine, 'newest first');
  // removing: from the other side for a partner link
  r = await api(ctx, 'DELETE', `/initiatives/${other}/connections/initiative/${mine}`, { token: T().resident2 });
  assert.equal(r.status, 204, show(r));
  assert.equal(r.text, '');
  r = await api(ctx, 'DELETE', `/initiatives/${other}/connections/initiative/${mine}`, { token: T().resident2 });
  assertError(r, 404, 'twice');
  r = await api(ctx, 'GET', `/initiatives/${mine}/connections`);
  assert.deepEqual(r.json.initiatives, []);
});

test('API: errors in Dutch, permissions, unknown targets', async () => {
  await setup();
  assertError(await post(undefined, mine, { kind: 'goal', target: 'eenzaamheid' }), 401);
  let r = await post(T().resident2, mine, { kind: 'goal', target: 'duurzaamheid' });
  assert.match(assertError(r, 403).message, /initiatiefnemer/);
  // a member connects her own organisation to someone else's initiative, not another one
  r = await post(T().resident2, mine, { kind: 'organisation', target: 'ibce' });
  assert.equal(r.status, 201, show(r));
  assertError(await post(T().resident2, mine, { kind: 'organisation', target: 'senw' }), 403);
  assertError(await api(ctx, 'DELETE', `/initiatives/${mine}/connections/organisation/woej`, { token: T().resident2 }), 403);
  r = await api(ctx, 'DELETE', `/initiatives/${mine}/connections/organisation/ibce`, { token: T().resident2 });
  assert.equal(r.status, 204, show(r));
  // staff may everything
  r = await post(T().official, mine, { kind: 'goal', target: 'duurzaamheid' });
  assert.equal(r.status, 201, show(r));
  assert.match(assertFields(await post(T().official, mine, { kind: 'goal', target: 'bestaat-niet' }), ['target']).target,
    /kennen we niet/);
  assertFields(await post(T().official, mine, { kind: 'organisation', target: 'bestaat-niet' }), ['target']);
  assertFields(await post(T().official, mine, { kind: 'initiative', target: 999999 }), ['target']);
  assertFields(await post(T().official, mine, { kind: 'initiative', target: mine }), ['target']);
  assertFields(await post(T().official, mine, { kind: 'taart', target: 'x' }), ['kind']);
  assertFields(await post(T().official, mine, { kind: 'goal' }), ['target']);
  assertError(await post(T().official, 999999, { kind: 'goal', target: 'eenzaamheid' }), 404);
  assertError(await api(ctx, 'GET', '/initiatives/999999/connections'), 404);
  assertError(await api(ctx, 'DELETE', `/initiatives/${mine}/connections/taart/x`, { token: T().official }), 404);
});

test('pages: the section, its forms with CSRF and errors next to the field, both sides', async () => {
  await setup();
  // nobody logged in: the list, no forms
  let r = await page(ctx, null, 'GET', `/initiatieven/${mine}`);
  assert.equal(r.status, 200);
  assert.ok(hasText(r.text, 'Verbonden met'));
  assert.ok(r.text.includes('href="/doelen/eenzaamheid"'), 'links to the goal');
  assert.ok(!r.text.includes('/verbindingen"'), 'no forms for visitors');
  // the initiator: forms
  r = await page(ctx, jars.resident, 'GET', `/initiatieven/${mine}`);
  const csrf = csrfFrom(r.text);
  assert.ok(r.text.includes(`action="/initiatieven/${mine}/verbindingen"`));
  assert.ok(r.text.includes('id="conn-goal"') && r.text.includes('id="conn-organisation"') && r.text.includes('id="conn-initiative"'));
  // CSRF
  r = await page(ctx, jars.resident, 'POST', `/initiatieven/${mine}/verbindingen`,
    { form: { csrf: 'nep', kind: 'goal', goal: 'activiteiten' } });
  assert.equal(r.status, 403, show(r));
  r = await page(ctx, null, 'POST', `/initiatieven/${mine}/verbindingen`, { form: { kind: 'goal', goal: 'activiteiten' } });
  assert.ok(r.status === 401 || r.status === 403, show(r));
  // adding: redirect with a message
  r = await page(ctx, jars.resident, 'POST', `/initiatieven/${mine}/verbindingen`,
    { form: { csrf, kind: 'goal', goal: 'activiteiten' } });
  assert.equal(r.status, 303, show(r));
  assert.equal(r.location, `/initiatieven/${mine}#verbonden`);
  r = await page(ctx, jars.resident, 'GET', `/initiatieven/${mine}`);
  assert.ok(hasText(r.text, 'De verbinding is gemaakt.'));
  assert.ok(r.text.includes('href="/doelen/activiteiten"'));
  // errors next to the field, 422
  const bad = [
    [{ kind: 'goal', goal: '' }, 'conn-goal', 'Kies een doel.'],
    [{ kind: 'initiative', initiative: String(mine) }, 'conn-initiative', 'Vul het nummer van een ander initiatief in'],
    [{ kind: 'initiative', initiative: '999999' }, 'conn-initiative', 'Er is geen initiatief met dit nummer.'],
    [{ kind: 'organisation', organisation: 'nergens' }, 'conn-organisation', 'Deze organisatie kennen we niet.'],
  ];
  for (const [form, id, msg] of bad) {
    r = await page(ctx, jars.resident, 'POST', `/initiatieven/${mine}/verbindingen`, { form: { csrf, ...form } });
    assert.equal(r.status, 422, `${JSON.stringify(form)} ${show(r)}`);
    assert.match(r.text, /<title>Fout: /);
    assert.ok(r.text.includes(`id="${id}-fout"`), `error next to ${id}`);
    assert.ok(hasText(r.text, msg), `says ${msg}`);
    assert.ok(r.text.includes(`href="#${id}"`), 'the summary links to the field');
  }
  // partner by number, shown with its state on both pages
  r = await page(ctx, jars.resident, 'POST', `/initiatieven/${mine}/verbindingen`,
    { form: { csrf, kind: 'initiative', initiative: String(other) } });
  assert.equal(r.status, 303, show(r));
  r = await page(ctx, null, 'GET', `/initiatieven/${other}`);
  assert.ok(r.text.includes(`href="/initiatieven/${mine}"`), 'the other side shows the partner');
  assert.ok(r.text.includes('wijzer-status--ingediend'));
  // the goal's page lists it
  r = await page(ctx, null, 'GET', '/doelen/activiteiten');
  assert.ok(hasText(r.text, 'Initiatieven die aan dit doel bijdragen'));
  assert.ok(r.text.includes(`href="/initiatieven/${mine}"`));
  // a member sees only her organisation in the form, and may not add a goal
  r = await page(ctx, jars.resident2, 'GET', `/initiatieven/${mine}`);
  assert.ok(!r.text.includes('id="conn-goal"'));
  assert.ok(r.text.includes('<option value="ibce">'));
  assert.ok(!r.text.includes('<option value="woej">'));
  const c2 = csrfFrom(r.text);
  r = await page(ctx, jars.resident2, 'POST', `/initiatieven/${mine}/verbindingen`, { form: { csrf: c2, kind: 'goal', goal: 'eenzaamheid' } });
  assert.equal(r.status, 403, show(r));
  r = await page(ctx, jars.resident2, 'POST', `/initiatieven/${mine}/verbindingen`,
    { form: { csrf: c2, kind: 'organisation', organisation: 'ibce' } });
  assert.equal(r.status, 303, show(r));
  r = await page(ctx, null, 'GET', '/organisaties/ibce');
  assert.ok(hasText(r.text, 'Initiatieven die deze organisatie helpt'));
  assert.ok(r.text.includes(`href="/initiatieven/${mine}"`));
  // the initiator of another initiative links hers, and may take that link away again
  r = await page(ctx, jars.resident, 'POST', `/initiatieven/${mine}/verbindingen/weghalen`,
    { form: { csrf, kind: 'initiative', target: String(other) } });
  assert.equal(r.status, 303, show(r));
  r = await page(ctx, jars.resident2, 'GET', `/initiatieven/${mine}`);
  assert.ok(hasText(r.text, 'Uw initiatief werkt hiermee samen'));
  assert.ok(r.text.includes(`<option value="${other}">`));
  r = await page(ctx, jars.resident2, 'POST', `/initiatieven/${mine}/verbindingen`,
    { form: { csrf: c2, kind: 'initiative', initiative: String(other) } });
  assert.equal(r.status, 303, show(r));
  r = await page(ctx, jars.resident2, 'GET', `/initiatieven/${mine}`);
  assert.ok(r.text.includes(`name="target" value="${other}"`), 'a remove button for her own partner link');
  assert.ok(!r.text.includes('name="target" value="activiteiten"'), 'but not for the goal');
  // weghalen
  r = await page(ctx, jars.resident, 'POST', `/initiatieven/${mine}/verbindingen/weghalen`,
    { form: { csrf, kind: 'goal', target: 'activiteiten' } });
  assert.equal(r.status, 303, show(r));
  r = await page(ctx, jars.resident, 'GET', `/initiatieven/${mine}`);
  assert.ok(hasText(r.text, 'De verbinding is weggehaald.'));
  assert.ok(!r.text.includes('href="/doelen/activiteiten"'));
  r = await page(ctx, jars.resident2, 'POST', `/initiatieven/${mine}/verbindingen/weghalen`,
    { form: { csrf: c2, kind: 'goal', target: 'eenzaamheid' } });
  assert.equal(r.status, 403, show(r));
});

test('demo: connections on goal and organisation pages', async () => {
  await setup();
  let r = await api(ctx, 'GET', '/goals/duurzaamheid');
  assert.ok(r.json.initiatives.some((x) => x.title === 'Buurtmoestuin Bovenveen'), show(r));
  r = await page(ctx, null, 'GET', '/organisaties/fenomeen-bovenveen');
  assert.ok(hasText(r.text, 'Buurtmoestuin Bovenveen'));
  // loading the demo again changes nothing
  const before = (await api(ctx, 'GET', '/organisations/woej')).json.initiatives.length;
  const again = cli(['init', '--db', ctx.db, '--demo']);
  assert.equal(again.code, 0, again.stderr);
  assert.equal((await api(ctx, 'GET', '/organisations/woej')).json.initiatives.length, before);
});

test('members: add by e-mail address, remove, leave, not the last; never public', async () => {
  await setup();
  const fatima = await login(ctx, 'fatima.ouali@example.nl', DEMO_PASSWORD);
  const edit = '/organisaties/fenomeen-bovenveen/bewerken';
  let r = await page(ctx, fatima, 'GET', edit);
  assert.equal(r.status, 200, show(r));
  assert.ok(hasText(r.text, 'Wim Spierings'));
  assert.ok(!r.text.includes('@example.nl'), 'no e-mail addresses even for members');
  const csrf = csrfFrom(r.text);
  r = await page(ctx, fatima, 'POST', '/organisaties/fenomeen-bovenveen/leden', { form: { csrf, email: 'niemand@example.nl' } });
  assert.equal(r.status, 422, show(r));
  assert.ok(hasText(r.text, 'Er is geen account met dit e-mailadres'));
  assert.ok(r.text.includes('id="member-email-fout"'));
  r = await page(ctx, fatima, 'POST', '/organisaties/fenomeen-bovenveen/leden', { form: { csrf: 'nep', email: USERS.resident.email } });
  assert.equal(r.status, 403);
  r = await page(ctx, fatima, 'POST', '/organisaties/fenomeen-bovenveen/leden', { form: { csrf, email: USERS.resident.email } });
  assert.equal(r.status, 303, show(r));
  r = await page(ctx, fatima, 'GET', edit);
  assert.ok(hasText(r.text, 'Het nieuwe lid staat in de lijst.'));
  assert.ok(hasText(r.text, USERS.resident.name));
  // an outsider may not
  r = await page(ctx, jars.official, 'GET', edit);
  assert.equal(r.status, 403);
  // the public page never lists members
  r = await page(ctx, null, 'GET', '/organisaties/fenomeen-bovenveen');
  assert.ok(!hasText(r.text, USERS.resident.name), 'no members on the public page');
  // API: add, remove, leave, the last one stays
  const T2 = T();
  assertError(await api(ctx, 'POST', '/organisations/fenomeen-bovenveen/members', { token: T2.official, json: { email: USERS.official2.email } }), 403);
  assertFields(await api(ctx, 'POST', '/organisations/fenomeen-bovenveen/members', { token: T2.resident, json: { email: 'x@y.nl' } }), ['email']);
  r = await api(ctx, 'POST', '/organisations/ibce/members', { token: T2.resident2, json: { email: USERS.official.email } });
  assert.equal(r.status, 201, show(r));
  assert.equal(r.json.name, USERS.official.name);
  assert.ok(!JSON.stringify(r.json).includes('@'));
  const olga = r.json.id;
  const resident2Id = ctx.ids.resident2;
  r = await api(ctx, 'DELETE', `/organisations/ibce/members/${olga}`, { token: T2.resident2 });
  assert.equal(r.status, 204, show(r));
  assertError(await api(ctx, 'DELETE', `/organisations/ibce/members/${olga}`, { token: T2.resident2 }), 404);
  // an organisation with one member keeps her
  r = await api(ctx, 'POST', '/organisations', { token: T2.resident2, json: {
    name: 'Buurtvereniging De Linde', kind: 'vereniging', description: 'Buren in de Lindestraat.' } });
  assert.equal(r.status, 201, show(r));
  r = await api(ctx, 'DELETE', `/organisations/${r.json.code}/members/${resident2Id}`, { token: T2.resident2 });
  assert.match(assertError(r, 409).message, /minstens één lid/);
  // the web: a member leaves
  r = await page(ctx, jars.resident, 'GET', edit);
  const c3 = csrfFrom(r.text);
  const me = r.text.match(/leden\/(\d+)\/weghalen"[^>]*>\s*<input[^>]*>\s*<button[^>]*><span class="nl-button__label">Uit de organisatie stappen/);
  assert.ok(me, 'a leave button for oneself');
  r = await page(ctx, jars.resident, 'POST', `/organisaties/fenomeen-bovenveen/leden/${me[1]}/weghalen`, { form: { csrf: c3 } });
  assert.equal(r.status, 303, show(r));
  assert.equal(r.location, '/organisaties/fenomeen-bovenveen');
  r = await page(ctx, jars.resident, 'GET', edit);
  assert.equal(r.status, 403, 'no longer a member');
});
