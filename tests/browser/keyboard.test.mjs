// SPDX-License-Identifier: EUPL-1.2
// Keyboard use: the skip link is the first thing Tab reaches, shows
// itself when focused, and moves focus to the main content.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { DEMO_PASSWORD, launchBrowser, newContext, startServer } from './lib.mjs';

const shots = process.env.WIJZER_SCREENSHOTS;
const user = { email: 'toetsenbord@example.nl', name: 'Kees Toetsenbord', role: 'resident', password: DEMO_PASSWORD };
let server, browser, ctx;

before(async () => {
    [server, browser] = await Promise.all([startServer({ users: [user] }), launchBrowser()]);
    ctx = await newContext(browser);
    // Log in with the keyboard only.
    const page = await ctx.newPage();
    await page.goto(server.base + '/inloggen');
    await page.getByLabel('E-mailadres').focus();
    await page.keyboard.type(user.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(user.password);
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    assert.ok(!new URL(page.url()).pathname.startsWith('/inloggen'), `logged in, now on ${page.url()}`);
    await page.close();
});

after(async () => {
    await browser?.close();
    await server?.stop();
});

const focused = (page) => page.evaluate(() => {
    const el = document.activeElement;
    return el && { tag: el.tagName.toLowerCase(), id: el.id, text: el.textContent.trim(), href: el.getAttribute('href') };
});

// On screen: a real box inside the viewport, not clipped away.
const onScreen = (page) => page.evaluate(() => {
    const el = document.activeElement;
    const r = el.getBoundingClientRect();
    const s = getComputedStyle(el);
    const clipped = s.clipPath !== 'none' && s.clipPath !== '' || /rect\(0(px)?,? 0(px)?/.test(s.clip);
    return { width: r.width, height: r.height, top: r.top, left: r.left, clipped, opacity: s.opacity, visibility: s.visibility };
});

for (const path of ['/initiatieven/nieuw', '/', '/initiatieven']) {
    test(`skip link on ${path}: first Tab, visible on focus, Enter goes to main`, async () => {
        const page = await ctx.newPage();
        const res = await page.goto(server.base + path);
        assert.equal(res.status(), 200, `HTTP ${res.status()} for ${path}`);
        assert.equal(new URL(page.url()).pathname, path, 'the page itself, not a redirect');

        // Hidden until focused.
        const link = page.getByRole('link', { name: 'Naar de inhoud' });
        const before = await link.boundingBox();
        assert.ok(!before || before.width <= 1 || before.height <= 1 || before.y + before.height <= 0,
            `the skip link is out of sight before focus: ${JSON.stringify(before)}`);

        await page.keyboard.press('Tab');
        const f = await focused(page);
        assert.deepEqual({ tag: f.tag, text: f.text, href: f.href }, { tag: 'a', text: 'Naar de inhoud', href: '#inhoud' },
            'the first Tab reaches the skip link');
        const box = await onScreen(page);
        assert.ok(box.width > 20 && box.height > 10 && box.top >= 0 && box.left >= 0 && !box.clipped &&
            box.visibility === 'visible' && Number(box.opacity) > 0.9, `the focused skip link is visible: ${JSON.stringify(box)}`);
        if (shots && path === '/initiatieven/nieuw') await page.screenshot({ path: `${shots}/skip-link.png` });

        await page.keyboard.press('Enter');
        await page.waitForFunction(() => document.activeElement?.id === 'inhoud');
        const m = await focused(page);
        assert.equal(m.tag, 'main', 'Enter moves focus to main');
        assert.equal(new URL(page.url()).hash, '#inhoud');
        // The next Tab continues inside main, not back in the header.
        await page.keyboard.press('Tab');
        assert.ok(await page.evaluate(() => !!document.activeElement.closest('main')), 'the next Tab stays in main');
        await page.close();
    });
}

test('Tab reaches every control of the submit form, each with a focus ring', async () => {
    const page = await ctx.newPage();
    const res = await page.goto(server.base + '/initiatieven/nieuw');
    assert.equal(res.status(), 200, `HTTP ${res.status()} for /initiatieven/nieuw`);
    // Every control in the form is reachable with Tab and shows a focus ring.
    const controls = await page.locator('main form[method="post"] :is(input:not([type="hidden"]), select, textarea, button)').count();
    assert.ok(controls >= 5, `the form has its controls (${controls})`);
    await page.locator('main').focus();
    const seen = new Set();
    for (let i = 0; i < controls + 10 && seen.size < controls; i++) {
        await page.keyboard.press('Tab');
        const info = await page.evaluate(() => {
            const el = document.activeElement;
            if (!el.closest('main form[method="post"]')) return null;
            const s = getComputedStyle(el);
            return { key: el.id || el.name || el.textContent.trim(), ring: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0 || s.boxShadow !== 'none' };
        });
        if (!info) continue;
        assert.ok(info.ring, `${info.key} shows a focus ring`);
        seen.add(info.key);
    }
    assert.ok(seen.size >= 5, `Tab reaches the form's controls (${[...seen].join(', ')})`);
    await page.close();
});
