// Accounts: sign-up, log-in, log-out, sessions and their cookies, CSRF on
// every state-changing form, the log-in rate limit, and who may see the
// official's work queue.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useServer, page, api, Jar, csrfFrom, tryLogin, login, show, USERS, PASSWORD, DEMO, DEMO_PASSWORD, cli, serve,
  formValues, decodeHtml,
} from './lib.mjs';

const ctx = useServer();

const cookieLine = (jar, name) => jar.raw.filter((c) => c.startsWith(name + '=')).at(-1);

test('GET /inloggen: a Dutch page with the form fields email, password and a hidden csrf', async () => {
  const jar = new Jar();
  const r = await page(ctx, jar, 'GET', '/inloggen');
  assert.equal(r.status, 200, show(r));
  assert.match(r.headers.get('content-type'), /^text\/html/);
  assert.match(r.text, /<html[^>]*\blang="nl"/);
  assert.match(r.text, /<form[^>]*method="post"[^>]*action="\/inloggen"/);
  assert.match(r.text, /<input[^>]*name="email"/);
  assert.match(r.text, /<input[^>]*name="password"[^>]*/);
  assert.match(r.text, /<input[^>]*type="password"/);
  const csrf = csrfFrom(r.text);
  assert.ok(csrf && csrf.length >= 20, 'hidden csrf field with a real token');
  assert.equal(jar.get('wz_csrf'), csrf, 'the csrf cookie carries the same value (double submit)');
  const c = cookieLine(jar, 'wz_csrf');
  assert.match(c, /;\s*HttpOnly/i);
  assert.match(c, /;\s*SameSite=Lax/i);
});

test('log-in: 303, a new session cookie that is HttpOnly and SameSite=Lax, and the page knows who you are', async () => {
  const { jar, res } = await tryLogin(ctx, USERS.resident.email, PASSWORD);
  assert.equal(res.status, 303, show(res));
  assert.ok(res.location && res.location.startsWith('/'), `redirect to a local page: ${res.location}`);
  const c = cookieLine(jar, 'wz_session');
  assert.ok(c, 'wz_session cookie set');
  assert.match(c, /;\s*HttpOnly/i);
  assert.match(c, /;\s*SameSite=Lax/i);
  assert.match(c, /;\s*Path=\//i);
  assert.doesNotMatch(c, /;\s*Secure/i, 'no Secure flag on plain http (the browser would drop it)');
  const home = await page(ctx, jar, 'GET', '/');
  assert.equal(home.status, 200);
  assert.ok(home.text.includes(USERS.resident.name), 'the header shows the name of who is logged in');
  const nieuw = await page(ctx, jar, 'GET', '/initiatieven/nieuw');
  assert.equal(nieuw.status, 200, `logged in, the submit form opens ${show(nieuw)}`);
});

test('log-in behind TLS (X-Forwarded-Proto: https): the session cookie is Secure', async () => {
  const { jar, res } = await tryLogin(ctx, USERS.resident2.email, PASSWORD, { headers: { 'X-Forwarded-Proto': 'https' } });
  assert.equal(res.status, 303, show(res));
  assert.match(cookieLine(jar, 'wz_session'), /;\s*Secure/i);
});

test('log-in with terug= goes back there; an address elsewhere is not followed', async () => {
  const a = await tryLogin(ctx, USERS.resident.email, PASSWORD, { terug: '/initiatieven/nieuw' });
  assert.equal(a.res.status, 303, show(a.res));
  assert.equal(a.res.location, '/initiatieven/nieuw');
  for (const evil of ['https://kwaad.example/', '//kwaad.example/', '/\\kwaad.example']) {
    const b = await tryLogin(ctx, USERS.resident.email, PASSWORD, { terug: evil });
    assert.equal(b.res.status, 303, show(b.res));
    assert.ok(b.res.location.startsWith('/') && !b.res.location.startsWith('//') && !b.res.location.startsWith('/\\'),
      `terug=${evil} → ${b.res.location}`);
  }
});

test('a demo account logs in with the demo password', async () => {
  const official = DEMO.officials.find((o) => o.role === 'official');
  const jar = await login(ctx, official.email, DEMO_PASSWORD);
  const home = await page(ctx, jar, 'GET', '/');
  assert.ok(home.text.includes(official.name));
});

test('wrong password: 401 with the form again and no session', async () => {
  const { jar, res } = await tryLogin(ctx, USERS.official2.email, 'helemaal-verkeerd-1');
  assert.equal(res.status, 401, show(res));
  assert.match(res.headers.get('content-type'), /^text\/html/);
  assert.match(res.text, /<html[^>]*\blang="nl"/);
  assert.match(res.text, /<input[^>]*name="password"/, 'the form is shown again');
  assert.ok(res.text.includes(USERS.official2.email), 'the e-mail address typed is kept');
  assert.ok(!res.text.includes('helemaal-verkeerd-1'), 'the password typed is not echoed');
  assert.ok(!jar.get('wz_session'), 'no session cookie');
  // An unknown e-mail address answers the same (no account probing).
  const u = await tryLogin(ctx, 'niemand.bekend@example.nl', 'helemaal-verkeerd-1');
  assert.equal(u.res.status, 401, show(u.res));
});

test('log-in is rate-limited: after repeated failures 429, even with the right password', async () => {
  // A user of its own, so the limit does not lock out the other tests.
  const email = 'lars.limiet@example.nl';
  const r = cli(['user', 'add', '--db', ctx.db, '--email', email, '--name', 'Lars Limiet', '--role', 'resident'], { input: PASSWORD + '\n' });
  assert.equal(r.code, 0, r.stderr);
  const statuses = [];
  for (let i = 0; i < 8; i++) {
    const { res } = await tryLogin(ctx, email, `fout-wachtwoord-${i}`);
    statuses.push(res.status);
    if (res.status === 429) break;
  }
  assert.equal(statuses.at(-1), 429, `failed tries answer ${statuses.join(', ')}`);
  assert.ok(statuses.slice(0, -1).every((s) => s === 401), statuses.join(', '));
  assert.ok(statuses.length >= 3, 'a few honest typos are allowed');
  const right = await tryLogin(ctx, email, PASSWORD);
  assert.equal(right.res.status, 429, `the right password during the lock-out ${show(right.res)}`);
  assert.ok(!right.jar.get('wz_session'));
  // Someone else can still log in from the same address.
  await login(ctx, USERS.official.email);
});

test('log-in without the csrf field, or with a wrong one: 403', async () => {
  const jar = new Jar();
  const get = await page(ctx, jar, 'GET', '/inloggen');
  const csrf = csrfFrom(get.text);
  const none = await page(ctx, jar, 'POST', '/inloggen', { form: { email: USERS.resident.email, password: PASSWORD } });
  assert.equal(none.status, 403, show(none));
  assert.ok(!jar.get('wz_session'));
  const wrong = await page(ctx, jar, 'POST', '/inloggen', { form: { email: USERS.resident.email, password: PASSWORD, csrf: csrf + 'x' } });
  assert.equal(wrong.status, 403, show(wrong));
  // A form value without the cookie (a cross-site post) is refused too.
  const noCookie = await page(ctx, new Jar(), 'POST', '/inloggen', { form: { email: USERS.resident.email, password: PASSWORD, csrf } });
  assert.equal(noCookie.status, 403, show(noCookie));
});

test('sign-up: /registreren with name, email, password, password2 logs you in', async () => {
  const jar = new Jar();
  const get = await page(ctx, jar, 'GET', '/registreren');
  assert.equal(get.status, 200, show(get));
  assert.match(get.text, /<html[^>]*\blang="nl"/);
  for (const f of ['name', 'email', 'password', 'password2']) assert.match(get.text, new RegExp(`<input[^>]*name="${f}"`), f);
  const csrf = csrfFrom(get.text);
  assert.ok(csrf);
  const res = await page(ctx, jar, 'POST', '/registreren', {
    form: { name: 'Noor Nieuwkomer', email: 'noor.nieuwkomer@example.nl', password: 'een-lang-wachtwoord', password2: 'een-lang-wachtwoord', csrf },
  });
  assert.equal(res.status, 303, show(res));
  assert.ok(jar.get('wz_session'), 'signed up is logged in');
  assert.match(cookieLine(jar, 'wz_session'), /HttpOnly/i);
  const next = await page(ctx, jar, 'GET', res.location);
  assert.equal(next.status, 200, show(next));
  assert.ok(next.text.includes('Noor Nieuwkomer'), 'the page knows the new user');
  // And the new account logs in later.
  await login(ctx, 'noor.nieuwkomer@example.nl', 'een-lang-wachtwoord');
});

test('sign-up mistakes: 422 with the form, what was typed kept, each field named', async () => {
  const jar = new Jar();
  const csrf = csrfFrom((await page(ctx, jar, 'GET', '/registreren')).text);
  const r = await page(ctx, jar, 'POST', '/registreren', {
    form: { name: 'Piet Proef', email: 'piet.proef@example.nl', password: 'een-lang-wachtwoord', password2: 'een-ander-wachtwoord', csrf },
  });
  assert.equal(r.status, 422, show(r));
  assert.ok(r.text.includes('value="Piet Proef"'), 'name kept');
  assert.ok(r.text.includes('value="piet.proef@example.nl"'), 'email kept');
  assert.ok(!r.text.includes('een-lang-wachtwoord'), 'passwords are not echoed');
  assert.match(r.text, /id="password2-error"|password2[^>]*aria-invalid/, 'error at password2');
  assert.ok(!jar.get('wz_session'));
  const short = await page(ctx, jar, 'POST', '/registreren', {
    form: { name: 'Piet Proef', email: 'piet.proef@example.nl', password: 'kort', password2: 'kort', csrf },
  });
  assert.equal(short.status, 422, show(short));
  const taken = await page(ctx, jar, 'POST', '/registreren', {
    form: { name: 'Dubbel', email: USERS.resident.email.toUpperCase(), password: 'een-lang-wachtwoord', password2: 'een-lang-wachtwoord', csrf },
  });
  assert.equal(taken.status, 422, `an e-mail address already in use ${show(taken)}`);
  const bad = await page(ctx, jar, 'POST', '/registreren', {
    form: { name: '', email: 'geen-adres', password: 'een-lang-wachtwoord', password2: 'een-lang-wachtwoord', csrf },
  });
  assert.equal(bad.status, 422, show(bad));
  assert.match(bad.text, /id="name-error"/);
  assert.match(bad.text, /id="email-error"/);
});

test('sign-up without csrf: 403', async () => {
  const r = await page(ctx, new Jar(), 'POST', '/registreren', {
    form: { name: 'Zonder Token', email: 'zonder.token@example.nl', password: 'een-lang-wachtwoord', password2: 'een-lang-wachtwoord' },
  });
  assert.equal(r.status, 403, show(r));
});

test('logged in, a POST without the csrf field is 403 (and changes nothing)', async () => {
  const jar = await login(ctx, USERS.resident.email);
  const form = await page(ctx, jar, 'GET', '/initiatieven/nieuw');
  assert.equal(form.status, 200, show(form));
  const sessionCsrf = csrfFrom(form.text);
  assert.ok(sessionCsrf, 'the submit form has a csrf field');
  const fields = {
    title: 'Zonder token ingediend', summary: 'Dit mag niet aankomen, want het token ontbreekt.', description: '', area: 'bovenveen',
  };
  const r = await page(ctx, jar, 'POST', '/initiatieven', { form: fields });
  assert.equal(r.status, 403, show(r));
  const wrong = await page(ctx, jar, 'POST', '/initiatieven', { form: { ...fields, csrf: 'niet-het-goede-token-maar-lang-genoeg' } });
  assert.equal(wrong.status, 403, show(wrong));
  const out = await page(ctx, jar, 'POST', '/uitloggen', { form: {} });
  assert.equal(out.status, 403, `log-out without csrf ${show(out)}`);
  const still = await page(ctx, jar, 'GET', '/initiatieven/nieuw');
  assert.equal(still.status, 200, 'still logged in');
  const list = await fetch(`${ctx.base}/api/v1/initiatives?q=${encodeURIComponent('token ontbreekt')}`).then((x) => x.json());
  assert.equal(list.total, 0, 'nothing was submitted');
});

test('every form that changes something carries the csrf token, and refuses a post without it (403)', async () => {
  const c = await api(ctx, 'POST', '/initiatives', {
    token: ctx.tokens.resident, json: { title: 'Formulieren nalopen', summary: 'Een initiatief om alle formulieren te bekijken.', area: 'amstelwijk' },
  });
  assert.equal(c.status, 201, show(c));
  const id = c.json.id;
  const res = await login(ctx, USERS.resident.email);
  const off = await login(ctx, USERS.official.email);
  const seen = new Map(); // action → {jar, values}
  const visit = async (jar, url) => {
    const r = await page(ctx, jar, 'GET', url);
    assert.equal(r.status, 200, `${url} ${show(r)}`);
    for (const f of r.text.match(/<form\b[^>]*>[\s\S]*?<\/form>/g) || []) {
      if (!/method="post"/i.test(f)) continue;
      const action = decodeHtml(f.match(/\baction="([^"]*)"/)?.[1] ?? url);
      assert.ok(csrfFrom(f), `the form posting to ${action} on ${url} has a csrf field`);
      if (!seen.has(action)) seen.set(action, { jar, values: formValues(f) });
    }
    return r;
  };
  const detail = await visit(res, `/initiatieven/${id}`);
  const edit = detail.text.match(new RegExp(`href="(/initiatieven/${id}/[a-z-]+)"`));
  if (edit) await visit(res, edit[1]);
  for (const u of ['/', '/initiatieven/nieuw', '/mijn-initiatieven', '/initiatieven']) await visit(res, u);
  for (const u of ['/werkvoorraad', `/initiatieven/${id}`]) await visit(off, u);
  const g = await api(ctx, 'GET', `/initiatives/${id}`);
  assert.ok(seen.size >= 4, `forms found: ${[...seen.keys()]}`);
  for (const [action, { jar, values }] of seen) {
    const r = await page(ctx, jar, 'POST', action, { form: values.filter(([k]) => k !== 'csrf') });
    assert.equal(r.status, 403, `POST ${action} without csrf ${show(r)}`);
  }
  // Nothing changed, and both are still logged in.
  const g2 = await api(ctx, 'GET', `/initiatives/${id}`);
  assert.equal(g2.text, g.text);
  assert.equal((await page(ctx, off, 'GET', '/werkvoorraad')).status, 200);
  assert.equal((await page(ctx, res, 'GET', '/initiatieven/nieuw')).status, 200);
});

test('log-out: 303, the session cookie is cleared and no longer works', async () => {
  const jar = await login(ctx, USERS.resident2.email);
  const old = jar.get('wz_session');
  const home = await page(ctx, jar, 'GET', '/');
  const csrf = csrfFrom(home.text) || csrfFrom((await page(ctx, jar, 'GET', '/initiatieven/nieuw')).text);
  assert.ok(csrf, 'a log-out form with csrf is on the page');
  const out = await page(ctx, jar, 'POST', '/uitloggen', { form: { csrf } });
  assert.equal(out.status, 303, show(out));
  assert.ok(!jar.get('wz_session'), `the cookie is cleared: ${cookieLine(jar, 'wz_session')}`);
  // Replaying the old cookie does not work either: the session is gone.
  const replay = new Jar();
  replay.cookies.set('wz_session', old);
  const r = await page(ctx, replay, 'GET', '/initiatieven/nieuw');
  assert.equal(r.status, 303, show(r));
  assert.match(r.location, /^\/inloggen\?terug=/);
  const h = await page(ctx, replay, 'GET', '/');
  assert.ok(!h.text.includes(USERS.resident2.name), 'the page no longer shows the name');
});

test('a made-up session cookie is just a visitor', async () => {
  const jar = new Jar();
  jar.cookies.set('wz_session', 'verzonnen-sessie-die-niet-bestaat');
  const r = await page(ctx, jar, 'GET', '/initiatieven/nieuw');
  assert.equal(r.status, 303, show(r));
});

test('/initiatieven/nieuw while logged out: 303 to /inloggen?terug=…', async () => {
  const r = await page(ctx, null, 'GET', '/initiatieven/nieuw');
  assert.equal(r.status, 303, show(r));
  const u = new URL(r.location, ctx.base);
  assert.equal(u.pathname, '/inloggen');
  assert.equal(u.searchParams.get('terug'), '/initiatieven/nieuw');
});

test('work queue /werkvoorraad: 200 for an official, 403 for a resident, log-in for a visitor', async () => {
  const off = await login(ctx, USERS.official.email);
  const a = await page(ctx, off, 'GET', '/werkvoorraad');
  assert.equal(a.status, 200, show(a));
  assert.match(a.text, /<html[^>]*\blang="nl"/);
  const adm = await login(ctx, USERS.admin.email);
  assert.equal((await page(ctx, adm, 'GET', '/werkvoorraad')).status, 200, 'admin is staff');
  const res = await login(ctx, USERS.resident.email);
  const b = await page(ctx, res, 'GET', '/werkvoorraad');
  assert.equal(b.status, 403, show(b));
  assert.match(b.text, /<html[^>]*\blang="nl"/, 'a Dutch error page');
  const c = await page(ctx, null, 'GET', '/werkvoorraad');
  assert.equal(c.status, 303, show(c));
  assert.match(c.location, /^\/inloggen\?terug=%2Fwerkvoorraad/);
});

test('a logged-in session is not an API token: page cookies do not authorise API writes', async () => {
  const jar = await login(ctx, USERS.official.email);
  const r = await fetch(`${ctx.base}/api/v1/initiatives`, {
    method: 'POST', headers: { Cookie: jar.header(), 'Content-Type': 'application/json' },
    body: JSON.stringify({ title: 'Via de cookie', summary: 'Dit hoort niet te lukken met een cookie.', area: 'bovenveen' }),
  });
  assert.equal(r.status, 401, await r.text());
});

test('sessions live in the database: a restart keeps you logged in', async () => {
  const jar = await login(ctx, USERS.official.email);
  const { code } = await ctx.server.stop();
  assert.equal(code, 0, ctx.server.stderr());
  ctx.server = await serve(ctx.db);
  ctx.base = ctx.server.base;
  const r = await page(ctx, jar, 'GET', '/werkvoorraad');
  assert.equal(r.status, 200, show(r));
});
