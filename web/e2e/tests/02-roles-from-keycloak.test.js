// Roles come from Keycloak: the header shows the signed-in user's realm roles as tags, and an admin's home page
// lists every workspace, not only the ones they are a member of.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inBrowser, signIn, shoot, tokenFor, api } from '../lib/portal.js';

const ROLES = ['designer', 'senior-designer', 'art-director', 'brand-manager', 'compliance', 'developer', 'admin'];

async function headerRoles(page) {
    await page.locator('header .atelier-role').first().waitFor();
    return (await page.locator('header .atelier-role .ui-tag-value').allInnerTexts()).map((s) => s.trim());
}

test('the header shows a designer\'s roles from Keycloak, and no others', { timeout: 60_000 }, async () => {
    await inBrowser('b1', async ({ page }) => {

        await signIn(page, 'designer');

        assert.equal((await page.locator('#signed-in-user').innerText()).trim(), 'designer');
        const roles = await headerRoles(page);
        assert.deepEqual(roles.filter((role) => ROLES.includes(role)), ['designer']);
        await shoot(page, 'b1-designer-header');
    });
});

test('an admin sees the admin role in the header and every workspace on the home page', { timeout: 60_000 }, async () => {
    const everyWorkspace = await api(await tokenFor('admin'), 'GET', '/workspaces');
    assert.equal(everyWorkspace.status, 200);
    const slugs = everyWorkspace.body.map((ws) => ws.slug);
    assert.ok(slugs.includes('brand-studio'), `brand-studio among ${slugs}`);
    await inBrowser('b2', async ({ page }) => {

        await signIn(page, 'admin');

        assert.equal((await page.locator('#signed-in-user').innerText()).trim(), 'admin');
        const roles = await headerRoles(page);
        assert.ok(roles.includes('admin'), `admin tag in ${roles}`);
        assert.ok(!roles.includes('designer'), `no designer tag in ${roles}`);
        // The admin is no member of brand-studio, yet sees it, and every other workspace the API knows of.
        const shown = (await page.locator('#workspaces tbody tr .ws-slug').allInnerTexts()).map((s) => s.trim());
        for (const slug of slugs) assert.ok(shown.includes(slug), `workspace ${slug} on the admin's home page`);
        await shoot(page, 'b2-admin-all-workspaces');
    });
});
