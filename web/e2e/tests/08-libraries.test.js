// The shared libraries as designers use them: a designer writes a prompt template, saves a second version, rolls
// back, and opens it in Generate; a senior designer creates a LoRA adapter and uploads its .safetensors file; an art
// director publishes the version. Every step through the Libraries page, checked through the API.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inBrowser, signIn, shoot, tokenFor, api, PORTAL } from '../lib/portal.js';
import { chooseFromMenu } from '../lib/widgets.js';

const WORKSPACE = 'brand-studio';
const TAG = randomUUID().slice(0, 8);

/** Opens the Libraries page on the workspace, as a link that names it does (no re-render races with typing). */
async function openLibraries(page) {
    await page.goto(`${PORTAL}/app/libraries.xhtml?ws=${WORKSPACE}`);
    await page.getByRole('heading', { name: 'Libraries' }).waitFor();
    assert.equal((await page.locator('[id="library-form:workspace_label"]').innerText()).trim(), WORKSPACE);
}

function sdxlLora() {
    const module = 'lora_unet_input_blocks_4_1_transformer_blocks_0_attn1_to_q';
    let json = JSON.stringify({
        [`${module}.lora_down.weight`]: { dtype: 'F16', shape: [8, 640], data_offsets: [0, 10240] },
        [`${module}.lora_up.weight`]: { dtype: 'F16', shape: [640, 8], data_offsets: [10240, 20480] },
    });
    json += ' '.repeat((8 - (json.length % 8)) % 8);
    const length = Buffer.alloc(8);
    length.writeBigUInt64LE(BigInt(json.length));
    return Buffer.concat([length, Buffer.from(json, 'utf8'), Buffer.alloc(20480)]);
}

test('a designer writes a prompt template, saves a second version, rolls back and uses it in Generate', { timeout: 120_000 }, async () => {
    const name = `Library e2e ${TAG}`;
    await inBrowser('h', async ({ page }) => {
        await signIn(page, 'designer');
        await openLibraries(page);
        await page.locator('[id="template-form:template-name"]').fill(name);
        await page.locator('[id="template-form:template-text"]').fill('a {product} on a shelf, {mood:calm|bold} light');
        await page.locator('[id="template-form:template-save"]').click();
        await page.getByText(`${name} is now at version 1`).first().waitFor();
        await page.locator('[id="template-form:template-text"]').fill('a {product} on an oak shelf, {mood:calm|bold} light');
        await page.locator('[id="template-form:template-save"]').click();
        await page.getByText(`${name} is now at version 2`).first().waitFor();
        await page.locator('[id="template-form:rollback-to_input"]').fill('1');
        await page.locator('[id="template-form:template-rollback"]').click();
        await page.getByText('Version 3 equals version 1').first().waitFor();
        await shoot(page, 'h1-template-versions');

        const found = await api(await tokenFor('designer'), 'GET',
            `/workspaces/${WORKSPACE}/prompts?sort=recent&size=100`);
        const template = found.body.items.find((t) => t.name === name);
        assert.ok(template, JSON.stringify(found.body));
        assert.equal(template.version, 3);
        assert.equal(template.text, 'a {product} on a shelf, {mood:calm|bold} light');

        const row = page.locator('[id="prompt-form:prompts"] tr', { hasText: name });
        await Promise.all([page.waitForURL(/generate\.xhtml\?ws=brand-studio&template=\d+/), row.locator('a.use-template').click()]);
        await page.locator('.template-variable', { hasText: 'product' }).waitFor();
        assert.equal((await page.locator('[id="generate-form:template_label"]').innerText()).trim(), name);
    });
});

test('a senior designer creates a LoRA and uploads its file, an art director publishes it', { timeout: 120_000 }, async () => {
    const name = `shelf-${TAG}`;
    const dir = await mkdtemp(path.join(tmpdir(), 'atelier-lora-'));
    const file = path.join(dir, `${name}.safetensors`);
    await writeFile(file, sdxlLora());
    await inBrowser('i', async ({ page }) => {
        await signIn(page, 'senior-designer');
        await openLibraries(page);
        await page.locator('[id="lora-form:lora-name"]').fill(name);
        await page.locator('[id="lora-form:lora-trigger"]').fill('shlf');
        await page.locator('[id="lora-form:lora-create"]').click();
        await page.getByText(`LoRA ${name} exists`).first().waitFor();
        await chooseFromMenu(page, 'lora-form:upload-to', `${name} (sdxl)`, { valueIsLabel: false });
        await page.locator('[id="lora-form:lora-file_input"]').setInputFiles(file);
        await page.getByText('(rank 8) is a DRAFT').first().waitFor();
        await shoot(page, 'i1-lora-uploaded');
    });
    await inBrowser('j', async ({ page }) => {
        await signIn(page, 'art-director');
        await openLibraries(page);
        const card = page.locator('.lora-card', { hasText: name });
        await card.locator('a.publish').click();
        await page.getByText('Version 1 can now be used in generations').first().waitFor();
        await shoot(page, 'j1-lora-published');
    });
    const adapters = await api(await tokenFor('designer'), 'GET', `/workspaces/${WORKSPACE}/loras?state=PUBLISHED&sort=recent&size=100`);
    const adapter = adapters.body.items.find((a) => a.name === name);
    assert.ok(adapter, JSON.stringify(adapters.body));
    const details = await api(await tokenFor('designer'), 'GET', `/workspaces/${WORKSPACE}/loras/${adapter.id}`);
    assert.equal(details.body.versions[0].state, 'PUBLISHED', JSON.stringify(details.body));
    assert.equal(details.body.versions[0].rank, 8);
});
