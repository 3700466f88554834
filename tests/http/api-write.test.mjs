// The write side of the JSON API: submitting, changing, moving through
// the process, the timeline that records it, help requests, deadlines,
// and who may do what.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useServer, api, show, assertError, assertFields, USERS, personName, areaCode, addWorkingDays, dayOf, isoDay,
} from './lib.mjs';

const ctx = useServer();
const T = () => ctx.tokens;

const body = (extra = {}) => ({
  title: 'Vlindertuin aan de Vliet',
  summary: 'Buren zaaien samen een strook bloemen voor vlinders en bijen langs het water.',
  description: 'We willen **vlindertuinen** aanleggen op drie plekken langs de Vliet.\n\n- zaad\n- gereedschap',
  area: 'bovenveen',
  themes: ['groen', 'duurzaamheid'],
  sdgs: [11, 15],
  help_requests: [
    { kind: 'geld', description: 'Zaad en plantjes voor drie stroken', amount_cents: 25000 },
    { kind: 'vrijwilligers', description: 'Zes buren voor de plantdag' },
  ],
  ...extra,
});

const kindOf = (h) => (h.kind && typeof h.kind === 'object' ? h.kind.code : h.kind);
const codes = (v) => (v || []).map((x) => (x && typeof x === 'object' ? (x.code ?? x.number) : x)).map(String).sort();

let id; // the initiative this file walks through the process

test('POST /api/v1/initiatives: 201 with the object in state ingediend and a Location', async () => {
  const before = await api(ctx, 'GET', '/initiatives');
  const r = await api(ctx, 'POST', '/initiatives', { token: T().resident, json: body() });
  assert.equal(r.status, 201, show(r));
  assert.match(r.headers.get('content-type'), /^application\/json/);
  const o = r.json;
  assert.ok(Number.isInteger(o.id) && o.id > 0, show(r));
  id = o.id;
  assert.equal(o.state, 'ingediend');
  assert.equal(o.title, 'Vlindertuin aan de Vliet');
  assert.equal(o.summary, body().summary);
  assert.equal(areaCode(o), 'bovenveen');
  assert.deepEqual(codes(o.themes), ['duurzaamheid', 'groen']);
  assert.deepEqual(codes(o.sdgs), ['11', '15']);
  assert.equal(o.help_requests.length, 2);
  const loc = r.headers.get('location');
  assert.ok(loc, 'Location header');
  assert.match(loc, new RegExp(`/api/v1/initiatives/${id}$`));
  const after = await api(ctx, 'GET', '/initiatives');
  assert.equal(after.json.total, before.json.total + 1, 'the list counts it');
});

test('GET the new initiative: help requests, no contact yet, intake deadline 10 working days ahead', async () => {
  const t0 = Date.now();
  const r = await api(ctx, 'GET', `/initiatives/${id}`);
  assert.equal(r.status, 200, show(r));
  const o = r.json;
  assert.equal(o.description, body().description);
  const geld = o.help_requests.find((h) => kindOf(h) === 'geld');
  assert.ok(geld, JSON.stringify(o.help_requests));
  assert.equal(geld.description, 'Zaad en plantjes voor drie stroken');
  assert.equal(geld.amount_cents, 25000);
  assert.equal(geld.state, 'open');
  const vrij = o.help_requests.find((h) => kindOf(h) === 'vrijwilligers');
  assert.ok(vrij.amount_cents === null || vrij.amount_cents === undefined, 'no amount: null');
  assert.equal(vrij.state, 'open');
  assert.ok('contact' in o, 'contact member present');
  assert.ok(o.contact === null || !o.contact.name, `no contact before intake: ${JSON.stringify(o.contact)}`);
  const dl = o.deadline;
  assert.ok(dl && typeof dl === 'object', `deadline: ${show(r)}`);
  for (const k of ['state', 'due', 'overdue']) assert.ok(k in dl, `deadline.${k}: ${JSON.stringify(dl)}`);
  assert.ok(dl.what === undefined || dl.what === 'intake', `deadline.what: ${JSON.stringify(dl)}`);
  assert.ok(['ingediend', 'intake'].includes(dl.state), `deadline.state: ${JSON.stringify(dl)}`);
  assert.equal(dl.overdue, false);
  const ok = new Set();
  for (const t of [t0, Date.now()]) for (const extra of [false, true]) ok.add(isoDay(addWorkingDays(dayOf(t), 10, extra)));
  assert.ok(ok.has(String(dl.due).slice(0, 10)), `due ${dl.due}, expected one of ${[...ok]}`);
});

test('the new initiative is found by search, its words stemmed', async () => {
  for (const q of ['vlindertuin', 'vlindertuinen']) {
    const r = await api(ctx, 'GET', `/initiatives?q=${q}`);
    assert.equal(r.status, 200, show(r));
    assert.ok(r.json.items.some((i) => i.id === id), `q=${q} ${show(r)}`);
  }
});

test('PATCH by the initiator: 200, only the fields sent change', async () => {
  const r = await api(ctx, 'PATCH', `/initiatives/${id}`, {
    token: T().resident, json: { title: 'Vlinderstroken aan de Vliet', themes: ['groen'] },
  });
  assert.equal(r.status, 200, show(r));
  const g = await api(ctx, 'GET', `/initiatives/${id}`);
  assert.equal(g.json.title, 'Vlinderstroken aan de Vliet');
  assert.deepEqual(codes(g.json.themes), ['groen']);
  assert.equal(g.json.summary, body().summary, 'summary untouched');
  assert.deepEqual(codes(g.json.sdgs), ['11', '15'], 'sdgs untouched');
  assert.equal(areaCode(g.json), 'bovenveen', 'area untouched');
  assert.equal(g.json.state, 'ingediend', 'a change is not a step');
  const s = await api(ctx, 'GET', '/initiatives?q=vlinderstroken');
  assert.ok(s.json.items.some((i) => i.id === id), `search sees the new title ${show(s)}`);
});

test('PATCH by an official: 200', async () => {
  const r = await api(ctx, 'PATCH', `/initiatives/${id}`, { token: T().official2, json: { summary: body().summary + ' Met de school.' } });
  assert.equal(r.status, 200, show(r));
});

test('PATCH: another resident 403, no token 401, bad token 401, unknown id 404, bad values 422', async () => {
  assertError(await api(ctx, 'PATCH', `/initiatives/${id}`, { token: T().resident2, json: { title: 'Van mij nu' } }),
    403, 'PATCH by another resident');
  assertError(await api(ctx, 'PATCH', `/initiatives/${id}`, { json: { title: 'Zonder sleutel' } }), 401, 'PATCH without token');
  assertError(await api(ctx, 'PATCH', `/initiatives/${id}`, { token: 'wz_ongeldig', json: { title: 'x' } }), 401, 'PATCH bad token');
  assertError(await api(ctx, 'PATCH', '/initiatives/999999', { token: T().official, json: { title: 'Bestaat niet' } }), 404);
  assertFields(await api(ctx, 'PATCH', `/initiatives/${id}`, { token: T().resident, json: { title: '', area: 'atlantis' } }),
    ['title', 'area'], 'PATCH with an empty title and unknown area');
  const g = await api(ctx, 'GET', `/initiatives/${id}`);
  assert.equal(g.json.title, 'Vlinderstroken aan de Vliet', 'nothing changed by the refused requests');
});

test('transition: no token 401, the initiator or another resident cannot do intake (403)', async () => {
  assertError(await api(ctx, 'POST', `/initiatives/${id}/transitions`, { json: { to: 'intake' } }), 401);
  assertError(await api(ctx, 'POST', `/initiatives/${id}/transitions`, { token: T().resident, json: { to: 'intake' } }),
    403, 'initiator ingediend→intake');
  assertError(await api(ctx, 'POST', `/initiatives/${id}/transitions`, { token: T().resident2, json: { to: 'intake' } }),
    403, 'other resident ingediend→intake');
  const g = await api(ctx, 'GET', `/initiatives/${id}`);
  assert.equal(g.json.state, 'ingediend');
});

test('transition: an official does intake (200) and becomes the contact person', async () => {
  const r = await api(ctx, 'POST', `/initiatives/${id}/transitions`, {
    token: T().official, json: { to: 'intake', note: 'Gebeld met Rosa; we lopen de plekken samen af.' },
  });
  assert.equal(r.status, 200, show(r));
  const g = await api(ctx, 'GET', `/initiatives/${id}`);
  assert.equal(g.json.state, 'intake');
  assert.ok(g.json.contact, show(g));
  assert.equal(g.json.contact.name, USERS.official.name);
  // Now the decision term runs: 8 weeks from submission.
  assert.ok(g.json.deadline && g.json.deadline.due, show(g));
  assert.ok(g.json.deadline.what === undefined || g.json.deadline.what === 'besluit', JSON.stringify(g.json.deadline));
  const due = dayOf(Date.parse(String(g.json.deadline.due).slice(0, 10)));
  assert.ok(Math.abs(due - (dayOf(Date.now()) + 56)) <= 1, `decision due in 8 weeks: ${g.json.deadline.due}`);
  assert.equal(g.json.deadline.overdue, false);
});

test('transition: a move the machine does not have is 409; nothing changes', async () => {
  const r = await api(ctx, 'POST', `/initiatives/${id}/transitions`, { token: T().official, json: { to: 'afgerond' } });
  assertError(r, 409, 'intake→afgerond');
  const again = await api(ctx, 'POST', `/initiatives/${id}/transitions`, { token: T().official, json: { to: 'intake' } });
  assertError(again, 409, 'intake→intake');
  const g = await api(ctx, 'GET', `/initiatives/${id}`);
  assert.equal(g.json.state, 'intake');
});

test('transition: an unknown state or a missing "to" is 422 naming "to"', async () => {
  assertFields(await api(ctx, 'POST', `/initiatives/${id}/transitions`, { token: T().official, json: { to: 'onzin' } }), ['to']);
  assertFields(await api(ctx, 'POST', `/initiatives/${id}/transitions`, { token: T().official, json: { note: 'geen doel' } }), ['to']);
});

test('transition: afgewezen without a note is 422 naming "note"', async () => {
  assertFields(await api(ctx, 'POST', `/initiatives/${id}/transitions`, { token: T().official, json: { to: 'afgewezen' } }),
    ['note'], 'afgewezen without note');
  assertFields(await api(ctx, 'POST', `/initiatives/${id}/transitions`, { token: T().official, json: { to: 'afgewezen', note: '   ' } }),
    ['note'], 'afgewezen with a blank note');
  const g = await api(ctx, 'GET', `/initiatives/${id}`);
  assert.equal(g.json.state, 'intake');
});

test('transition: another official moves it on; the contact stays', async () => {
  const r = await api(ctx, 'POST', `/initiatives/${id}/transitions`, {
    token: T().official2, json: { to: 'in_behandeling', note: 'Voorgelegd aan team Groen.' },
  });
  assert.equal(r.status, 200, show(r));
  const g = await api(ctx, 'GET', `/initiatives/${id}`);
  assert.equal(g.json.state, 'in_behandeling');
  assert.equal(g.json.contact.name, USERS.official.name);
});

test('transition on an unknown initiative: 404', async () => {
  assertError(await api(ctx, 'POST', '/initiatives/999999/transitions', { token: T().official, json: { to: 'intake' } }), 404);
});

test('timeline: every step in order with at, from, to, by and note', async () => {
  const r = await api(ctx, 'GET', `/initiatives/${id}/timeline`);
  assert.equal(r.status, 200, show(r));
  const items = r.json.items;
  assert.equal(items.length, 3, show(r));
  const want = [
    [null, 'ingediend', USERS.resident.name, null],
    ['ingediend', 'intake', USERS.official.name, 'Gebeld met Rosa; we lopen de plekken samen af.'],
    ['intake', 'in_behandeling', USERS.official2.name, 'Voorgelegd aan team Groen.'],
  ];
  let prevAt = '';
  want.forEach(([from, to, by, note], i) => {
    const e = items[i];
    assert.equal(e.from, from, `item ${i} from`);
    assert.equal(e.to, to, `item ${i} to`);
    assert.equal(personName(e.by), by, `item ${i} by`);
    if (note !== null) assert.equal(e.note, note, `item ${i} note`);
    assert.match(e.at, /^\d{4}-\d{2}-\d{2}T/, 'at is an ISO time');
    assert.ok(Math.abs(Date.parse(e.at) - Date.now()) < 10 * 60 * 1000, `at is now: ${e.at}`);
    assert.ok(e.at >= prevAt);
    prevAt = e.at;
  });
  const refused = items.filter((e) => e.to === 'afgerond' || e.to === 'afgewezen');
  assert.equal(refused.length, 0, 'refused moves are not on the timeline');
});

test('a reasoned decision: afgewezen with a note is recorded', async () => {
  const c = await api(ctx, 'POST', '/initiatives', { token: T().resident2, json: body({ title: 'Een tweede plan', help_requests: [] }) });
  assert.equal(c.status, 201, show(c));
  const nid = c.json.id;
  const steps = [['intake', 'Kennismaking gehad.'], ['afgewezen', 'Dit past niet binnen de regels voor openbaar groen.']];
  for (const [to, note] of steps) {
    const r = await api(ctx, 'POST', `/initiatives/${nid}/transitions`, { token: T().official, json: { to, note } });
    assert.equal(r.status, 200, `→${to} ${show(r)}`);
  }
  const tl = await api(ctx, 'GET', `/initiatives/${nid}/timeline`);
  const last = tl.json.items.at(-1);
  assert.equal(last.to, 'afgewezen');
  assert.equal(last.note, 'Dit past niet binnen de regels voor openbaar groen.');
  const g = await api(ctx, 'GET', `/initiatives/${nid}`);
  assert.ok(!g.json.deadline || !g.json.deadline.due || g.json.deadline.overdue === false, 'no running deadline when decided');
});

test('the initiator may stop her own initiative (a move the machine gives her)', async () => {
  const c = await api(ctx, 'POST', '/initiatives', { token: T().resident2, json: body({ title: 'Plan dat stopt', help_requests: [] }) });
  assert.equal(c.status, 201, show(c));
  const r = await api(ctx, 'POST', `/initiatives/${c.json.id}/transitions`, {
    token: T().resident2, json: { to: 'gestopt', note: 'We hebben er geen tijd meer voor.' },
  });
  assert.equal(r.status, 200, show(r));
  const g = await api(ctx, 'GET', `/initiatives/${c.json.id}`);
  assert.equal(g.json.state, 'gestopt');
});

test('POST /initiatives/{id}/help-requests: 201, and it shows on the initiative', async () => {
  const r = await api(ctx, 'POST', `/initiatives/${id}/help-requests`, {
    token: T().resident, json: { kind: 'materiaal', description: 'Twintig schoppen en harken', amount_cents: 12050 },
  });
  assert.equal(r.status, 201, show(r));
  const g = await api(ctx, 'GET', `/initiatives/${id}`);
  const h = g.json.help_requests.find((x) => kindOf(x) === 'materiaal');
  assert.ok(h, show(g));
  assert.equal(h.description, 'Twintig schoppen en harken');
  assert.equal(h.amount_cents, 12050);
  assert.equal(h.state, 'open');
  assert.equal(g.json.help_requests.length, 3);
  // An official may add one too; without an amount.
  const o = await api(ctx, 'POST', `/initiatives/${id}/help-requests`, {
    token: T().official, json: { kind: 'advies', description: 'Advies over inheemse planten' },
  });
  assert.equal(o.status, 201, show(o));
});

test('help-requests: validation 422 per field, 403 for another resident, 401 without token, 404 unknown', async () => {
  const p = `/initiatives/${id}/help-requests`;
  assertFields(await api(ctx, 'POST', p, { token: T().resident, json: { kind: 'onzin', description: 'Iets', amount_cents: 100 } }),
    ['kind'], 'unknown kind');
  assertFields(await api(ctx, 'POST', p, { token: T().resident, json: { kind: 'geld', description: '' } }),
    ['description'], 'empty description');
  assertFields(await api(ctx, 'POST', p, { token: T().resident, json: { kind: 'geld', description: 'Geld', amount_cents: -500 } }),
    ['amount_cents'], 'negative amount');
  assertFields(await api(ctx, 'POST', p, { token: T().resident, json: { description: 'Geen soort' } }), ['kind'], 'no kind');
  assertFields(await api(ctx, 'POST', p, { token: T().resident, json: { kind: 'onzin', description: '', amount_cents: -1 } }),
    ['kind', 'description', 'amount_cents'], 'all three wrong at once');
  assertError(await api(ctx, 'POST', p, { token: T().resident2, json: { kind: 'geld', description: 'Van een ander' } }), 403);
  assertError(await api(ctx, 'POST', p, { json: { kind: 'geld', description: 'Zonder sleutel' } }), 401);
  assertError(await api(ctx, 'POST', '/initiatives/999999/help-requests',
    { token: T().resident, json: { kind: 'geld', description: 'Nergens' } }), 404);
  const g = await api(ctx, 'GET', `/initiatives/${id}`);
  assert.equal(g.json.help_requests.length, 4, 'refused help requests were not added');
});

test('an admin counts as staff: does intake and becomes the contact', async () => {
  const c = await api(ctx, 'POST', '/initiatives', { token: T().resident, json: body({ title: 'Plan voor de beheerder', help_requests: [] }) });
  assert.equal(c.status, 201, show(c));
  const r = await api(ctx, 'POST', `/initiatives/${c.json.id}/transitions`, { token: T().admin, json: { to: 'intake' } });
  assert.equal(r.status, 200, show(r));
  const g = await api(ctx, 'GET', `/initiatives/${c.json.id}`);
  assert.equal(g.json.contact.name, USERS.admin.name);
});

test('intake with a chosen contact person (contact_id); a non-official cannot be the contact', async (t) => {
  if (!ctx.ids.official2 || !ctx.ids.resident2) return t.skip('user add printed no id');
  const c = await api(ctx, 'POST', '/initiatives', { token: T().resident, json: body({ title: 'Plan met gekozen contact', help_requests: [] }) });
  assert.equal(c.status, 201, show(c));
  const p = `/initiatives/${c.json.id}/transitions`;
  assertFields(await api(ctx, 'POST', p, { token: T().official, json: { to: 'intake', contact_id: ctx.ids.resident2 } }),
    [/^contact/], 'a resident as contact');
  assertFields(await api(ctx, 'POST', p, { token: T().official, json: { to: 'intake', contact_id: 999999 } }),
    [/^contact/], 'an unknown person as contact');
  assert.equal((await api(ctx, 'GET', `/initiatives/${c.json.id}`)).json.state, 'ingediend');
  const r = await api(ctx, 'POST', p, { token: T().official, json: { to: 'intake', contact_id: ctx.ids.official2 } });
  assert.equal(r.status, 200, show(r));
  const g = await api(ctx, 'GET', `/initiatives/${c.json.id}`);
  assert.equal(g.json.contact.name, USERS.official2.name);
  const tl = await api(ctx, 'GET', `/initiatives/${c.json.id}/timeline`);
  assert.equal(personName(tl.json.items.at(-1).by), USERS.official.name, 'by is who did the step');
});

test('a help request has its own state: an official sets it, a resident may not', async () => {
  const g = await api(ctx, 'GET', `/initiatives/${id}`);
  const h = g.json.help_requests.find((x) => kindOf(x) === 'geld');
  assert.ok(Number.isInteger(h.id), `help requests have an id: ${JSON.stringify(h)}`);
  const p = `/initiatives/${id}/help-requests/${h.id}`;
  assertError(await api(ctx, 'PATCH', p, { token: T().resident, json: { state: 'geleverd' } }), 403, 'resident sets help state');
  assertFields(await api(ctx, 'PATCH', p, { token: T().official, json: { state: 'misschien' } }), ['state']);
  for (const st of ['toegezegd', 'geleverd', 'afgewezen', 'open']) {
    const r = await api(ctx, 'PATCH', p, { token: T().official, json: { state: st } });
    assert.equal(r.status, 200, `→${st} ${show(r)}`);
    const again = await api(ctx, 'GET', `/initiatives/${id}`);
    assert.equal(again.json.help_requests.find((x) => x.id === h.id).state, st);
  }
  assertError(await api(ctx, 'PATCH', `/initiatives/${id}/help-requests/999999`, { token: T().official, json: { state: 'open' } }), 404);
});

test('a search snippet escapes the text around <mark>', async () => {
  const c = await api(ctx, 'POST', '/initiatives', {
    token: T().resident2, json: body({ title: 'Kikkerpoel herstellen', description: 'Bij de <b>kikkerpoel</b> & <script>x</script> het riet', help_requests: [] }),
  });
  assert.equal(c.status, 201, show(c));
  const r = await api(ctx, 'GET', '/initiatives?q=kikkerpoel');
  const it = r.json.items.find((x) => x.id === c.json.id);
  assert.ok(it && it.snippet, show(r));
  const withoutMarks = it.snippet.replace(/<\/?mark>/g, '');
  assert.ok(!/[<>]/.test(withoutMarks), `only <mark> is markup in the snippet: ${it.snippet}`);
});

test('the state machine: a whole life from ingediend to geevalueerd; no skipping, no way back, end states stay', async () => {
  const c = await api(ctx, 'POST', '/initiatives', { token: T().resident2, json: body({ title: 'Een heel leven', help_requests: [] }) });
  assert.equal(c.status, 201, show(c));
  const p = `/initiatives/${c.json.id}/transitions`;
  const move = (to, token = T().official, note = `Naar ${to}.`) => api(ctx, 'POST', p, { token, json: { to, note } });
  const path = ['intake', 'in_behandeling', 'toegekend', 'in_uitvoering', 'afgerond', 'geevalueerd'];
  let cur = 'ingediend';
  for (const next of path) {
    // Never back to an earlier state, never to ingediend or idee again.
    for (const back of ['idee', 'ingediend', ...path.slice(0, path.indexOf(cur) + 1)]) {
      assertError(await move(back), 409, `${cur}→${back}`);
    }
    const r = await move(next);
    assert.equal(r.status, 200, `${cur}→${next} ${show(r)}`);
    cur = next;
  }
  for (const to of ['idee', 'ingediend', 'intake', 'in_behandeling', 'toegekend', 'afgewezen', 'doorverwezen', 'in_uitvoering', 'afgerond', 'gestopt']) {
    assertError(await move(to), 409, `geevalueerd→${to}`);
  }
  const tl = await api(ctx, 'GET', `/initiatives/${c.json.id}/timeline`);
  assert.deepEqual(tl.json.items.map((e) => e.to), ['ingediend', ...path]);
  for (let i = 1; i < tl.json.items.length; i++) assert.equal(tl.json.items[i].from, tl.json.items[i - 1].to);
});

test('the state machine: a decision (toegekend) needs a step in between; doorverwezen and gestopt need a note', async () => {
  const c = await api(ctx, 'POST', '/initiatives', { token: T().resident2, json: body({ title: 'Snel besluit', help_requests: [] }) });
  const p = `/initiatives/${c.json.id}/transitions`;
  assertError(await api(ctx, 'POST', p, { token: T().official, json: { to: 'toegekend', note: 'Meteen ja.' } }), 409, 'ingediend→toegekend');
  assertError(await api(ctx, 'POST', p, { token: T().official, json: { to: 'in_uitvoering' } }), 409, 'ingediend→in_uitvoering');
  assert.equal((await api(ctx, 'POST', p, { token: T().official, json: { to: 'intake' } })).status, 200);
  assertFields(await api(ctx, 'POST', p, { token: T().official, json: { to: 'doorverwezen' } }), ['note']);
  assertFields(await api(ctx, 'POST', p, { token: T().resident2, json: { to: 'gestopt' } }), ['note']);
  const r = await api(ctx, 'POST', p, { token: T().official, json: { to: 'doorverwezen', note: 'Het Oranje Fonds past beter.' } });
  assert.equal(r.status, 200, show(r));
  assertError(await api(ctx, 'POST', p, { token: T().official, json: { to: 'in_behandeling' } }), 409, 'doorverwezen is an end');
});
