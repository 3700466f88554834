// SPDX-License-Identifier: EUPL-1.2
// Issue 4 in a real browser: one application walked from submission (a
// resident, from her initiative's page) through scoring (two members; a
// third declares a conflict of interest), a question and its answer, the
// decision (the chair) to the payment (an official), with axe on every
// page visited; and the fund page at phone width.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { runWijzer } from '../lib/server.mjs';
import { assertAccessible, demoOfficial, launchBrowser, login, newContext, startServer, uniqueEmail } from './lib.mjs';

const shots = process.env.WIJZER_SCREENSHOTS;
const FUND = 'vlietwensen';
const PASSWORD = 'een-lang-wachtwoord-voor-de-test';
const resident = { name: 'Lotte de Vries', email: uniqueEmail('lotte.devries'), role: 'resident', password: PASSWORD };
const committee = [
    { name: 'Carla Voorzitter', email: uniqueEmail('carla.voorzitter'), chair: true },
    { name: 'Mees Commissielid', email: uniqueEmail('mees.commissielid') },
    { name: 'Bo Buurvrouw', email: uniqueEmail('bo.buurvrouw') },
];
const title = 'Geveltuintjes in de Prinsenhof';

let server, browser;
const visited = []; // every page axe looked at

before(async () => {
    [server, browser] = await Promise.all([startServer({ users: [resident] }), launchBrowser()]);
    for (const m of committee) {
        const args = ['user', 'add', '--db', server.db, '--email', m.email, '--name', m.name, '--role', 'committee',
            '--fund', FUND];
        if (m.chair) args.push('--chair');
        const r = runWijzer(args, { input: PASSWORD + '\n' });
        assert.equal(r.code, 0, `user add ${m.email}: ${r.stderr}${r.stdout}`);
    }
});

after(async () => {
    await browser?.close();
    await server?.stop();
});

const main = (page) => page.locator('main');

async function navigate(page, action) {
    await Promise.all([page.waitForNavigation(), action]);
}

// axe on the page as it is now, and a screenshot when asked for.
async function check(page, label) {
    visited.push(`${label} ${new URL(page.url()).pathname}`);
    assert.equal(await page.getAttribute('html', 'lang'), 'nl', `${label}: <html lang="nl">`);
    await assertAccessible(page, label);
    if (shots) await page.screenshot({ path: `${shots}/funds-${label}.png`, fullPage: true });
}

async function as(email, password) {
    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    await login(page, server.base, email, password);
    return { ctx, page };
}

let applicationUrl, committeeUrl;

test('a resident applies from her initiative and gets a receipt', async () => {
    const { ctx, page } = await as(resident.email, PASSWORD);
    // Her initiative, submitted with the ordinary form.
    await page.goto(`${server.base}/initiatieven/nieuw`);
    await page.getByLabel(/^Titel/).fill(title);
    await page.getByLabel(/samenvatting/i).fill('Tegels eruit, planten erin: samen met de buren.');
    await page.getByLabel('Wijk of buurt').selectOption({ index: 2 });
    await navigate(page, main(page).getByRole('button', { name: 'Indienen', exact: true }).click());
    assert.match(new URL(page.url()).pathname, /^\/initiatieven\/\d+$/);
    await check(page, 'initiative-with-funds');

    // From the section on her page to the form.
    const section = main(page).getByRole('heading', { name: 'Geld aanvragen bij een fonds' });
    assert.equal(await section.count(), 1, 'the initiative page has the section for funds');
    await navigate(page, main(page).getByRole('link', { name: /^Aanvragen bij / }).first().click());
    assert.equal(new URL(page.url()).pathname.endsWith('/aanvragen'), true);
    await check(page, 'application-form');

    // First with mistakes: lines that do not add up, no own contribution.
    await page.getByLabel('Bedrag dat u vraagt, in euro').fill('1.000');
    await page.getByLabel('Regel 1: waarvoor').fill('Planten en aarde');
    await page.getByLabel('Regel 1: bedrag in euro').fill('450,00');
    await page.getByLabel('Regel 2: waarvoor').fill('Tegelwipper en gereedschap');
    await page.getByLabel('Regel 2: bedrag in euro').fill('300');
    await page.getByLabel('Wanneer hebt u het antwoord nodig?').fill(new Date(Date.now() + 200 * 86400000).toISOString().slice(0, 10));
    await navigate(page, main(page).getByRole('button', { name: 'Aanvraag indienen' }).click());
    assert.match(await page.title(), /^Fout/);
    assert.equal(await page.getByLabel('Uw eigen bijdrage').getAttribute('aria-invalid'), 'true');
    assert.equal(await page.getByLabel('Regel 2: waarvoor').inputValue(), 'Tegelwipper en gereedschap', 'nothing lost');
    assert.ok((await main(page).locator('tfoot').textContent()).includes('€ 750,00'), 'the total counted by the server');
    await check(page, 'application-form-errors');

    await page.getByLabel('Bedrag dat u vraagt, in euro').fill('750');
    await page.getByLabel('Uw eigen bijdrage').fill('Wij halen de tegels er zelf uit en zorgen voor de planten.');
    await page.getByLabel('Eigen bijdrage in uren').fill('30');
    await navigate(page, main(page).getByRole('button', { name: 'Aanvraag indienen' }).click());
    assert.match(new URL(page.url()).pathname, /^\/aanvragen\/\d+\/ontvangstbevestiging$/);
    assert.equal(await main(page).getByRole('heading', { level: 1 }).textContent(), 'Ontvangstbevestiging');
    assert.ok((await main(page).textContent()).includes('Besluit uiterlijk'));
    await check(page, 'receipt');

    await navigate(page, main(page).getByRole('link', { name: 'Naar uw aanvraag' }).click());
    applicationUrl = page.url();
    committeeUrl = applicationUrl.replace('/aanvragen/', '/commissie/aanvragen/');
    assert.equal(await main(page).locator('.wijzer-deadline').count(), 1, 'the decision deadline');
    await check(page, 'application');
    await ctx.close();
});

test('members score; one declares a conflict of interest and no longer sees the form', async () => {
    assert.ok(committeeUrl, 'the application exists');
    for (const [i, m] of committee.slice(0, 2).entries()) {
        const { ctx, page } = await as(m.email, PASSWORD);
        await page.goto(`${server.base}/commissie`); // one committee: straight to it
        assert.equal(new URL(page.url()).pathname, `/fondsen/${FUND}/commissie`);
        await check(page, `committee-${i}`);
        await navigate(page, main(page).getByRole('link', { name: title }).first().click());
        assert.equal(page.url(), committeeUrl);
        await check(page, `assess-${i}`);
        const groups = main(page).locator('form[action$="/scores"] fieldset');
        const n = await groups.count();
        assert.ok(n >= 3, `a fieldset per criterion (${n})`);
        for (let k = 0; k < n; k++)
            await groups.nth(k).getByRole('radio', { name: String(3 + ((k + i) % 3)), exact: false }).first().check();
        await main(page).getByLabel(/^Opmerking bij/).first().fill('Goed voor de buurt, veel buren doen mee.');
        await navigate(page, main(page).getByRole('button', { name: 'Cijfers opslaan' }).click());
        assert.ok((await page.locator('.utrecht-alert--ok').textContent()).includes('opgeslagen'));
        await check(page, `assessed-${i}`);
        await ctx.close();
    }
    const m = committee[2];
    const { ctx, page } = await as(m.email, PASSWORD);
    await page.goto(committeeUrl);
    await page.getByLabel('Waarom?').fill('De aanvrager is mijn buurvrouw.');
    await navigate(page, main(page).getByRole('button', { name: 'Belangenverstrengeling melden' }).click());
    assert.equal(await main(page).getByRole('button', { name: 'Cijfers opslaan' }).count(), 0, 'no scoring form');
    assert.equal(await main(page).getByRole('heading', { name: 'Cijfers van de commissie' }).count(), 0,
        'no scores of the others');
    await check(page, 'conflict');
    await ctx.close();
});

test('the chair asks for information, she answers, the chair decides', async () => {
    const chair = await as(committee[0].email, PASSWORD);
    let page = chair.page;
    await page.goto(committeeUrl);
    assert.equal(await main(page).getByRole('heading', { name: 'Cijfers van de commissie' }).count(), 1);
    const table = main(page).getByRole('table', { name: /Cijfers per vraag/ });
    assert.ok((await table.textContent()).includes(committee[1].name), 'scores side by side');
    await page.getByLabel('Uw vraag aan de aanvrager').fill('Hoeveel geveltuintjes komen er?');
    await navigate(page, main(page).getByRole('button', { name: 'Informatie vragen' }).click());
    await check(page, 'asked');

    const her = await as(resident.email, PASSWORD);
    await her.page.goto(applicationUrl);
    assert.ok((await main(her.page).textContent()).includes('De termijn staat stil'));
    await check(her.page, 'application-paused');
    await her.page.getByLabel('Uw antwoord').fill('Twaalf, aan beide kanten van de straat.');
    await navigate(her.page, main(her.page).getByRole('button', { name: 'Informatie sturen' }).click());
    assert.equal(await main(her.page).locator('.wijzer-deadline').count(), 1, 'the clock runs again');
    await check(her.page, 'application-answered');

    await page.goto(committeeUrl);
    await main(page).getByRole('radio', { name: 'Toekennen' }).check();
    await page.getByLabel(/^Toegekend bedrag/).fill('700');
    await page.getByLabel('Waarom dit besluit?').fill('Meer groen in de straat en buren die samen iets doen.');
    await page.getByLabel(/^Voorwaarden/).fill('Bewaar de bonnetjes.');
    await navigate(page, main(page).getByRole('button', { name: 'Besluit vastleggen' }).click());
    assert.ok((await main(page).textContent()).includes('€ 700,00 (gevraagd: € 750,00)'));
    await check(page, 'decided');

    await her.page.goto(applicationUrl);
    assert.ok((await main(her.page).textContent()).includes('Besluit: Toegekend'));
    await check(her.page, 'application-decided');
    await her.ctx.close();
    await chair.ctx.close();
});

test('an official records the payment; her page and the fund page show it', async () => {
    const { ctx, page } = await as(demoOfficial.email);
    await page.goto(committeeUrl);
    await page.getByLabel('Bedrag in euro').fill('700');
    await page.getByLabel(/^Toelichting/).fill('Overboeking 2026-042');
    await navigate(page, main(page).getByRole('button', { name: 'Betaling vastleggen' }).click());
    assert.ok((await main(page).getByRole('table', { name: /Betalingen/ }).textContent()).includes('Overboeking 2026-042'));
    await check(page, 'paid');
    await page.goto(`${server.base}/fondsen/${FUND}/kasboek`);
    await check(page, 'ledger');
    await ctx.close();

    const her = await as(resident.email, PASSWORD);
    await her.page.goto(applicationUrl);
    assert.ok((await main(her.page).textContent()).includes('Uitbetaald (nu)'));
    assert.equal(await main(her.page).getByRole('button', { name: 'Verantwoording sturen' }).count(), 1);
    await check(her.page, 'application-paid');
    await her.ctx.close();

    const visitor = await newContext(browser);
    const pub = await visitor.newPage();
    await pub.goto(`${server.base}/fondsen/${FUND}`);
    assert.ok((await main(pub).textContent()).includes(title), 'the decision is published');
    assert.ok(!(await main(pub).textContent()).includes(resident.name), 'without her name');
    assert.ok(await pub.locator('svg[role="img"] title').count() >= 1, 'charts with a title');
    await check(pub, 'fund');
    await visitor.close();
});

// A real 1×1 PNG (the browser must be able to draw it).
const PNG_1PX = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

// The drawn width of an <img> once it has loaded (it loads lazily: scroll to it first).
async function loadedWidth(img) {
    await img.scrollIntoViewIfNeeded();
    return img.evaluate((el) => (el.complete ? el.naturalWidth : new Promise((done) => {
        el.addEventListener('load', () => done(el.naturalWidth), { once: true });
        el.addEventListener('error', () => done(0), { once: true });
    })));
}

test('she sends her report with photos; she and the committee see them', async () => {
    const her = await as(resident.email, PASSWORD);
    await her.page.goto(applicationUrl);
    const m = main(her.page);
    await m.getByLabel('Hoeveel mensen deden mee?').fill('14');
    await m.getByLabel('Hoeveel mensen hebt u bereikt?').fill('60');
    await m.getByLabel('Wat hebt u echt uitgegeven, in euro?').fill('690');
    await m.getByLabel('Hoe ging het?').fill('Twaalf geveltuintjes geplant, en een buurtborrel erna.');
    await m.getByLabel(/^Foto's \(JPG of PNG/).setInputFiles([
        { name: 'geveltuin.png', mimeType: 'image/png', buffer: PNG_1PX },
        { name: 'borrel.png', mimeType: 'image/png', buffer: PNG_1PX },
    ]);
    await navigate(her.page, m.getByRole('button', { name: 'Verantwoording sturen' }).click());
    const photos = m.getByRole('img', { name: /^Foto bij de verantwoording/ });
    assert.equal(await photos.count(), 2, 'two photos on her page');
    assert.equal(await loadedWidth(photos.first()), 1, 'the photo loads');
    await check(her.page, 'report-photos');
    await her.page.setViewportSize({ width: 320, height: 640 });
    const width = await her.page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 320, `her page with photos is ${width}px wide at 320px`);
    await her.ctx.close();

    const chair = await as(committee[0].email, PASSWORD);
    await chair.page.goto(committeeUrl);
    const seen = main(chair.page).getByRole('img', { name: 'Foto bij de verantwoording: geveltuin' });
    assert.equal(await loadedWidth(seen), 1, 'the committee sees it');
    await check(chair.page, 'committee-report-photos');
    await chair.ctx.close();
});

test('the fund page at phone width (320 px): no sideways scrolling', async () => {
    const ctx = await newContext(browser, { viewport: { width: 320, height: 640 } });
    const page = await ctx.newPage();
    for (const path of ['/fondsen', `/fondsen/${FUND}`]) {
        const res = await page.goto(server.base + path);
        assert.equal(res.status(), 200);
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        if (shots) await page.screenshot({ path: `${shots}/funds-phone-${path.split('/').pop()}.png`, fullPage: true });
        assert.ok(width <= 320, `${path} is ${width}px wide at 320px`);
        await check(page, `phone-${path.split('/').pop()}`);
    }
    await ctx.close();
    console.log(`axe checked ${visited.length} pages: ${visited.join(', ')}`);
});
