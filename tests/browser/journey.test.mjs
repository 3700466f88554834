// SPDX-License-Identifier: EUPL-1.2
// The journey of issue 2 in a real browser: a resident signs up, submits
// an initiative (first with a mistake), finds it in the list and with the
// search box; then an official takes it in for intake and becomes her
// contact person.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { demo, demoOfficial, launchBrowser, login, newContext, startServer, uniqueEmail } from './lib.mjs';

const shots = process.env.WIJZER_SCREENSHOTS;

let server, browser;
const title = 'Picknicktafels aan de Vlietoever';
const resident = { name: 'Noor van Dijk', email: uniqueEmail('noor.vandijk'), password: 'lange-zomeravonden-aan-de-vliet' };
let initiativeUrl; // set by the journey; the official test falls back to a demo initiative

before(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});

after(async () => {
    await browser?.close();
    await server?.stop();
});

async function navigate(page, action) {
    await Promise.all([page.waitForNavigation(), action]);
}

const main = (page) => page.locator('main');

test('a resident signs up, submits an initiative and finds it', async () => {
    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    await page.goto(server.base + '/');
    assert.equal(await page.getAttribute('html', 'lang'), 'nl');

    // Sign up from the menu.
    await navigate(page, page.getByRole('link', { name: 'Account maken' }).first().click());
    assert.equal(new URL(page.url()).pathname, '/registreren');
    await page.getByLabel('Uw naam').fill(resident.name);
    await page.getByLabel('E-mailadres').fill(resident.email);
    await page.getByLabel('Wachtwoord', { exact: true }).fill(resident.password);
    await page.getByLabel('Wachtwoord nog een keer').fill(resident.password);
    await navigate(page, main(page).getByRole('button', { name: 'Account maken' }).click());
    // Logged in: the menu offers log-out and her own initiatives.
    await page.getByRole('button', { name: /Uitloggen/ }).waitFor();
    assert.ok(await page.getByRole('link', { name: 'Mijn initiatieven' }).count() > 0, 'the menu shows "Mijn initiatieven"');

    // To the submit form through the menu.
    await navigate(page, page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Initiatief indienen' }).click());
    assert.equal(new URL(page.url()).pathname, '/initiatieven/nieuw');

    // First without a title: the error summary and the message at the field,
    // with everything else she typed kept.
    const summary = 'Drie picknicktafels langs het water, zodat buren samen kunnen eten en praten.';
    const description = 'Langs de **Vliet** is veel gras maar nergens een plek om samen te zitten.\n\nWij zetten drie tafels neer en houden ze schoon.';
    await page.getByLabel(/samenvatting/i).fill(summary);
    await page.getByLabel(/^Beschrijving/).fill(description);
    await page.getByLabel('Wijk of buurt').selectOption({ label: 'Fonteijn' });
    const theme = page.getByRole('group', { name: /Thema/ }).getByRole('checkbox', { name: 'Ontmoeting en sociale contacten' });
    await theme.check();
    await navigate(page, main(page).getByRole('button', { name: 'Indienen', exact: true }).click());
    assert.match(await page.title(), /^Fout/, 'the title starts with "Fout"');
    const errorSummary = main(page).locator('.utrecht-alert--error');
    assert.equal(await errorSummary.count(), 1, 'one error summary');
    const titleBox = page.getByLabel(/^Titel/);
    assert.equal(await titleBox.getAttribute('aria-invalid'), 'true', 'the title field is marked invalid');
    // The summary links to the field, and the message is tied to it.
    const link = errorSummary.locator('a[href="#' + (await titleBox.getAttribute('id')) + '"]');
    assert.equal(await link.count(), 1, 'the error summary links to the title field');
    const describedBy = (await titleBox.getAttribute('aria-describedby')) ?? '';
    const messages = await Promise.all(describedBy.split(/\s+/).filter(Boolean)
        .map((id) => page.locator(`[id="${id}"]`).textContent()));
    assert.ok(messages.some((m) => /titel/i.test(m)), `the field's description names the problem: ${JSON.stringify(messages)}`);
    assert.equal(await page.getByLabel(/samenvatting/i).inputValue(), summary, 'the summary is kept');
    assert.equal(await page.getByLabel(/^Beschrijving/).inputValue(), description, 'the description is kept');
    assert.equal(await page.getByLabel('Wijk of buurt').locator('option:checked').textContent(), 'Fonteijn', 'the wijk is kept');
    assert.ok(await theme.isChecked(), 'the theme is kept');
    if (shots) await page.screenshot({ path: `${shots}/journey-errors.png`, fullPage: true });
    // The link in the summary moves focus to the field.
    await link.click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), await titleBox.getAttribute('id'));

    // Now complete, with a help request.
    await titleBox.fill(title);
    const help = page.getByRole('group', { name: /^Hulpvraag 1/ });
    await help.getByLabel('Soort hulp').selectOption({ label: 'Geld' });
    await help.getByLabel('Wat hebt u nodig?').fill('Drie tafels van gerecycled plastic');
    await help.getByLabel(/^Bedrag in euro/).fill('1.250,00');
    await navigate(page, main(page).getByRole('button', { name: 'Indienen', exact: true }).click());

    // The new initiative's page.
    assert.match(new URL(page.url()).pathname, /^\/initiatieven\/\d+$/, `lands on the new initiative, not ${page.url()}`);
    initiativeUrl = page.url();
    assert.equal((await main(page).locator('h1').textContent()).trim(), title);
    assert.equal(await main(page).locator('.utrecht-status-badge', { hasText: 'Ingediend' }).count(), 1, 'the state "Ingediend" is shown');
    // The municipality has 10 working days for intake: she sees the days left and the date.
    const deadline = main(page).locator('.wijzer-deadline');
    assert.equal(await deadline.count(), 1, 'one deadline notice');
    const deadlineText = await deadline.textContent();
    assert.match(deadlineText, /Nog \d+ (dag|dagen)|vandaag/, 'the deadline says how many days are left');
    assert.match(deadlineText, /intake/i, `the deadline is the one for intake: ${deadlineText}`);
    assert.equal(await deadline.locator('time[datetime]').count(), 1, 'the date is in a <time>');
    assert.match(await main(page).textContent(), /Drie tafels van gerecycled plastic/, 'the help request is shown');
    assert.match(await main(page).textContent(), /€\s?1\.250/, 'the amount is shown in euro');
    assert.equal(await main(page).locator('strong', { hasText: 'Vliet' }).count() > 0, true, 'markdown is rendered');
    if (shots) await page.screenshot({ path: `${shots}/journey-initiative.png`, fullPage: true });

    // She did not tick "show my name": a visitor sees neither her name nor her e-mail.
    const visitor = await newContext(browser);
    const pub = await visitor.newPage();
    await pub.goto(initiativeUrl);
    const text = await pub.locator('body').textContent();
    assert.ok(!text.includes(resident.name), 'her name is not on the public page');
    assert.ok(!text.includes(resident.email), 'her e-mail is not on the public page');
    assert.match(text, /Naam niet openbaar/);
    await visitor.close();

    // In the list of all initiatives.
    await navigate(page, page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Initiatieven', exact: true }).click());
    assert.equal(new URL(page.url()).pathname, '/initiatieven');
    assert.equal(await main(page).getByRole('link', { name: title }).count(), 1, 'the new initiative is in the list');

    // And with the search box.
    const search = main(page).getByRole('searchbox').first();
    await search.fill('picknicktafels');
    await navigate(page, search.press('Enter'));
    assert.match(new URL(page.url()).search, /q=picknicktafels/);
    assert.equal(await main(page).getByRole('link', { name: title }).count(), 1, 'the search finds it');
    assert.ok(await main(page).locator('mark').count() > 0, 'the search result highlights the hit');
    if (shots) await page.screenshot({ path: `${shots}/journey-search.png`, fullPage: true });
    await ctx.close();
});

test('an official takes the initiative in for intake and becomes the contact person', async () => {
    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    await login(page, server.base, demoOfficial.email);
    await page.goto(server.base + '/werkvoorraad');
    assert.equal((await main(page).locator('h1').textContent()).trim(), 'Werkvoorraad');
    // Her initiative if the journey made one, otherwise a demo one that waits.
    const wanted = initiativeUrl ? title
        : demo.initiatives.find((i) => i.history.length && i.history.at(-1).to === 'ingediend').title;
    const link = main(page).getByRole('link', { name: wanted, exact: true });
    assert.equal(await link.count(), 1, `"${wanted}" is in the work queue`);
    if (shots) await page.screenshot({ path: `${shots}/work.png`, fullPage: true });
    await navigate(page, link.click());
    assert.match(new URL(page.url()).pathname, /^\/initiatieven\/\d+$/);

    const note = 'Ik bel u deze week voor een kennismaking bij de Vliet.';
    // The transition form: the next step, the contact person (herself by
    // default) and a note for the public timeline.
    await main(page).getByRole('group', { name: /Naar welke stap/ }).getByRole('radio', { name: 'Intake', exact: true }).check();
    const contactSelect = main(page).getByLabel('Vaste contactpersoon');
    assert.equal(await contactSelect.locator('option:checked').textContent(), demoOfficial.name,
        'the official doing intake is the proposed contact person');
    await main(page).getByLabel('Toelichting').fill(note);
    await navigate(page, main(page).getByRole('button', { name: 'Stap opslaan' }).click());
    assert.match(new URL(page.url()).pathname, /^\/initiatieven\/\d+$/, `back on the initiative, not ${page.url()}`);

    // The contact person, by name, and the new step on the timeline.
    const contact = main(page).locator('dt', { hasText: 'Contactpersoon' }).locator('xpath=following-sibling::dd[1]');
    assert.equal(await contact.count(), 1, 'the page names a contact person');
    assert.match(await contact.textContent(), new RegExp(demoOfficial.name), 'the official is the contact person');
    const last = main(page).locator('.wijzer-timeline .wijzer-timeline__item').last();
    assert.match(await last.locator('.wijzer-timeline__title').textContent(), /Intake/);
    assert.match(await last.textContent(), new RegExp(note.slice(0, 30)), 'the note is on the timeline');
    assert.ok(await main(page).locator('.utrecht-status-badge', { hasText: 'Intake' }).count() > 0, 'the state is now Intake');
    if (shots) await page.screenshot({ path: `${shots}/intake.png`, fullPage: true });
    await ctx.close();
});
