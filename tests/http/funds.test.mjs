// Funds and committee assessment through the JSON API (issue 4): the fund
// and its ledger, applying (validation, receipt), who may do what (members
// score, only the chair decides, officials read and pay), conflict of
// interest, the decision clock that pauses while the applicant is asked for
// information, the ledger that never goes negative — also when decisions
// race — payment, accountability and the public decisions.
import fs from 'node:fs';
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  api, show, assertError, assertFields, USERS, PASSWORD, DEMO, tempDir, initDb, addUsers, cli, serve, dayOf, isoDay,
} from './lib.mjs';

const FUND = 'vlietwensen';
const YEAR = new Date().getUTCFullYear();

// The committee of this file: made with `wijzer user add --role committee
// --fund vlietwensen [--chair]`, so the demo's chair becomes a member.
const COMMITTEE = {
  chair: { email: 'carla.voorzitter@example.nl', name: 'Carla Voorzitter', chair: true },
  member: { email: 'mees.commissielid@example.nl', name: 'Mees Commissielid' },
  member2: { email: 'noor.commissielid@example.nl', name: 'Noor Commissielid' },
};

const ctx = {};
const T = () => ctx.tokens;

before(async () => {
  ctx.dir = tempDir();
  ctx.db = initDb(ctx.dir);
  ctx.ids = {};
  ctx.tokens = addUsers(ctx.db, USERS, ctx.ids);
  for (const [key, u] of Object.entries(COMMITTEE)) {
    const args = ['user', 'add', '--db', ctx.db, '--email', u.email, '--name', u.name, '--role', 'committee',
      '--fund', FUND];
    if (u.chair) args.push('--chair');
    const r = cli(args, { input: PASSWORD + '\n' });
    assert.equal(r.code, 0, `wijzer ${args.join(' ')}: ${r.stderr}`);
    const t = cli(['token', 'create', '--db', ctx.db, '--email', u.email]);
    assert.equal(t.code, 0, t.stderr);
    ctx.tokens[key] = t.stdout.trim();
  }
  ctx.server = await serve(ctx.db);
  ctx.base = ctx.server.base;
});

after(async () => {
  if (ctx.server) {
    const { code, signal } = await ctx.server.stop();
    assert.equal(signal, null, `server died of ${signal}: ${ctx.server.stderr()}`);
    assert.equal(code, 0, `server exited ${code}: ${ctx.server.stderr()}`);
  }
  if (ctx.dir) fs.rmSync(ctx.dir, { recursive: true, force: true });
});

/* ---------- helpers ---------- */

const today = () => dayOf(Date.now());
const neededBy = () => isoDay(today() + 90);
let initiativeCount = 0;

// A new initiative of the resident (or another), ready to apply with.
async function newInitiative(token = T().resident) {
  const n = ++initiativeCount;
  const r = await api(ctx, 'POST', '/initiatives', {
    token,
    json: {
      title: `Plantenbakken in de Fonteinstraat ${n}`,
      summary: 'Buren zetten samen plantenbakken neer en houden ze bij, zodat de straat groener en gezelliger wordt.',
      description: 'We willen zes plantenbakken in de straat, die de buren samen onderhouden.',
      area: 'bovenveen',
      themes: ['groen'],
      help_requests: [{ kind: 'geld', description: 'Bakken, aarde en planten', amount_cents: 120000 }],
    },
  });
  assert.equal(r.status, 201, `new initiative ${show(r)}`);
  return r.json.id;
}

const LINES = [
  { description: 'Zes plantenbakken', amount_cents: 80000 },
  { description: 'Aarde en planten', amount_cents: 40000 },
];

const appBody = (initiative, extra = {}) => ({
  initiative,
  amount_cents: 120000,
  lines: LINES,
  own_contribution: 'Wij zetten de bakken zelf neer en geven de planten water.',
  own_contribution_hours: 40,
  needed_by: neededBy(),
  ...extra,
});

async function apply(initiative, extra = {}, token = T().resident) {
  const r = await api(ctx, 'POST', `/funds/${FUND}/applications`, { token, json: appBody(initiative, extra) });
  assert.equal(r.status, 201, `apply ${show(r)}`);
  return r.json;
}

// An application of its own initiative, with amount and lines of `cents`.
async function newApplication(cents = 120000) {
  const ini = await newInitiative();
  return apply(ini, { amount_cents: cents, lines: [{ description: 'Materiaal voor de buurtdag', amount_cents: cents }] });
}

async function ledger() {
  const r = await api(ctx, 'GET', `/funds/${FUND}`);
  assert.equal(r.status, 200, show(r));
  return r.json.ledger;
}

function assertLedgerSane(l, what = '') {
  for (const k of ['budget_cents', 'committed_cents', 'paid_cents', 'remaining_cents']) {
    assert.ok(Number.isInteger(l[k]), `${what} ledger.${k} is whole cents: ${JSON.stringify(l)}`);
    assert.ok(l[k] >= 0, `${what} ledger.${k} never negative: ${JSON.stringify(l)}`);
  }
  assert.equal(l.remaining_cents, l.budget_cents - l.committed_cents - l.paid_cents, `${what} remaining = budget − committed − paid`);
}

// Sets this year's budget so that exactly `cents` remain.
async function leaveRemaining(cents) {
  const l = await ledger();
  const budget = l.committed_cents + l.paid_cents + cents;
  const r = await api(ctx, 'PUT', `/funds/${FUND}/budgets/${YEAR}`, { token: T().admin, json: { budget_cents: budget } });
  assert.equal(r.status, 200, `set budget ${show(r)}`);
  const after = await ledger();
  assert.equal(after.remaining_cents, cents, JSON.stringify(after));
  return after;
}

const decide = (id, token, json) => api(ctx, 'POST', `/applications/${id}/decision`, { token, json });
const grant = (id, amount_cents, token = T().chair) => decide(id, token, {
  outcome: 'granted', amount_cents, motivation: 'Het plan brengt de straat samen en de begroting klopt.',
  conditions: 'Stuur na afloop foto’s en de bonnen.',
});
const score = (id, token, criterion, s, remark) => api(ctx, 'POST', `/applications/${id}/assessments`, {
  token, json: { criterion, score: s, ...(remark ? { remark } : {}) },
});

// The state of the initiative's `geld` help request the application is linked to.
async function moneyHelpState(a) {
  const r = await api(ctx, 'GET', `/initiatives/${a.initiative.id}`);
  assert.equal(r.status, 200, show(r));
  const h = r.json.help_requests.find((x) => x.id === a.help_request_id);
  assert.ok(h, `help request ${a.help_request_id} on the initiative ${show(r)}`);
  assert.equal(h.kind, 'geld');
  return h.state;
}

const PRIVATE = () => [USERS.resident.email, USERS.resident.name, USERS.resident2.email, USERS.resident2.name];

function assertNoPersonalData(res, what) {
  for (const s of PRIVATE()) assert.ok(!res.text.includes(s), `${what} must not show ${s}: ${show(res)}`);
  for (const p of DEMO.residents || []) {
    assert.ok(!res.text.includes(p.email), `${what} must not show ${p.email}`);
  }
  assert.ok(!/@example\.nl/.test(res.text), `${what} shows no resident e-mail address ${show(res)}`);
}

/* ---------- the fund ---------- */

test('GET /funds lists Vlietwensen with its maximum and this year\'s ledger', async () => {
  const r = await api(ctx, 'GET', '/funds');
  assert.equal(r.status, 200, show(r));
  const f = r.json.items.find((x) => x.code === FUND);
  assert.ok(f, show(r));
  assert.match(f.name, /Vlietwensen/);
  assert.ok(Number.isInteger(f.max_amount_cents) && f.max_amount_cents > 0, JSON.stringify(f));
  assert.equal(f.ledger.year, YEAR);
  assertLedgerSane(f.ledger, 'list');
});

test('GET /funds/{code}: rules, exclusions, criteria with version, ledger of the current year; 404 for another code', async () => {
  const r = await api(ctx, 'GET', `/funds/${FUND}`);
  assert.equal(r.status, 200, show(r));
  const f = r.json;
  assert.equal(f.code, FUND);
  assert.ok(f.max_amount_cents > 0);
  assert.equal(f.rules.max_amount_cents, f.max_amount_cents);
  assert.ok(Array.isArray(f.rules.exclusions) && f.rules.exclusions.length > 0, JSON.stringify(f.rules));
  assert.match(f.rules.exclusions.join(' '), /eten|drinken/i, 'food and drink are not funded');
  assert.ok(f.rules.who_may_apply, 'who may apply');
  assert.ok(Number.isInteger(f.criteria.version) && f.criteria.version >= 1, JSON.stringify(f.criteria));
  assert.equal(f.criteria_version, f.criteria.version);
  const codes = f.criteria.items.map((c) => c.code);
  for (const c of ['sociale-cohesie', 'sociale-veiligheid', 'leefbaarheid']) assert.ok(codes.includes(c), `criterion ${c}: ${codes}`);
  assert.equal(f.ledger.year, YEAR);
  assert.ok(f.ledger.budget_cents > 0, 'this year has a budget');
  assertLedgerSane(f.ledger, 'fund');
  assertError(await api(ctx, 'GET', '/funds/bestaat-niet'), 404, 'unknown fund');
  const v1 = await api(ctx, 'GET', `/funds/${FUND}/criteria?version=1`);
  assert.equal(v1.status, 200, show(v1));
  assert.equal(v1.json.version, 1);
});

test('GET /funds/{code}/decisions: published decisions of the demo, without personal data', async () => {
  const r = await api(ctx, 'GET', `/funds/${FUND}/decisions`);
  assert.equal(r.status, 200, show(r));
  assert.ok(r.json.items.length > 0, `the demo has decisions this year ${show(r)}`);
  for (const d of r.json.items) {
    assert.ok(d.initiative_title, JSON.stringify(d));
    assert.ok(['granted', 'rejected', 'referred'].includes(d.outcome), JSON.stringify(d));
    assert.ok(Number.isInteger(d.amount_cents));
    assert.ok(Number.isInteger(d.criteria_version) && d.criteria_version >= 1);
    assert.equal(d.applicant, undefined, 'no applicant');
  }
  assertNoPersonalData(r, 'decisions');
  assertFields(await api(ctx, 'GET', `/funds/${FUND}/decisions?year=twintig`), ['year']);
});

/* ---------- applying ---------- */

let app; // the application this file walks from receipt to verantwoord
let ini;

test('POST /funds/{code}/applications: 422 names every field that is wrong', async () => {
  ini = await newInitiative();
  const post = (json, token = T().resident) => api(ctx, 'POST', `/funds/${FUND}/applications`, { token, json });
  assertFields(await post({ initiative: ini }), ['own_contribution', 'needed_by', /^(lines|amount_cents)$/], 'empty body');
  assertFields(await post(appBody(ini, { amount_cents: 0, lines: [{ description: 'Niets', amount_cents: 0 }] })),
    ['amount_cents'], 'zero amount');
  assertFields(await post(appBody(ini, { amount_cents: 100000 })), [/^(amount_cents|lines)$/], 'lines do not add up');
  const max = (await api(ctx, 'GET', `/funds/${FUND}`)).json.max_amount_cents;
  assertFields(await post(appBody(ini, { amount_cents: max + 100, lines: [{ description: 'Groot feest', amount_cents: max + 100 }] })),
    ['amount_cents'], 'above the maximum');
  assertFields(await post(appBody(ini, { lines: [{ amount_cents: 80000 }, LINES[1]] })), ['lines[0].description'], 'a line without description');
  assertFields(await post(appBody(ini, { amount_cents: 'veel' })), ['amount_cents'], 'amount of the wrong type');
  assertFields(await post(appBody(ini, { lines: 'alles' })), ['lines'], 'lines of the wrong type');
  assertFields(await post(appBody(ini, { needed_by: '2020-01-01' })), ['needed_by'], 'needed in the past');
  assertFields(await post(appBody(ini, { own_contribution: '' })), ['own_contribution'], 'no own contribution');
  const bad = await post(appBody(ini, { amount_cents: 0 }));
  assert.match(bad.json.error.fields.amount_cents, /[a-z]/, 'a message in words');
  assertError(await api(ctx, 'POST', `/funds/${FUND}/applications`, { json: appBody(ini) }), 401, 'without a key');
  assertError(await post(appBody(ini), T().resident2), 403, 'someone else\'s initiative');
  assertError(await post(appBody(ini), T().member), 403, 'a member for someone else\'s initiative');
  assertError(await api(ctx, 'POST', '/funds/bestaat-niet/applications', { token: T().resident, json: appBody(ini) }), 404);
});

test('POST an application: 201, the receipt at once, decision due in 8 weeks, clock running', async () => {
  const t0 = Date.now();
  const r = await api(ctx, 'POST', `/funds/${FUND}/applications`, { token: T().resident, json: appBody(ini) });
  assert.equal(r.status, 201, show(r));
  app = r.json;
  assert.match(r.headers.get('location') || '', new RegExp(`/api/v1/applications/${app.id}$`));
  assert.equal(app.state, 'ingediend');
  assert.equal(app.fund.code, FUND);
  assert.equal(app.initiative.id, ini);
  assert.equal(app.amount_cents, 120000);
  assert.equal(app.granted_cents, 0);
  assert.deepEqual(app.lines.map((l) => [l.description, l.amount_cents]), LINES.map((l) => [l.description, l.amount_cents]));
  assert.equal(app.own_contribution, appBody(ini).own_contribution);
  assert.equal(app.own_contribution_hours, 40);
  assert.equal(app.needed_by, neededBy());
  assert.ok(Number.isInteger(app.criteria_version) && app.criteria_version >= 1);
  const at = Date.parse(app.submitted_at);
  assert.ok(at >= t0 - 2000 && at <= Date.now() + 2000, `receipt time ${app.submitted_at}`);
  assert.equal(app.decision_due, isoDay(dayOf(at) + 56), 'decision within 8 weeks');
  assert.equal(app.paused, false);
  assert.equal(app.paused_since, null);
  assert.equal(app.deadline.paused, false);
  assert.equal(app.deadline.due, app.decision_due);
  assert.equal(app.decision, null);
  assert.equal(app.scores, undefined, 'the applicant sees no scores');
  assertNoPersonalData({ text: JSON.stringify({ ...app, applicant: undefined }) }, 'application');
  assertError(await api(ctx, 'POST', `/funds/${FUND}/applications`, { token: T().resident, json: appBody(ini) }), 409,
    'a second open application for the same initiative');
});

test('GET /applications/{id}: applicant, members and officials read; another resident 403, no key 401, 404', async () => {
  for (const who of ['resident', 'member', 'chair', 'official', 'admin']) {
    const r = await api(ctx, 'GET', `/applications/${app.id}`, { token: T()[who] });
    assert.equal(r.status, 200, `${who} ${show(r)}`);
    assert.equal(r.json.state, 'ingediend');
    assert.ok(!r.text.includes(USERS.resident.email), `${who} never sees the applicant's e-mail`);
  }
  assertError(await api(ctx, 'GET', `/applications/${app.id}`, { token: T().resident2 }), 403, 'another resident');
  assertError(await api(ctx, 'GET', `/applications/${app.id}`), 401, 'no key');
  assertError(await api(ctx, 'GET', '/applications/99999999', { token: T().official }), 404);
  const list = await api(ctx, 'GET', `/funds/${FUND}/applications`, { token: T().member });
  assert.equal(list.status, 200, show(list));
  assert.ok(list.json.items.some((a) => a.id === app.id), 'members see the fund\'s applications');
  assertError(await api(ctx, 'GET', `/funds/${FUND}/applications`, { token: T().resident2 }), 403, 'a resident lists nothing');
});

/* ---------- information, the clock ---------- */

test('asking for information pauses the decision clock; supplying it starts it again (Awb 4:15)', async () => {
  assertError(await api(ctx, 'POST', `/applications/${app.id}/info-request`, { token: T().resident, json: { question: 'Mag ik?' } }),
    403, 'the applicant does not ask herself');
  assertFields(await api(ctx, 'POST', `/applications/${app.id}/info-request`, { token: T().member, json: { question: '' } }),
    ['question']);
  const q = 'Wie onderhoudt de bakken in de zomer?';
  const r = await api(ctx, 'POST', `/applications/${app.id}/info-request`, { token: T().member, json: { question: q } });
  assert.equal(r.status, 200, show(r));
  assert.equal(r.json.paused, true);
  assert.ok(r.json.paused_since, 'paused since');
  assert.ok(Math.abs(Date.parse(r.json.paused_since) - Date.now()) < 60000, r.json.paused_since);
  assert.equal(r.json.deadline.paused, true);
  assert.equal(r.json.info_request.question, q);
  assert.equal(r.json.info_request.answer, null);
  const seen = await api(ctx, 'GET', `/applications/${app.id}`, { token: T().resident });
  assert.equal(seen.json.paused, true, 'the applicant sees the clock stand still');
  assert.equal(seen.json.me.may_supply_info, true);
  assertError(await api(ctx, 'POST', `/applications/${app.id}/info-request`, { token: T().chair, json: { question: 'En nog?' } }),
    409, 'already waiting');
  assertError(await api(ctx, 'POST', `/applications/${app.id}/info`, { token: T().resident2, json: { answer: 'Ik!' } }),
    403, 'another resident answers');
  assertFields(await api(ctx, 'POST', `/applications/${app.id}/info`, { token: T().resident, json: { answer: '' } }), ['answer']);
  const a = await api(ctx, 'POST', `/applications/${app.id}/info`, {
    token: T().resident, json: { answer: 'Vier gezinnen uit de straat, om de beurt een week.' },
  });
  assert.equal(a.status, 200, show(a));
  assert.equal(a.json.paused, false);
  assert.equal(a.json.paused_since, null);
  assert.equal(a.json.info_request.answer, 'Vier gezinnen uit de straat, om de beurt een week.');
  assert.ok(a.json.decision_due >= app.decision_due, `due ${a.json.decision_due} not before ${app.decision_due}`);
  assert.equal(a.json.deadline.paused, false);
});

/* ---------- assessment ---------- */

test('scoring: a resident, the applicant and an official cannot; members score 1–5 per criterion', async () => {
  for (const who of ['resident', 'resident2', 'official']) {
    assertError(await score(app.id, T()[who], 'sociale-cohesie', 4), 403, `${who} scores`);
  }
  assertError(await score(app.id, undefined, 'sociale-cohesie', 4), 401, 'no key');
  assertFields(await score(app.id, T().member, 'sociale-cohesie', 6), ['score'], 'score 6');
  assertFields(await score(app.id, T().member, 'sociale-cohesie', 0), ['score'], 'score 0');
  assertFields(await score(app.id, T().member, 'sociale-cohesie', 'vier'), ['score'], 'score as text');
  assertFields(await score(app.id, T().member, 'schoonheid', 3), ['criterion'], 'unknown criterion');
  const r = await score(app.id, T().member, 'sociale-cohesie', 4, 'De hele straat doet mee.');
  assert.equal(r.status, 200, show(r));
  assert.equal(r.json.state, 'in_beoordeling', 'the first score starts the assessment');
  assert.ok(r.json.my_scores.some((s) => s.criterion === 'sociale-cohesie' && s.score === 4 && s.remark === 'De hele straat doet mee.'),
    JSON.stringify(r.json.my_scores));
  for (const [who, c, s] of [['member', 'leefbaarheid', 5], ['member2', 'sociale-cohesie', 2], ['member2', 'leefbaarheid', 3],
    ['chair', 'sociale-cohesie', 3], ['chair', 'leefbaarheid', 4]]) {
    const x = await score(app.id, T()[who], c, s);
    assert.equal(x.status, 200, `${who} ${c} ${show(x)}`);
  }
  const again = await score(app.id, T().member, 'sociale-cohesie', 5);
  assert.equal(again.status, 200, 'scoring again replaces');
  assert.equal(again.json.my_scores.filter((s) => s.criterion === 'sociale-cohesie').length, 1);
  assert.equal(again.json.scores, undefined, 'a member does not see the others\' scores before the decision');
});

test('conflict of interest: after declaring it a member gets 403 for scoring, her scores are gone and hidden', async () => {
  const r = await api(ctx, 'POST', `/applications/${app.id}/conflict`, {
    token: T().member2, json: { reason: 'De aanvrager is mijn buurvrouw.' },
  });
  assert.equal(r.status, 200, show(r));
  assert.equal(r.json.me.conflict, true);
  assert.equal(r.json.me.may_score, false);
  assert.equal(r.json.scores, undefined, 'no scores for a member with a conflict');
  assert.ok(!r.json.my_scores || r.json.my_scores.length === 0, `her earlier scores are removed: ${JSON.stringify(r.json.my_scores)}`);
  const s = await score(app.id, T().member2, 'sociale-cohesie', 5);
  assertError(s, 403, 'scoring after declaring a conflict');
  assert.match(s.json.error.message, /belang|conflict/i, 'says why');
  const g = await api(ctx, 'GET', `/applications/${app.id}`, { token: T().member2 });
  assert.equal(g.status, 200, show(g));
  assert.equal(g.json.scores, undefined, 'still hidden on reading');
  assertError(await grant(app.id, 100000, T().member2), 403, 'a member with a conflict decides');
  assertError(await api(ctx, 'POST', `/applications/${app.id}/conflict`, { token: T().resident, json: {} }), 403,
    'the applicant declares no conflict');
});

test('the chair sees all scores side by side (averages, spread), without the member who has a conflict', async () => {
  const r = await api(ctx, 'GET', `/applications/${app.id}`, { token: T().chair });
  assert.equal(r.status, 200, show(r));
  const sheet = r.json.scores;
  assert.ok(sheet, `the chair sees the score sheet ${show(r)}`);
  assert.equal(sheet.criteria_version, app.criteria_version);
  const names = sheet.members.map((m) => m.name);
  assert.ok(names.includes(COMMITTEE.member.name) && names.includes(COMMITTEE.chair.name), JSON.stringify(names));
  assert.ok(!names.includes(COMMITTEE.member2.name), 'the member with a conflict is left out');
  assert.ok(sheet.conflicts.some((c) => c.member === COMMITTEE.member2.name), JSON.stringify(sheet.conflicts));
  const cohesie = sheet.criteria.find((c) => c.criterion === 'sociale-cohesie');
  assert.equal(cohesie.count, 2, JSON.stringify(cohesie));
  assert.equal(cohesie.average, 4); // 5 and 3
  assert.equal(cohesie.spread, 2);
  assert.ok(cohesie.scores.every((s) => s.member !== COMMITTEE.member2.name));
  const official = await api(ctx, 'GET', `/applications/${app.id}`, { token: T().official });
  assert.ok(official.json.scores, 'officials read the scores too');
});

/* ---------- the decision ---------- */

test('only the chair decides: members, officials and the applicant get 403; bad values 422', async () => {
  for (const who of ['member', 'official', 'resident', 'resident2']) {
    assertError(await grant(app.id, 100000, T()[who]), 403, `${who} decides`);
  }
  assertError(await decide(app.id, undefined, { outcome: 'granted', amount_cents: 100000, motivation: 'Zonder sleutel.' }), 401);
  assertFields(await decide(app.id, T().chair, { outcome: 'misschien', motivation: 'x' }), ['outcome']);
  assertFields(await grant(app.id, 130000), ['amount_cents'], 'more than asked');
  assertFields(await decide(app.id, T().chair, { outcome: 'granted', amount_cents: 100000, motivation: '' }), ['motivation']);
  assertFields(await decide(app.id, T().chair, { outcome: 'granted', amount_cents: 'alles', motivation: 'Goed plan.' }),
    ['amount_cents'], 'an amount of the wrong type is not "the full amount"');
  assertFields(await decide(app.id, T().chair, { outcome: 'referred', motivation: 'Past beter elders.' }), ['referral']);
  const g = await api(ctx, 'GET', `/applications/${app.id}`, { token: T().resident });
  assert.equal(g.json.decision, null, 'nothing decided by the refused requests');
});

test('the chair grants part of the amount: committed in the ledger, criteria version recorded, published', async () => {
  const before = await ledger();
  const r = await grant(app.id, 100000);
  assert.equal(r.status, 200, show(r));
  assert.equal(r.json.state, 'besluit');
  assert.equal(r.json.granted_cents, 100000);
  assert.equal(r.json.decision.outcome, 'granted');
  assert.equal(r.json.decision.amount_cents, 100000);
  assert.match(r.json.decision.conditions, /bonnen/);
  const fund = (await api(ctx, 'GET', `/funds/${FUND}`)).json;
  assert.equal(r.json.criteria_version, fund.criteria.version);
  assert.equal(r.json.decision.criteria_version, fund.criteria.version);
  assert.equal(r.json.deadline, null, 'no deadline after the decision');
  const after = await ledger();
  assertLedgerSane(after);
  assert.equal(after.committed_cents, before.committed_cents + 100000);
  assert.equal(after.remaining_cents, before.remaining_cents - 100000);
  assertError(await grant(app.id, 100000), 409, 'deciding twice');
  assertError(await score(app.id, T().member, 'leefbaarheid', 2), 409, 'scoring after the decision');
  const mine = await api(ctx, 'GET', `/applications/${app.id}`, { token: T().resident });
  assert.equal(mine.json.decision.criteria_version, fund.criteria.version, 'the applicant sees which rules applied');
  const pub = await api(ctx, 'GET', `/funds/${FUND}/decisions`);
  const d = pub.json.items.find((x) => x.application_id === app.id);
  assert.ok(d, `published ${show(pub)}`);
  assert.equal(d.initiative_title, app.initiative.title);
  assert.equal(d.amount_cents, 100000);
  assert.match(d.motivation, /samen/);
  assertNoPersonalData(pub, 'published decisions');
  assert.ok(app.help_request_id, 'the application is linked to a geld help request');
  assert.equal(await moneyHelpState(app), 'toegezegd', 'the geld help request follows the decision');
});

test('a rejection commits nothing; a referral names where to go', async () => {
  const a = await newApplication(50000);
  const before = await ledger();
  const r = await decide(a.id, T().chair, { outcome: 'rejected', motivation: 'Eten en drinken betalen we niet.' });
  assert.equal(r.status, 200, show(r));
  assert.equal(r.json.decision.outcome, 'rejected');
  assert.equal(r.json.granted_cents, 0);
  assert.deepEqual(await ledger(), before);
  assert.equal(await moneyHelpState(a), 'afgewezen', 'the geld help request follows the rejection');
  const b = await newApplication(50000);
  const f = await decide(b.id, T().chair, { outcome: 'referred', motivation: 'Dit past bij de sportvereniging.', referral: 'Sport en Welzijn LV' });
  assert.equal(f.status, 200, show(f));
  assert.equal(f.json.decision.referral, 'Sport en Welzijn LV');
});

test('a chair with a conflict of interest cannot decide', async () => {
  const a = await newApplication(30000);
  const c = await api(ctx, 'POST', `/applications/${a.id}/conflict`, { token: T().chair, json: {} });
  assert.equal(c.status, 200, show(c));
  assertError(await grant(a.id, 30000), 403, 'the chair with a conflict');
  const w = await api(ctx, 'POST', `/applications/${a.id}/withdraw`, { token: T().resident, json: { reason: 'Toch niet nodig.' } });
  assert.equal(w.status, 200, show(w));
});

/* ---------- the ledger never goes negative ---------- */

test('budget: only an admin sets it; not below what is committed and paid', async () => {
  const l = await ledger();
  assertError(await api(ctx, 'PUT', `/funds/${FUND}/budgets/${YEAR}`, { token: T().official, json: { budget_cents: l.budget_cents } }), 403);
  assertError(await api(ctx, 'PUT', `/funds/${FUND}/budgets/${YEAR}`, { token: T().chair, json: { budget_cents: l.budget_cents } }), 403);
  assertFields(await api(ctx, 'PUT', `/funds/${FUND}/budgets/${YEAR}`, { token: T().admin, json: { budget_cents: 'veel' } }), ['budget_cents']);
  const low = await api(ctx, 'PUT', `/funds/${FUND}/budgets/${YEAR}`, {
    token: T().admin, json: { budget_cents: Math.max(0, l.committed_cents + l.paid_cents - 1) },
  });
  assertError(low, 409, 'a budget below what is spent');
  assert.deepEqual(await ledger(), l);
});

test('over budget: a decision that would make remaining negative is refused with 409', async () => {
  const a = await newApplication(100000);
  const before = await leaveRemaining(50000);
  const r = await grant(a.id, 100000);
  const err = assertError(r, 409, 'granting more than remains');
  assert.match(err.message, /budget|over|genoeg/i, `says why in Dutch: ${err.message}`);
  assert.deepEqual(await ledger(), before, 'nothing committed');
  const g = await api(ctx, 'GET', `/applications/${a.id}`, { token: T().chair });
  assert.equal(g.json.decision, null, 'still undecided');
  const part = await grant(a.id, 50000);
  assert.equal(part.status, 200, `granting exactly what remains ${show(part)}`);
  const l = await ledger();
  assert.equal(l.remaining_cents, 0);
  assertLedgerSane(l);
});

test('concurrency: two decisions race for the last part of the budget → one 200, one 409', async () => {
  for (let round = 0; round < 3; round++) {
    const a = await newApplication(100000);
    const b = await newApplication(100000);
    const before = await leaveRemaining(150000);
    const results = await Promise.all([grant(a.id, 100000), grant(b.id, 100000)]);
    const codes = results.map((x) => x.status).sort();
    assert.deepEqual(codes, [200, 409], `round ${round}: ${results.map(show).join(' | ')}`);
    for (const x of results) if (x.status === 409) assertError(x, 409);
    const l = await ledger();
    assertLedgerSane(l, `round ${round}`);
    assert.equal(l.committed_cents, before.committed_cents + 100000, `round ${round}: one commitment`);
    assert.equal(l.remaining_cents, 50000);
  }
});

test('concurrency: the same application decided twice at once → one 200, one 409, committed once', async () => {
  const a = await newApplication(60000);
  const before = await leaveRemaining(500000);
  const results = await Promise.all([grant(a.id, 60000), grant(a.id, 60000)]);
  assert.deepEqual(results.map((x) => x.status).sort(), [200, 409], results.map(show).join(' | '));
  const l = await ledger();
  assertLedgerSane(l);
  assert.equal(l.committed_cents, before.committed_cents + 60000, 'one commitment, not two');
});

test('concurrency: six decisions at once for 2.5 times the amount → exactly two granted, ledger never negative', async () => {
  const apps = [];
  for (let i = 0; i < 6; i++) apps.push(await newApplication(100000));
  const before = await leaveRemaining(250000);
  const seen = [];
  let racing = true;
  // Read the ledger while the decisions race: it is never negative.
  const watcher = (async () => {
    while (racing) {
      seen.push(await ledger());
    }
  })();
  const results = await Promise.all(apps.map((a) => grant(a.id, 100000)));
  racing = false;
  await watcher;
  const ok = results.filter((x) => x.status === 200).length;
  const refused = results.filter((x) => x.status === 409).length;
  assert.equal(ok, 2, results.map(show).join(' | '));
  assert.equal(refused, 4, results.map(show).join(' | '));
  for (const l of seen) assertLedgerSane(l, 'during the race');
  const l = await ledger();
  assertLedgerSane(l, 'after the race');
  assert.equal(l.committed_cents, before.committed_cents + 200000);
  assert.equal(l.remaining_cents, 50000);
  const granted = [];
  for (const a of apps) {
    const g = await api(ctx, 'GET', `/applications/${a.id}`, { token: T().chair });
    if (g.json.decision) granted.push(g.json.granted_cents);
  }
  assert.deepEqual(granted, [100000, 100000], 'only the two that won are decided');
});

/* ---------- payment and accountability ---------- */

test('payments: officials record them, residents and members cannot; the ledger moves committed to paid', async () => {
  const pay = (token, json) => api(ctx, 'POST', `/applications/${app.id}/payments`, { token, json });
  assertError(await pay(T().resident, { amount_cents: 50000 }), 403, 'the applicant pays herself');
  assertError(await pay(T().member, { amount_cents: 50000 }), 403, 'a member pays');
  assertFields(await pay(T().official, { amount_cents: 0 }), ['amount_cents'], 'zero');
  assertFields(await pay(T().official, {}), ['amount_cents'], 'no amount');
  const over = await pay(T().official, { amount_cents: 100001 });
  assert.ok([409, 422].includes(over.status), `more than was granted ${show(over)}`);
  const before = await ledger();
  const r = await pay(T().official, { amount_cents: 100000, note: 'Voorschot per bank' });
  assert.equal(r.status, 201, show(r));
  assert.equal(r.json.state, 'uitbetaald');
  assert.equal(r.json.paid_cents, 100000);
  assert.ok(r.json.payments.some((p) => p.amount_cents === 100000 && p.repayment === false), JSON.stringify(r.json.payments));
  const after = await ledger();
  assertLedgerSane(after);
  assert.equal(after.committed_cents, before.committed_cents - 100000);
  assert.equal(after.paid_cents, before.paid_cents + 100000);
  assert.equal(after.remaining_cents, before.remaining_cents, 'a payment does not change what remains');
  const mine = await api(ctx, 'GET', `/applications/${app.id}`, { token: T().resident });
  assert.equal(mine.json.state, 'uitbetaald');
  assert.equal(await moneyHelpState(app), 'geleverd', 'paid: the geld help request is delivered');
});

test('accountability: the applicant reports, the committee asks for more, then accepts → verantwoord', async () => {
  const rep = (token, json) => api(ctx, 'POST', `/applications/${app.id}/report`, { token, json });
  const good = { participants: 34, reach: 120, costs_cents: 98500, story: 'Zes bakken staan er; vier gezinnen geven water.' };
  assertError(await rep(T().resident2, good), 403, 'another resident');
  assertError(await rep(T().member, good), 403, 'a member');
  assertFields(await rep(T().resident, { ...good, story: '' }), ['story']);
  assertFields(await rep(T().resident, { ...good, participants: 'veel' }), ['participants']);
  const r = await rep(T().resident, good);
  assert.equal(r.status, 200, show(r));
  assert.equal(r.json.report.participants, 34);
  assert.equal(r.json.report.costs_cents, 98500);
  assert.equal(r.json.report.accepted, false);
  const review = (token, json) => api(ctx, 'POST', `/applications/${app.id}/report/review`, { token, json });
  assertError(await review(T().resident, { accepted: true }), 403, 'the applicant accepts her own report');
  assertFields(await review(T().member, { accepted: false, note: '' }), ['note'], 'asking for more needs a question');
  const more = await review(T().member, { accepted: false, note: 'Stuur ook de bonnen van de aarde mee.' });
  assert.equal(more.status, 200, show(more));
  assert.notEqual(more.json.state, 'verantwoord');
  assert.equal(more.json.report.review_note, 'Stuur ook de bonnen van de aarde mee.');
  const again = await rep(T().resident, { ...good, story: good.story + ' De bonnen zitten erbij.' });
  assert.equal(again.status, 200, show(again));
  const ok = await review(T().chair, { accepted: true });
  assert.equal(ok.status, 200, show(ok));
  assert.equal(ok.json.state, 'verantwoord');
  assert.equal(ok.json.report.accepted, true);
  assertLedgerSane(await ledger());
});

test('withdrawing: the applicant withdraws; a granted commitment is released; others cannot', async () => {
  const a = await newApplication(40000);
  assertError(await api(ctx, 'POST', `/applications/${a.id}/withdraw`, { token: T().member, json: {} }), 403, 'a member withdraws');
  assertError(await api(ctx, 'POST', `/applications/${a.id}/withdraw`, { token: T().resident2, json: {} }), 403, 'another resident');
  await leaveRemaining(100000);
  const g = await grant(a.id, 40000);
  assert.equal(g.status, 200, show(g));
  const before = await ledger();
  const w = await api(ctx, 'POST', `/applications/${a.id}/withdraw`, { token: T().resident, json: { reason: 'De straat doet het zelf.' } });
  assert.equal(w.status, 200, show(w));
  assert.equal(w.json.state, 'ingetrokken');
  const after = await ledger();
  assert.equal(after.committed_cents, before.committed_cents - 40000, 'the commitment is released');
  assert.equal(after.remaining_cents, before.remaining_cents + 40000);
  assertError(await api(ctx, 'POST', `/applications/${a.id}/withdraw`, { token: T().resident, json: {} }), 409, 'twice');
});

test('the ledger: totals for anyone, entries for officials, CSV export', async () => {
  const pub = await api(ctx, 'GET', `/funds/${FUND}/ledger`);
  assert.equal(pub.status, 200, show(pub));
  assertLedgerSane(pub.json);
  assert.equal(pub.json.entries, undefined, 'no entries for the public');
  const r = await api(ctx, 'GET', `/funds/${FUND}/ledger`, { token: T().official });
  assert.equal(r.status, 200, show(r));
  assert.ok(r.json.entries.some((e) => e.kind === 'payment' && e.application_id === app.id && e.amount_cents === 100000),
    JSON.stringify(r.json.entries.slice(-5)));
  assert.ok(r.json.entries.every((e) => e.amount_cents > 0), 'entries are positive; the kind gives the direction');
  const csv = await api(ctx, 'GET', `/funds/${FUND}/ledger.csv`, { token: T().official });
  assert.equal(csv.status, 200, show(csv));
  assert.match(csv.headers.get('content-type'), /text\/csv/);
  assert.match(csv.text.split('\n')[0], /datum/i);
  assert.ok(csv.text.includes('1000.00'), 'the payment is in the export');
  const last = await api(ctx, 'GET', `/funds/${FUND}/ledger?year=${YEAR - 1}`);
  assert.equal(last.status, 200, show(last));
  assert.equal(last.json.year, YEAR - 1);
  assertLedgerSane(last.json, 'last year');
});

/* ---------- the fund's rules, its criteria versions, its meetings ---------- */

test('PATCH /funds/{code}: an admin changes the rules and the decision term; others 403; bad values 422', async () => {
  const patch = (token, json) => api(ctx, 'PATCH', `/funds/${FUND}`, { token, json });
  const before = (await api(ctx, 'GET', `/funds/${FUND}`)).json;
  assertError(await patch(T().official, { decision_weeks: 6 }), 403, 'an official');
  assertError(await patch(T().chair, { decision_weeks: 6 }), 403, 'the chair');
  assertError(await patch(T().resident, { decision_weeks: 6 }), 403, 'a resident');
  assertFields(await patch(T().admin, { decision_weeks: 0, max_amount_cents: 'veel', name: '' }),
    ['decision_weeks', 'max_amount_cents', 'name']);
  assert.deepEqual((await api(ctx, 'GET', `/funds/${FUND}`)).json.rules, before.rules, 'nothing changed by the refusal');
  const exclusions = [...before.rules.exclusions, 'Reclame voor een bedrijf'];
  const r = await patch(T().admin, { decision_weeks: 6, exclusions });
  assert.equal(r.status, 200, show(r));
  assert.equal(r.json.decision_weeks, 6);
  assert.deepEqual(r.json.rules.exclusions, exclusions);
  assert.equal(r.json.name, before.name, 'untouched');
  // A new application gets the new term; one made before keeps its own.
  const a = await newApplication(20000);
  assert.equal(a.decision_due, isoDay(dayOf(Date.parse(a.submitted_at)) + 42), 'decision within 6 weeks now');
  const old = await api(ctx, 'GET', `/applications/${app.id}`, { token: T().resident });
  assert.equal(old.json.decision_due >= app.decision_due, true);
  const back = await patch(T().admin, { decision_weeks: before.decision_weeks, exclusions: before.rules.exclusions });
  assert.equal(back.status, 200, show(back));
  assert.deepEqual(back.json.rules, before.rules);
});

test('criteria are versioned: a new set for new applications, a decision records the version it was assessed under', async () => {
  const fund = (await api(ctx, 'GET', `/funds/${FUND}`)).json;
  const v = fund.criteria.version;
  const put = (token, json) => api(ctx, 'PUT', `/funds/${FUND}/criteria`, { token, json });
  const items = [...fund.criteria.items.map(({ code, name, question }) => ({ code, name, question })),
    { code: 'duurzaamheid', name: 'Duurzaamheid', question: 'Maakt het initiatief de buurt duurzamer?' }];
  const older = await newApplication(25000);
  assert.equal(older.criteria_version, v);
  assertError(await put(T().official, { criteria: items }), 403, 'an official');
  assertError(await put(T().member, { criteria: items }), 403, 'a member');
  assertFields(await put(T().admin, { criteria: [] }), ['criteria']);
  assertFields(await put(T().admin, { criteria: [{ code: 'Met Spaties', name: 'X', question: '' }] }),
    ['criteria[0].code', 'criteria[0].question']);
  const r = await put(T().admin, { criteria: items });
  assert.equal(r.status, 200, show(r));
  assert.equal(r.json.version, v + 1);
  assert.ok(r.json.items.some((c) => c.code === 'duurzaamheid'));
  assert.equal((await api(ctx, 'GET', `/funds/${FUND}`)).json.criteria.version, v + 1);
  const newer = await newApplication(25000);
  assert.equal(newer.criteria_version, v + 1, 'a new application is assessed under the new set');
  assertFields(await score(older.id, T().member, 'duurzaamheid', 4), ['criterion'], 'not in the older set');
  assert.equal((await score(newer.id, T().member, 'duurzaamheid', 4)).status, 200);
  assert.equal((await score(older.id, T().member, 'leefbaarheid', 4)).status, 200);
  const d = await decide(older.id, T().chair, { outcome: 'rejected', motivation: 'Er is te weinig draagvlak in de straat.' });
  assert.equal(d.status, 200, show(d));
  assert.equal(d.json.decision.criteria_version, v, 'decided under the version it was assessed under');
  const pub = (await api(ctx, 'GET', `/funds/${FUND}/decisions`)).json.items.find((x) => x.application_id === older.id);
  assert.equal(pub.criteria_version, v, 'the public decision names that version');
  const then = await api(ctx, 'GET', `/funds/${FUND}/criteria?version=${v}`);
  assert.equal(then.status, 200, show(then));
  assert.ok(!then.json.items.some((c) => c.code === 'duurzaamheid'), 'the older set is kept as it was');
  assertFields(await api(ctx, 'GET', `/funds/${FUND}/criteria?version=nul`), ['version']);
});

test('rounds: the chair plans a meeting with an agenda; members read it; residents cannot', async () => {
  assertError(await api(ctx, 'GET', `/funds/${FUND}/rounds`, { token: T().resident }), 403, 'a resident');
  assertError(await api(ctx, 'GET', `/funds/${FUND}/rounds`), 401);
  const list = await api(ctx, 'GET', `/funds/${FUND}/rounds`, { token: T().member });
  assert.equal(list.status, 200, show(list));
  const date = isoDay(today() + 14);
  assertError(await api(ctx, 'POST', `/funds/${FUND}/rounds`, { token: T().member, json: { meeting_date: date } }), 403, 'a member');
  assertFields(await api(ctx, 'POST', `/funds/${FUND}/rounds`, { token: T().chair, json: { meeting_date: 'volgende week' } }),
    ['meeting_date']);
  const a = await newApplication(15000);
  const r = await api(ctx, 'POST', `/funds/${FUND}/rounds`, { token: T().chair, json: { meeting_date: date, note: 'Wijkcentrum De Plint' } });
  assert.equal(r.status, 201, show(r));
  assert.equal(r.json.meeting_date, date);
  assert.match(r.headers.get('location') || '', new RegExp(`/api/v1/rounds/${r.json.id}$`));
  const add = await api(ctx, 'POST', `/rounds/${r.json.id}/agenda`, { token: T().chair, json: { application: a.id } });
  assert.equal(add.status, 200, show(add));
  assert.ok(add.json.agenda.some((x) => x.id === a.id), JSON.stringify(add.json.agenda));
  assertError(await api(ctx, 'POST', `/rounds/${r.json.id}/agenda`, { token: T().member, json: { application: a.id } }), 403);
  assertError(await api(ctx, 'POST', `/rounds/${r.json.id}/agenda`, { token: T().chair, json: { application: app.id } }), 409,
    'a decided application');
  const g = await api(ctx, 'GET', `/rounds/${r.json.id}`, { token: T().member });
  assert.equal(g.status, 200, show(g));
  assert.ok(g.json.agenda.some((x) => x.id === a.id));
  assertError(await api(ctx, 'GET', `/rounds/${r.json.id}`, { token: T().resident }), 403);
  const seen = await api(ctx, 'GET', `/applications/${a.id}`, { token: T().member });
  assert.equal(seen.json.round.id, r.json.id);
  assert.equal(seen.json.round.meeting_date, date);
});
