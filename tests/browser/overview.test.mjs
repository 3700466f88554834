// SPDX-License-Identifier: EUPL-1.2
// The municipality's overview (/overzicht, issue 5) in a real browser:
// axe finds nothing at desktop and at phone width; on a phone nothing
// scrolls sideways except the table inside its container; the map's
// tiles are links a keyboard reaches, each with a name that says the
// wijk and its number, and Enter opens that wijk's initiatives. (The page
// has no script at all: tests/http/overview.test.mjs checks that.)
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

for (const [label, width, height] of [['desktop', 1280, 900], ['phone', 390, 844], ['small phone', 320, 640]]) {
    test(`axe at ${label} width (${width} px), nothing sticks out`, async () => {
        const ctx = await newContext(browser);
        const page = await ctx.newPage();
        await page.setViewportSize({ width, height });
        const res = await page.goto(server.base + '/overzicht');
        assert.equal(res.status(), 200);
        await assertAccessible(page, `overview-${label}`);
        if (shots) await page.screenshot({ path: `${shots}/overview-${width}.png`, fullPage: true });
        const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(scroll <= width, `the page is ${scroll}px wide at ${width}px`);
        // the map fits the screen and its labels stay readable (at least 9 px)
        const map = await page.locator('svg.wijzer-map__svg').boundingBox();
        assert.ok(map.x >= 0 && map.x + map.width <= width + 0.5, 'the map fits');
        const scale = map.width / Number(await page.locator('svg.wijzer-map__svg').getAttribute('width'));
        assert.ok(16 * scale >= 9, `tile labels drawn at ${(16 * scale).toFixed(1)} px`);
        await ctx.close();
    });
}

test('keyboard: Tab reaches each tile of the map, named by wijk and number; Enter opens its list', async () => {
    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    await page.goto(server.base + '/overzicht');
    const tiles = page.locator('a.wijzer-map__tile');
    assert.equal(await tiles.count(), 8);
    const names = await tiles.evaluateAll((as) => as.map((a) => a.getAttribute('aria-label')));
    for (const n of names) assert.match(n, /^[^:]+: \d[\d.]* initiatie(f|ven)$/);
    // Tab from the top until focus lands on the first tile.
    let hit = null;
    for (let i = 0; i < 40 && !hit; i++) {
        await page.keyboard.press('Tab');
        hit = await page.evaluate(() => document.activeElement?.classList?.contains('wijzer-map__tile')
            ? document.activeElement.getAttribute('aria-label') : null);
    }
    assert.equal(hit, names[0], 'the first tile gets focus');
    // it shows: the tile's outline is drawn thicker and black
    const stroke = await page.evaluate(() => getComputedStyle(document.activeElement.querySelector('rect')).strokeWidth);
    assert.equal(stroke, '6px');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), names[1]);
    const href = await page.evaluate(() => document.activeElement.getAttribute('href'));
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    assert.equal(new URL(page.url()).pathname + new URL(page.url()).search, href);
    assert.match(href, /^\/initiatieven\?area=[a-z-]+$/);
    await ctx.close();
});
