// Shared helpers for the HTTP tests: each test file starts its own real
// server (`wijzer serve`) on 127.0.0.1 with its own temporary database,
// demo data and a fixed cast of users, and stops it with SIGTERM at the end.
// The database is SQLite, or PostgreSQL when WIJZER_TEST_PG is set
// (tests/lib/server.mjs).
import fs from 'node:fs';
import path from 'node:path';
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { ROOT, BIN, newDatabase, runWijzer, startWijzer, tempDir as makeTempDir } from '../lib/server.mjs';

export { ROOT, BIN };
export const DEMO = JSON.parse(fs.readFileSync(path.join(ROOT, 'demo', 'lv.json'), 'utf8'));
export const PASSWORD = 'geheim-voor-de-test-1';
export const DEMO_PASSWORD = 'welkom-in-lv';

// The cast every file gets. Residents use @example.nl addresses, like the
// demo initiators, so the privacy checks cover them too.
export const USERS = {
  official: { email: 'olga.ambtenaar@leidschendam-voorburg.example', name: 'Olga Ambtenaar', role: 'official' },
  official2: { email: 'otto.collega@leidschendam-voorburg.example', name: 'Otto Collega', role: 'official' },
  resident: { email: 'rosa.testbewoner@example.nl', name: 'Rosa Testbewoner', role: 'resident' },
  resident2: { email: 'ruben.testbuurman@example.nl', name: 'Ruben Testbuurman', role: 'resident' },
  admin: { email: 'anke.beheer@leidschendam-voorburg.example', name: 'Anke Beheer', role: 'admin' },
};

export const STATES = ['idee', 'ingediend', 'intake', 'in_behandeling', 'toegekend', 'afgewezen', 'doorverwezen',
  'in_uitvoering', 'afgerond', 'geevalueerd', 'gestopt'];

/* ---------- command line ---------- */

export { cleanEnv, freePort, newDatabase, ENGINE } from '../lib/server.mjs';

// Runs the binary; returns {code, stdout, stderr}.
export const cli = runWijzer;

function cliOk(args, opts) {
  const r = cli(args, opts);
  assert.equal(r.code, 0, `wijzer ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
  return r;
}

export function tempDir() {
  return makeTempDir('wijzer-http-');
}

// Creates a database with demo data (SQLite in dir, or a new PostgreSQL
// database when WIJZER_TEST_PG is set); returns its --db value.
export function initDb(dir) {
  const db = newDatabase(dir);
  cliOk(['init', '--db', db, '--demo']);
  return db;
}

// Adds the users and makes a token for each; ids holds the user id when
// `user add` prints one.
export function addUsers(db, users = USERS, ids = {}) {
  const tokens = {};
  for (const [key, u] of Object.entries(users)) {
    const r = cliOk(['user', 'add', '--db', db, '--email', u.email, '--name', u.name, '--role', u.role], { input: PASSWORD + '\n' });
    const id = r.stdout.match(/\b(\d+)\b/);
    if (id) ids[key] = Number(id[1]);
    tokens[key] = cliOk(['token', 'create', '--db', db, '--email', u.email]).stdout.trim();
  }
  return tokens;
}

/* ---------- the server ---------- */

// Starts `wijzer serve`; resolves to {base, port, proc, stderr(), stop()}.
export function serve(db, opts) {
  return startWijzer(db, opts);
}

// Registers before/after hooks for one test file: a fresh database with
// demo data, the cast of USERS with API tokens, and a running server.
// The returned object is filled in by the before hook.
export function useServer({ users = USERS, env } = {}) {
  const ctx = { users };
  before(async () => {
    ctx.dir = tempDir();
    ctx.db = initDb(ctx.dir);
    ctx.ids = {};
    ctx.tokens = addUsers(ctx.db, users, ctx.ids);
    ctx.server = await serve(ctx.db, env ? { env } : undefined);
    ctx.base = ctx.server.base;
  });
  after(async () => {
    if (!ctx.server) {
      if (ctx.dir) fs.rmSync(ctx.dir, { recursive: true, force: true });
      return;
    }
    const { code, signal } = await ctx.server.stop();
    fs.rmSync(ctx.dir, { recursive: true, force: true });
    assert.equal(signal, null, `server died of ${signal}: ${ctx.server.stderr()}`);
    assert.equal(code, 0, `server exited ${code} after SIGTERM: ${ctx.server.stderr()}`);
  });
  return ctx;
}

/* ---------- HTTP ---------- */

// One request; never follows redirects. Returns {status, headers, text, json, location}.
export async function request(base, method, p, { headers = {}, body } = {}) {
  const res = await fetch(base + p, { method, headers, body, redirect: 'manual' });
  const text = await res.text();
  let json;
  if (/json/.test(res.headers.get('content-type') || '')) {
    try { json = JSON.parse(text); } catch { json = undefined; }
  }
  return { status: res.status, headers: res.headers, text, json, location: res.headers.get('location') };
}

// A call to the JSON API: api(ctx, 'POST', '/initiatives', {token, json}).
export function api(ctx, method, p, { token, json, headers = {}, body } = {}) {
  const h = { ...headers };
  if (token) h.Authorization = `Bearer ${token}`;
  if (json !== undefined) {
    body = JSON.stringify(json);
    if (!Object.keys(h).some((k) => k.toLowerCase() === 'content-type')) h['Content-Type'] = 'application/json';
  }
  return request(ctx.base, method, '/api/v1' + p, { headers: h, body });
}

// Describes a request and its answer for assertion messages.
export function show(res) {
  return `→ ${res.status} ${res.text.length > 600 ? res.text.slice(0, 600) + '…' : res.text}`;
}

// Checks the error shape {"error":{"code","message",fields?}} and the status.
export function assertError(res, status, what = '') {
  assert.equal(res.status, status, `${what} expected ${status} ${show(res)}`);
  assert.match(res.headers.get('content-type') || '', /application\/json/, `${what} error is JSON`);
  assert.ok(res.json && typeof res.json.error === 'object', `${what} has {"error":…} ${show(res)}`);
  assert.equal(typeof res.json.error.code, 'string', `${what} error.code ${show(res)}`);
  assert.ok(res.json.error.code.length > 0);
  assert.equal(typeof res.json.error.message, 'string', `${what} error.message ${show(res)}`);
  assert.ok(res.json.error.message.length > 0);
  return res.json.error;
}

// Asserts that a 422 names each of the given fields (a field name matches
// exactly, or a RegExp matches one of the names).
export function assertFields(res, names, what = '') {
  const err = assertError(res, 422, what);
  assert.ok(err.fields && typeof err.fields === 'object', `${what} 422 has fields ${show(res)}`);
  const keys = Object.keys(err.fields);
  for (const n of names) {
    const hit = n instanceof RegExp ? keys.some((k) => n.test(k)) : keys.includes(n);
    assert.ok(hit, `${what} fields should name ${n}; got ${JSON.stringify(err.fields)}`);
    if (!(n instanceof RegExp)) assert.ok(String(err.fields[n]).length > 0, `message for ${n}`);
  }
  return err.fields;
}

/* ---------- pages: cookies, forms, log-in ---------- */

// A tiny cookie jar: name → value, fed by Set-Cookie, sent as Cookie.
export class Jar {
  constructor() { this.cookies = new Map(); this.raw = []; }
  header() { return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '); }
  store(headers) {
    for (const c of headers.getSetCookie()) {
      this.raw.push(c);
      const [pair, ...attrs] = c.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim(), value = pair.slice(eq + 1).trim();
      const expired = attrs.some((a) => /^\s*max-age\s*=\s*(0|-\d+)\s*$/i.test(a))
        || attrs.some((a) => /^\s*expires\s*=/i.test(a) && Date.parse(a.split('=')[1]) < Date.now());
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  get(name) { return this.cookies.get(name); }
  clone() { const j = new Jar(); j.cookies = new Map(this.cookies); return j; }
}

// A page request with the jar's cookies. form: object or array of [k, v]
// pairs, sent as application/x-www-form-urlencoded.
export async function page(ctx, jar, method, p, { form, headers = {} } = {}) {
  const h = { ...headers };
  if (jar && jar.cookies.size) h.Cookie = jar.header();
  let body;
  if (form !== undefined) {
    body = new URLSearchParams(Array.isArray(form) ? form : Object.entries(form)).toString();
    h['Content-Type'] = 'application/x-www-form-urlencoded';
  }
  const res = await request(ctx.base, method, p, { headers: h, body });
  if (jar) jar.store(res.headers);
  return res;
}

// The value of the hidden csrf field in a page's form.
export function csrfFrom(html) {
  const input = html.match(/<input\b[^>]*\bname="csrf"[^>]*>/);
  if (!input) return undefined;
  const v = input[0].match(/\bvalue="([^"]*)"/);
  return v ? v[1] : undefined;
}

export const decodeHtml = (s) => s.replace(/&quot;/g, '"').replace(/&#0*39;|&#x0*27;|&apos;/gi, "'").replace(/&lt;/g, '<')
  .replace(/&gt;/g, '>').replace(/&amp;/g, '&');

// Whether the page shows this text (however the writer escaped it).
export const hasText = (html, s) => decodeHtml(html).includes(s);

// The POST forms of a page outside the header (the log-out button is a form too).
export function postForms(html) {
  return (html.match(/<form\b[^>]*>[\s\S]*?<\/form>/g) || [])
    .filter((f) => /method="post"/i.test(f) && !/action="\/uitloggen"/.test(f))
    .map((f) => ({ html: f, action: decodeHtml(f.match(/\baction="([^"]*)"/)?.[1] ?? '') }));
}

// What a browser would send for a form as it stands: [name, value] pairs.
export function formValues(form) {
  const out = [];
  for (const m of form.matchAll(/<input\b[^>]*>/g)) {
    const tag = m[0], name = tag.match(/\bname="([^"]+)"/)?.[1];
    if (!name) continue;
    const type = tag.match(/\btype="([^"]+)"/)?.[1] || 'text';
    if ((type === 'checkbox' || type === 'radio') && !/\bchecked\b/.test(tag)) continue;
    if (type === 'submit' || type === 'button') continue;
    out.push([name, decodeHtml(tag.match(/\bvalue="([^"]*)"/)?.[1] ?? (type === 'checkbox' ? 'on' : ''))]);
  }
  for (const m of form.matchAll(/<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/g)) {
    const name = m[1].match(/\bname="([^"]+)"/)?.[1];
    if (name) out.push([name, decodeHtml(m[2].replace(/^\r?\n/, ''))]);
  }
  for (const m of form.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/g)) {
    const name = m[1].match(/\bname="([^"]+)"/)?.[1];
    const opt = m[2].match(/<option\b[^>]*\bselected\b[^>]*>/) || m[2].match(/<option\b[^>]*>/);
    if (name && opt) out.push([name, decodeHtml(opt[0].match(/\bvalue="([^"]*)"/)?.[1] ?? '')]);
  }
  return out;
}

// Replaces (or adds) single-valued fields in [name, value] pairs.
export function withValues(pairs, changes) {
  const out = pairs.filter(([k]) => !(k in changes));
  for (const [k, v] of Object.entries(changes)) {
    if (Array.isArray(v)) for (const x of v) out.push([k, x]); else out.push([k, v]);
  }
  return out;
}

// Posts the log-in form; returns {jar, res} without judging the answer.
export async function tryLogin(ctx, email, password, { jar = new Jar(), terug, headers } = {}) {
  const get = await page(ctx, jar, 'GET', '/inloggen' + (terug ? `?terug=${encodeURIComponent(terug)}` : ''));
  assert.equal(get.status, 200, `GET /inloggen ${show(get)}`);
  const csrf = csrfFrom(get.text);
  assert.ok(csrf, 'the log-in form has a hidden csrf field');
  const form = { email, password, csrf };
  if (terug) form.terug = terug;
  const res = await page(ctx, jar, 'POST', '/inloggen', { form, headers });
  return { jar, res };
}

// Logs in and returns the jar with the session cookie.
export async function login(ctx, email, password = PASSWORD) {
  const { jar, res } = await tryLogin(ctx, email, password);
  assert.equal(res.status, 303, `log-in of ${email} ${show(res)}`);
  assert.ok(jar.get('wz_session'), `log-in of ${email} sets the session cookie`);
  return jar;
}

/* ---------- data helpers ---------- */

export const areaCode = (item) => (item.area && typeof item.area === 'object' ? item.area.code : item.area ?? item.area_code);
export const personName = (p) => (p && typeof p === 'object' ? p.name : p);

// Every demo initiative with its current state (the last step of its history).
export function demoInitiatives() {
  return DEMO.initiatives.map((i) => ({ ...i, state: i.history.length ? i.history[i.history.length - 1].to : 'idee' }));
}

export function demoPerson(email) {
  return [...DEMO.officials, ...DEMO.committee, ...DEMO.residents].find((p) => p.email === email);
}

// Every item of the list, page by page.
export async function listAll(ctx, query = '') {
  const items = [];
  let total;
  for (let pg = 1; pg < 100; pg++) {
    const r = await api(ctx, 'GET', `/initiatives?${query}${query ? '&' : ''}page=${pg}&per_page=20`);
    assert.equal(r.status, 200, show(r));
    total = r.json.total;
    items.push(...r.json.items);
    if (r.json.items.length === 0 || items.length >= total) break;
  }
  return { items, total };
}

export async function findDemo(ctx, title) {
  const { items } = await listAll(ctx);
  const it = items.find((i) => i.title === title);
  assert.ok(it, `demo initiative "${title}" is in the list`);
  return it;
}

/* ---------- dates ---------- */

// Civil day number (UTC) as the server counts days.
export const dayOf = (ms) => Math.floor(ms / 86400000);
export const isoDay = (day) => new Date(day * 86400000).toISOString().slice(0, 10);

function easter(y) { // anonymous Gregorian algorithm; returns day number
  const a = y % 19, b = Math.floor(y / 100), c = y % 100, d = Math.floor(b / 4), e = b % 4;
  const f = Math.floor((b + 8) / 25), g = Math.floor((b - f + 1) / 3), h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4), k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31), dd = ((h + l - 7 * m + 114) % 31) + 1;
  return dayOf(Date.UTC(y, month - 1, dd));
}

// Dutch public holidays; `extra` adds the ones not every employer gives
// (Goede Vrijdag, Bevrijdingsdag), so callers can accept either reading.
function holidays(y, extra) {
  const e = easter(y), d = (m, dd) => dayOf(Date.UTC(y, m - 1, dd));
  const kings = new Date(Date.UTC(y, 3, 27)).getUTCDay() === 0 ? d(4, 26) : d(4, 27);
  const set = new Set([d(1, 1), e + 1, kings, e + 39, e + 50, d(12, 25), d(12, 26)]);
  if (extra) { set.add(e - 2); set.add(d(5, 5)); }
  return set;
}

export function addWorkingDays(day, n, extra) {
  while (n > 0) {
    day++;
    const y = new Date(day * 86400000).getUTCFullYear();
    const wd = new Date(day * 86400000).getUTCDay();
    if (wd !== 0 && wd !== 6 && !holidays(y, extra).has(day)) n--;
  }
  return day;
}
