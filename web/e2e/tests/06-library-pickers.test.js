// A designer generates from a prompt template with its variables and a published LoRA at a chosen weight, picked on
// the Generate page; the job records the template version and the LoRA version the library pinned. The template and
// the LoRA are made through the API first, as the senior designer and the art director would.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { inBrowser, signIn, shoot, tokenFor, api, PORTAL } from '../lib/portal.js';
import { chooseFromMenu, setSpinner, tickExactly } from '../lib/widgets.js';

const WORKSPACE = 'brand-studio';
const TAG = randomUUID().slice(0, 8);
const LORA = `e2e-linen-${TAG}`;
const TEMPLATE = `E2E tote ${TAG}`;

/** A rank-4 SDXL LoRA in kohya's naming: a real safetensors layout with zero weights. */
function sdxlLora() {
    const module = 'lora_unet_input_blocks_4_1_transformer_blocks_0_attn1_to_q';
    const header = {
        [`${module}.lora_down.weight`]: { dtype: 'F16', shape: [4, 640], data_offsets: [0, 5120] },
        [`${module}.lora_up.weight`]: { dtype: 'F16', shape: [640, 4], data_offsets: [5120, 10240] },
        [`${module}.alpha`]: { dtype: 'F32', shape: [], data_offsets: [10240, 10244] },
    };
    let json = JSON.stringify(header);
    json += ' '.repeat((8 - (json.length % 8)) % 8);
    const length = Buffer.alloc(8);
    length.writeBigUInt64LE(BigInt(json.length));
    return Buffer.concat([length, Buffer.from(json, 'utf8'), Buffer.alloc(10244)]);
}

test('a designer picks a prompt template and a LoRA with its weight, and the job records both versions', { timeout: 150_000 }, async () => {
    const senior = await tokenFor('senior-designer');
    const adapter = await api(senior, 'POST', `/workspaces/${WORKSPACE}/loras`,
        { name: LORA, triggerWord: 'lnntx', family: 'sdxl', description: 'e2e linen texture' });
    assert.equal(adapter.status, 201, JSON.stringify(adapter.body));
    const upload = await fetch(`${PORTAL}/api/v1/workspaces/${WORKSPACE}/loras/${adapter.body.id}/versions`, {
        method: 'POST', body: sdxlLora(),
        headers: { Authorization: `Bearer ${senior}`, 'Content-Type': 'application/octet-stream' },
    });
    assert.equal(upload.status, 201, await upload.text());
    const published = await api(await tokenFor('art-director'), 'POST',
        `/workspaces/${WORKSPACE}/loras/${adapter.body.id}/versions/1/publish`);
    assert.equal(published.status, 200, JSON.stringify(published.body));
    const template = await api(await tokenFor('designer'), 'POST', `/workspaces/${WORKSPACE}/prompts`,
        { name: TEMPLATE, text: 'lnntx, a {product} tote bag, {season:spring|summer} light', tags: ['e2e'] });
    assert.equal(template.status, 201, JSON.stringify(template.body));

    await inBrowser('g', async ({ page }) => {
        await signIn(page, 'designer');
        await Promise.all([page.waitForURL(`${PORTAL}/app/generate.xhtml`), page.locator('#nav-generate').click()]);
        await chooseFromMenu(page, 'generate-form:workspace', WORKSPACE);
        await tickExactly(page, 'generate-form:models', ['sdxl']);
        await chooseFromMenu(page, 'generate-form:size', '512x512');
        await setSpinner(page, 'generate-form:count', 1);

        await chooseFromMenu(page, 'generate-form:template', TEMPLATE, { valueIsLabel: false });
        const product = page.locator('.template-variable', { hasText: 'product' }).locator('input.variable-text');
        await product.waitFor();
        await product.fill('linen');
        const season = page.locator('.template-variable', { hasText: 'season' }).locator('.variable-choice');
        await chooseFromMenu(page, await season.getAttribute('id'), 'summer');

        const pick = page.locator('.lora-pick', { hasText: LORA });
        await pick.locator('.ui-chkbox-box').click();
        await page.locator(`[title="weight of ${LORA}"]`).fill('0.65');
        await shoot(page, 'g1-template-and-lora');

        await page.locator('[id="generate-form:generate"]').click();
        await page.waitForFunction(() => /SUCCEEDED|FAILED|CANCELLED/.test(document.querySelector('#job-state')?.textContent ?? ''),
            null, { timeout: 75_000, polling: 250 });
        const jobId = (await page.locator('.job-state').innerText()).match(/Job ([0-9a-f-]{36})/)[1];
        assert.equal((await page.locator('#job-state').innerText()).trim(), 'SUCCEEDED');

        const job = await page.evaluate(async (url) => (await fetch(url)).json(),
            `/api/v1/workspaces/${WORKSPACE}/generations/${jobId}`);
        assert.equal(job.spec.prompt, 'lnntx, a linen tote bag, summer light');
        assert.equal(job.spec.template.templateId, template.body.id);
        assert.equal(job.spec.template.version, 1);
        assert.equal(job.spec.loras.length, 1);
        assert.equal(job.spec.loras[0].name, LORA);
        assert.ok(Math.abs(job.spec.loras[0].weight - 0.65) < 1e-6, `weight ${job.spec.loras[0].weight}`);
        assert.equal(job.spec.loras[0].version, 1);
        assert.match(job.spec.loras[0].sha256, /^[0-9a-f]{64}$/);

        await page.locator('[id="progress:reuse"]').click();
        await page.getByText(`The form holds job ${jobId}'s settings again`).waitFor();
        assert.equal((await page.locator('[id="generate-form:seed_input"]').inputValue()).replace(/\D/g, ''),
            String(job.spec.seed));
        await shoot(page, 'g2-results-and-reuse');
    });
});
