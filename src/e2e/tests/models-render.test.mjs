// Every model in processes/ opens in bpmn-js (the library inside Camunda Modeler) without import warnings;
// a screenshot of each lands in target/e2e/models/<name>.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchChromium } from './support/browser.mjs';
import { bpmnFiles, e2eDir, processesDir, screenshotDir } from './support/paths.mjs';

const viewerUrl = pathToFileURL(path.join(e2eDir, 'viewer', 'viewer.html')).href;
const modelsDir = path.join(screenshotDir, 'models');
let chromium;

before(async () => {
  fs.mkdirSync(modelsDir, { recursive: true });
  chromium = await launchChromium({ viewport: { width: 2560, height: 1080 } });
});

after(async () => {
  await chromium?.close();
});

test(`processes/ holds the models to render (${processesDir})`, () => {
  assert.ok(bpmnFiles().length > 0, `no .bpmn file in ${processesDir}`);
});

for (const file of bpmnFiles()) {
  const name = path.basename(file, '.bpmn');

  test(`${name}.bpmn renders in bpmn-js without import warnings`, async () => {
    const page = await chromium.context.newPage();
    const pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    try {
      await page.goto(viewerUrl);
      const xml = fs.readFileSync(file, 'utf8');
      const result = await page.evaluate((modelXml) => window.renderModel(modelXml), xml);
      // a window of the diagram's proportions, so a wide model is not a thin strip in the picture
      const width = 2560;
      const height = Math.min(2400, Math.max(480, Math.round(width * (result.height + 60) / (result.width + 60))));
      await page.setViewportSize({ width, height });
      await page.evaluate(() => window.fitModel());
      await page.screenshot({ path: path.join(modelsDir, `${name}.png`) });

      assert.deepEqual(result.warnings, [], `import warnings in ${name}.bpmn`);
      assert.deepEqual(pageErrors, [], `errors in the page while rendering ${name}.bpmn`);
      // the diagram itself: at least the process and one shape beyond the root were drawn
      assert.ok(result.elements > 2, `${name}.bpmn rendered ${result.elements} elements`);
      const labels = await page.locator('.djs-label, .djs-element text').allTextContents();
      assert.ok(labels.some((text) => /[\u4e00-\u9fff]/.test(text)), `no Chinese label drawn for ${name}.bpmn`);
    } finally {
      await page.close();
    }
  });
}
