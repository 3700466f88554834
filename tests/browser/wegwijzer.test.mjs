// SPDX-License-Identifier: EUPL-1.2
// The Wegwijzer of issue 5 in a real browser: a resident goes from the home
// page to "Waar kunt u waarvoor terecht?", answers the three questions with
// the keyboard only (Tab to a group, arrow keys to choose, Enter to send)
// and gets the organisations, places and officials that fit, with reasons;
// axe finds nothing at desktop and at phone width, also on an empty answer.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertAccessible, launchBrowser, newContext, startServer } from './lib.mjs';

const shots = process.env.WIJZER_SCREENSHOTS;
let server, browser;

before(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});

after(async () => {
    await browser?.close();
    await server?.stop();
});

async function check(page, label) {
    assert.equal(await page.getAttribute('html', 'lang'), 'nl', `${label}: <html lang="nl">`);
    await assertAccessible(page, label);
    if (shots) await page.screenshot({ path: `${shots}/wegwijzer-${label}.png`, fullPage: true });
}

// Tabs until the focus is on a radio of the group `name`; at most max presses.
async function tabToGroup(page, name, max = 80) {
    for (let i = 0; i < max; i++) {
        await page.keyboard.press('Tab');
        const at = await page.evaluate(() => {
            const el = document.activeElement;
            return el && el.tagName === 'INPUT' && el.type === 'radio' ? el.name : null;
        });
        if (at === name) return;
    }
    assert.fail(`Tab never reached the radio group ${name}`);
}

// Presses ArrowDown until the checked radio of the group has value `value`.
async function arrowTo(page, name, value, max = 20) {
    for (let i = 0; i < max; i++) {
        const checked = await page.evaluate((n) => document.querySelector(`input[name="${n}"]:checked`)?.value, name);
        if (checked === value) return;
        await page.keyboard.press('ArrowDown');
    }
    assert.fail(`arrow keys never chose ${value} in ${name}`);
}

for (const [label, viewport] of [['desktop', { width: 1280, height: 900 }], ['phone', { width: 390, height: 844 }]]) {
    test(`a resident finds who can help, with the keyboard (${label})`, async () => {
        const ctx = await newContext(browser, { viewport });
        const page = await ctx.newPage();
        try {
            await page.goto(`${server.base}/`);
            await check(page, `${label}-home`);
            const link = page.locator('main').getByRole('link', { name: 'Naar de wegwijzer' });
            assert.equal(await link.count(), 1, 'the home page leads to the Wegwijzer');
            await link.focus();
            await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
            assert.equal(new URL(page.url()).pathname, '/wegwijzer');
            assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Waar kunt u waarvoor terecht?');
            await check(page, `${label}-questions`);

            await tabToGroup(page, 'hulp');
            await arrowTo(page, 'hulp', 'vrijwilligers');
            await tabToGroup(page, 'thema');
            await arrowTo(page, 'thema', 'groen');
            await tabToGroup(page, 'wijk');
            await arrowTo(page, 'wijk', 'voorburg-west');
            await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
            const url = new URL(page.url());
            assert.equal(url.pathname, '/wegwijzer');
            assert.equal(url.searchParams.get('hulp'), 'vrijwilligers');
            assert.equal(url.searchParams.get('thema'), 'groen');
            assert.equal(url.searchParams.get('wijk'), 'voorburg-west');

            const main = page.locator('main');
            assert.equal(await main.getByRole('heading', { name: 'Wie kan u helpen?' }).count(), 1);
            assert.ok(await main.getByRole('link', { name: 'Woej', exact: true }).count() >= 1, 'Woej helps with volunteers');
            assert.equal(await main.getByRole('link', { name: 'De Groene Loper' }).count(), 1, 'the wijkcentrum');
            assert.ok(await main.getByText('wijkcentrum in uw wijk').count() >= 1);
            assert.ok(await main.getByText('helpt met vrijwilligers').count() >= 1);
            assert.equal(await main.getByRole('link', { name: 'Sanne de Wit' }).count(), 1, 'the official of the wijk');
            // the choices stay made, for changing one answer
            assert.equal(await page.locator('input[name="thema"][value="groen"]').isChecked(), true);
            await check(page, `${label}-results`);
        } finally {
            await ctx.close();
        }
    });
}

test('an unknown answer gets an accessible Dutch message', async () => {
    const ctx = await newContext(browser, { viewport: { width: 390, height: 844 } });
    const page = await ctx.newPage();
    try {
        const res = await page.goto(`${server.base}/wegwijzer?hulp=toverkracht&wijk=atlantis`);
        assert.equal(res.status(), 422);
        assert.ok(await page.getByText('Deze soort hulp kennen we niet.').count() >= 1);
        await check(page, 'phone-error');
    } finally {
        await ctx.close();
    }
});
