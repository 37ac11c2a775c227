// Shared helpers of the end-to-end suite: Debian's Chromium driven by playwright-core (never a downloaded
// browser), signing in through Keycloak's login form, API tokens, screenshots.
import { chromium } from 'playwright-core';
import { mkdtemp, mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PORTAL = (process.env.ATELIER_URL ?? 'http://localhost:8080').replace(/\/+$/, '');
export const KEYCLOAK = (process.env.ATELIER_KEYCLOAK_URL ?? 'http://localhost:8180').replace(/\/+$/, '');
export const REALM = 'atelier';
export const PASSWORD = process.env.ATELIER_DEMO_PASSWORD ?? 'demo';
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'screenshots');

/** Keycloak's login form lives under the realm's OIDC endpoints. */
export const KEYCLOAK_LOGIN = new RegExp(`^${escape(KEYCLOAK)}/realms/${REALM}/(protocol/openid-connect/auth|login-actions/)`);

/**
 * Starts a headless Chromium with a fresh profile (its own --user-data-dir, removed again on close), so no test
 * shares cookies or a Keycloak session with another. Returns the browser context, a first page and close().
 */
export async function launch() {
    const profile = await mkdtemp(path.join(tmpdir(), 'atelier-e2e-'));
    let context;
    try {
        context = await chromium.launchPersistentContext(profile, {
            executablePath: CHROMIUM,
            headless: true, // playwright adds --headless (and --no-sandbox unless chromiumSandbox is set)
            args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
            viewport: { width: 1280, height: 860 },
            timeout: 30_000,
        });
    } catch (error) {
        await rm(profile, { recursive: true, force: true });
        throw new Error(`could not start ${CHROMIUM} (Debian's chromium: apt-get install chromium): ${error.message}`);
    }
    context.setDefaultTimeout(15_000);
    context.setDefaultNavigationTimeout(30_000);
    const page = context.pages()[0] ?? await context.newPage();
    return {
        context,
        page,
        async close() {
            await context.close().catch(() => {});
            await rm(profile, { recursive: true, force: true });
        },
    };
}

/**
 * Runs BODY({ page, context }) in a fresh Chromium, closed afterwards; when BODY fails, the page as it then was
 * is saved as screenshots/NAME-FAILED.png before the error goes on to the test runner.
 */
export async function inBrowser(name, body) {
    const browser = await launch();
    try {
        await body(browser);
    } catch (error) {
        await shoot(browser.page, `${name}-FAILED`).catch(() => {});
        throw error;
    } finally {
        await browser.close();
    }
}

/**
 * Opens the portal's front door, which sends an anonymous visitor to Keycloak; fills Keycloak's login form
 * (#username, #password, #kc-login) and waits until the browser is back on the portal.
 */
export async function signIn(page, username, { password = PASSWORD, screenshot } = {}) {
    await page.goto(`${PORTAL}/`);
    await page.waitForURL(KEYCLOAK_LOGIN);
    await page.locator('#username').fill(username);
    await page.locator('#password').fill(password);
    if (screenshot) await shoot(page, screenshot);
    await Promise.all([
        page.waitForURL((url) => url.href.startsWith(`${PORTAL}/app/`)),
        page.locator('#kc-login').click(),
    ]);
}

/** A full-page screenshot under web/e2e/screenshots/NAME.png; returns its path. */
export async function shoot(page, name) {
    await mkdir(SCREENSHOTS, { recursive: true });
    const file = path.join(SCREENSHOTS, `${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    return file;
}

/** An access token of a demo user from the realm's public API client (password grant). */
export async function tokenFor(username, password = PASSWORD) {
    const answer = await fetch(`${KEYCLOAK}/realms/${REALM}/protocol/openid-connect/token`, {
        method: 'POST',
        body: new URLSearchParams({ grant_type: 'password', client_id: 'atelier-api', username, password }),
    });
    if (!answer.ok) throw new Error(`token for ${username}: ${answer.status} ${await answer.text()}`);
    return (await answer.json()).access_token;
}

/** Calls the portal's API with a bearer token; returns { status, headers, body } with body parsed when JSON. */
export async function api(token, method, apiPath, body, { timeoutMs = 60_000 } = {}) {
    const answer = await fetch(`${PORTAL}/api/v1${apiPath}`, {
        method,
        headers: {
            Authorization: `Bearer ${token}`,
            ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await answer.text();
    let parsed = text;
    try { parsed = text ? JSON.parse(text) : null; } catch { /* not JSON */ }
    return { status: answer.status, headers: answer.headers, body: parsed };
}

function escape(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
