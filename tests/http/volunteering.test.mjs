// Volunteering of issue 6 over HTTP: vacancies in the API with filters;
// only a member of the organisation (or an admin or coordinator) posts for
// it; privacy: hidden profiles never appear in a search, a search carries
// no contact details, and only those who manage a vacancy see the e-mail
// address of someone who responded; the state machines of a response
// (new → accepted | declined | withdrawn) and of a vacancy (open → filled
// → open again when a placement ends); invitations (contact details only
// after she accepts); "for you" with reasons; forms with
// Dutch errors next to the fields, and CSRF.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServer, api, page, login, csrfFrom, show, hasText, assertError, cli, USERS, DEMO_PASSWORD } from './lib.mjs';

const ctx = useServer();
const jars = {};
const tok = {};
let setUp;
const setup = () => (setUp ??= (async () => {
  // rosa is a member of Woej; the demo volunteer is Youssef
  const r = cli(['user', 'add', '--db', ctx.db, '--email', USERS.resident.email, '--name', 'x', '--role', 'resident',
    '--org', 'woej']);
  assert.equal(r.code, 0, `user add --org: ${r.stderr}`);
  for (const email of ['youssef.bennani@example.nl', 'wim.spierings@example.nl']) {
    const t = cli(['token', 'create', '--db', ctx.db, '--email', email]);
    assert.equal(t.code, 0, t.stderr);
    tok[email.split('.')[0]] = t.stdout.trim();
  }
  jars.resident = await login(ctx, USERS.resident.email);
  jars.youssef = await login(ctx, 'youssef.bennani@example.nl', DEMO_PASSWORD);
})());

const T = () => ctx.tokens;

const vacancy = {
  organisation: 'woej', title: 'Soep koken voor de buurt', tasks: 'Samen soep koken voor dertig buren.',
  skills: 'koken', area: 'voorburg-noord', date: '2031-12-20', hours: 3, places: 1, suits: ['youth', 'older'],
  slots: ['saturday_morning'],
};

test('API: the demo vacancies with filters', async () => {
  const all = await api(ctx, 'GET', '/vacancies');
  assert.equal(all.status, 200, show(all));
  assert.equal(all.json.total, 5);
  const bulbs = all.json.items.find((x) => x.title === 'Bollen planten in Park Leeuwenbergh');
  assert.equal(bulbs.time.kind, 'one_off');
  // the demo puts it on a Saturday at least two weeks ahead
  const day = new Date(`${bulbs.time.date}T12:00:00Z`);
  assert.equal(day.getUTCDay(), 6, bulbs.time.date);
  assert.ok(day - Date.now() > 13 * 86400e3, bulbs.time.date);
  assert.deepEqual(bulbs.organisation, { code: 'fenomeen-bovenveen', name: 'Fenomeen Bovenveen' });
  assert.equal(bulbs.state, 'open');
  assert.ok(!('responses' in bulbs));
  assert.equal((await api(ctx, 'GET', '/vacancies?kind=one_off')).json.total, 2);
  assert.equal((await api(ctx, 'GET', '/vacancies?kind=recurring')).json.total, 3);
  assert.equal((await api(ctx, 'GET', '/vacancies?from_home=true')).json.total, 1);
  assert.equal((await api(ctx, 'GET', '/vacancies?theme=groen')).json.total, 1);
  // a wijk includes its buurten
  assert.equal((await api(ctx, 'GET', '/vacancies?area=voorburg-noord')).json.total, 2);
  assert.equal((await api(ctx, 'GET', '/vacancies?q=kook')).json.total, 1);
  assert.equal((await api(ctx, 'GET', '/vacancies?suits=newcomers')).json.total, 3);
  const bad = assertError(await api(ctx, 'GET', '/vacancies?kind=soms&suits=iedereen'), 422);
  assert.ok(bad.fields.kind && bad.fields.suits, JSON.stringify(bad));
  assertError(await api(ctx, 'GET', '/vacancies/999999'), 404);
});

test('API: only members post a vacancy for their organisation; errors in Dutch', async () => {
  await setup();
  assertError(await api(ctx, 'POST', '/vacancies', { json: vacancy }), 401);
  const forbidden = assertError(await api(ctx, 'POST', '/vacancies', { token: T().resident2, json: vacancy }), 403);
  assert.match(forbidden.message, /leden/);
  assertError(await api(ctx, 'POST', '/vacancies', { token: T().resident, json: { ...vacancy, organisation: 'ibce' } }), 403);
  const invalid = assertError(await api(ctx, 'POST', '/vacancies', {
    token: T().resident, json: { organisation: 'woej', title: '', date: '2031-13-45', hours_per_week: 2, places: 0 },
  }), 422);
  for (const f of ['title', 'tasks', 'area', 'date']) assert.ok(invalid.fields[f], `${f}: ${JSON.stringify(invalid)}`);
  const past = assertError(await api(ctx, 'POST', '/vacancies', {
    token: T().resident, json: { ...vacancy, date: '2020-01-04' },
  }), 422);
  assert.match(past.fields.date, /voorbij/);
  const ok = await api(ctx, 'POST', '/vacancies', { token: T().resident, json: vacancy });
  assert.equal(ok.status, 201, show(ok));
  assert.match(ok.headers.get('location'), /^\/api\/v1\/vacancies\/\d+$/);
  assert.deepEqual(ok.json.suits, ['youth', 'older']);
  assert.deepEqual(ok.json.time.slots, ['saturday_morning']);
  const admin = await api(ctx, 'POST', '/vacancies', {
    token: T().admin, json: { organisation: 'ibce', title: 'Vertalen', tasks: 'Folders vertalen.', from_home: true, hours_per_week: 2 },
  });
  assert.equal(admin.status, 201, show(admin));
  assert.equal(admin.json.area, null);
  assert.equal(admin.json.from_home, true);
  // the initiator posts for her initiative; someone else may not
  const ini = (await api(ctx, 'GET', `/initiatives?q=${encodeURIComponent('Geveltuintjes')}`)).json.items[0];
  const lotte = cli(['token', 'create', '--db', ctx.db, '--email', 'lotte.janssen@example.nl']).stdout.trim();
  const forInitiative = { initiative_id: ini.id, title: 'Plantjes zetten', tasks: 'Geveltuintjes planten.', area: 'fonteijn', date: '2031-04-05', hours: 3 };
  assertError(await api(ctx, 'POST', '/vacancies', { token: T().resident, json: forInitiative }), 403);
  const own = await api(ctx, 'POST', '/vacancies', { token: lotte, json: forInitiative });
  assert.equal(own.status, 201, show(own));
  assert.equal(own.json.organisation, null);
  assert.equal(own.json.initiative.id, ini.id);
  const both = assertError(await api(ctx, 'POST', '/vacancies', { token: lotte, json: { ...forInitiative, organisation: 'woej' } }), 422);
  assert.ok(both.fields.organisation, JSON.stringify(both));
});

test('privacy: hidden profiles stay out of the search, no contact details in it', async () => {
  await setup();
  const me = await api(ctx, 'GET', '/volunteers/me', { token: T().resident2 });
  assert.equal(me.status, 200, show(me));
  assert.equal(me.json.saved, false);
  assertError(await api(ctx, 'GET', '/volunteers/me'), 401);
  const put = await api(ctx, 'PUT', '/volunteers/me', {
    token: T().resident2,
    json: { skills: 'geheimkoken', themes: ['groen'], areas: ['bovenveen'], availability: ['monday_evening'], visible: false },
  });
  assert.equal(put.status, 200, show(put));
  assert.equal(put.json.visible, false);
  assert.deepEqual(put.json.availability, ['monday_evening']);
  const bad = assertError(await api(ctx, 'PUT', '/volunteers/me', {
    token: T().resident2, json: { themes: ['bestaat-niet'], availability: ['someday_noon'], visible: 'ja' },
  }), 422);
  for (const f of ['availability', 'visible']) assert.ok(bad.fields[f], `${f}: ${JSON.stringify(bad)}`);
  const theme = assertError(await api(ctx, 'PUT', '/volunteers/me', { token: T().resident2, json: { themes: ['bestaat-niet'] } }), 422);
  assert.match(theme.fields.themes, /thema/);
  // a resident who is no member may not search
  assertError(await api(ctx, 'GET', '/volunteers?q=koken', { token: T().resident2 }), 403);
  assertError(await api(ctx, 'GET', '/volunteers?q=koken'), 401);
  const found = await api(ctx, 'GET', '/volunteers?q=koken', { token: T().resident });
  assert.equal(found.status, 200, show(found));
  assert.deepEqual(found.json.items.map((x) => x.name), ['Youssef Bennani']);
  assert.ok(!/@|06-/.test(found.text), `no contact details: ${found.text}`);
  assert.ok(!('visible' in found.json.items[0]));
  // hidden: not found, also not by name
  assert.equal((await api(ctx, 'GET', '/volunteers?q=geheimkoken', { token: T().resident })).json.total, 0);
  await api(ctx, 'PUT', '/volunteers/me', { token: T().resident2, json: { visible: true } });
  assert.equal((await api(ctx, 'GET', '/volunteers?q=geheimkoken', { token: T().resident })).json.total, 1);
  await api(ctx, 'PUT', '/volunteers/me', { token: T().resident2, json: { visible: false } });
  assert.equal((await api(ctx, 'GET', '/volunteers?q=geheimkoken', { token: T().resident })).json.total, 0);
});

test('responses and placements: the state machines and who sees contact details', async () => {
  await setup();
  const v = await api(ctx, 'POST', '/vacancies', { token: T().resident, json: { ...vacancy, title: 'Eén plek: soep' } });
  assert.equal(v.status, 201, show(v));
  const id = v.json.id;
  assertError(await api(ctx, 'POST', `/vacancies/${id}/responses`, { json: { message: 'Ik help' } }), 401);
  const empty = assertError(await api(ctx, 'POST', `/vacancies/${id}/responses`, { token: tok.youssef, json: { message: ' ' } }), 422);
  assert.match(empty.fields.message, /bericht/);
  const resp = await api(ctx, 'POST', `/vacancies/${id}/responses`, { token: tok.youssef, json: { message: 'Ik kook graag.' } });
  assert.equal(resp.status, 201, show(resp));
  assert.equal(resp.json.state, 'new');
  assertError(await api(ctx, 'POST', `/vacancies/${id}/responses`, { token: tok.youssef, json: { message: 'Nog eens' } }), 409);
  // the public and other residents see no responses; the member of Woej sees her e-mail address
  for (const token of [undefined, T().resident2, tok.youssef, tok.wim]) {
    const r = await api(ctx, 'GET', `/vacancies/${id}`, { token });
    assert.equal(r.status, 200, show(r));
    assert.ok(!('responses' in r.json) && !r.text.includes('youssef.bennani@'), `no contact details for ${token}`);
  }
  const managed = await api(ctx, 'GET', `/vacancies/${id}`, { token: T().resident });
  assert.equal(managed.json.responses.length, 1);
  assert.equal(managed.json.responses[0].volunteer.email, 'youssef.bennani@example.nl');
  // the volunteer cannot accept herself; an unknown state is a 422
  assertError(await api(ctx, 'PATCH', `/responses/${resp.json.id}`, { token: tok.youssef, json: { state: 'accepted' } }), 403);
  assertError(await api(ctx, 'PATCH', `/responses/${resp.json.id}`, { token: T().resident, json: { state: 'misschien' } }), 422);
  const acc = await api(ctx, 'PATCH', `/responses/${resp.json.id}`, { token: T().resident, json: { state: 'accepted' } });
  assert.equal(acc.status, 200, show(acc));
  assertError(await api(ctx, 'PATCH', `/responses/${resp.json.id}`, { token: T().resident, json: { state: 'declined' } }), 409);
  assertError(await api(ctx, 'PATCH', `/responses/${resp.json.id}`, { token: tok.youssef, json: { state: 'withdrawn' } }), 409);
  let now = await api(ctx, 'GET', `/vacancies/${id}`, { token: T().resident });
  assert.equal(now.json.state, 'filled');
  assert.equal(now.json.accepted, 1);
  const placement = now.json.placements[0];
  assert.equal(placement.ended_at, null);
  // filled: not in the list, no more responses
  assert.ok(!(await api(ctx, 'GET', '/vacancies?q=soep')).json.items.some((x) => x.id === id));
  assertError(await api(ctx, 'POST', `/vacancies/${id}/responses`, { token: T().resident2, json: { message: 'Ik ook' } }), 409);
  // an outsider cannot end it; the volunteer can, once; the vacancy opens again
  assertError(await api(ctx, 'POST', `/placements/${placement.id}/end`, { token: T().resident2 }), 403);
  const end = await api(ctx, 'POST', `/placements/${placement.id}/end`, { token: tok.youssef });
  assert.equal(end.status, 200, show(end));
  assertError(await api(ctx, 'POST', `/placements/${placement.id}/end`, { token: T().resident }), 409);
  now = await api(ctx, 'GET', `/vacancies/${id}`, { token: T().resident });
  assert.equal(now.json.state, 'open');
  assert.equal(now.json.accepted, 0);
  // another responds and withdraws; then nothing more can be decided
  const r2 = await api(ctx, 'POST', `/vacancies/${id}/responses`, { token: T().resident2, json: { message: 'Ik ook' } });
  assert.equal(r2.status, 201, show(r2));
  assertError(await api(ctx, 'PATCH', `/responses/${r2.json.id}`, { token: tok.youssef, json: { state: 'withdrawn' } }), 404);
  const w = await api(ctx, 'PATCH', `/responses/${r2.json.id}`, { token: T().resident2, json: { state: 'withdrawn' } });
  assert.equal(w.status, 200, show(w));
  assertError(await api(ctx, 'PATCH', `/responses/${r2.json.id}`, { token: T().resident, json: { state: 'accepted' } }), 409);
});

test('invitations: a member invites a visible volunteer; contact details only after she accepts', async () => {
  await setup();
  const v = await api(ctx, 'POST', '/vacancies', { token: T().resident, json: { ...vacancy, title: 'Uitnodiging: soep', places: 2 } });
  assert.equal(v.status, 201, show(v));
  const id = v.json.id;
  const youssef = (await api(ctx, 'GET', '/volunteers?q=Youssef', { token: T().resident })).json.items[0];
  // resident2's profile is hidden (previous test): not invitable, the same answer as for nobody
  const me2 = await api(ctx, 'GET', '/volunteers/me', { token: T().resident2 });
  await api(ctx, 'PUT', '/volunteers/me', { token: T().resident2, json: { visible: false } });
  const hidden = assertError(await api(ctx, 'POST', `/vacancies/${id}/invitations`, { token: T().resident, json: { volunteer_id: me2.json.id } }), 422);
  const nobody = assertError(await api(ctx, 'POST', `/vacancies/${id}/invitations`, { token: T().resident, json: { volunteer_id: 999999 } }), 422);
  assert.equal(hidden.fields.volunteer_id, nobody.fields.volunteer_id);
  assertError(await api(ctx, 'POST', `/vacancies/${id}/invitations`, { token: tok.wim, json: { volunteer_id: youssef.id } }), 403);
  const inv = await api(ctx, 'POST', `/vacancies/${id}/invitations`, {
    token: T().resident, json: { volunteer_id: youssef.id, message: 'Wilt u meekoken?' },
  });
  assert.equal(inv.status, 201, show(inv));
  assert.equal(inv.json.state, 'invited');
  assert.ok(!inv.text.includes('@'), inv.text);
  assertError(await api(ctx, 'POST', `/vacancies/${id}/invitations`, { token: T().resident, json: { volunteer_id: youssef.id } }), 409);
  // before she answers: no response, no e-mail address
  let managed = await api(ctx, 'GET', `/vacancies/${id}`, { token: T().resident });
  assert.deepEqual(managed.json.responses, []);
  assert.ok(!managed.text.includes('@'), managed.text);
  const mine = await api(ctx, 'GET', '/volunteers/me/invitations', { token: tok.youssef });
  const mineInv = mine.json.items.find((x) => x.id === inv.json.id);
  assert.equal(mineInv.message, 'Wilt u meekoken?');
  assertError(await api(ctx, 'PATCH', `/invitations/${inv.json.id}`, { token: T().resident2, json: { state: 'accepted' } }), 404);
  assertError(await api(ctx, 'PATCH', `/invitations/${inv.json.id}`, { token: tok.youssef, json: { state: 'misschien' } }), 422);
  const yes = await api(ctx, 'PATCH', `/invitations/${inv.json.id}`, { token: tok.youssef, json: { state: 'accepted' } });
  assert.equal(yes.status, 200, show(yes));
  assert.ok(yes.json.response_id > 0);
  assertError(await api(ctx, 'PATCH', `/invitations/${inv.json.id}`, { token: tok.youssef, json: { state: 'declined' } }), 409);
  managed = await api(ctx, 'GET', `/vacancies/${id}`, { token: T().resident });
  assert.equal(managed.json.responses.length, 1);
  assert.equal(managed.json.responses[0].volunteer.email, 'youssef.bennani@example.nl');
});

test('who fits a vacancy: visible profiles for its manager, with reasons, without contact details', async () => {
  await setup();
  const bulbs = (await api(ctx, 'GET', '/vacancies?q=Bollen')).json.items[0];
  const pub = await api(ctx, 'GET', `/vacancies/${bulbs.id}`, { token: T().resident });
  assert.ok(!('fitting_volunteers' in pub.json), 'not for others');
  const r = await api(ctx, 'GET', `/vacancies/${bulbs.id}`, { token: tok.wim });
  assert.equal(r.status, 200, show(r));
  const y = r.json.fitting_volunteers.find((x) => x.name === 'Youssef Bennani');
  assert.ok(y, JSON.stringify(r.json.fitting_volunteers));
  assert.ok(y.reasons.includes('helpt in deze wijk'), JSON.stringify(y.reasons));
  assert.ok(!r.text.includes('youssef.bennani@'));
  assert.ok(!r.json.fitting_volunteers.some((x) => x.name === 'Ruben Testbuurman'), 'hidden profile');
});

test('"for you": ranked open vacancies with reasons', async () => {
  await setup();
  assertError(await api(ctx, 'GET', '/volunteers/me/matches'), 401);
  const m = await api(ctx, 'GET', '/volunteers/me/matches', { token: tok.youssef });
  assert.equal(m.status, 200, show(m));
  const first = m.json.items[0];
  assert.equal(first.title, 'Bollen planten in Park Leeuwenbergh');
  for (const why of ['past bij uw tijd: zaterdagochtend', 'in uw wijk', 'thema Groen en natuur', 'vaardigheid: tuinieren', 'eenmalig'])
    assert.ok(first.reasons.includes(why), `${why}: ${JSON.stringify(first.reasons)}`);
  const scores = m.json.items.map((x) => x.score);
  assert.deepEqual(scores, [...scores].sort((a, b) => b - a));
  // no profile: nothing
  assert.deepEqual((await api(ctx, 'GET', '/volunteers/me/matches', { token: T().official })).json.items, []);
});

test('forms: respond with errors next to the field, the profile grid, CSRF', async () => {
  await setup();
  const list = await page(ctx, jars.youssef, 'GET', '/vrijwilligerswerk?soort=eenmalig&thema=groen');
  assert.equal(list.status, 200);
  assert.ok(hasText(list.text, 'Bollen planten in Park Leeuwenbergh'));
  assert.ok(!hasText(list.text, 'Kookmaatje'));
  const v = (await api(ctx, 'GET', '/vacancies?q=Handen')).json.items[0];
  const get = await page(ctx, jars.youssef, 'GET', `/vrijwilligerswerk/${v.id}`);
  assert.equal(get.status, 200);
  const csrf = csrfFrom(get.text);
  const noCsrf = await page(ctx, jars.youssef, 'POST', `/vrijwilligerswerk/${v.id}/reageren`, { form: [['bericht', 'Hoi']] });
  assert.equal(noCsrf.status, 403);
  const empty = await page(ctx, jars.youssef, 'POST', `/vrijwilligerswerk/${v.id}/reageren`, { form: [['csrf', csrf], ['bericht', '']] });
  assert.equal(empty.status, 422);
  assert.ok(hasText(empty.text, 'Vul een kort bericht aan de organisatie in.'));
  const ok = await page(ctx, jars.youssef, 'POST', `/vrijwilligerswerk/${v.id}/reageren`, { form: [['csrf', csrf], ['bericht', 'Ik help mee!']] });
  assert.equal(ok.status, 303, show(ok));
  // the profile: the grid as sent
  const prof = await page(ctx, jars.resident, 'GET', '/vrijwilligerswerk/profiel');
  const pc = csrfFrom(prof.text);
  const saved = await page(ctx, jars.resident, 'POST', '/vrijwilligerswerk/profiel', {
    form: [['csrf', pc], ['vaardigheden', 'fietsen'], ['wijken', 'oud-voorburg'], ['tijd', '1-1'], ['tijd', '6-0'], ['voorkeur', 'one_off'], ['zichtbaar', 'nee']],
  });
  assert.equal(saved.status, 303, show(saved));
  const me = await api(ctx, 'GET', '/volunteers/me', { token: T().resident });
  assert.deepEqual(me.json.availability, ['tuesday_afternoon', 'sunday_morning']);
  assert.equal(me.json.preference, 'one_off');
  assert.equal(me.json.visible, false);
  const badGrid = await page(ctx, jars.resident, 'POST', '/vrijwilligerswerk/profiel', {
    form: [['csrf', pc], ['tijd', '9-9'], ['vaardigheden', 'blijft staan']],
  });
  assert.equal(badGrid.status, 422);
  assert.ok(hasText(badGrid.text, 'Kies dagen en dagdelen uit de tabel.'));
  assert.ok(hasText(badGrid.text, 'blijft staan'));
  // a new vacancy through the form, with a mistake first
  const nf = await page(ctx, jars.resident, 'GET', '/vrijwilligerswerk/nieuw');
  const nc = csrfFrom(nf.text);
  const wrong = await page(ctx, jars.resident, 'POST', '/vrijwilligerswerk/nieuw', {
    form: [['csrf', nc], ['organisatie', 'woej'], ['titel', 'Kerstbomen'], ['uren-week', 'veel']],
  });
  assert.equal(wrong.status, 422);
  assert.ok(hasText(wrong.text, 'Vul het aantal uur per week in als een heel getal'));
  assert.ok(hasText(wrong.text, 'value="Kerstbomen"'));
  const made = await page(ctx, jars.resident, 'POST', '/vrijwilligerswerk/nieuw', {
    form: [['csrf', nc], ['organisatie', 'woej'], ['titel', 'Kerstbomen'], ['taken', 'Versieren'], ['wijk', 'oud-voorburg'], ['uren-week', '2'], ['plekken', '2']],
  });
  assert.equal(made.status, 303, show(made));
  assert.match(made.location, /^\/vrijwilligerswerk\/\d+$/);
});
