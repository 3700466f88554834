// SPDX-License-Identifier: EUPL-1.2
// Issue 5 in a real browser: an official opens an initiative, reads the
// suggestions of the matching engine with their reasons, confirms one
// (an organisation that can help) and finds it under "Verbonden met";
// intake offers the suggested contact person. axe on every page, at
// phone width (390 px) without sideways scrolling.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertAccessible, demoOfficial, launchBrowser, login, newContext, startServer } from './lib.mjs';

const shots = process.env.WIJZER_SCREENSHOTS;
let server, browser;

before(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});

after(async () => {
    await browser?.close();
    await server?.stop();
});

async function initiativeId(q) {
    const res = await fetch(`${server.base}/api/v1/initiatives?q=${encodeURIComponent(q)}`);
    const body = await res.json();
    const items = body.items ?? body.initiatives ?? body;
    assert.ok(items.length > 0, `an initiative for ${q}`);
    return items[0].id;
}

async function check(page, label) {
    await assertAccessible(page, label);
    const wide = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    assert.equal(wide, false, `${label}: no sideways scrolling`);
    if (shots) await page.screenshot({ path: `${shots}/suggestions-${label}.png`, fullPage: true });
}

test('an official confirms a suggested organisation and sees it under the connections', async () => {
    const id = await initiativeId('Geveltuintjes Fonteijn');
    const ctx = await newContext(browser, { viewport: { width: 390, height: 900 } });
    const page = await ctx.newPage();
    await login(page, server.base, demoOfficial.email);
    await page.goto(`${server.base}/initiatieven/${id}`);
    const section = page.locator('section[aria-labelledby="suggesties"]');
    await section.getByRole('heading', { name: 'Suggesties', level: 2 }).waitFor();
    assert.match(await section.innerText(), /Waarom: /);
    await check(page, 'page');
    // intake: the suggested contact person is chosen already
    const suggested = page.locator('#voorgestelde-contactpersonen li').first();
    if (await suggested.count()) {
        const name = (await suggested.innerText()).split(' (')[0];
        const chosen = await page.locator('#step-contact option:checked').innerText();
        assert.equal(chosen.trim(), name, 'intake preselects the best suggested official');
    }
    // confirm the first organisation that can help
    const heading = section.getByRole('heading', { name: 'Organisaties die kunnen helpen' });
    await heading.waitFor();
    const card = section.locator('h3:has-text("Organisaties die kunnen helpen") + ul > li').first();
    const name = (await card.locator('h4').innerText()).trim();
    await Promise.all([
        page.waitForNavigation(),
        card.getByRole('button', { name: `Verbinden: ${name}` }).click(),
    ]);
    assert.match(await page.locator('main').innerText(), /De verbinding is gemaakt/);
    const connected = await page.locator('#verbonden ~ *').allInnerTexts();
    assert.ok(connected.join('\n').includes(name), `${name} under "Verbonden met"`);
    // and no longer among the suggestions
    const names = await page.locator('section[aria-labelledby="suggesties"] h4').allInnerTexts();
    assert.ok(!names.map((s) => s.trim()).includes(name), 'no longer suggested');
    await check(page, 'confirmed');
    await ctx.close();
});
