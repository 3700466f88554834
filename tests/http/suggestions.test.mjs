// Suggestions of the matching engine (issue 5) over HTTP: the endpoint's
// shape (five lists, each item with id or code, name or title, a score
// and Dutch reasons) without private data; who sees them (staff and the
// initiator) and who confirms or dismisses them (staff), and the effect
// (a connection, a contact person, gone from the list); the forms on the
// initiative's page with CSRF.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServer, api, page, login, csrfFrom, show, hasText, assertError, assertFields, USERS } from './lib.mjs';

const ctx = useServer();
const T = () => ctx.tokens;
const jars = {};
let mine;
let setUp;
const setup = () => (setUp ??= (async () => {
  const r = await api(ctx, 'POST', '/initiatives', {
    token: T().resident,
    json: {
      title: 'Buurtmoestuin bij de speeltuin', summary: 'Samen een moestuin aanleggen met plantenbakken en een kas.',
      description: 'Een langere uitleg van wat wij willen doen en waarom het de buurt goed doet.', area: 'bovenveen',
      themes: ['groen', 'ontmoeting'], help_requests: [{ kind: 'vrijwilligers', description: 'Handen om te spitten.' }],
    },
  });
  assert.equal(r.status, 201, show(r));
  mine = r.json.id;
  for (const key of ['resident', 'resident2', 'official']) jars[key] = await login(ctx, USERS[key].email);
})());

const get = (token, id = mine) => api(ctx, 'GET', `/initiatives/${id}/suggestions`, { token });
const act = (token, what, json, id = mine) => api(ctx, 'POST', `/initiatives/${id}/suggestions/${what}`, { token, json });

test('API: five lists, items with id or code, score and reasons; no private data', async () => {
  await setup();
  const r = await get(T().official);
  assert.equal(r.status, 200, show(r));
  assert.deepEqual(Object.keys(r.json).sort(), ['funds', 'goals', 'initiatives', 'officials', 'organisations']);
  let items = 0;
  for (const [kind, list] of Object.entries(r.json)) {
    assert.ok(Array.isArray(list) && list.length <= 5, `${kind} ${show(r)}`);
    for (const it of list) {
      items++;
      if (kind === 'initiatives' || kind === 'officials') assert.equal(typeof it.id, 'number', show(r));
      else assert.equal(typeof it.code, 'string', show(r));
      assert.equal(typeof (kind === 'initiatives' || kind === 'goals' ? it.title : it.name), 'string', show(r));
      assert.ok(Number.isInteger(it.score) && it.score >= 0 && it.score <= 100, show(r));
      assert.ok(Array.isArray(it.reasons) && it.reasons.length > 0 && it.reasons.every((x) => typeof x === 'string'));
      if (kind === 'officials') assert.deepEqual(Object.keys(it).sort(), ['expertise', 'id', 'name', 'reasons', 'score']);
    }
    for (let i = 1; i < list.length; i++) assert.ok(list[i - 1].score >= list[i].score, `${kind} sorted`);
  }
  assert.ok(items > 0, 'some suggestions');
  assert.ok(!r.json.initiatives.some((x) => x.id === mine), 'never itself');
  assert.ok(r.json.organisations.some((o) => o.reasons.includes('helpt met mensen en tijd')), show(r));
  assert.ok(r.json.officials.length > 0, show(r));
  assert.ok(!/@|"phone"|"email"/.test(r.text), 'no e-mail address or phone number');
});

test('API: who may see, confirm and dismiss, and the effect', async () => {
  await setup();
  assertError(await get(undefined), 401, 'anonymous');
  assertError(await get(T().resident2), 403, 'another resident');
  assert.equal((await get(T().resident)).status, 200, 'the initiator');
  assertError(await get(T().official, 999999), 404, 'unknown initiative');
  const before = (await get(T().official)).json;
  const org = before.organisations[0].code;
  assertError(await act(T().resident, 'confirm', { kind: 'organisation', target: org }), 403, 'initiator confirms');
  assertError(await act(T().resident, 'dismiss', { kind: 'organisation', target: org }), 403, 'initiator dismisses');
  assertFields(await act(T().official, 'confirm', { kind: 'planet', target: 'x' }), ['kind']);
  assertFields(await act(T().official, 'dismiss', { kind: 'goal' }), ['target']);
  assertError(await act(T().official, 'confirm', { kind: 'fund', target: 'vlietwensen' }), 422, 'a fund');
  // confirm the organisation: a connection, and no longer suggested
  let r = await act(T().official, 'confirm', { kind: 'organisation', target: org });
  assert.equal(r.status, 200, show(r));
  r = await api(ctx, 'GET', `/initiatives/${mine}/connections`);
  assert.ok(r.json.organisations.some((o) => o.code === org), show(r));
  // dismiss the first similar initiative
  const other = before.initiatives[0].id;
  r = await act(T().official, 'dismiss', { kind: 'initiative', target: other });
  assert.equal(r.status, 200, show(r));
  // confirm an official: she becomes the contact person
  const off = before.officials[0];
  r = await act(T().official, 'confirm', { kind: 'official', target: String(off.id) });
  assert.equal(r.status, 200, show(r));
  r = await api(ctx, 'GET', `/initiatives/${mine}`);
  assert.equal(r.json.contact?.name, off.name, show(r));
  const after = (await get(T().official)).json;
  assert.ok(!after.organisations.some((o) => o.code === org), 'confirmed organisation gone');
  assert.ok(!after.initiatives.some((x) => x.id === other), 'dismissed initiative gone');
  assert.ok(!after.officials.some((x) => x.id === off.id), 'the contact person is not suggested again');
});

test('pages: who sees the section, the forms with CSRF, the effect', async () => {
  await setup();
  let r = await page(ctx, null, 'GET', `/initiatieven/${mine}`);
  assert.equal(r.status, 200);
  assert.ok(!r.text.includes('id="suggesties"'), 'not for visitors');
  r = await page(ctx, jars.resident2, 'GET', `/initiatieven/${mine}`);
  assert.ok(!r.text.includes('id="suggesties"'), 'not for another resident');
  r = await page(ctx, jars.resident, 'GET', `/initiatieven/${mine}`);
  assert.ok(r.text.includes('id="suggesties"') && hasText(r.text, 'Waarom:'), 'the initiator sees the reasons');
  assert.ok(!r.text.includes('/suggesties/'), 'but no buttons');
  r = await page(ctx, jars.official, 'GET', `/initiatieven/${mine}`);
  assert.ok(r.text.includes(`action="/initiatieven/${mine}/suggesties/weghalen"`), 'staff get buttons');
  assert.ok(hasText(r.text, 'Niet passend'));
  const csrf = csrfFrom(r.text);
  const goal = r.text.match(/name="kind" value="goal"><input type="hidden" name="target" value="([^"]+)"/)?.[1];
  assert.ok(goal, 'a goal is suggested');
  const form = { csrf, kind: 'goal', target: goal };
  r = await page(ctx, jars.official, 'POST', `/initiatieven/${mine}/suggesties/bevestigen`, { form: { ...form, csrf: 'nep' } });
  assert.equal(r.status, 403, show(r));
  r = await page(ctx, null, 'POST', `/initiatieven/${mine}/suggesties/bevestigen`, { form: { kind: 'goal', target: goal } });
  assert.ok(r.status === 401 || r.status === 403, show(r));
  const rc = csrfFrom((await page(ctx, jars.resident, 'GET', `/initiatieven/${mine}`)).text);
  r = await page(ctx, jars.resident, 'POST', `/initiatieven/${mine}/suggesties/bevestigen`, { form: { ...form, csrf: rc } });
  assert.equal(r.status, 403, show(r));
  r = await page(ctx, jars.official, 'POST', `/initiatieven/${mine}/suggesties/bevestigen`, { form });
  assert.equal(r.status, 303, show(r));
  assert.equal(r.location, `/initiatieven/${mine}#verbonden`);
  r = await page(ctx, jars.official, 'GET', `/initiatieven/${mine}`);
  assert.ok(r.text.includes(`href="/doelen/${goal}"`), 'the goal is connected');
  r = await api(ctx, 'GET', `/initiatives/${mine}/suggestions`, { token: T().official });
  assert.ok(!r.json.goals.some((g) => g.code === goal), 'no longer suggested');
  // dismiss through the page
  const fund = r.json.funds[0]?.code;
  if (fund) {
    r = await page(ctx, jars.official, 'POST', `/initiatieven/${mine}/suggesties/weghalen`,
      { form: { csrf, kind: 'fund', target: fund } });
    assert.equal(r.status, 303, show(r));
    assert.equal(r.location, `/initiatieven/${mine}#suggesties`);
    r = await page(ctx, jars.official, 'GET', `/initiatieven/${mine}`);
    assert.ok(hasText(r.text, 'De suggestie is weggehaald.'));
  }
});
