// SPDX-License-Identifier: EUPL-1.2
// The Beursvloer (issue 6) in a real browser: a member of an organisation
// posts a request with its SDGs and counter-offer (first with a mistake:
// the error sits next to the field and what she typed stays), sees it, and
// pairs it with an offer; the event page with its SVG chart and the table
// of the same numbers; an official selects a pitch there; axe on every
// page at desktop and at phone width.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertAccessible, demo, demoOfficial, launchBrowser, login, newContext, startServer } from './lib.mjs';

const shots = process.env.WIJZER_SCREENSHOTS;
const member = demo.market.members.find((m) => m.organisation === 'ibce').email; // Samira, IBCE
const event = demo.market.events[0];

let server, browser;

before(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});

after(async () => {
    await browser?.close();
    await server?.stop();
});

const main = (page) => page.locator('main');

async function navigate(page, action) {
    await Promise.all([page.waitForNavigation(), action]);
}

async function check(page, label) {
    assert.equal(await page.getAttribute('html', 'lang'), 'nl', `${label}: <html lang="nl">`);
    await assertAccessible(page, label);
    if (shots) await page.screenshot({ path: `${shots}/market-${label}.png`, fullPage: true });
}

test('a member posts a request with SDGs, sees it and pairs it with an offer', async () => {
    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    try {
        await login(page, server.base, member);
        await page.goto(`${server.base}/beursvloer`);
        await check(page, 'hub');
        await navigate(page, main(page).getByRole('link', { name: 'Zelf een vraag of aanbod plaatsen' }).click());
        await check(page, 'new');
        await main(page).getByLabel('Een vraag: wij zoeken hulp').check();
        await main(page).getByLabel('Handen', { exact: true }).check();
        await main(page).getByLabel('Korte titel').fill('Klussers voor ons huiskamerproject');
        await main(page).getByLabel('Wat geeft u terug? (tegenprestatie)').fill('Een avond koken voor uw team.');
        await main(page).getByLabel('1. Geen armoede').check();
        await main(page).getByLabel('10. Ongelijkheid verminderen').check();
        // the description is missing
        await navigate(page, main(page).getByRole('button', { name: 'Plaatsen' }).click());
        assert.match(await page.title(), /^Fout: /);
        await assert.doesNotReject(main(page).getByText('Vul een beschrijving in.').first().waitFor());
        assert.equal(await main(page).getByLabel('Korte titel').inputValue(), 'Klussers voor ons huiskamerproject');
        assert.ok(await main(page).getByLabel('10. Ongelijkheid verminderen').isChecked(), 'the SDG stays ticked');
        await check(page, 'new-error');
        await main(page).getByLabel('Beschrijving').fill('Drie mensen die een zaterdag helpen met schilderen.');
        await navigate(page, main(page).getByRole('button', { name: 'Plaatsen' }).click());
        assert.match(new URL(page.url()).pathname, /^\/beursvloer\/vragen\/\d+$/);
        await assert.doesNotReject(main(page).getByRole('heading', { level: 1, name: 'Klussers voor ons huiskamerproject' }).waitFor());
        await assert.doesNotReject(main(page).getByText('10. Ongelijkheid verminderen').first().waitFor());
        await assert.doesNotReject(page.getByText('Uw bericht staat op de Beursvloer.').waitFor());
        await check(page, 'request');
        // pair it with the library's workshop at the Beursvloer
        await main(page).getByLabel('Welk aanbod?').selectOption({ label: 'Workshop digitale vaardigheden (Bibliotheek aan de Vliet)' });
        await main(page).getByLabel("Waarde in euro's").fill('350');
        await main(page).getByLabel('Gemaakt op een Beursvloer?').selectOption({ index: 1 });
        await navigate(page, main(page).getByRole('button', { name: 'Koppeling voorstellen' }).click());
        await assert.doesNotReject(main(page).getByRole('cell', { name: '€ 350,00' }).waitFor());
        await check(page, 'request-deal');
        // the list finds it by its SDG
        await page.goto(`${server.base}/beursvloer/vragen?sdg=1`);
        await assert.doesNotReject(main(page).getByRole('link', { name: 'Klussers voor ons huiskamerproject' }).waitFor());
        await check(page, 'list');
    } finally {
        await ctx.close();
    }
});

for (const [label, viewport] of [['desktop', { width: 1280, height: 900 }], ['phone', { width: 390, height: 844 }]]) {
    test(`the event page with its chart and table at ${label} width`, async () => {
        const ctx = await newContext(browser, { viewport });
        const page = await ctx.newPage();
        try {
            await page.goto(`${server.base}/beursvloer`);
            await navigate(page, main(page).getByRole('link', { name: event.title }).click());
            await assert.doesNotReject(main(page).getByRole('heading', { level: 1, name: event.title }).waitFor());
            const chart = main(page).getByRole('img', { name: /Koppelingen per werelddoel/ });
            await assert.doesNotReject(chart.waitFor());
            const table = main(page).getByRole('table', { name: 'Koppelingen en waarde per werelddoel' });
            await assert.doesNotReject(table.waitFor());
            assert.ok(await table.getByRole('rowheader', { name: '4. Kwaliteitsonderwijs' }).isVisible());
            // the chart fits the screen
            const box = await chart.boundingBox();
            assert.ok(box.width <= viewport.width, `chart ${box.width}px wide on a ${viewport.width}px screen`);
            await check(page, `event-${label}`);
            await page.goto(`${server.base}/beursvloer/aanbod`);
            await check(page, `offers-${label}`);
        } finally {
            await ctx.close();
        }
    });
}

test('an official selects a pitch on the event page', async () => {
    const ctx = await newContext(browser, { viewport: { width: 390, height: 844 } });
    const page = await ctx.newPage();
    try {
        await login(page, server.base, demoOfficial.email);
        await page.goto(`${server.base}/beursvloer`);
        await navigate(page, main(page).getByRole('link', { name: event.title }).click());
        await check(page, 'event-staff');
        const pick = main(page).getByLabel('Vraag kiezen als pitch');
        const option = (await pick.locator('option').allTextContents()).find((t) => t.startsWith('Advies over subsidies en fondsen'));
        assert.ok(option, 'the request not yet chosen is offered');
        await pick.selectOption({ label: option });
        await navigate(page, main(page).getByRole('button', { name: 'Pitch toevoegen' }).click());
        await assert.doesNotReject(page.getByText('De pitches zijn aangepast.').waitFor());
        await assert.doesNotReject(main(page).locator('#pitches ~ ul').getByRole('link', { name: 'Advies over subsidies en fondsen' }).waitFor());
        await check(page, 'event-staff-pitch');
    } finally {
        await ctx.close();
    }
});
