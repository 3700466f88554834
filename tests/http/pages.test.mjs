// The HTML pages: home, the list with search, filters and pages, the CSV
// download, one initiative, the submit form, edit, the work queue with its
// transition form, "my initiatives", static assets; all in Dutch, without
// JavaScript, escaping what people typed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useServer, page, api, request, login, csrfFrom, show, USERS, DEMO, demoInitiatives, demoPerson, findDemo, listAll,
  hasText, decodeHtml, postForms, formValues, withValues,
} from './lib.mjs';

const ctx = useServer();
const demo = demoInitiatives();
const jars = {};

const decode = decodeHtml;

function assertDutchPage(res, what) {
  assert.match(res.headers.get('content-type') || '', /^text\/html/, `${what} is HTML`);
  assert.match(res.text, /^<!DOCTYPE html>/i, `${what} starts with a doctype`);
  assert.match(res.text, /<html[^>]*\blang="nl"/, `${what} has <html lang="nl">`);
  assert.match(res.text, /<html[^>]*class="[^"]*\butrecht-root\b[^"]*\bvoorbeeld-theme\b|<html[^>]*class="[^"]*\bvoorbeeld-theme\b[^"]*\butrecht-root\b/,
    `${what} has the NL Design System theme on <html>`);
  assert.match(res.text, /<title>[^<]+<\/title>/, `${what} has a title`);
  assert.match(res.text, /<main\b/, `${what} has a main landmark`);
  assert.match(res.text, /<meta name="viewport" content="width=device-width/, `${what} fits a phone`);
  assert.doesNotMatch(res.text, /<script(?![^>]*\bsrc=)[^>]*>/i, `${what} has no inline script`);
}

// Initiative ids linked from a page, in the order they appear.
const linkedIds = (html) => [...html.matchAll(/href="\/initiatieven\/(\d+)"/g)].map((m) => Number(m[1]))
  .filter((v, i, a) => a.indexOf(v) === i);

// The list page's filter form: the name of the control that offers a value.
function controlOffering(html, value) {
  for (const m of html.matchAll(/<select\b[^>]*\bname="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g)) {
    if (new RegExp(`<option[^>]*value="${value}"`).test(m[2])) return m[1];
  }
  const box = html.match(new RegExp(`<input\\b[^>]*\\bvalue="${value}"[^>]*>`));
  if (box) return box[0].match(/\bname="([^"]+)"/)?.[1];
  return undefined;
}

let names; // the list page's filter parameter names: {q, area, theme, state}

test('home page: 200, Dutch, with recent initiatives and the way in', async () => {
  const r = await page(ctx, null, 'GET', '/');
  assert.equal(r.status, 200, show(r));
  assertDutchPage(r, '/');
  assert.match(r.text, /href="\/initiatieven\/nieuw"/);
  assert.match(r.text, /href="\/initiatieven"/);
  assert.ok(linkedIds(r.text).length > 0, 'links to initiatives');
  assert.equal(r.headers.get('x-frame-options'), 'DENY');
  assert.ok(r.headers.get('content-security-policy'), 'a CSP');
});

test('/initiatieven: 200, every demo initiative over the pages, with a filter form that works without JS', async () => {
  const r = await page(ctx, null, 'GET', '/initiatieven');
  assert.equal(r.status, 200, show(r));
  assertDutchPage(r, '/initiatieven');
  const form = r.text.match(/<form\b[^>]*>[\s\S]*?<\/form>/g)?.find((f) => /method="get"/i.test(f) || !/method=/i.test(f));
  assert.ok(form, 'a GET form for search and filters');
  names = {
    q: form.match(/<input\b[^>]*\btype="search"[^>]*\bname="([^"]+)"/)?.[1]
      || form.match(/<input\b[^>]*\bname="([^"]+)"[^>]*\btype="search"/)?.[1] || 'q',
    area: controlOffering(form, 'voorburg-noord'),
    theme: controlOffering(form, 'groen'),
    state: controlOffering(form, 'ingediend'),
  };
  assert.ok(names.area, 'a filter by wijk');
  assert.ok(names.theme, 'a filter by theme');
  assert.ok(names.state, 'a filter by state');
  assert.ok(controlOffering(form, 'bovenveen') === names.area, 'the buurten can be chosen too');
  // Page by page, the list holds every demo initiative once.
  const seen = new Set();
  let url = '/initiatieven', pages = 0;
  for (let i = 0; i < 20 && url; i++, pages++) {
    const p = await page(ctx, null, 'GET', url);
    assert.equal(p.status, 200, `${url} ${show(p)}`);
    for (const d of demo) if (hasText(p.text, d.title)) seen.add(d.title);
    const next = p.text.match(/<a\b[^>]*href="([^"]*\bpage=\d+[^"]*)"[^>]*rel="next"|<a\b[^>]*rel="next"[^>]*href="([^"]*)"/);
    url = next ? decode(next[1] || next[2]) : null;
  }
  assert.equal(seen.size, demo.length, `every demo initiative is listed (${demo.length - seen.size} missing)`);
  assert.ok(pages >= 2, `the list has pages with a rel="next" link (${pages})`);
});

test('/initiatieven?q=speeltuinen: the speeltuin initiatives, highlighted with <mark>', async () => {
  const r = await page(ctx, null, 'GET', `/initiatieven?${names.q}=speeltuinen`);
  assert.equal(r.status, 200, show(r));
  assertDutchPage(r, 'search');
  assert.ok(r.text.includes('Speeltuin Het Loo opknappen met de buurt'));
  assert.ok(r.text.includes('Oud-Hollandse spelenmiddag'));
  assert.ok(!r.text.includes('Buurtmoestuin Bovenveen'), 'no unrelated initiatives');
  assert.match(r.text, /<mark>[^<]*speeltuin[^<]*<\/mark>/i);
  assert.match(r.text, /value="speeltuinen"/, 'the search box keeps the words');
  const none = await page(ctx, null, 'GET', `/initiatieven?${names.q}=xylofoonorkestwedstrijd`);
  assert.equal(none.status, 200);
  for (const d of demo) assert.ok(!hasText(none.text, d.title), `no hit shows no initiative: ${d.title}`);
});

test('/initiatieven filters: wijk (with its buurten), theme and state', async () => {
  const inWijk = new Set(['voorburg-noord', 'bovenveen', 'park-leeuwenbergh', 'het-loo']);
  const r = await page(ctx, null, 'GET', `/initiatieven?${names.area}=voorburg-noord`);
  assert.equal(r.status, 200, show(r));
  for (const d of demo) {
    assert.equal(hasText(r.text, d.title), inWijk.has(d.area), `"${d.title}" (${d.area}) in wijk Voorburg-Noord`);
  }
  const t = await page(ctx, null, 'GET', `/initiatieven?${names.theme}=groen&${names.state}=in_uitvoering`);
  assert.equal(t.status, 200, show(t));
  for (const d of demo) {
    assert.equal(hasText(t.text, d.title), d.themes.includes('groen') && d.state === 'in_uitvoering', d.title);
  }
  assert.match(t.text, /<option[^>]*value="groen"[^>]*selected|<option[^>]*selected[^>]*value="groen"/, 'the filter shows what is chosen');
});

test('/initiatieven with nonsense filters still answers (never a 500)', async () => {
  for (const qs of ['page=abc', 'page=-1', 'page=99999', `${names.state}=onzin`, `${names.area}=atlantis`, `${names.q}=%22`]) {
    const r = await page(ctx, null, 'GET', `/initiatieven?${qs}`);
    assert.ok(r.status < 500, `?${qs} ${show(r)}`);
    assertDutchPage(r, `?${qs}`);
  }
});

test('/initiatieven.csv: text/csv, a header row, the same filters, public fields only', async () => {
  const r = await request(ctx.base, 'GET', '/initiatieven.csv');
  assert.equal(r.status, 200, show(r));
  assert.match(r.headers.get('content-type'), /^text\/csv/);
  const raw = new Uint8Array(await (await fetch(ctx.base + '/initiatieven.csv')).arrayBuffer());
  assert.deepEqual([...raw.slice(0, 3)], [0xef, 0xbb, 0xbf], 'a byte order mark, so Excel reads UTF-8');
  const rows = parseCsv(r.text.replace(/^\uFEFF/, ''));
  const header = rows[0];
  assert.ok(header.length >= 3, `header: ${header}`);
  assert.ok(header.some((h) => /titel|title/i.test(h)), `a title column: ${header}`);
  const data = rows.slice(1).filter((row) => row.length > 1 || row[0] !== '');
  const all = await listAll(ctx);
  assert.equal(data.length, all.total, 'one row per initiative (not only the first page)');
  for (const row of data) assert.equal(row.length, header.length, 'every row has every column');
  assert.doesNotMatch(r.text, /[\w.+-]+@[\w-]+\.[\w.-]+/, 'no e-mail addresses');
  for (const p of DEMO.residents.map((x) => x.phone).filter(Boolean)) assert.ok(!r.text.includes(p), `no phone ${p}`);
  // Hidden names stay hidden in the download too.
  for (const d of demo.filter((x) => !x.show_name)) {
    const row = data.find((rw) => rw.includes(d.title));
    assert.ok(row, d.title);
    assert.ok(!row.join(' ').includes(demoPerson(d.initiator).name), `name hidden for "${d.title}"`);
  }
  const f = await request(ctx.base, 'GET', `/initiatieven.csv?${names.q}=speeltuinen`);
  assert.equal(f.status, 200);
  const fr = parseCsv(f.text.replace(/^\uFEFF/, '')).slice(1).filter((row) => row.length > 1);
  assert.equal(fr.length, 2, 'search filters the download');
  const w = await request(ctx.base, 'GET', `/initiatieven.csv?${names.area}=bovenveen&${names.theme}=groen`);
  const wr = parseCsv(w.text.replace(/^\uFEFF/, '')).slice(1).filter((row) => row.length > 1);
  assert.equal(wr.length, demo.filter((d) => d.area === 'bovenveen' && d.themes.includes('groen')).length);
  // The list page links to the download with its filters.
  const list = await page(ctx, null, 'GET', `/initiatieven?${names.area}=bovenveen`);
  assert.match(list.text, /href="\/initiatieven\.csv\?[^"]*bovenveen/, 'a download link keeping the filter');
});

test('/initiatieven.csv: a title that looks like a formula is not run by a spreadsheet', async () => {
  const c = await api(ctx, 'POST', '/initiatives', {
    token: ctx.tokens.resident2, json: { title: '=HYPERLINK("http://kwaad.example")', summary: 'Een titel die op een formule lijkt.', area: 'wilsveen' },
  });
  assert.equal(c.status, 201, show(c));
  const r = await request(ctx.base, 'GET', '/initiatieven.csv');
  const row = parseCsv(r.text.replace(/^\uFEFF/, '')).find((x) => x[0] === String(c.json.id));
  assert.ok(row, 'the row is there');
  assert.ok(row.every((cell) => !/^[=+\-@]/.test(cell)), `no cell starts with = + - @: ${row}`);
});

function parseCsv(text) {
  const rows = [];
  let row = [], field = '', q = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (q) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') q = false; else field += c;
    } else if (c === '"') q = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field); rows.push(row); row = []; field = '';
    } else field += c;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  return rows;
}

test('/initiatieven/{id}: the public page with timeline, help requests and the contact person', async () => {
  const d = demo.find((x) => x.title === 'Speeltuin Het Loo opknappen met de buurt');
  const it = await findDemo(ctx, d.title);
  const r = await page(ctx, null, 'GET', `/initiatieven/${it.id}`);
  assert.equal(r.status, 200, show(r));
  assertDutchPage(r, 'initiative page');
  assert.ok(hasText(r.text, d.title));
  for (const h of d.history) assert.ok(hasText(r.text, h.note), `timeline note "${h.note.slice(0, 40)}…"`);
  for (const h of d.help_requests) assert.ok(hasText(r.text, h.description), `help request ${h.description}`);
  assert.ok(r.text.includes(demoPerson(d.contact).name), 'contact person named');
  assert.ok(r.text.includes(demoPerson(d.initiator).name), 'initiator named (show_name)');
  assert.match(r.text, /<strong>/, 'markdown rendered');
  // The timeline is in time order: the notes appear in the order of the history.
  const text = decodeHtml(r.text);
  const at = d.history.map((h) => text.indexOf(h.note));
  assert.deepEqual([...at].sort((a, b) => a - b), at, 'timeline in order');
});

test('/initiatieven/{id}: the links of an initiative (website, social media) are on its page', async () => {
  const d = demo.find((x) => x.links && x.links.length);
  const it = await findDemo(ctx, d.title);
  const r = await page(ctx, null, 'GET', `/initiatieven/${it.id}`);
  for (const l of d.links) assert.ok(r.text.includes(`href="${l.url}"`), `link ${l.url}`);
  const j = await api(ctx, 'GET', `/initiatives/${it.id}`);
  assert.deepEqual(j.json.links.map((l) => l.url ?? l), d.links.map((l) => l.url));
});

test('/initiatieven/{id}: unknown is a Dutch 404 page', async () => {
  for (const p of ['/initiatieven/999999', '/initiatieven/abc', '/bestaat-niet']) {
    const r = await page(ctx, null, 'GET', p);
    assert.equal(r.status, 404, `${p} ${show(r)}`);
    assertDutchPage(r, p);
  }
});

test('deadline on the page: days left while waiting, days late when overdue', async () => {
  // The demo's oldest still-waiting initiative is overdue.
  const waiting = demo.filter((d) => ['ingediend', 'intake', 'in_behandeling'].includes(d.state));
  const detail = [];
  for (const d of waiting) {
    const it = await findDemo(ctx, d.title);
    const j = await api(ctx, 'GET', `/initiatives/${it.id}`);
    detail.push({ d, it, dl: j.json.deadline });
  }
  const late = detail.find((x) => x.dl && x.dl.overdue);
  const onTime = detail.find((x) => x.dl && !x.dl.overdue && x.dl.days_left > 1);
  assert.ok(late && onTime, 'the demo has both');
  // A day may turn between the two requests: allow one either way.
  const around = (n) => `(${n - 1}|${n}|${n + 1})`;
  const a = await page(ctx, null, 'GET', `/initiatieven/${late.it.id}`);
  const lateDays = Math.abs(late.dl.days_left);
  assert.match(a.text, new RegExp(`\\b${around(lateDays)}\\s+(werk)?dag(en)?\\s+(te laat|over)`), `overdue page says ${lateDays} dagen te laat`);
  const b = await page(ctx, null, 'GET', `/initiatieven/${onTime.it.id}`);
  assert.match(b.text, new RegExp(`\\b(nog\\s+)?${around(onTime.dl.days_left)}\\s+(werk)?dag(en)?`), `page says ${onTime.dl.days_left} dagen left`);
});

test('submit form: logged in, errors come back (422) next to the fields with what was typed kept', async () => {
  jars.resident = await login(ctx, USERS.resident.email);
  const g = await page(ctx, jars.resident, 'GET', '/initiatieven/nieuw');
  assert.equal(g.status, 200, show(g));
  assertDutchPage(g, '/initiatieven/nieuw');
  assert.match(g.text, /<form\b[^>]*method="post"[^>]*action="\/initiatieven"/);
  for (const f of ['title', 'summary', 'description', 'area']) assert.match(g.text, new RegExp(`name="${f}"`), `field ${f}`);
  const csrf = csrfFrom(g.text);
  const typed = 'Onze "mooie" <straat> & plein';
  const r = await page(ctx, jars.resident, 'POST', '/initiatieven', {
    form: { csrf, title: typed, summary: 'kort', description: 'Wat we willen doen.', area: '' },
  });
  assert.equal(r.status, 422, show(r));
  assertDutchPage(r, 'form with errors');
  assert.ok(r.text.includes('value="Onze &quot;mooie&quot; &lt;straat&gt; &amp; plein"'),
    `the typed title is kept, escaped: ${(r.text.match(/<input[^>]*name="title"[^>]*>/) || [''])[0]}`);
  assert.ok(r.text.includes('Wat we willen doen.'), 'the description is kept');
  assert.ok(formValues(r.text).some(([k, v]) => k === 'summary' && v === 'kort'), 'summary kept');
  assert.match(r.text, /utrecht-form-field-error-message/, 'error messages at the fields');
  assert.match(r.text, /aria-invalid="true"/);
  assert.match(r.text, /<title>Fout:/, 'the title says there is an error');
  assert.ok(csrfFrom(r.text), 'the form again carries a csrf field');
});

let formId;
test('submit form: success is 303 to the new page, which shows it as ingediend', async () => {
  const g = await page(ctx, jars.resident, 'GET', '/initiatieven/nieuw');
  const csrf = csrfFrom(g.text);
  const form = [['csrf', csrf], ['title', 'Bankjes bij het Zuidpark'],
    ['summary', 'Drie bankjes zodat ouderen onderweg kunnen uitrusten.'],
    ['description', 'Langs het pad **rusten** ouderen graag even uit.'], ['area', 'fonteijn'],
    ['themes', 'ouderen'], ['themes', 'ontmoeting']];
  const r = await page(ctx, jars.resident, 'POST', '/initiatieven', { form });
  assert.equal(r.status, 303, show(r));
  const m = (r.location || '').match(/^\/initiatieven\/(\d+)$/);
  assert.ok(m, `Location is the new page: ${r.location}`);
  formId = Number(m[1]);
  const p = await page(ctx, jars.resident, 'GET', r.location);
  assert.equal(p.status, 200);
  assert.ok(p.text.includes('Bankjes bij het Zuidpark'));
  assert.match(p.text, /Ingediend/);
  const j = await api(ctx, 'GET', `/initiatives/${formId}`);
  assert.equal(j.json.state, 'ingediend');
  assert.deepEqual(j.json.themes.map((t) => t.code ?? t).sort(), ['ontmoeting', 'ouderen']);
  const list = await page(ctx, null, 'GET', '/initiatieven');
  assert.ok(list.text.includes('Bankjes bij het Zuidpark'), 'it is in the public list');
});

test('markdown is safe: raw HTML and javascript: links never reach the page; titles are escaped', async () => {
  const c = await api(ctx, 'POST', '/initiatives', {
    token: ctx.tokens.resident2, json: {
      title: 'Titel met <img src=x onerror=alert(1)>',
      summary: 'Een samenvatting met <script>alert(2)</script> erin.',
      description: 'Hallo <script>alert(3)</script> en <iframe src="https://kwaad.example"></iframe>\n\n'
        + '[klik hier](javascript:alert(4)) en [ook](JaVaScRiPt:alert(5)) <a href="javascript:alert(6)">a</a>\n\n'
        + '<img src=x onerror=alert(7)>',
      area: 'damsigt', themes: ['ontmoeting'],
    },
  });
  assert.equal(c.status, 201, show(c));
  for (const url of [`/initiatieven/${c.json.id}`, '/initiatieven', '/']) {
    const r = await page(ctx, null, 'GET', url);
    assert.equal(r.status, 200);
    assert.ok(!/<script>alert/i.test(r.text), `${url}: no script from the text`);
    assert.ok(!/<img src=x/i.test(r.text), `${url}: no img from the text`);
    assert.ok(!/<iframe/i.test(r.text), `${url}: no iframe`);
    assert.ok(!/href="javascript:/i.test(r.text), `${url}: no javascript: link`);
    assert.ok(!/onerror=/i.test(r.text.replace(/&lt;img[^&]*&gt;/g, '')), `${url}: no event handler`);
  }
  const r = await page(ctx, null, 'GET', `/initiatieven/${c.json.id}`);
  assert.ok(r.text.includes('Titel met &lt;img src=x onerror=alert(1)&gt;'), 'the title is shown as text');
});

test('edit: the initiator changes her initiative through a form; another resident may not', async () => {
  const p = await page(ctx, jars.resident, 'GET', `/initiatieven/${formId}`);
  const edit = p.text.match(new RegExp(`href="(/initiatieven/${formId}/[a-z-]+)"`));
  assert.ok(edit, 'the initiator sees a link to edit');
  const g = await page(ctx, jars.resident, 'GET', edit[1]);
  assert.equal(g.status, 200, show(g));
  assertDutchPage(g, 'edit');
  const [form] = postForms(g.text);
  assert.ok(form, 'a post form');
  const values = formValues(form.html);
  assert.ok(values.some(([k, v]) => k === 'title' && v === 'Bankjes bij het Zuidpark'), 'the form holds the current title');
  assert.deepEqual(values.filter(([k]) => k === 'themes').map(([, v]) => v).sort(), ['ontmoeting', 'ouderen'], 'and the themes');
  // Errors come back with what was typed.
  const bad = await page(ctx, jars.resident, 'POST', form.action, { form: withValues(values, { title: 'ab', summary: 'Nieuwe samenvatting van het plan.' }) });
  assert.equal(bad.status, 422, show(bad));
  assert.ok(formValues(bad.text).some(([k, v]) => k === 'summary' && v === 'Nieuwe samenvatting van het plan.'), 'typed summary kept');
  const r = await page(ctx, jars.resident, 'POST', form.action, { form: withValues(values, { title: 'Bankjes bij het Zuidpark en de vijver' }) });
  assert.equal(r.status, 303, show(r));
  const j = await api(ctx, 'GET', `/initiatives/${formId}`);
  assert.equal(j.json.title, 'Bankjes bij het Zuidpark en de vijver');
  assert.deepEqual(j.json.themes.map((t) => t.code ?? t).sort(), ['ontmoeting', 'ouderen'], 'themes unchanged');
  assert.equal(j.json.summary, 'Drie bankjes zodat ouderen onderweg kunnen uitrusten.');
  jars.resident2 = await login(ctx, USERS.resident2.email);
  const other = await page(ctx, jars.resident2, 'GET', edit[1]);
  assert.equal(other.status, 403, `another resident opens the edit form ${show(other)}`);
  const p2 = await page(ctx, jars.resident2, 'GET', `/initiatieven/${formId}`);
  assert.ok(!p2.text.includes(`href="${edit[1]}"`), 'and sees no edit link');
  const post = await page(ctx, jars.resident2, 'POST', form.action,
    { form: withValues(values, { csrf: csrfFrom(p2.text), title: 'Gekaapt' }) });
  assert.equal(post.status, 403, `another resident posts the edit form ${show(post)}`);
  assert.equal((await api(ctx, 'GET', `/initiatives/${formId}`)).json.title, 'Bankjes bij het Zuidpark en de vijver');
});

test('my initiatives: a resident sees her own, and only those', async () => {
  const r = await page(ctx, jars.resident, 'GET', '/mijn-initiatieven');
  assert.equal(r.status, 200, show(r));
  assertDutchPage(r, '/mijn-initiatieven');
  assert.ok(r.text.includes('Bankjes bij het Zuidpark en de vijver'));
  assert.ok(!r.text.includes('Speeltuin Het Loo'), 'not someone else\'s');
  const anon = await page(ctx, null, 'GET', '/mijn-initiatieven');
  assert.equal(anon.status, 303);
});

test('work queue: intake first, overdue on top, filter by wijk', async () => {
  jars.official = await login(ctx, USERS.official.email);
  const r = await page(ctx, jars.official, 'GET', '/werkvoorraad');
  assert.equal(r.status, 200, show(r));
  assertDutchPage(r, '/werkvoorraad');
  const ids = linkedIds(r.text);
  const waiting = (await listAll(ctx)).items.filter((i) => ['ingediend', 'intake', 'in_behandeling'].includes(i.state));
  assert.deepEqual([...ids].filter((id) => waiting.some((w) => w.id === id)).sort((a, b) => a - b),
    waiting.map((w) => w.id).sort((a, b) => a - b), 'everything that waits on the municipality is in the queue');
  const rows = [];
  for (const id of ids.filter((x) => waiting.some((w) => w.id === x))) {
    const j = await api(ctx, 'GET', `/initiatives/${id}`);
    rows.push({ id, state: j.json.state, overdue: !!(j.json.deadline && j.json.deadline.overdue) });
  }
  assert.ok(rows.some((x) => x.overdue) && rows.some((x) => !x.overdue), 'the demo has overdue and on-time work');
  // Both readings of "intake first, overdue on top" agree on these:
  for (let i = 1; i < rows.length; i++) {
    const a = rows[i - 1], b = rows[i];
    if ((a.state === 'ingediend') === (b.state === 'ingediend')) {
      assert.ok(a.overdue || !b.overdue, `within a group overdue comes first: ${JSON.stringify([a, b])}`);
    }
  }
  for (const flag of [true, false]) {
    const g = rows.filter((x) => x.overdue === flag).map((x) => x.state === 'ingediend');
    assert.deepEqual(g, [...g].sort((x, y) => y - x), `intake (ingediend) first among ${flag ? 'overdue' : 'on-time'} items`);
  }
  assert.match(r.text, /te laat/i, 'overdue work is flagged');
  // Each row leads to the transition form of that initiative.
  const first = ids[0];
  const step = r.text.match(new RegExp(`href="(/initiatieven/${first}(#[^"]*)?)"`));
  assert.ok(step, 'a link from the queue to the initiative');
  const detail = await page(ctx, jars.official, 'GET', step[1].replace(/#.*/, ''));
  assert.ok(postForms(detail.text).some((f) => /\/stappen|transition/.test(f.action) || /name="to"/.test(f.html)),
    'the linked page has the transition form');
  // Filter by wijk.
  const sel = controlOffering(r.text, 'voorburg-noord');
  assert.ok(sel, 'a wijk filter on the queue');
  const f = await page(ctx, jars.official, 'GET', `/werkvoorraad?${sel}=leidschendam-noord`);
  assert.equal(f.status, 200, show(f));
  const inWijk = new Set(['leidschendam-noord', 'de-heuvel', 'prinsenhof', 'amstelwijk']);
  for (const id of linkedIds(f.text)) {
    const j = await api(ctx, 'GET', `/initiatives/${id}`);
    assert.ok(inWijk.has(j.json.area.code ?? j.json.area), `${id} is in Leidschendam-Noord`);
  }
  const expected = waiting.filter((w) => inWijk.has(w.area.code ?? w.area)).map((w) => w.id).sort((a, b) => a - b);
  assert.deepEqual(linkedIds(f.text).filter((id) => waiting.some((w) => w.id === id)).sort((a, b) => a - b), expected);
});

test('transition form: an official does intake from the page, choosing another official as contact', async () => {
  const p = await page(ctx, jars.official, 'GET', `/initiatieven/${formId}`);
  const form = postForms(p.text).find((f) => /\bvalue="intake"/.test(f.html));
  assert.ok(form, 'the official sees a transition form offering intake');
  const toName = form.html.match(/<input\b[^>]*\bname="([^"]+)"[^>]*\bvalue="intake"|<input\b[^>]*\bvalue="intake"[^>]*\bname="([^"]+)"/)
    ?.slice(1).find(Boolean)
    || [...form.html.matchAll(/<select\b[^>]*\bname="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g)].find((m) => /value="intake"/.test(m[2]))?.[1];
  assert.ok(toName, 'the step is a named control');
  const noteName = form.html.match(/<textarea\b[^>]*\bname="([^"]+)"/)?.[1];
  assert.ok(noteName, 'a note field');
  // "The official doing intake unless another is chosen": choose Otto.
  const contactSel = [...form.html.matchAll(/<select\b[^>]*\bname="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g)]
    .find((m) => m[2].includes(USERS.official2.name));
  assert.ok(contactSel, 'a choice of contact person');
  const ottoId = contactSel[2].match(new RegExp(`<option\\b[^>]*value="([^"]+)"[^>]*>${USERS.official2.name}<`))?.[1];
  assert.ok(ottoId);
  const values = withValues(formValues(form.html), { [toName]: 'intake', [noteName]: 'Kennismaking op de stoep.', [contactSel[1]]: ottoId });
  const r = await page(ctx, jars.official, 'POST', form.action, { form: values });
  assert.equal(r.status, 303, show(r));
  const j = await api(ctx, 'GET', `/initiatives/${formId}`);
  assert.equal(j.json.state, 'intake');
  assert.equal(j.json.contact.name, USERS.official2.name, 'the chosen contact person');
  const after = await page(ctx, null, 'GET', `/initiatieven/${formId}`);
  assert.ok(hasText(after.text, 'Kennismaking op de stoep.'), 'the note is on the public timeline');
  assert.ok(hasText(after.text, USERS.official2.name), 'the contact person is on the page');
  const tl = await api(ctx, 'GET', `/initiatives/${formId}/timeline`);
  const last = tl.json.items.at(-1);
  assert.equal(last.to, 'intake');
  assert.equal(typeof last.by === 'object' ? last.by.name : last.by, USERS.official.name, 'by: who made the step');
  // A resident cannot post the same form.
  const rc = csrfFrom((await page(ctx, jars.resident2, 'GET', '/')).text);
  const bad = await page(ctx, jars.resident2, 'POST', form.action, { form: { csrf: rc, [toName]: 'in_behandeling', [noteName]: 'x' } });
  assert.equal(bad.status, 403, show(bad));
  // A move the machine does not have is refused with the page again, not a 500.
  const c2 = csrfFrom((await page(ctx, jars.official, 'GET', `/initiatieven/${formId}`)).text);
  const no = await page(ctx, jars.official, 'POST', form.action, { form: { csrf: c2, [toName]: 'afgerond', [noteName]: '' } });
  assert.equal(no.status, 409, show(no));
  assertDutchPage(no, 'refused step');
  const noNote = await page(ctx, jars.official, 'POST', form.action, { form: { csrf: c2, [toName]: 'afgewezen', [noteName]: '' } });
  assert.equal(noNote.status, 422, show(noNote));
  assert.equal((await api(ctx, 'GET', `/initiatives/${formId}`)).json.state, 'intake');
});

test('help request form: the initiator adds one on her page', async () => {
  const p = await page(ctx, jars.resident, 'GET', `/initiatieven/${formId}`);
  const form = postForms(p.text).find((f) => /hulpvragen/.test(f.action));
  assert.ok(form, 'a form to add a help request');
  const kindSel = [...form.html.matchAll(/<select\b[^>]*\bname="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g)].find((m) => /value="geld"/.test(m[2]));
  assert.ok(kindSel, 'a choice of kind');
  const descName = form.html.match(/<textarea\b[^>]*\bname="([^"]+)"/)?.[1]
    || form.html.match(/<input\b[^>]*\bname="(description|omschrijving)"/)?.[1];
  assert.ok(descName);
  const amountName = form.html.match(/<input\b[^>]*\bname="(amount[^"]*|bedrag)"/)?.[1];
  const values = withValues(formValues(form.html), { [kindSel[1]]: 'geld', [descName]: 'Drie bankjes van hout', ...(amountName ? { [amountName]: '1.250,50' } : {}) });
  const r = await page(ctx, jars.resident, 'POST', form.action, { form: values });
  assert.equal(r.status, 303, show(r));
  const j = await api(ctx, 'GET', `/initiatives/${formId}`);
  const h = j.json.help_requests.find((x) => x.description === 'Drie bankjes van hout');
  assert.ok(h, show(j));
  if (amountName) assert.equal(h.amount_cents, 125050, 'Dutch amount 1.250,50 is 125050 cents');
  const bad = await page(ctx, jars.resident, 'POST', form.action, { form: withValues(values, { [kindSel[1]]: '', [descName]: '' }) });
  assert.equal(bad.status, 422, show(bad));
});

test('static assets: embedded CSS with an ETag; a repeat answers 304', async () => {
  const home = await page(ctx, null, 'GET', '/');
  const href = home.text.match(/<link\b[^>]*rel="stylesheet"[^>]*href="([^"]+)"|<link\b[^>]*href="([^"]+)"[^>]*rel="stylesheet"/);
  assert.ok(href, 'a stylesheet link');
  const url = href[1] || href[2];
  const r = await request(ctx.base, 'GET', url);
  assert.equal(r.status, 200, show(r));
  assert.match(r.headers.get('content-type'), /^text\/css/);
  const etag = r.headers.get('etag');
  assert.ok(etag, 'an ETag');
  assert.match(r.text, /utrecht|nl-button/, 'the NL Design System CSS is in it');
  const again = await request(ctx.base, 'GET', url, { headers: { 'If-None-Match': etag } });
  assert.equal(again.status, 304);
});

test('HTTP keep-alive: one connection serves several requests, whatever the Host', async () => {
  const net = await import('node:net');
  const sock = net.connect(ctx.server.port, '127.0.0.1');
  await new Promise((r) => sock.once('connect', r));
  let got = '';
  sock.on('data', (d) => { got += d; });
  const responses = () => (got.match(/HTTP\/1\.1 \d{3}/g) || []).length;
  const waitFor = (n) => new Promise((resolve, reject) => {
    const check = () => { if (responses() >= n && /\r\n\r\n/.test(got)) { sock.off('data', check); resolve(); } };
    sock.on('data', check);
    sock.once('close', () => (responses() >= n ? resolve() : reject(new Error(`closed after ${responses()}: ${got.slice(0, 300)}`))));
    check();
  });
  sock.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
  await waitFor(1);
  assert.doesNotMatch(got, /^Connection: close/im, 'the first answer keeps the connection open');
  sock.write('GET /api/v1/areas HTTP/1.1\r\nHost: onbekende-gemeente.example\r\n\r\n');
  await waitFor(2);
  sock.destroy();
  assert.match(got.slice(got.lastIndexOf('HTTP/1.1')), /^HTTP\/1\.1 200/, 'an unknown host gets the default municipality');
});
