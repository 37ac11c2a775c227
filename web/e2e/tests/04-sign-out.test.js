// Sign-out ends the portal session and Keycloak's single sign-on session: the browser ends on Keycloak's login
// form, and the portal's pages ask for a sign-in again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inBrowser, signIn, shoot, PORTAL, KEYCLOAK_LOGIN } from '../lib/portal.js';

test('signing out returns to Keycloak\'s login page', { timeout: 60_000 }, async () => {
    await inBrowser('d', async ({ page }) => {
        await signIn(page, 'designer');
        await page.locator('#signed-in-user').waitFor();

        await Promise.all([page.waitForURL(KEYCLOAK_LOGIN), page.locator('#sign-out').click()]);

        await page.locator('#kc-login').waitFor();
        assert.equal(await page.locator('#username').inputValue(), '', 'an empty login form, not a remembered session');
        await shoot(page, 'd1-signed-out');

        // Keycloak's session ended too: opening a portal page again asks for the password instead of signing in silently.
        await page.goto(`${PORTAL}/app/home.xhtml`);
        await page.waitForURL(KEYCLOAK_LOGIN);
        await page.locator('#kc-login').waitFor();
    });
});
