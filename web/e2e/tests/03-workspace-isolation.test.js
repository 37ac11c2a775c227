// A designer cannot see another workspace's assets by editing a URL: the signed-in page's own session asks the
// API for a workspace the designer is no member of, and the portal answers 404 problem+json, as if it did not
// exist (it does: the admin lists its assets).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { inBrowser, signIn, shoot, tokenFor, api, PORTAL } from '../lib/portal.js';

const OTHER = 'e2e-elsewhere'; // created once, reused by later runs; the designer is never made a member
let otherAsset;

before(async () => {
    const admin = await tokenFor('admin');
    const created = await api(admin, 'POST', '/workspaces',
        { slug: OTHER, name: 'E2E elsewhere', description: 'End-to-end tests: a workspace the designer is no member of' });
    assert.ok([201, 409].includes(created.status), `creating ${OTHER}: ${created.status} ${JSON.stringify(created.body)}`);
    let assets = await api(admin, 'GET', `/workspaces/${OTHER}/assets?size=1`);
    assert.equal(assets.status, 200, `the admin lists ${OTHER}'s assets`);
    if (assets.body.total === 0) {
        // one real asset, so the content URL names something that exists: made by another member (a membership
        // role counts only while the user's token carries it, so the senior designer joins as senior-designer)
        const member = await api(admin, 'PUT', `/workspaces/${OTHER}/members/senior-designer`, { role: 'senior-designer' });
        assert.equal(member.status, 200, JSON.stringify(member.body));
        const job = await api(await tokenFor('senior-designer'), 'POST', `/workspaces/${OTHER}/generations?mode=sync`,
            { models: ['sdxl'], prompt: 'a private moodboard', width: 512, height: 512, count: 1, seed: 3 }, { timeoutMs: 70_000 });
        assert.ok([200, 202].includes(job.status), `generation in ${OTHER}: ${job.status} ${JSON.stringify(job.body)}`);
        assets = await pollAssets(admin, 60_000);
    }
    otherAsset = assets.body.items[0];
});

test('a designer gets 404 problem+json for another workspace\'s asset list and asset content', { timeout: 60_000 }, async () => {
    await inBrowser('c', async ({ page }) => {
        await signIn(page, 'designer');
        const shown = (await page.locator('#workspaces tbody tr .ws-slug').allInnerTexts()).map((s) => s.trim());
        assert.ok(shown.includes('brand-studio') && !shown.includes(OTHER), `the designer's workspaces: ${shown}`);

        // fetch() from the signed-in page sends the portal's session cookie, as an edited address bar would
        const ask = (url) => page.evaluate(async (target) => {
            const answer = await fetch(target, { headers: { Accept: 'application/json, application/problem+json' } });
            const type = answer.headers.get('content-type') ?? '';
            return { status: answer.status, type, body: type.includes('json') ? await answer.json() : null };
        }, url);

        const own = await ask('/api/v1/workspaces/brand-studio/assets?size=1');
        assert.equal(own.status, 200, 'the designer lists their own workspace\'s assets with the session cookie');

        for (const url of [`/api/v1/workspaces/${OTHER}/assets`, `/api/v1/workspaces/${OTHER}/assets/${otherAsset.id}/content`]) {
            const answer = await ask(url);
            assert.equal(answer.status, 404, `${url}: ${JSON.stringify(answer)}`);
            assert.match(answer.type, /^application\/problem\+json/, url);
            assert.equal(answer.body.status, 404, url);
            assert.ok(answer.body.title, `${url}: a problem title`);
            assert.ok(!JSON.stringify(answer.body).includes(otherAsset.id), `${url}: nothing of the asset leaks`);
        }

        // The same, typed into the address bar: the browser shows the problem, not the image.
        const typed = await page.goto(`${PORTAL}/api/v1/workspaces/${OTHER}/assets/${otherAsset.id}/content`);
        assert.equal(typed.status(), 404);
        assert.match(await page.locator('body').innerText(), /"status":404/);
        await shoot(page, 'c1-other-workspace-404');
    });
});

async function pollAssets(token, deadlineMs) {
    const until = Date.now() + deadlineMs;
    for (;;) {
        const assets = await api(token, 'GET', `/workspaces/${OTHER}/assets?size=1`);
        if (assets.body?.total > 0) return assets;
        if (Date.now() > until) assert.fail(`no asset in ${OTHER} within ${deadlineMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 500));
    }
}
