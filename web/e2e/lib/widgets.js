// Driving PrimeFaces widgets the way a person does: the real <select>/<input> are hidden behind styled parts.
import assert from 'node:assert/strict';

/**
 * Picks an option of a PrimeFaces selectOneMenu by its label, the way a person does: open, click. A click that lands
 * while the overlay is still animating can be swallowed, so a person (and this helper) looks and tries again.
 */
export async function chooseFromMenu(page, id, label, { valueIsLabel = true } = {}) {
    const shown = page.locator(`[id="${id}_label"]`);
    const panel = page.locator(`[id="${id}_panel"]`);
    for (let attempt = 1; attempt <= 3 && (await shown.innerText()).trim() !== label; attempt++) {
        if (!(await panel.isVisible())) await shown.click();
        await panel.waitFor({ state: 'visible' });
        await panel.locator(`li[data-label="${label}"]`).click();
        await page.waitForFunction(([labelId, text]) => document.getElementById(labelId)?.textContent.trim() === text,
            [`${id}_label`, label], { timeout: 4_000 }).catch(() => {});
    }
    assert.equal((await shown.innerText()).trim(), label, `menu ${id} shows ${label}`);
    if (await panel.isVisible()) await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'hidden' });
    if (valueIsLabel) assert.equal(await page.locator(`[id="${id}_input"]`).inputValue(), label);
    // a choice usually fires an ajax update of the page: typing into a field before it has landed loses the text
    await page.waitForFunction(() => !window.PrimeFaces || PrimeFaces.ajax.Queue.isEmpty());
}

/** Steps a PrimeFaces spinner to a value with its arrow buttons, as a person would. */
export async function setSpinner(page, id, value) {
    const input = page.locator(`[id="${id}_input"]`);
    for (let clicks = 0; clicks < 20; clicks++) {
        const current = Number(await input.inputValue());
        if (current === value) return;
        await page.locator(`[id="${id}-${current > value ? 'decrease' : 'increase'}"]`).click();
    }
    assert.equal(Number(await input.inputValue()), value, `spinner ${id}`);
}

/** Ticks the boxes of a PrimeFaces selectManyCheckbox whose values are WANTED and unticks the others. */
export async function tickExactly(page, id, wanted) {
    const boxes = page.locator(`[id="${id}"] input[type=checkbox]`);
    const offered = await boxes.evaluateAll((inputs) => inputs.map((input) => input.value));
    for (const value of wanted) assert.ok(offered.includes(value), `${id} offers ${value} (got ${offered})`);
    for (const value of offered) {
        const box = page.locator(`[id="${id}"] input[value="${value}"]`);
        if ((await box.isChecked()) !== wanted.includes(value)) {
            await page.locator(`label[for="${await box.getAttribute('id')}"]`).click();
        }
        assert.equal(await box.isChecked(), wanted.includes(value), `checkbox ${value} of ${id}`);
    }
    return offered;
}
