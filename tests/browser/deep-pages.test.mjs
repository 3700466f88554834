// SPDX-License-Identifier: EUPL-1.2
// A list page past the reach of the pages (LIST_OFFSET_MAX items): axe,
// a phone width without sideways scrolling, the search form by keyboard
// only, and the link to the last page.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { ROOT } from '../lib/server.mjs';
import { assertAccessible, launchBrowser, newContext, startServer } from './lib.mjs';

const shots = process.env.WIJZER_SCREENSHOTS; // a directory, to look at the pages
const CAP = Number(readFileSync(path.join(ROOT, 'src/domain/initiatives.h'), 'utf8')
    .match(/LIST_OFFSET_MAX = (\d+)/)[1]);
const PAST = CAP / 20 + 1; // the first list page out of reach

let server, browser;
before(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});
after(async () => {
    await browser?.close();
    await server?.stop();
});

for (const width of [320, 390]) {
    test(`past the reach at ${width} px: accessible, no sideways scrolling`, async () => {
        const ctx = await newContext(browser); // axe runs in the page
        const page = await ctx.newPage();
        await page.setViewportSize({ width, height: 900 });
        const res = await page.goto(`${server.base}/initiatieven?area=voorburg-noord&page=${PAST}`);
        assert.equal(res.status(), 400);
        await assertAccessible(page, `list past the reach (${width} px)`);
        const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(scroll <= width, `${scroll}px wide at ${width}px`);
        const status = page.locator('main [role="status"]');
        await assert.doesNotReject(status.getByText('Zo ver terugbladeren kan niet.').waitFor());
        if (shots) await page.screenshot({ path: `${shots}/phone-list-too-deep-${width}.png`, fullPage: true });
        await ctx.close();
    });
}

test('past the reach, by keyboard: search from the form, or go to the last page', async () => {
    const ctx = await newContext(browser, { javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto(`${server.base}/initiatieven?page=${PAST}`);
    // Tab to the search field, type, press Enter: a normal result page.
    let focused = '';
    for (let i = 0; i < 40 && focused !== 'q'; i++) {
        await page.keyboard.press('Tab');
        focused = await page.evaluate(() => document.activeElement?.id ?? '');
    }
    assert.equal(focused, 'q', 'the search field is reachable by Tab');
    await page.keyboard.type('speeltuin');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    assert.match(page.url(), /[?&]q=speeltuin/);
    assert.doesNotMatch(page.url(), /page=/, 'a new search starts at page 1');
    assert.ok(await page.locator('main .wijzer-cards li').count() > 0, 'results');
    // The link to the last page leads to a page with initiatives.
    await page.goto(`${server.base}/initiatieven?page=${PAST}`);
    const last = page.locator('main').getByRole('link', { name: /de laatste pagina|de eerste pagina/ });
    await Promise.all([page.waitForNavigation(), last.click()]);
    assert.ok(await page.locator('main .wijzer-cards li').count() > 0, 'the last page has initiatives');
    await ctx.close();
});
