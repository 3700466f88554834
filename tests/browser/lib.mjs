// SPDX-License-Identifier: EUPL-1.2
// Shared helpers for the browser tests: a real `wijzer serve` on a free
// port with demo data in a temporary directory, Debian's chromium through
// playwright-core (never a downloaded browser), log-in, and axe.
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { BIN, ROOT as root, newDatabase, runWijzer, startWijzer, tempDir } from '../lib/server.mjs';

export { BIN };
export const DEMO_PASSWORD = 'welkom-in-lv';
export const demo = JSON.parse(readFileSync(path.join(root, 'demo/lv.json'), 'utf8'));
// The first demo official ("official" role, not coordinator or admin).
export const demoOfficial = demo.officials.find((o) => o.role === 'official');

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

function wijzer(args, input) {
    const res = runWijzer(args, { input: input ?? '' });
    if (res.code !== 0)
        throw new Error(`wijzer ${args.join(' ')} failed (${res.code ?? res.signal}): ${res.stderr}${res.stdout}`);
    return res.stdout;
}

// Starts a server on demo data (SQLite, or PostgreSQL when WIJZER_TEST_PG
// is set). users: [{email, name, role, password}] added with `wijzer user
// add` (password on stdin). Returns {base, db, stop()}; stop() sends
// SIGTERM and waits for exit code 0.
export async function startServer({ users = [] } = {}) {
    const dir = tempDir('wijzer-browser-');
    try {
        const db = newDatabase(dir);
        wijzer(['init', '--db', db, '--demo']);
        for (const u of users)
            wijzer(['user', 'add', '--db', db, '--email', u.email, '--name', u.name, '--role', u.role], u.password + '\n');
        const srv = await startWijzer(db);
        return {
            base: srv.base,
            db,
            async stop() {
                const timer = setTimeout(() => srv.proc.kill('SIGKILL'), 5000);
                const { code, signal } = await srv.stop();
                clearTimeout(timer);
                rmSync(dir, { recursive: true, force: true });
                assert.equal(code, 0, `server exited with ${code ?? signal} after SIGTERM: ${srv.stderr()}`);
            },
        };
    } catch (e) {
        rmSync(dir, { recursive: true, force: true });
        throw e;
    }
}

export function launchBrowser() {
    return chromium.launch({
        executablePath: '/usr/bin/chromium',
        headless: true,
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
            '--disable-sync', '--no-first-run'],
    });
}

// A fresh context whose actions give up after a few seconds: a missing
// element should fail its test quickly, not after playwright's 30 s.
export async function newContext(browser, options = {}) {
    const ctx = await browser.newContext(options);
    ctx.setDefaultTimeout(5000);
    ctx.setDefaultNavigationTimeout(10000);
    return ctx;
}

// Remembers the promise of the first call, so a set-up step runs once and
// only for the tests that need it (a failure there fails just those).
export function once(fn) {
    let p;
    return () => (p ??= fn());
}

// Logs in through the form; the page is left where log-in sent it.
export async function login(page, base, email, password = DEMO_PASSWORD) {
    await page.goto(`${base}/inloggen`);
    await page.getByLabel('E-mailadres').fill(email);
    await page.getByLabel('Wachtwoord').fill(password);
    await Promise.all([
        page.waitForNavigation(),
        page.locator('main').getByRole('button', { name: 'Inloggen' }).click(),
    ]);
    assert.notEqual(new URL(page.url()).pathname, '/inloggen', `log-in as ${email} failed`);
}

export function formatViolations(violations) {
    return violations.map((v) => {
        const nodes = v.nodes.map((n) => `      target ${JSON.stringify(n.target)}\n        ${n.failureSummary?.replace(/\n/g, '\n        ') ?? ''}`);
        return `  ${v.id} (${v.impact}): ${v.help}\n    ${v.helpUrl}\n${nodes.join('\n')}`;
    }).join('\n');
}

// Runs axe with the WCAG 2.2 AA tags on the page as it is now; returns
// the violations (empty when clean).
export async function axe(page) {
    const res = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
    return res.violations;
}

// Fails with every violation's rule, impact, help and target selectors.
export async function assertAccessible(page, label) {
    const violations = await axe(page);
    // One line per violation on stdout: run.sh shows the test's diagnostics.
    for (const v of violations) {
        const why = v.nodes[0]?.failureSummary?.split('\n')[1]?.trim() ?? '';
        console.log(`axe ${label} ${new URL(page.url()).pathname}: ${v.id} (${v.impact}) ${v.help}; ` +
            `targets ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}; ${why}`);
    }
    assert.equal(violations.length, 0,
        `axe found ${violations.length} violation(s) on ${label} (${page.url()}):\n${formatViolations(violations)}`);
}

// A unique e-mail address per run, so reruns against one database work.
export function uniqueEmail(prefix) {
    return `${prefix}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@example.nl`;
}
