// SPDX-License-Identifier: EUPL-1.2
// Accessibility: axe (WCAG 2.0/2.1 A and AA, 2.2 AA) on every page, as a
// visitor, a resident and an official; no sideways scrolling at 320 px;
// the submit journey with JavaScript off.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
    assertAccessible, demo, demoOfficial, DEMO_PASSWORD, launchBrowser, login, newContext, once, startServer,
    uniqueEmail,
} from './lib.mjs';

const shots = process.env.WIJZER_SCREENSHOTS; // a directory, to look at the pages

let server, browser, visitor;
// A demo initiative still waiting for intake, and the resident who filed it.
const waiting = demo.initiatives.find((i) => i.history.length && i.history.at(-1).to === 'ingediend');

before(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    visitor = await newContext(browser);
});

const loggedIn = (email) => once(async () => {
    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    await login(page, server.base, email);
    await page.close();
    return ctx;
});
const official = loggedIn(demoOfficial.email);
const initiator = loggedIn(waiting.initiator);
const waitingId = once(() => findInitiativeId(visitor, waiting.title));
// The first demo initiative: long timeline, help requests, links.
const historyId = once(() => findInitiativeId(visitor, demo.initiatives[0].title));

after(async () => {
    await browser?.close();
    await server?.stop();
});

// The id of an initiative, by searching for its title in the list.
async function findInitiativeId(ctx, title) {
    const page = await ctx.newPage();
    await page.goto(`${server.base}/initiatieven?q=${encodeURIComponent(title)}`);
    const href = await page.locator('main').getByRole('link', { name: title, exact: true }).first().getAttribute('href');
    await page.close();
    const m = /\/initiatieven\/(\d+)$/.exec(href ?? '');
    assert.ok(m, `no link to "${title}" in the search results (href ${href})`);
    return Number(m[1]);
}

// Opens path in ctx, checks the HTTP status, runs prepare (e.g. submit a
// form), then axe. Returns the page (closed unless keep).
async function check(ctxOrFn, path, label, { status = 200, prepare, keep = false } = {}) {
    const ctx = typeof ctxOrFn === 'function' ? await ctxOrFn() : ctxOrFn;
    if (typeof path === 'function') path = await path();
    const page = await ctx.newPage();
    try {
        const res = await page.goto(server.base + path);
        assert.equal(res.status(), status, `${label}: HTTP ${res.status()} for ${path}`);
        assert.equal(await page.getAttribute('html', 'lang'), 'nl', `${label}: <html lang="nl">`);
        if (prepare) await prepare(page);
        await assertAccessible(page, label);
        if (shots) await page.screenshot({ path: `${shots}/${label.replace(/[^a-z0-9]+/gi, '-')}.png`, fullPage: true });
        return page;
    } finally {
        if (!keep) await page.close();
    }
}

// Clicks the button with this name in main and waits for the answer page.
async function submitMain(page, buttonName) {
    const button = page.locator('main').getByRole('button', { name: buttonName, exact: true });
    await Promise.all([page.waitForNavigation(), button.click()]);
}

describe('axe on every page, as a visitor', () => {
    test('home /', () => check(visitor, '/', 'home'));
    test('list /initiatieven', () => check(visitor, '/initiatieven', 'list'));
    test('search /initiatieven?q=speeltuin', async () => {
        const page = await check(visitor, '/initiatieven?q=speeltuin', 'search', { keep: true });
        // The search finds the demo playground, with a highlighted snippet.
        assert.ok(await page.locator('main').getByRole('link', { name: /Speeltuin Het Loo/ }).count() > 0,
            'searching "speeltuin" finds "Speeltuin Het Loo opknappen met de buurt"');
        await page.close();
    });
    test('list with a filter chosen in the filter form', () => check(visitor, '/initiatieven', 'list-filtered', {
        prepare: async (page) => {
            const form = page.locator('main form[method="get"]').first();
            const selects = form.locator('select');
            assert.ok(await selects.count() > 0, 'the list has a filter form with a select');
            // The first real option of every filter: a wijk, a theme, a state.
            const select = selects.first();
            const value = await select.locator('option:not([value=""])').first().getAttribute('value');
            await select.selectOption(value);
            await Promise.all([page.waitForNavigation(), form.locator('button[type="submit"], button:not([type])').first().click()]);
            assert.ok(new URL(page.url()).search.includes(encodeURIComponent(value).replace(/%20/g, '+')) ||
                new URL(page.url()).search.includes(value), `the filter ${value} is in the URL ${page.url()}`);
        },
    }));
    test('initiative page /initiatieven/{id}', () => check(visitor, async () => `/initiatieven/${await waitingId()}`, 'initiative'));
    test('a demo initiative with a long history', () =>
        check(visitor, async () => `/initiatieven/${await historyId()}`, 'initiative-history'));
    test('log-in /inloggen', () => check(visitor, '/inloggen', 'login'));
    test('log-in with a wrong password', () => check(visitor, '/inloggen', 'login-error', {
        prepare: async (page) => {
            await page.getByLabel('E-mailadres').fill('niemand@example.nl');
            await page.getByLabel('Wachtwoord').fill('verkeerd-wachtwoord');
            await submitMain(page, 'Inloggen');
            assert.match(await page.title(), /^Fout/, 'the title starts with "Fout"');
        },
    }));
    test('sign-up /registreren', () => check(visitor, '/registreren', 'signup'));
    test('sign-up with errors', () => check(visitor, '/registreren', 'signup-errors', {
        prepare: async (page) => {
            await page.getByLabel('Uw naam').fill('Test');
            await page.getByLabel('E-mailadres').fill('geen-adres');
            await submitMain(page, 'Account maken');
            assert.match(await page.title(), /^Fout/, 'the title starts with "Fout"');
            assert.ok(await page.locator('[aria-invalid="true"]').count() > 0, 'invalid fields are marked');
        },
    }));
    test('a page that does not exist', () => check(visitor, '/bestaat-niet', 'not-found', { status: 404 }));
    test('an initiative that does not exist', () => check(visitor, '/initiatieven/999999', 'initiative-not-found', { status: 404 }));
});

describe('axe on every page, as a resident', () => {
    test('submit form /initiatieven/nieuw', () => check(initiator, '/initiatieven/nieuw', 'new'));
    test('submit form with errors', () => check(initiator, '/initiatieven/nieuw', 'new-errors', {
        prepare: async (page) => {
            await submitMain(page, 'Indienen');
            assert.match(await page.title(), /^Fout/, 'the title starts with "Fout"');
            assert.ok(await page.locator('[aria-invalid="true"]').count() > 0, 'invalid fields are marked');
        },
    }));
    test('edit /initiatieven/{id}/bewerken', () => check(initiator, async () => `/initiatieven/${await waitingId()}/bewerken`, 'edit'));
    test('edit form with errors', () => check(initiator, async () => `/initiatieven/${await waitingId()}/bewerken`, 'edit-errors', {
        prepare: async (page) => {
            await page.getByLabel('Titel').fill('');
            await submitMain(page, 'Opslaan');
            assert.match(await page.title(), /^Fout/, 'the title starts with "Fout"');
            assert.equal(await page.getByLabel('Titel').getAttribute('aria-invalid'), 'true');
        },
    }));
    test('my initiatives /mijn-initiatieven', async () => {
        const page = await check(initiator, '/mijn-initiatieven', 'mine', { keep: true });
        assert.ok(await page.locator('main').getByRole('link', { name: waiting.title }).count() > 0,
            `"${waiting.title}" is among her initiatives`);
        await page.close();
    });
    test('the initiative page as its initiator', () => check(initiator, async () => `/initiatieven/${await waitingId()}`, 'initiative-initiator'));
});

describe('axe on every page, as an official', () => {
    test('work queue /werkvoorraad', () => check(official, '/werkvoorraad', 'work'));
    test('work queue filtered on a wijk and on "mine"', () => check(official, '/werkvoorraad', 'work-filtered', {
        prepare: async (page) => {
            const form = page.locator('main form[method="get"]');
            await form.getByLabel('Wijk of buurt').selectOption({ index: 1 });
            await form.getByRole('checkbox').first().check();
            await Promise.all([page.waitForNavigation(), form.getByRole('button').click()]);
            assert.match(new URL(page.url()).search, /area=/);
        },
    }));
    test('transition form with an error (stopping needs a reason)', () => check(official, async () => `/initiatieven/${await waitingId()}`, 'transition-error', {
        prepare: async (page) => {
            await page.locator('main').getByRole('radio', { name: 'Gestopt' }).check();
            await submitMain(page, 'Stap opslaan');
            assert.equal(await page.getByLabel('Toelichting').getAttribute('aria-invalid'), 'true',
                'the note is marked invalid');
            assert.match(await page.title(), /^Fout/, 'the title starts with "Fout"');
        },
    }));
    test('initiative page with the transition form', () => check(official, async () => `/initiatieven/${await waitingId()}`, 'initiative-official', {
        prepare: async (page) => {
            assert.equal(await page.locator('main').getByRole('button', { name: 'Stap opslaan' }).count(), 1,
                'the official sees the transition form');
        },
    }));
    test('home as an official', () => check(official, '/', 'home-official'));
});

describe('axe on the directory pages (issue 5)', () => {
    const member = loggedIn(demo.directory.members.find((m) => m.email === 'fatima.ouali@example.nl').email);
    const admin = loggedIn(demo.officials.find((o) => o.role === 'admin').email);
    for (const [path, label] of [['/wie-helpt', 'who-helps'], ['/doelen', 'goals'], ['/doelen/koers-3-1', 'goal'],
        ['/wethouders', 'holders'], ['/organisaties', 'organisations'], ['/organisaties?hulp=ruimte&wijk=damsigt', 'organisations-filtered'],
        ['/organisaties?hulp=geld&wijk=stompwijk&thema=spelen', 'organisations-empty'], ['/organisaties/woej', 'organisation'],
        ['/plekken', 'places'], ['/plekken/de-plint', 'place'], ['/ambtenaren', 'officials']]) {
        test(`${label} ${path}`, () => check(visitor, path, label));
    }
    test('an organisation that does not exist', () => check(visitor, '/organisaties/bestaat-niet', 'organisation-not-found', { status: 404 }));
    test('organisation edit form as a member, with errors', () => check(member, '/organisaties/fenomeen-bovenveen/bewerken', 'organisation-edit-errors', {
        prepare: async (page) => {
            await page.getByLabel('Naam', { exact: true }).fill('');
            await submitMain(page, 'Opslaan');
            assert.match(await page.title(), /^Fout/, 'the title starts with "Fout"');
        },
    }));
    test('register an organisation /organisaties/nieuw', () => check(member, '/organisaties/nieuw', 'organisation-new'));
    test('own profile as an official', () => check(official, async () => {
        const page = await (await official()).newPage();
        await page.goto(`${server.base}/ambtenaren`);
        const href = await page.locator('main').getByRole('link', { name: 'Uw eigen profiel aanpassen' }).getAttribute('href');
        await page.close();
        return href;
    }, 'official-profile'));
    test('goal edit form as an admin', () => check(admin, '/doelen/eenzaamheid/bewerken', 'goal-edit'));
    test('portfolio holders with the admin form', () => check(admin, '/wethouders', 'holders-admin'));
    test('place edit form as an admin', () => check(admin, '/plekken/de-plint/bewerken', 'place-edit'));
});

describe('phone width (320 px): no sideways scrolling', () => {
    const pages = [
        ['home', () => visitor, () => '/'],
        ['list', () => visitor, () => '/initiatieven'],
        ['search', () => visitor, () => '/initiatieven?q=moestuin'],
        ['initiative', () => visitor, async () => `/initiatieven/${await waitingId()}`],
        ['initiative-history', () => visitor, async () => `/initiatieven/${await historyId()}`],
        ['login', () => visitor, () => '/inloggen'],
        ['signup', () => visitor, () => '/registreren'],
        ['new', initiator, () => '/initiatieven/nieuw'],
        ['mine', initiator, () => '/mijn-initiatieven'],
        ['work', official, () => '/werkvoorraad'],
        ['initiative-official', official, async () => `/initiatieven/${await waitingId()}`],
        ['goals', () => visitor, () => '/doelen'],
        ['organisations', () => visitor, () => '/organisaties'],
        ['organisation', () => visitor, () => '/organisaties/woej'],
        ['officials', () => visitor, () => '/ambtenaren'],
    ];
    for (const [label, ctxFn, path] of pages) {
        test(label, async () => {
            const page = await (await ctxFn()).newPage();
            await page.setViewportSize({ width: 320, height: 640 });
            const url = await path();
            const res = await page.goto(server.base + url);
            assert.equal(res.status(), 200, `HTTP ${res.status()} for ${url}`);
            const width = await page.evaluate(() => document.documentElement.scrollWidth);
            if (shots) await page.screenshot({ path: `${shots}/phone-${label}.png`, fullPage: true });
            if (width > 320) {
                // Name the elements that stick out, for whoever fixes it.
                const wide = await page.evaluate(() => [...document.querySelectorAll('body *')]
                    .filter((el) => el.getBoundingClientRect().right > 320.5)
                    .slice(0, 8).map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} right=${Math.round(el.getBoundingClientRect().right)}`));
                assert.fail(`${url} is ${width}px wide at a 320px viewport; too wide: ${wide.join(', ')}`);
            }
            // A wide table scrolls inside its container, but its caption stays readable.
            const captions = await page.evaluate(() => [...document.querySelectorAll('caption')]
                .filter((c) => c.getBoundingClientRect().right > 320.5).map((c) => c.textContent.trim()));
            assert.deepEqual(captions, [], 'table captions fit the screen');
            await page.close();
        });
    }
});

describe('without JavaScript', () => {
    test('sign up and submit an initiative with plain form posts', async () => {
        const ctx = await newContext(browser, { javaScriptEnabled: false });
        const page = await ctx.newPage();
        const email = uniqueEmail('zonder.js');
        await page.goto(`${server.base}/registreren`);
        await page.getByLabel('Uw naam').fill('Joost Zonder Script');
        await page.getByLabel('E-mailadres').fill(email);
        await page.getByLabel('Wachtwoord', { exact: true }).fill(DEMO_PASSWORD + '-nojs');
        await page.getByLabel('Wachtwoord nog een keer').fill(DEMO_PASSWORD + '-nojs');
        await submitMain(page, 'Account maken');
        if (!page.url().endsWith('/initiatieven/nieuw')) await page.goto(`${server.base}/initiatieven/nieuw`);
        const title = 'Ruilkast voor speelgoed bij het Damplein';
        await page.getByLabel(/^Titel/).fill(title);
        await page.getByLabel(/samenvatting/i).fill('Een kast waar kinderen speelgoed ruilen.');
        await page.getByLabel(/^Beschrijving/).fill('We zetten een **ruilkast** neer bij het Damplein.');
        await page.getByLabel('Wijk of buurt').selectOption({ label: 'Damcentrum' });
        await submitMain(page, 'Indienen');
        assert.match(new URL(page.url()).pathname, /^\/initiatieven\/\d+$/, `lands on the new page, not ${page.url()}`);
        assert.equal(await page.locator('h1').textContent(), title);
        await ctx.close();
    });
});
