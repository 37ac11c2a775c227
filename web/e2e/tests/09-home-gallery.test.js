// The home page as a designer first sees it: the workspace's recent assets as lazy-loaded thumbnails, how many wait
// for review and how much of today's quota is used; filters narrow the gallery; a thumbnail opens the asset page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inBrowser, signIn, shoot, tokenFor, api, PORTAL } from '../lib/portal.js';
import { chooseFromMenu } from '../lib/widgets.js';

const WORKSPACE = 'brand-studio';

test('the home gallery shows recent assets with counts, filters by state and opens an asset', { timeout: 120_000 }, async () => {
    const designer = await tokenFor('designer');
    const made = await api(designer, 'POST', `/workspaces/${WORKSPACE}/generations?mode=sync`,
        { models: ['sdxl'], prompt: 'a ceramic bowl for the home gallery', width: 512, height: 512, count: 1, steps: 4 });
    assert.equal(made.status, 200, JSON.stringify(made.body));
    const newest = made.body.results.sdxl[0].id;

    await inBrowser('k', async ({ page }) => {
        await signIn(page, 'designer');
        await page.getByRole('heading', { name: 'Recent assets' }).waitFor();
        await chooseFromMenu(page, 'gallery-form:gallery-workspace', WORKSPACE);
        const first = page.locator('.gallery-item').first();
        await page.waitForFunction((id) => document.querySelector('.gallery-item')?.dataset.asset === id, newest);
        assert.equal(await first.locator('img').getAttribute('loading'), 'lazy');
        await page.waitForFunction(() => {
            const img = document.querySelector('.gallery-item img');
            return img && img.complete && img.naturalWidth > 0;
        }, null, { timeout: 20_000, polling: 200 });
        assert.match(await page.locator('#gallery-waiting').innerText(), /^\d+ waiting for review$/);
        assert.match(await page.locator('#gallery-quota').innerText(), /^\d+ of \d+ images used today \(UTC\)$/);
        await shoot(page, 'k1-home-gallery');

        await chooseFromMenu(page, 'gallery-form:gallery-state', 'GENERATED');
        await page.waitForFunction(() => [...document.querySelectorAll('.gallery-item .state')]
            .every((s) => s.textContent.trim() === 'GENERATED'));
        const states = await page.locator('.gallery-item .state').allInnerTexts();
        assert.ok(states.length > 0 && states.every((s) => s.trim() === 'GENERATED'), `states ${states}`);

        await Promise.all([page.waitForURL(/\/app\/asset\.xhtml\?ws=brand-studio&id=/),
            page.locator(`.gallery-item[data-asset="${newest}"]`).click()]);
        await page.getByText(newest).first().waitFor();
    });
});
