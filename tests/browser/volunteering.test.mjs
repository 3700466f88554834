// SPDX-License-Identifier: EUPL-1.2
// Volunteering (issue 6) in a real browser: a volunteer finds a one-day
// task with the filters, responds (first without a message: the error sits
// next to the field), sees "Voor u" with its reasons and her profile with
// the availability table; the organisation's member sees the response with
// the contact details and accepts it. axe on every page at desktop and at
// phone width.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertAccessible, launchBrowser, login, newContext, startServer } from './lib.mjs';

const shots = process.env.WIJZER_SCREENSHOTS;
const volunteer = 'youssef.bennani@example.nl'; // the demo's volunteer profile
const member = 'wim.spierings@example.nl'; // member of Fenomeen Bovenveen
const task = 'Bollen planten in Park Leeuwenbergh';

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
    if (shots) await page.screenshot({ path: `${shots}/volunteering-${label}.png`, fullPage: true });
}

const widths = [['desktop', { width: 1280, height: 900 }], ['phone', { width: 390, height: 844 }]];

test('a volunteer finds a one-day task and responds; the organisation accepts', async () => {
    const ctx = await newContext(browser, { viewport: { width: 390, height: 844 } });
    const page = await ctx.newPage();
    try {
        await login(page, server.base, volunteer);
        await page.goto(`${server.base}/vrijwilligerswerk`);
        await check(page, 'list');
        await main(page).getByLabel('Hoe vaak').selectOption('eenmalig');
        await main(page).getByLabel('Thema').selectOption({ label: 'Groen en natuur' });
        await navigate(page, main(page).getByRole('button', { name: 'Zoeken' }).click());
        await assert.doesNotReject(main(page).getByText('1 vacature', { exact: true }).waitFor());
        await navigate(page, main(page).getByRole('link', { name: task }).click());
        await assert.doesNotReject(main(page).getByRole('heading', { level: 1, name: task }).waitFor());
        await assert.doesNotReject(main(page).getByText(/Eenmalig: zaterdag \d+ \w+ 20\d\d, 4 uur/).waitFor());
        await check(page, 'vacancy');
        // no message: the error sits next to the field
        await navigate(page, main(page).getByRole('button', { name: 'Reactie versturen' }).click());
        assert.match(await page.title(), /^Fout: /);
        await assert.doesNotReject(main(page).getByText('Vul een kort bericht aan de organisatie in.').first().waitFor());
        await check(page, 'vacancy-error');
        await main(page).getByLabel('Uw bericht aan de organisatie').fill('Ik tuinier graag en kan de hele ochtend.');
        await navigate(page, main(page).getByRole('button', { name: 'Reactie versturen' }).click());
        await assert.doesNotReject(page.getByText('Uw reactie is verstuurd.').waitFor());
        await assert.doesNotReject(main(page).getByText(/U heeft gereageerd op/).waitFor());
        await check(page, 'vacancy-responded');
    } finally {
        await ctx.close();
    }
    // the organisation sees her contact details and accepts
    const ctx2 = await newContext(browser);
    const page2 = await ctx2.newPage();
    try {
        await login(page2, server.base, member);
        await page2.goto(`${server.base}/vrijwilligerswerk`);
        await navigate(page2, main(page2).getByRole('link', { name: task }).click());
        await assert.doesNotReject(main(page2).getByRole('link', { name: volunteer }).waitFor());
        await check(page2, 'responses');
        await navigate(page2, main(page2).getByRole('button', { name: /^Aannemen/ }).click());
        await assert.doesNotReject(page2.getByText('De reactie is verwerkt.').waitFor());
        await assert.doesNotReject(main(page2).getByRole('heading', { name: 'Vrijwilligers aan het werk' }).waitFor());
        await check(page2, 'responses-accepted');
    } finally {
        await ctx2.close();
    }
});

for (const [label, viewport] of widths) {
    test(`"Voor u" and the profile with its availability table at ${label} width`, async () => {
        const ctx = await newContext(browser, { viewport });
        const page = await ctx.newPage();
        try {
            await login(page, server.base, volunteer);
            await page.goto(`${server.base}/vrijwilligerswerk/voor-u`);
            await assert.doesNotReject(main(page).getByText(/past bij uw tijd: zaterdagochtend/).first().waitFor());
            await check(page, `for-you-${label}`);
            await page.goto(`${server.base}/vrijwilligerswerk/profiel`);
            const box = main(page).getByRole('checkbox', { name: 'dinsdagmiddag' });
            assert.ok(await box.isChecked(), 'the demo volunteer has Tuesday afternoon');
            await box.uncheck();
            await main(page).getByRole('checkbox', { name: 'woensdagavond' }).check();
            await navigate(page, main(page).getByRole('button', { name: 'Profiel opslaan' }).click());
            await assert.doesNotReject(page.getByText('Uw vrijwilligersprofiel is opgeslagen.').waitFor());
            await page.goto(`${server.base}/vrijwilligerswerk/profiel`);
            assert.ok(await main(page).getByRole('checkbox', { name: 'woensdagavond' }).isChecked());
            assert.ok(!(await main(page).getByRole('checkbox', { name: 'dinsdagmiddag' }).isChecked()));
            await check(page, `profile-${label}`);
            // put it back for the other width
            await main(page).getByRole('checkbox', { name: 'dinsdagmiddag' }).check();
            await navigate(page, main(page).getByRole('button', { name: 'Profiel opslaan' }).click());
        } finally {
            await ctx.close();
        }
    });
}

test('a member posts a vacancy; a mistake keeps what she typed', async () => {
    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    try {
        await login(page, server.base, member);
        await page.goto(`${server.base}/vrijwilligerswerk/nieuw`);
        await check(page, 'new');
        await main(page).getByLabel('Namens wie?').selectOption({ label: 'Fenomeen Bovenveen' });
        await main(page).getByLabel('Korte titel').fill('Kerstbomen versieren');
        await main(page).getByRole('checkbox', { name: 'zaterdagmiddag' }).check();
        await navigate(page, main(page).getByRole('button', { name: 'Vacature plaatsen' }).click());
        assert.match(await page.title(), /^Fout: /);
        assert.equal(await main(page).getByLabel('Korte titel').inputValue(), 'Kerstbomen versieren');
        assert.ok(await main(page).getByRole('checkbox', { name: 'zaterdagmiddag' }).isChecked());
        await check(page, 'new-error');
        await main(page).getByLabel('Wat gaat de vrijwilliger doen?').fill('Samen de bomen op het plein versieren.');
        await main(page).getByLabel('In welke wijk?').selectOption({ label: 'Voorburg-Noord' });
        await main(page).getByLabel('Datum').fill('2026-12-19');
        await main(page).getByLabel('Hoeveel uur?').fill('3');
        await navigate(page, main(page).getByRole('button', { name: 'Vacature plaatsen' }).click());
        await assert.doesNotReject(main(page).getByRole('heading', { level: 1, name: 'Kerstbomen versieren' }).waitFor());
        await assert.doesNotReject(page.getByText('De vacature staat online.').waitFor());
    } finally {
        await ctx.close();
    }
});

test('a member invites a visible volunteer; she accepts on her profile page', async () => {
    const ctx = await newContext(browser, { viewport: { width: 390, height: 844 } });
    const page = await ctx.newPage();
    try {
        await login(page, server.base, member);
        await page.goto(`${server.base}/vrijwilligerswerk?zoek=sportdag`);
        await navigate(page, main(page).getByRole('link', { name: 'Handen voor de buurtsportdag' }).click());
        await main(page).getByLabel('Wat moet iemand kunnen?').fill('koken');
        await navigate(page, main(page).getByRole('button', { name: 'Vrijwilligers zoeken' }).click());
        await assert.doesNotReject(main(page).getByRole('heading', { name: 'Youssef Bennani' }).waitFor());
        assert.ok(!(await main(page).textContent()).includes('youssef.bennani@'), 'no e-mail address in the search');
        await check(page, 'invite-search');
        await navigate(page, main(page).getByRole('button', { name: /^Uitnodigen/ }).click());
        await assert.doesNotReject(page.getByText('De uitnodiging is verstuurd.').waitFor());
    } finally {
        await ctx.close();
    }
    const ctx2 = await newContext(browser);
    const page2 = await ctx2.newPage();
    try {
        await login(page2, server.base, volunteer);
        await page2.goto(`${server.base}/vrijwilligerswerk/profiel`);
        await assert.doesNotReject(main(page2).getByRole('heading', { name: 'Uitnodigingen' }).waitFor());
        await check(page2, 'invitation');
        await navigate(page2, main(page2).getByRole('button', { name: /^Ja, ik help mee/ }).click());
        await assert.doesNotReject(page2.getByText('U heeft de uitnodiging aangenomen.').waitFor());
    } finally {
        await ctx2.close();
    }
});
