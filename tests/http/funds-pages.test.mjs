// The fund pages of issue 4 over HTTP: the public fund page (rules,
// criteria, budget use as SVG with the same numbers in a table, published
// decisions without personal data), the application form with its errors
// in Dutch, the receipt, the committee pages (403 for a resident, the
// scoring form gone after a conflict of interest), the decision with the
// over-budget refusal, payment, the ledger CSV (UTF-8 with BOM), CSRF on
// every POST and escaping of what people typed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useServer, page, login, csrfFrom, show, hasText, decodeHtml, cli, PASSWORD, USERS,
} from './lib.mjs';

const FUND = 'vlietwensen';
const COMMITTEE = {
  chair: { email: 'carla.voorzitter@example.nl', name: 'Carla Voorzitter', chair: true },
  member: { email: 'mees.commissielid@example.nl', name: 'Mees Commissielid' },
  member2: { email: 'bo.buurvrouw@example.nl', name: 'Bo Buurvrouw' },
};

const ctx = useServer();
const jars = {};
const state = {}; // initiative and application ids made along the way

// Once, in the first test: the server of useServer is up by then.
let setUp;
const setup = () => (setUp ??= (async () => {
  for (const u of Object.values(COMMITTEE)) {
    const args = ['user', 'add', '--db', ctx.db, '--email', u.email, '--name', u.name, '--role', 'committee', '--fund', FUND];
    if (u.chair) args.push('--chair');
    const r = cli(args, { input: PASSWORD + '\n' });
    assert.equal(r.code, 0, `user add ${u.email}: ${r.stderr}${r.stdout}`);
  }
  for (const key of ['resident', 'resident2', 'official', 'admin']) jars[key] = await login(ctx, USERS[key].email);
  for (const [key, u] of Object.entries(COMMITTEE)) jars[key] = await login(ctx, u.email);
})());

// GET a page and post one of its forms (found by its action) with extra fields.
async function postForm(jar, from, action, fields) {
  const get = await page(ctx, jar, 'GET', from);
  assert.equal(get.status, 200, `GET ${from} ${show(get)}`);
  const csrf = csrfFrom(get.text);
  assert.ok(csrf, `${from} has a csrf field`);
  return page(ctx, jar, 'POST', action, { form: { csrf, ...fields } });
}

// A new initiative of the resident; returns its id.
async function newInitiative(jar, title) {
  const r = await postForm(jar, '/initiatieven/nieuw', '/initiatieven', {
    title, summary: 'Samen de straat groener maken.', description: 'Plantenbakken en een buurtdag.', area: 'bovenveen',
  });
  assert.equal(r.status, 303, `create initiative ${show(r)}`);
  return Number(r.location.match(/\/initiatieven\/(\d+)/)[1]);
}

const inAYear = () => new Date(Date.now() + 300 * 86400000).toISOString().slice(0, 10);

function goodApplication(extra = {}) {
  return {
    fonds: FUND, amount: '900', line_description_0: 'Plantenbakken', line_amount_0: '600,00',
    line_description_1: 'Aarde en planten', line_amount_1: '300', own_contribution: 'Wij bouwen de bakken zelf.',
    own_hours: '40', needed_by: inAYear(), ...extra,
  };
}

async function apply(jar, initiative, fields) {
  return postForm(jar, `/initiatieven/${initiative}/aanvragen?fonds=${FUND}`, `/initiatieven/${initiative}/aanvragen`, fields);
}

// The euro amounts of the key figures on a page, in cents, by label.
function stats(html) {
  const out = {};
  for (const m of decodeHtml(html).matchAll(/wijzer-stat__label">([^<]+)<\/dt><dd class="wijzer-stat__value">€ ([\d.]+),(\d\d)</g))
    out[m[1]] = Number(m[2].replace(/\./g, '')) * 100 + Number(m[3]);
  return out;
}

test('/fondsen and /fondsen/{code}: rules, criteria, budget use as SVG and table, no personal data', async () => {
  await setup();
  const list = await page(ctx, null, 'GET', '/fondsen');
  assert.equal(list.status, 200, show(list));
  assert.match(list.text, new RegExp(`href="/fondsen/${FUND}"`));
  const r = await page(ctx, null, 'GET', `/fondsen/${FUND}`);
  assert.equal(r.status, 200, show(r));
  assert.match(r.text, /<html[^>]*lang="nl"/);
  assert.ok(hasText(r.text, 'Wat het fonds niet betaalt'), 'the exclusions');
  assert.ok(hasText(r.text, 'Hoogste bedrag per aanvraag'), 'the maximum amount');
  assert.match(r.text, /afwegingskader, versie \d+/, 'the criteria with their version');
  assert.match(r.text, /<svg role="img" aria-labelledby="budget-titel"[^>]*>\s*<title id="budget-titel">Budget \d{4}: €/,
    'the budget drawn as SVG with a title in words');
  for (const label of ['Toegezegd, nog niet betaald', 'Uitbetaald', 'Nog te verdelen'])
    assert.ok(hasText(r.text, label), `key figure ${label}`);
  assert.doesNotMatch(r.text, /<script/i);
  assert.equal((await page(ctx, null, 'GET', '/fondsen/bestaat-niet')).status, 404);
  assert.equal((await page(ctx, null, 'GET', `/fondsen/${FUND}/afwegingskader/1`)).status, 200);
  assert.equal((await page(ctx, null, 'GET', `/fondsen/${FUND}/afwegingskader/999`)).status, 404);
  // The ledger's totals are public, its entries and the CSV are not.
  const ledger = await page(ctx, null, 'GET', `/fondsen/${FUND}/kasboek`);
  assert.equal(ledger.status, 200, show(ledger));
  assert.ok(hasText(ledger.text, 'Nog te verdelen'));
  assert.doesNotMatch(ledger.text, /id="boekingen-caption"/, 'no entries for a visitor');
  const anonCsv = await page(ctx, null, 'GET', `/fondsen/${FUND}/kasboek.csv`);
  assert.ok([401, 303].includes(anonCsv.status), `CSV logged out ${show(anonCsv)}`);
  const residentCsv = await page(ctx, jars.resident, 'GET', `/fondsen/${FUND}/kasboek.csv`);
  assert.equal(residentCsv.status, 403, `CSV for a resident ${show(residentCsv)}`);
  const memberLedger = await page(ctx, jars.member, 'GET', `/fondsen/${FUND}/kasboek`);
  assert.match(memberLedger.text, /id="boekingen-caption"/, 'the committee sees the entries');
  // Logged in, the resident gets an "Aanvragen" button per initiative.
  state.initiative = await newInitiative(jars.resident, 'Groene gevels in de Bovenveen');
  const mine = await page(ctx, jars.resident, 'GET', `/fondsen/${FUND}`);
  assert.match(mine.text, new RegExp(`href="/initiatieven/${state.initiative}/aanvragen\\?fonds=${FUND}"`));
});

test('the initiative page links the initiator (only) to the application form', async () => {
  await setup();
  const own = await page(ctx, jars.resident, 'GET', `/initiatieven/${state.initiative}`);
  assert.ok(hasText(own.text, 'Geld aanvragen bij een fonds'), 'the section for the initiator');
  assert.match(own.text, new RegExp(`/initiatieven/${state.initiative}/aanvragen\\?fonds=${FUND}`));
  const other = await page(ctx, jars.resident2, 'GET', `/initiatieven/${state.initiative}`);
  assert.ok(!hasText(other.text, 'Geld aanvragen bij een fonds'), 'not for another resident');
  const form = await page(ctx, jars.resident2, 'GET', `/initiatieven/${state.initiative}/aanvragen?fonds=${FUND}`);
  assert.equal(form.status, 403, 'another resident cannot apply for her initiative');
});

test('application form: errors in Dutch next to the fields, nothing lost, total computed by the server', async () => {
  await setup();
  const r = await apply(jars.resident, state.initiative, goodApplication({ amount: '1000', own_contribution: '', needed_by: '2001-01-01' }));
  assert.equal(r.status, 422, show(r));
  assert.match(r.text, /<title>Fout: /);
  assert.match(r.text, /id="begroting-fout"/, 'the lines do not add up');
  assert.match(r.text, /id="own-contribution-fout"/, 'own contribution required');
  assert.match(r.text, /id="needed-by-fout"/, 'the date is in the past');
  assert.match(r.text, /id="needed-by"[^>]*aria-invalid="true"/);
  assert.match(r.text, /name="line_description_0" value="Plantenbakken"/, 'the lines are kept');
  assert.match(r.text, /name="amount"[^>]*value="1000"/, 'the amount is kept');
  assert.ok(hasText(r.text, '€ 900,00'), 'the total of the lines as the server counted it');
  const tooMuch = await apply(jars.resident, state.initiative, goodApplication({ amount: '999999', line_amount_0: '999699' }));
  assert.equal(tooMuch.status, 422, 'above the fund maximum');
  assert.match(tooMuch.text, /id="amount-fout"/);
});

test('submit: a receipt (Awb 4:3a) with the date and the decision deadline; her page shows the state', async () => {
  await setup();
  const r = await apply(jars.resident, state.initiative, goodApplication());
  assert.equal(r.status, 303, show(r));
  const m = r.location.match(/^\/aanvragen\/(\d+)\/ontvangstbevestiging$/);
  assert.ok(m, `to the receipt, not ${r.location}`);
  state.app = Number(m[1]);
  const receipt = await page(ctx, jars.resident, 'GET', r.location);
  assert.equal(receipt.status, 200);
  assert.ok(hasText(receipt.text, 'Ontvangstbevestiging'));
  assert.match(receipt.text, /Besluit uiterlijk<\/dt><dd[^>]*><time datetime="\d{4}-\d\d-\d\d">/);
  const mine = await page(ctx, jars.resident, 'GET', `/aanvragen/${state.app}`);
  assert.equal(mine.status, 200);
  assert.match(mine.text, /wijzer-deadline/, 'the decision deadline');
  assert.ok(hasText(mine.text, 'Ingediend (nu)'), 'the state as steps');
  assert.equal((await page(ctx, jars.resident2, 'GET', `/aanvragen/${state.app}`)).status, 403, 'not for another resident');
});

test('committee pages: 403 for a resident, 200 for members and officials', async () => {
  await setup();
  for (const path of [`/fondsen/${FUND}/commissie`, '/commissie', `/commissie/aanvragen/${state.app}`]) {
    const r = await page(ctx, jars.resident, 'GET', path);
    assert.equal(r.status, 403, `${path} for a resident ${show(r)}`);
    assert.ok(hasText(r.text, 'Dit mag niet'), 'a Dutch 403 page');
  }
  const out = await page(ctx, null, 'GET', '/commissie');
  assert.ok(out.status === 401 || (out.status === 303 && /^\/inloggen/.test(out.location)), `logged out ${show(out)}`);
  assert.equal((await page(ctx, jars.resident, 'GET', `/fondsen/${FUND}/beheer`)).status, 403);
  assert.equal((await page(ctx, jars.official, 'GET', `/fondsen/${FUND}/beheer`)).status, 403, 'only an admin manages');
  assert.equal((await page(ctx, jars.admin, 'GET', `/fondsen/${FUND}/beheer`)).status, 200);
  const home = await page(ctx, jars.member, 'GET', '/commissie');
  assert.equal(home.status, 303, 'a member of one committee goes straight there');
  const c = await page(ctx, jars.member, 'GET', `/fondsen/${FUND}/commissie`);
  assert.equal(c.status, 200);
  assert.match(c.text, new RegExp(`href="/commissie/aanvragen/${state.app}"`), 'the open application is listed');
  assert.equal((await page(ctx, jars.official, 'GET', `/commissie/aanvragen/${state.app}`)).status, 200);
});

test('scoring, conflict of interest, the chair sees all scores side by side', async () => {
  await setup();
  const path = `/commissie/aanvragen/${state.app}`;
  const form = await page(ctx, jars.member, 'GET', path);
  const names = [...form.text.matchAll(/name="(score_[^"]+)" value="1"/g)].map((m) => m[1]);
  assert.ok(names.length >= 3, `a 1–5 choice per criterion: ${names}`);
  const scores = Object.fromEntries(names.map((n) => [n, '4']));
  const bad = await postForm(jars.member, path, `${path}/scores`, { [names[0]]: '9' });
  assert.equal(bad.status, 422, show(bad));
  const ok = await postForm(jars.member, path, `${path}/scores`, { ...scores, [`remark_${names[0].slice(6)}`]: '<i>sterk</i> plan' });
  assert.equal(ok.status, 303, show(ok));
  assert.equal((await postForm(jars.chair, path, `${path}/scores`, scores)).status, 303);
  // The second member declares a conflict: no scoring form, no scores of others.
  const conflict = await postForm(jars.member2, path, `${path}/belangenverstrengeling`, { reason: 'Buurvrouw' });
  assert.equal(conflict.status, 303, show(conflict));
  const after = await page(ctx, jars.member2, 'GET', path);
  assert.equal(after.status, 200);
  assert.ok(hasText(after.text, 'belangenverstrengeling gemeld'));
  assert.doesNotMatch(after.text, /name="score_/, 'no scoring form after a conflict');
  assert.ok(!hasText(after.text, 'Cijfers van de commissie'), 'no scores of the others');
  const denied = await page(ctx, jars.member2, 'POST', `${path}/scores`, { form: { csrf: csrfFrom(after.text), ...scores } });
  assert.equal(denied.status, 403, 'scoring after a conflict is refused');
  // The chair: every score side by side, the remark escaped.
  const sheet = await page(ctx, jars.chair, 'GET', path);
  assert.ok(hasText(sheet.text, 'Cijfers van de commissie'));
  assert.ok(hasText(sheet.text, COMMITTEE.member.name), 'the member in a column');
  assert.ok(hasText(sheet.text, 'Gemiddeld') && hasText(sheet.text, 'Spreiding'));
  assert.ok(sheet.text.includes('&lt;i&gt;sterk&lt;/i&gt; plan'), 'the remark is escaped');
  assert.match(sheet.text, /name="outcome"/, 'the chair has the decision form');
  assert.doesNotMatch(form.text, /name="outcome"/, 'a member has no decision form');
});

test('asking for information pauses the clock until she answers', async () => {
  await setup();
  const path = `/commissie/aanvragen/${state.app}`;
  const ask = await postForm(jars.chair, path, `${path}/informatie`, { question: 'Hoeveel bakken komen er?' });
  assert.equal(ask.status, 303, show(ask));
  const paused = await page(ctx, jars.resident, 'GET', `/aanvragen/${state.app}`);
  assert.ok(hasText(paused.text, 'De termijn staat stil'), 'her page says the clock stands still');
  assert.ok(hasText(paused.text, 'Hoeveel bakken komen er?'));
  const empty = await postForm(jars.resident, `/aanvragen/${state.app}`, `/aanvragen/${state.app}/informatie`, { answer: '' });
  assert.equal(empty.status, 422, show(empty));
  assert.match(empty.text, /id="info-answer"[^>]*aria-invalid="true"/);
  const answer = await postForm(jars.resident, `/aanvragen/${state.app}`, `/aanvragen/${state.app}/informatie`, { answer: 'Twaalf bakken.' });
  assert.equal(answer.status, 303, show(answer));
  const running = await page(ctx, jars.resident, 'GET', `/aanvragen/${state.app}`);
  assert.ok(!hasText(running.text, 'De termijn staat stil'));
  assert.match(running.text, /wijzer-deadline/);
});

test('decision by the chair (members cannot), over-budget refusal in Dutch, payment, publication', async () => {
  await setup();
  const path = `/commissie/aanvragen/${state.app}`;
  const byMember = await postForm(jars.member, path, `${path}/besluit`, { outcome: 'granted', motivation: 'Goed plan.' });
  assert.equal(byMember.status, 403, show(byMember));
  const noReason = await postForm(jars.chair, path, `${path}/besluit`, { outcome: 'granted', motivation: '' });
  assert.equal(noReason.status, 422, show(noReason));
  assert.match(noReason.text, /id="decide-motivation"[^>]*aria-invalid="true"/);
  const granted = await postForm(jars.chair, path, `${path}/besluit`, {
    outcome: 'granted', amount: '800', motivation: 'Een groene straat brengt buren samen.', conditions: 'Bonnetjes bewaren.',
  });
  assert.equal(granted.status, 303, show(granted));
  const hers = await page(ctx, jars.resident, 'GET', `/aanvragen/${state.app}`);
  assert.ok(hasText(hers.text, '€ 800,00 (gevraagd: € 900,00)'), 'a partial grant');
  assert.match(hers.text, new RegExp(`href="/fondsen/${FUND}/afwegingskader/\\d+"`), 'links the criteria version');
  // Over budget: the admin sets the budget to what is used; the next grant is refused.
  const fundPage = await page(ctx, null, 'GET', `/fondsen/${FUND}`);
  const s = stats(fundPage.text);
  const used = Object.entries(s).filter(([k]) => !k.startsWith('Budget') && k !== 'Nog te verdelen').reduce((a, [, v]) => a + v, 0);
  const year = Object.keys(s).find((k) => k.startsWith('Budget')).slice(7);
  const budgetBefore = s[`Budget ${year}`];
  const setBudget = (cents) => postForm(jars.admin, `/fondsen/${FUND}/beheer`, `/fondsen/${FUND}/budget`, {
    year, budget: `${Math.floor(cents / 100)},${String(cents % 100).padStart(2, '0')}`,
  });
  assert.equal((await setBudget(used)).status, 303, 'budget set to what is used');
  const second = await newInitiative(jars.resident2, 'Bankjes bij het water');
  const app2 = await apply(jars.resident2, second, goodApplication());
  assert.equal(app2.status, 303, show(app2));
  const id2 = app2.location.match(/\d+/)[0];
  const refused = await postForm(jars.chair, `/commissie/aanvragen/${id2}`, `/commissie/aanvragen/${id2}/besluit`, {
    outcome: 'granted', motivation: 'Ook een goed plan.',
  });
  assert.equal(refused.status, 409, show(refused));
  assert.match(refused.text, /role="alert"/, 'the refusal is in the error box');
  assert.ok(/budget|te verdelen/i.test(decodeHtml(refused.text)), 'the message names the budget');
  assert.equal((await setBudget(budgetBefore)).status, 303, 'budget back');
  // Payment by an official; the ledger shows it, the CSV has a BOM.
  const pay = await postForm(jars.official, path, `${path}/betalingen`, { kind: 'payment', amount: '800', note: 'Overboeking 2026-001' });
  assert.equal(pay.status, 303, show(pay));
  const paid = await page(ctx, jars.resident, 'GET', `/aanvragen/${state.app}`);
  assert.ok(hasText(paid.text, 'Overboeking 2026-001'));
  assert.match(paid.text, /action="\/aanvragen\/\d+\/verantwoording"/, 'the verantwoording form after payment');
  const res = await fetch(`${ctx.base}/fondsen/${FUND}/kasboek.csv`, { headers: { Cookie: jars.official.header() } });
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type'), /^text\/csv; charset=utf-8/);
  const bytes = new Uint8Array(await res.arrayBuffer());
  assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 with BOM');
  assert.ok(new TextDecoder().decode(bytes).includes('Overboeking 2026-001'));
  // Published: title, wijk, amount, motivation; not her name.
  const pub = await page(ctx, null, 'GET', `/fondsen/${FUND}`);
  assert.ok(hasText(pub.text, 'Groene gevels in de Bovenveen'));
  assert.ok(hasText(pub.text, 'Een groene straat brengt buren samen.'));
  assert.ok(!hasText(pub.text, USERS.resident.name), 'no personal data on the public page');
  assert.ok(!pub.text.includes(USERS.resident.email));
});

test('every POST of the fund pages needs the CSRF token', async () => {
  await setup();
  const app = state.app ?? 1;
  const posts = [
    `/initiatieven/${state.initiative}/aanvragen`, `/aanvragen/${app}/informatie`, `/aanvragen/${app}/intrekken`,
    `/aanvragen/${app}/verantwoording`, `/fondsen/${FUND}/commissie/vergaderingen`, `/commissie/aanvragen/${app}/scores`,
    `/commissie/aanvragen/${app}/belangenverstrengeling`, `/commissie/aanvragen/${app}/informatie`,
    `/commissie/aanvragen/${app}/besluit`, `/commissie/aanvragen/${app}/betalingen`,
    `/commissie/aanvragen/${app}/verantwoording`, `/fondsen/${FUND}/beheer`, `/fondsen/${FUND}/budget`,
    `/fondsen/${FUND}/afwegingskader`, `/fondsen/${FUND}/jaar-afsluiten`,
  ];
  for (const p of posts) {
    for (const jar of [jars.admin, jars.chair]) {
      const none = await page(ctx, jar, 'POST', p, { form: { fonds: FUND, reason: 'x' } });
      assert.equal(none.status, 403, `${p} without csrf ${show(none)}`);
      const wrong = await page(ctx, jar, 'POST', p, { form: { csrf: 'nep-token', fonds: FUND } });
      assert.equal(wrong.status, 403, `${p} with a wrong csrf ${show(wrong)}`);
    }
  }
  // Nothing changed: the application is still there, not withdrawn.
  const still = await page(ctx, jars.resident, 'GET', `/aanvragen/${app}`);
  assert.ok(!hasText(still.text, 'Ingetrokken.'));
});

test('what people type is escaped on every fund page', async () => {
  await setup();
  const evil = '<img src=x onerror=alert(1)>';
  const id = await newInitiative(jars.resident2, `Straatfeest ${evil}`);
  const r = await apply(jars.resident2, id, goodApplication({
    line_description_0: `Tent ${evil}`, own_contribution: `"><script>alert(2)</script>`,
  }));
  assert.equal(r.status, 303, show(r));
  const app = r.location.match(/\d+/)[0];
  for (const [jar, path] of [[jars.resident2, r.location], [jars.resident2, `/aanvragen/${app}`],
    [jars.chair, `/commissie/aanvragen/${app}`], [jars.chair, `/fondsen/${FUND}/commissie`],
    [jars.resident2, `/initiatieven/${id}`]]) {
    const p = await page(ctx, jar, 'GET', path);
    assert.equal(p.status, 200, `${path} ${show(p)}`);
    assert.ok(!p.text.includes('<img src=x'), `${path} has no raw <img> from input`);
    assert.ok(!p.text.includes('<script>alert'), `${path} has no raw <script> from input`);
    assert.ok(p.text.includes('&lt;img src=x onerror=alert(1)&gt;'), `${path} shows the text escaped`);
  }
  // A bad submit shows what she typed, escaped, in the value attributes.
  const bad = await apply(jars.resident2, id, goodApplication({ amount: '', line_description_0: `"${evil}`, own_contribution: '' }));
  assert.equal(bad.status, 422);
  assert.ok(bad.text.includes('value="&quot;&lt;img src=x onerror=alert(1)&gt;"'), 'escaped in the value attribute');
});

test('the admin changes the rules and the criteria; saving the criteria makes a new version', async () => {
  await setup();
  const admin = `/fondsen/${FUND}/beheer`;
  const page0 = await page(ctx, null, 'GET', `/fondsen/${FUND}`);
  const version = Number(page0.text.match(/afwegingskader, versie (\d+)/)[1]);
  const form = await page(ctx, jars.admin, 'GET', admin);
  const rows = [...form.text.matchAll(/name="code_(\d+)"[^>]*value="([^"]*)"/g)].filter((m) => m[2]);
  assert.ok(rows.length >= 3, 'the current criteria are in the form');
  const fields = {};
  for (const [, i] of rows) {
    fields[`code_${i}`] = decodeHtml(form.text.match(new RegExp(`name="code_${i}"[^>]*value="([^"]*)"`))[1]);
    fields[`name_${i}`] = decodeHtml(form.text.match(new RegExp(`name="name_${i}"[^>]*value="([^"]*)"`))[1]);
    fields[`question_${i}`] = decodeHtml(form.text.match(new RegExp(`name="question_${i}"[^>]*>\\n([^<]*)</textarea>`))[1]);
  }
  const n = rows.length;
  const bad = await postForm(jars.admin, admin, `/fondsen/${FUND}/afwegingskader`, { ...fields, [`code_${n}`]: 'duurzaamheid', [`name_${n}`]: '', [`question_${n}`]: '' });
  assert.equal(bad.status, 422, `a criterion without a name ${show(bad)}`);
  assert.match(bad.text, new RegExp(`id="crit-${n}-name"[^>]*aria-invalid="true"`), 'the error sits at the field');
  const ok = await postForm(jars.admin, admin, `/fondsen/${FUND}/afwegingskader`, {
    ...fields, [`code_${n}`]: 'duurzaamheid', [`name_${n}`]: 'Duurzaamheid', [`question_${n}`]: 'Is het goed voor het klimaat?',
  });
  assert.equal(ok.status, 303, show(ok));
  const after = await page(ctx, null, 'GET', `/fondsen/${FUND}`);
  assert.match(after.text, new RegExp(`afwegingskader, versie ${version + 1}`));
  assert.ok(hasText(after.text, 'Is het goed voor het klimaat?'));
  const old = await page(ctx, null, 'GET', `/fondsen/${FUND}/afwegingskader/${version}`);
  assert.equal(old.status, 200, 'the old version stays readable');
  assert.ok(!hasText(old.text, 'Duurzaamheid') && hasText(old.text, 'niet meer de nieuwste versie'));
  // The rules: a wrong maximum is refused in Dutch; a good one shows on the fund page.
  const rules = { name: 'Budget Wijkinitiatieven (Vlietwensen)', description: 'Geld voor de buurt.', who_may_apply: 'Inwoners.',
    exclusions: 'Eten en drinken\nCadeaus', cadence: 'elke twee weken', decision_weeks: '8' };
  const wrong = await postForm(jars.admin, admin, admin, { ...rules, max_amount: 'veel' });
  assert.equal(wrong.status, 422, show(wrong));
  assert.match(wrong.text, /id="fund-max"[^>]*aria-invalid="true"/);
  const saved = await postForm(jars.admin, admin, admin, { ...rules, max_amount: '4.500' });
  assert.equal(saved.status, 303, show(saved));
  assert.ok(hasText((await page(ctx, null, 'GET', `/fondsen/${FUND}`)).text, '€ 4.500,00'));
  assert.equal((await postForm(jars.admin, admin, admin, { ...rules, max_amount: '5000' })).status, 303);
});

test('verantwoording after payment: she reports, the committee asks for more, then accepts', async () => {
  await setup();
  const mine = `/aanvragen/${state.app}`, theirs = `/commissie/aanvragen/${state.app}`;
  const empty = await postForm(jars.resident, mine, `${mine}/verantwoording`, { participants: '', reach: '', costs: '', story: '' });
  assert.equal(empty.status, 422, show(empty));
  assert.match(empty.text, /id="report-story"[^>]*aria-invalid="true"/);
  const report = { participants: '14', reach: '60', costs: '780,50', story: 'Twaalf geveltuintjes, en een buurtborrel erna.' };
  const sent = await postForm(jars.resident, mine, `${mine}/verantwoording`, report);
  assert.equal(sent.status, 303, show(sent));
  const review = await page(ctx, jars.member, 'GET', theirs);
  assert.ok(hasText(review.text, 'Twaalf geveltuintjes'), 'the committee reads the report');
  const noNote = await postForm(jars.member, theirs, `${theirs}/verantwoording`, { action: 'more', note: '' });
  assert.equal(noNote.status, 422, 'asking for more needs a question');
  const more = await postForm(jars.member, theirs, `${theirs}/verantwoording`, { action: 'more', note: 'Stuur ook een foto mee.' });
  assert.equal(more.status, 303, show(more));
  const hers = await page(ctx, jars.resident, 'GET', mine);
  assert.ok(hasText(hers.text, 'Stuur ook een foto mee.'), 'she sees the question');
  assert.match(hers.text, /name="story"/, 'and can send the report again');
  const again = await postForm(jars.resident, mine, `${mine}/verantwoording`, { ...report, photo_url: 'https://example.nl/album' });
  assert.equal(again.status, 303, show(again));
  const accept = await postForm(jars.chair, theirs, `${theirs}/verantwoording`, { action: 'accept', note: 'Dank je wel!' });
  assert.equal(accept.status, 303, show(accept));
  const done = await page(ctx, jars.resident, 'GET', mine);
  assert.ok(hasText(done.text, 'Verantwoord (nu)'), 'the application is verantwoord');
});

test('rounds: the chair plans a meeting with the open applications on its agenda; a member cannot', async () => {
  await setup();
  const id = await newInitiative(jars.resident2, 'Buurtbibliotheek in een oude koelkast');
  const app = await apply(jars.resident2, id, goodApplication());
  assert.equal(app.status, 303, show(app));
  const appId = app.location.match(/\d+/)[0];
  const c = `/fondsen/${FUND}/commissie`;
  const day = new Date(Date.now() + 90 * 86400000).toISOString().slice(0, 10);
  const member = await page(ctx, jars.member, 'GET', c);
  assert.doesNotMatch(member.text, /action="\/fondsen\/[^"]+\/commissie\/vergaderingen"/, 'no planning form for a member');
  const bad = await postForm(jars.chair, c, `${c}/vergaderingen`, { meeting_date: 'morgen' });
  assert.equal(bad.status, 422, show(bad));
  assert.match(bad.text, /id="round-date"[^>]*aria-invalid="true"/);
  const ok = await postForm(jars.chair, c, `${c}/vergaderingen`, { meeting_date: day, note: 'Wijkcentrum De Plint, 19.30 uur' });
  assert.equal(ok.status, 303, show(ok));
  const after = await page(ctx, jars.member, 'GET', c);
  assert.ok(hasText(after.text, 'Wijkcentrum De Plint, 19.30 uur'));
  // Open applications go on the agenda of a meeting (this one, or an
  // earlier one already planned).
  const meetings = (decodeHtml(after.text).split('id="vergaderingen"')[1] ?? '').split('id="besloten"')[0];
  assert.ok(meetings.includes(`/commissie/aanvragen/${appId}`), 'the new application is on an agenda');
  // She withdraws it; it leaves the open list.
  const gone = await postForm(jars.resident2, `/aanvragen/${appId}`, `/aanvragen/${appId}/intrekken`, { reason: 'Het is al geregeld.' });
  assert.equal(gone.status, 303, show(gone));
  assert.ok(hasText((await page(ctx, jars.resident2, 'GET', `/aanvragen/${appId}`)).text, 'Ingetrokken.'));
});
