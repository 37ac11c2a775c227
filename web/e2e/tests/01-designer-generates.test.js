// A designer signs in through Keycloak, finds their workspace, generates with two models side by side and sees
// one column of images per model, every image actually loaded.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { inBrowser, signIn, shoot, PORTAL } from '../lib/portal.js';
import { chooseFromMenu, setSpinner } from '../lib/widgets.js';

const WORKSPACE = 'brand-studio';
const WANTED = ['sdxl', 'flux2'];

test('a designer signs in, generates with sdxl and flux2 and sees the results side by side', { timeout: 120_000 }, async () => {
    await inBrowser('a', async ({ page }) => {
        await signIn(page, 'designer', { screenshot: 'a1-keycloak-login' });

        assert.equal(new URL(page.url()).pathname, '/app/home.xhtml');
        await page.getByRole('heading', { name: 'Your workspaces' }).waitFor();
        const slug = page.locator('.ws-slug', { hasText: new RegExp(`^${WORKSPACE}$`) });
        const row = page.locator('#workspaces tbody tr', { has: slug });
        await row.waitFor();
        assert.equal((await row.locator('.ws-name').innerText()).trim(), 'Brand Studio');
        assert.equal((await row.locator('td').nth(1).innerText()).trim(), 'designer', 'the designer\'s role in the workspace');
        await shoot(page, 'a2-home-workspaces');

        await Promise.all([page.waitForURL(`${PORTAL}/app/generate.xhtml`), page.locator('#nav-generate').click()]);
        await page.getByRole('heading', { name: 'Generate' }).waitFor();

        // PrimeFaces widgets: the real <select>/<input type=checkbox> are hidden; click what a person clicks.
        await chooseFromMenu(page, 'generate-form:workspace', WORKSPACE);
        const boxes = page.locator('[id="generate-form:models"] input[type=checkbox]');
        const offered = await boxes.evaluateAll((inputs) => inputs.map((input) => input.value));
        for (const model of WANTED) assert.ok(offered.includes(model), `model ${model} is offered (got ${offered})`);
        for (const model of offered) {
            const box = page.locator(`[id="generate-form:models"] input[value="${model}"]`);
            if ((await box.isChecked()) !== WANTED.includes(model)) {
                await page.locator(`label[for="${await box.getAttribute('id')}"]`).click();
            }
        }
        for (const model of offered) {
            assert.equal(await page.locator(`[id="generate-form:models"] input[value="${model}"]`).isChecked(),
                WANTED.includes(model), `checkbox of ${model}`);
        }
        const prompt = `a ceramic vase on a linen table, e2e ${randomUUID().slice(0, 8)}`;
        await page.locator('[id="generate-form:prompt"]').fill(prompt);
        await chooseFromMenu(page, 'generate-form:size', '512x512');
        await setSpinner(page, 'generate-form:count', 1);
        await shoot(page, 'a3-generate-form');

        await page.locator('[id="generate-form:generate"]').click();

        // Progress: the job's id and live state appear at once; the page polls until the job is done.
        const state = page.locator('#job-state');
        await page.waitForFunction(() => document.querySelector('#job-state') || location.pathname === '/error',
            null, { timeout: 30_000, polling: 100 });
        if (new URL(page.url()).pathname === '/error') {
            await shoot(page, 'a4-error');
            assert.fail(`Generate ended on the error page: ${await page.locator('body').innerText()}`);
        }
        const jobLine = await page.locator('.job-state').innerText();
        const jobId = jobLine.match(/Job ([0-9a-f-]{36})/)?.[1];
        assert.ok(jobId, `job id in "${jobLine}"`);
        assert.match(await state.innerText(), /QUEUED|RUNNING|SUCCEEDED/);
        await shoot(page, 'a4-job-progress');
        await page.waitForFunction(() => /SUCCEEDED|FAILED|CANCELLED/.test(document.querySelector('#job-state')?.textContent ?? ''),
            null, { timeout: 75_000, polling: 250 });
        assert.equal((await state.innerText()).trim(), 'SUCCEEDED', await page.locator('.job-state').innerText());

        // One column per model, side by side, each with one image that really loaded.
        const columns = page.locator('.comparison .comparison-column');
        assert.equal(await columns.count(), 2);
        assert.deepEqual((await columns.locator('h2').allInnerTexts()).map((s) => s.trim()).sort(), [...WANTED].sort());
        for (let i = 0; i < 2; i++) assert.equal(await columns.nth(i).locator('figure.result img').count(), 1);
        await page.waitForFunction(() => {
            const images = [...document.querySelectorAll('.comparison figure.result img')];
            return images.length === 2 && images.every((img) => img.complete && img.naturalWidth > 0);
        }, null, { timeout: 20_000, polling: 200 });
        const sizes = await page.locator('.comparison figure.result img')
            .evaluateAll((images) => images.map((img) => [img.naturalWidth, img.naturalHeight]));
        assert.deepEqual(sizes, [[512, 512], [512, 512]], 'the PNGs are the 512x512 images asked for');
        const [left, right] = [await columns.nth(0).boundingBox(), await columns.nth(1).boundingBox()];
        assert.ok(Math.abs(left.y - right.y) < 2 && right.x >= left.x + left.width, `columns side by side: ${JSON.stringify([left, right])}`);
        await shoot(page, 'a5-results-side-by-side');

        // The page's job is the one asked for (read through the API with the browser's session cookie).
        const job = await page.evaluate(async (url) => (await fetch(url)).json(),
            `/api/v1/workspaces/${WORKSPACE}/generations/${jobId}`);
        assert.equal(job.state, 'SUCCEEDED');
        assert.equal(job.requester, 'designer');
        assert.equal(job.spec.prompt, prompt);
        assert.deepEqual([...job.spec.models].sort(), [...WANTED].sort());
        assert.deepEqual([job.spec.width, job.spec.height, job.spec.count], [512, 512, 1]);
    });
});
