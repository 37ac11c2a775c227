// The review story across roles, in the order people live it: a designer generates with two models side by side and
// submits one result to the art director; the art director asks for changes; the designer resubmits from the asset
// page; the art director approves with a keyboard shortcut; the designer reads the decision in the inbox; compliance
// finds the asset in the audit trail, verifies the chain, exports the entries, downloads the approved image and
// verifies its Content Credentials. The tests share the asset the first one creates (and nothing else).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { inBrowser, signIn, shoot, PORTAL } from '../lib/portal.js';
import { chooseFromMenu, setSpinner, tickExactly } from '../lib/widgets.js';

const WORKSPACE = 'brand-studio';
const TAG = randomUUID().slice(0, 8);
const TITLE = `Spring vase, e2e ${TAG}`;
let assetId; // the result the designer submits (one the stand-in safety check let through)

/** Reads an asset through the API with the page's session cookie. */
async function assetState(page, id) {
    return page.evaluate(async (url) => (await (await fetch(url)).json()).state,
        `/api/v1/workspaces/${WORKSPACE}/assets/${id}`);
}

async function openReviewQueue(page) {
    await Promise.all([page.waitForURL(`${PORTAL}/app/review.xhtml`), page.locator('#nav-review').click()]);
    await page.getByRole('heading', { name: 'Review queue' }).waitFor();
    await chooseFromMenu(page, 'queue-form:workspace', WORKSPACE);
    const item = page.locator(`li.queue-item[data-asset="${assetId}"]`);
    await item.waitFor();
    await item.locator('.open-item').click();
    await page.waitForFunction((id) => document.querySelector('.viewer .asset-id')?.textContent.trim() === id, assetId);
    return item;
}

test('a designer generates with sdxl and flux2 side by side and submits a result to the art director', { timeout: 120_000 }, async () => {
    await inBrowser('e1', async ({ page }) => {
        await signIn(page, 'designer');
        await Promise.all([page.waitForURL(`${PORTAL}/app/generate.xhtml`), page.locator('#nav-generate').click()]);
        await chooseFromMenu(page, 'generate-form:workspace', WORKSPACE);
        await tickExactly(page, 'generate-form:models', ['sdxl', 'flux2']);
        await chooseFromMenu(page, 'generate-form:size', '512x512');
        await setSpinner(page, 'generate-form:count', 1);
        // The CPU server's stand-in safety classifier blocks some images by their colours; a blocked image can
        // never be submitted, so the designer submits one that passed (and renders again if none did).
        let sdxl;
        for (let attempt = 1; attempt <= 4 && !sdxl; attempt++) {
            await page.locator('[id="generate-form:prompt"]').fill(`a ceramic vase in spring light, e2e ${TAG} ${attempt}`);
            await page.locator('[id="generate-form:seed_input"]').fill('');
            const previous = (await page.locator('.job-state').count()) > 0
                ? (await page.locator('.job-state').innerText()).match(/Job ([0-9a-f-]{36})/)?.[1] ?? '' : '';
            await page.locator('[id="generate-form:generate"]').click();
            await page.waitForFunction((prev) => {
                const line = document.querySelector('.job-state')?.textContent ?? '';
                const job = line.match(/Job ([0-9a-f-]{36})/)?.[1];
                return job && job !== prev
                    && /SUCCEEDED|FAILED|CANCELLED/.test(document.querySelector('#job-state')?.textContent ?? '');
            }, previous, { timeout: 75_000, polling: 250 });
            assert.equal((await page.locator('#job-state').innerText()).trim(), 'SUCCEEDED');
            const columns = page.locator('.comparison .comparison-column');
            assert.equal(await columns.count(), 2, 'one column per model');
            const submittable = page.locator('.comparison figure.result', { has: page.locator('.submit-one') });
            if (await submittable.count() > 0) sdxl = submittable.first();
        }
        assert.ok(sdxl, 'a result the safety check passed');
        assetId = await sdxl.getAttribute('data-asset');
        assert.match(assetId, /^[0-9a-f-]{36}$/);

        await sdxl.locator('.submit-one').click();
        const dialog = page.locator('[id="submit-dialog"]');
        await dialog.waitFor({ state: 'visible' });
        await page.locator('[id="submit-form:title"]').fill(TITLE);
        const reviewers = await tickExactly(page, 'submit-form:reviewers', ['art-director']);
        assert.ok(!reviewers.includes('designer'), `the designer is no reviewer candidate (${reviewers})`);
        // typed (the calendar opens only from its button, so typing stays plain typing)
        await page.locator('[id="submit-form:dueOn_input"]').fill('2030-12-31');
        assert.ok(!(await page.locator('[id="submit-form:dueOn_panel"]').isVisible()), 'no calendar in the way');
        assert.equal(await page.locator('[id="submit-form:dueOn_input"]').inputValue(), '2030-12-31');
        await shoot(page, 'e1-submit-dialog');
        await page.locator('[id="submit-form:send"]').click();

        await dialog.waitFor({ state: 'hidden' });
        await page.locator('[id="results-messages"]', { hasText: 'Submitted for review' }).waitFor();
        assert.match(await page.locator('[id="results-messages"]').innerText(), /sent to art-director/);
        await page.locator(`figure.result[data-asset="${assetId}"] .state`, { hasText: 'IN_REVIEW' }).waitFor();
        assert.equal(await page.locator(`figure.result[data-asset="${assetId}"] .submit-one`).count(), 0,
            'no submit action on an image in review');
        assert.equal(await assetState(page, assetId), 'IN_REVIEW');
        await shoot(page, 'e1-submitted');
    });
});

test('the art director asks for changes, the designer resubmits, the art director approves, the designer is told', { timeout: 120_000 }, async () => {
    assert.ok(assetId, 'the first test submitted an asset');
    await inBrowser('e2', async ({ page }) => {
        await signIn(page, 'art-director');
        const item = await openReviewQueue(page);
        assert.match(await item.innerText(), new RegExp(`${TITLE}[\\s\\S]*by designer[\\s\\S]*due 2030-12-31`));
        assert.match(await page.locator('.viewer .asset-prompt').innerText(), new RegExp(TAG));

        // Asking for changes needs a reason: the message stands next to the comment field.
        await page.locator('[id="decision-form:request-changes"]').click();
        const fieldMessage = page.locator('[id="decision-form"] .ui-message-error', { hasText: 'comment is required' });
        await fieldMessage.waitFor();
        await shoot(page, 'e2-comment-required');
        await page.locator('[id="decision-form:comment"]').fill(`Warmer light, please (${TAG})`);
        await page.locator('[id="decision-form:request-changes"]').click();
        await item.waitFor({ state: 'detached' });
        assert.equal(await assetState(page, assetId), 'CHANGES_REQUESTED');
    });

    await inBrowser('e3', async ({ page }) => {
        await signIn(page, 'designer');
        await page.goto(`${PORTAL}/app/asset.xhtml?ws=${WORKSPACE}&id=${assetId}`);
        await page.locator('#asset-state', { hasText: 'CHANGES_REQUESTED' }).waitFor();
        assert.match(await page.locator('.decisions').innerText(), new RegExp(`art-director[\\s\\S]*REQUEST_CHANGES[\\s\\S]*Warmer light, please \\(${TAG}\\)`));
        await page.locator('[id="comment-form:comment-text"]').fill(`@art-director warmer light now, ${TAG}`);
        await page.locator('[id="comment-form:add-comment"]').click();
        await page.locator('.comments .comment-body', { hasText: `warmer light now, ${TAG}` }).waitFor();
        await page.locator('[id="actions-form:resubmit"]').click();
        await page.locator('#asset-state', { hasText: 'IN_REVIEW' }).waitFor();
        await shoot(page, 'e3-resubmitted');
    });

    await inBrowser('e4', async ({ page }) => {
        await signIn(page, 'art-director');
        const item = await openReviewQueue(page);
        assert.match(await page.locator('.viewer .comments').innerText(), new RegExp(`warmer light now, ${TAG}`));
        // The keyboard shortcut documented on the page: a approves the asset in the viewer.
        await page.getByRole('heading', { name: 'Review queue' }).click();
        await page.keyboard.press('a');
        await item.waitFor({ state: 'detached' });
        await page.locator('#messages', { hasText: 'is now APPROVED' }).waitFor();
        assert.equal(await assetState(page, assetId), 'APPROVED');
        await shoot(page, 'e4-approved');
    });

    await inBrowser('e5', async ({ page }) => {
        await signIn(page, 'designer');
        assert.ok(Number(await page.locator('#unread-count').innerText()) > 0, 'the header counts unread notices');
        await Promise.all([page.waitForURL(`${PORTAL}/app/inbox.xhtml`), page.locator('#nav-inbox').click()]);
        const notice = page.locator(`li.notice.unread[data-kind="DECISION_MADE"][data-subject="${assetId}"]`,
            { hasText: `art-director approved an asset of '${TITLE}'` });
        await notice.waitFor();
        const texts = await page.locator('li.notice .notice-message').allInnerTexts();
        assert.ok(texts.indexOf(texts.find((t) => t.includes('approved an asset of'))) <
            texts.indexOf(texts.find((t) => t.includes(`requested changes to an asset of '${TITLE}'`))), 'newest first');
        await shoot(page, 'e5-inbox');
        await notice.locator('.mark-read').click();
        const read = page.locator(`li.notice.read[data-kind="DECISION_MADE"][data-subject="${assetId}"]`,
            { hasText: 'approved an asset of' });
        await read.waitFor();
        await Promise.all([page.waitForURL(/\/app\/asset\.xhtml/), read.locator('.open-notice').click()]);
        await page.locator('#asset-state', { hasText: 'APPROVED' }).waitFor();
        assert.ok(await page.locator('#export').isVisible(), 'an approved asset offers its download');
        await shoot(page, 'e5-asset-approved');
    });
});

test('compliance finds the asset in the audit trail, verifies the chain, exports it and verifies the image', { timeout: 120_000 }, async () => {
    assert.ok(assetId, 'the first test submitted an asset');
    await inBrowser('e6', async ({ page }) => {
        await signIn(page, 'compliance');
        await Promise.all([page.waitForURL(`${PORTAL}/app/compliance.xhtml`), page.locator('#nav-compliance').click()]);

        await page.locator('[id="audit-form:subject"]').fill(assetId);
        await chooseFromMenu(page, 'audit-form:workspace', WORKSPACE);
        await page.locator('[id="audit-form:search"]').click();
        await page.waitForFunction((id) => {
            const subjects = [...document.querySelectorAll('.audit-entries .entry-subject')].map((s) => s.textContent);
            return subjects.length > 0 && subjects.every((s) => s.includes(id));
        }, assetId);
        const actions = await page.locator('.audit-entries .entry-action').allInnerTexts();
        for (const action of ['asset.submitted', 'asset.changes-requested', 'asset.resubmitted', 'asset.approved']) {
            assert.ok(actions.includes(action), `${action} among ${actions}`);
        }

        await page.locator('[id="audit-form:verify"]').click();
        await page.locator('#chain-intact').waitFor();
        assert.match(await page.locator('#chain-intact').innerText(), /Chain intact/);
        await shoot(page, 'e6-audit-search-verified');

        const csvHref = await page.locator('#export-csv').getAttribute('href');
        assert.match(csvHref, new RegExp(`subjectId=${assetId}`));
        const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#export-csv').click()]);
        const csv = await readFile(await download.path(), 'utf8');
        const lines = csv.trim().split(/\r\n/);
        assert.ok(lines[0].startsWith('id,chain,sequence'), lines[0]);
        assert.ok(lines.length - 1 >= 4 && lines.slice(1).every((line) => line.includes(assetId)), csv);
        const json = await page.evaluate(async (href) => (await fetch(href)).json(),
            await page.locator('#export-json').getAttribute('href'));
        assert.ok(json.some((entry) => entry.action === 'asset.approved' && entry.subjectId === assetId));

        // The approved image, downloaded the way the asset page's button does, then checked for provenance.
        const image = Buffer.from(await page.evaluate(async (url) => {
            const answer = await fetch(url);
            if (!answer.ok) throw new Error(`${url}: ${answer.status}`);
            return [...new Uint8Array(await answer.arrayBuffer())];
        }, `/api/v1/workspaces/${WORKSPACE}/assets/${assetId}/export`));
        assert.equal(image.subarray(1, 4).toString('latin1'), 'PNG');
        await page.locator('[id="provenance-form:file_input"]').setInputFiles(
            { name: `approved-${TAG}.png`, mimeType: 'image/png', buffer: image });
        await page.locator('#verdict-panel').waitFor({ timeout: 30_000 });
        assert.equal((await page.locator('#verdict-word').innerText()).trim(), 'VALID');
        assert.equal((await page.locator('#matching-asset').innerText()).trim(), assetId);
        assert.match(await page.locator('#verdict-panel').innerText(), /exact copy/);
        assert.match(await page.locator('#generation').innerText(), /sdxl|flux2/);
        await shoot(page, 'e6-provenance-valid');
    });
});
