// Pages by role and the two pages that change how a workspace works. (a) A designer who types the address of a page
// their roles do not open gets a 403 page that says which roles it needs, and another workspace's assets stay a
// 404 problem+json (as in 03). (b) A brand manager adds a competitor mark on the brand kit page, saves a new
// version, and the test box refuses a prompt naming it. (c) An admin creates a workspace, grants designer a role
// and asks for 2 approvals, all checked through the API. (b) and (c) use fresh workspaces, so brand-studio's policy
// and settings never change.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { inBrowser, signIn, shoot, tokenFor, api, PORTAL } from '../lib/portal.js';
import { chooseFromMenu, setSpinner } from '../lib/widgets.js';

const OTHER = 'e2e-elsewhere'; // the workspace of test 03, which the designer is no member of
const RUN = Date.now().toString(36);
let admin;

before(async () => {
    admin = await tokenFor('admin');
    const created = await api(admin, 'POST', '/workspaces',
        { slug: OTHER, name: 'E2E elsewhere', description: 'End-to-end tests: a workspace the designer is no member of' });
    assert.ok([201, 409].includes(created.status), `creating ${OTHER}: ${created.status} ${JSON.stringify(created.body)}`);
});

test('a designer who types the address of a page for other roles gets a 403 page naming the roles it needs', { timeout: 60_000 }, async () => {
    await inBrowser('g1', async ({ page }) => {
        await signIn(page, 'designer');
        for (const id of ['#nav-review', '#nav-compliance', '#nav-admin']) {
            assert.equal(await page.locator(id).count(), 0, `the header offers the designer no ${id}`);
        }

        const pages = { review: ['art-director', 'brand-manager'], compliance: ['compliance'], admin: ['admin'] };
        for (const [name, roles] of Object.entries(pages)) {
            const answer = await page.goto(`${PORTAL}/app/${name}.xhtml`);
            assert.equal(answer.status(), 403, `/app/${name}.xhtml`);
            assert.match(answer.headers()['content-type'], /^text\/html/, `/app/${name}.xhtml answers a page`);
            assert.equal((await page.locator('h1').innerText()).trim(), 'You don\'t have access to this page');
            const needed = (await page.locator('.needed-role').allInnerTexts()).map((s) => s.trim());
            assert.deepEqual(needed, roles, `/app/${name}.xhtml needs ${roles}`);
            await shoot(page, `g1-403-${name}`);
        }
        // the way home works, and the brand kit is open (read only) to a designer
        await Promise.all([page.waitForURL(`${PORTAL}/app/home.xhtml`), page.locator('#go-home').click()]);
        const kit = await page.goto(`${PORTAL}/app/brand-kit.xhtml?ws=brand-studio`);
        assert.equal(kit.status(), 200);
        await page.locator('#read-only-note').waitFor();
        assert.equal(await page.locator('[id="kit-form:save"]').count(), 0, 'no save button for a designer');

        // an API client asking for JSON still gets problem+json for another workspace (cf. 03)
        const answer = await page.evaluate(async (target) => {
            const response = await fetch(target, { headers: { Accept: 'application/json' } });
            return { status: response.status, type: response.headers.get('content-type'), body: await response.json() };
        }, `/api/v1/workspaces/${OTHER}/assets`);
        assert.equal(answer.status, 404, JSON.stringify(answer));
        assert.match(answer.type, /^application\/problem\+json/);
        assert.equal(answer.body.status, 404);
    });
});

test('a brand manager adds a competitor mark, saves a new version, and the test box refuses a prompt with it', { timeout: 90_000 }, async () => {
    const slug = `e2e-kit-${RUN}`;
    const created = await api(admin, 'POST', '/workspaces', { slug, name: 'E2E brand kit', description: 'End-to-end test 07 (brand kit)' });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const member = await api(admin, 'PUT', `/workspaces/${slug}/members/brand-manager`, { role: 'brand-manager' });
    assert.equal(member.status, 200, JSON.stringify(member.body));

    await inBrowser('g2', async ({ page }) => {
        await signIn(page, 'brand-manager');
        await Promise.all([page.waitForURL(/\/app\/brand-kit\.xhtml/), page.locator('#nav-brand-kit').click()]);
        await chooseFromMenu(page, 'ws-form:workspace', slug);
        await page.waitForFunction(() => document.querySelector('#version-number')?.textContent.trim() === '0');

        await page.locator('[id="kit-form:new-colour"]').fill('#E30613');
        await page.locator('[id="kit-form:add-colour"]').click();
        await page.locator('.swatch-hex', { hasText: '#e30613' }).waitFor();
        await page.locator('[id="kit-form:competitor-marks"]').fill('globex\ninitech');
        await page.locator('[id="kit-form:save"]').click();
        await page.waitForFunction(() => document.querySelector('#version-number')?.textContent.trim() === '1');
        assert.match(await page.locator('#policy-version').innerText(), /saved by\s+brand-manager/);
        assert.equal(await page.locator('.policy-history-item').count(), 1);

        await page.locator('[id="test-form:test-prompt"]').fill('a poster with the Globex logo on a red sofa');
        await page.locator('[id="test-form:test"]').click();
        await page.locator('#prompt-refused').waitFor();
        assert.match(await page.locator('#refusing-rule').innerText(), /competitor mark.*globex/i);
        await shoot(page, 'g2-brand-kit-refused');

        await page.locator('[id="test-form:test-prompt"]').fill('a red sofa in a sunny room');
        await page.locator('[id="test-form:test"]').click();
        await page.locator('#prompt-allowed').waitFor();
        assert.match(await page.locator('#effective-prompt').innerText(), /a red sofa in a sunny room/);
    });

    const policy = await api(admin, 'GET', `/workspaces/${slug}/brand-policy`);
    assert.equal(policy.status, 200, JSON.stringify(policy.body));
    assert.equal(policy.body.version, 1);
    assert.equal(policy.body.createdBy, 'brand-manager');
    assert.deepEqual(policy.body.policy.competitorMarks, ['globex', 'initech']);
    assert.deepEqual(policy.body.policy.palette, ['#e30613']);
});

test('an admin creates a workspace, grants designer a role and requires 2 approvals on the admin page', { timeout: 90_000 }, async () => {
    const slug = `e2e-admin-${RUN}`;
    await inBrowser('g3', async ({ page }) => {
        await signIn(page, 'admin');
        await Promise.all([page.waitForURL(`${PORTAL}/app/admin.xhtml`), page.locator('#nav-admin').click()]);

        await page.locator('[id="create-form:new-slug"]').fill(slug);
        await page.locator('[id="create-form:new-name"]').fill('E2E admin page');
        await page.locator('[id="create-form:new-description"]').fill('End-to-end test 07 (admin page)');
        await page.locator('[id="create-form:create"]').click();
        await page.locator('#workspaces .ws-slug', { hasText: slug }).waitFor();
        await page.waitForFunction((s) => document.getElementById('choose-form:workspace_label')?.textContent.trim() === s, slug);

        await page.locator('[id="members-form:member-id"]').fill('designer');
        await chooseFromMenu(page, 'members-form:member-role', 'designer');
        await page.locator('[id="members-form:grant"]').click();
        await page.locator('[id="members-form:members"] .member-id', { hasText: 'designer' }).waitFor();

        await setSpinner(page, 'review-form:required-approvals', 2);
        await page.locator('[id="review-form:save-review"]').click();
        await page.locator('#messages', { hasText: 'now needs 2 approval(s)' }).waitFor();
        await shoot(page, 'g3-admin-page');
    });

    const listed = await api(admin, 'GET', '/workspaces');
    assert.ok(listed.body.some((ws) => ws.slug === slug), `${slug} among the workspaces`);
    const members = await api(admin, 'GET', `/workspaces/${slug}/members`);
    assert.deepEqual(members.body, [{ userId: 'designer', role: 'designer' }]);
    const settings = await api(admin, 'GET', `/workspaces/${slug}/review-settings`);
    assert.equal(settings.body.requiredApprovals, 2, JSON.stringify(settings.body));
    assert.equal(settings.body.selfApprovalAllowed, false);
});
