// What the people see: a window clerk works a full-online case (started by the portal, channel WINDOW) in
// Tasklist, the city department then finds its task, a supervisor sees in Cockpit where the case waits, a clerk
// of another district sees none of it, and a process owner's redeployment leaves the case on its version.
// Screenshots go to target/e2e/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launchChromium } from './support/browser.mjs';
import { formsDir, processesDir, screenshotDir } from './support/paths.mjs';
import { rest, startGovflow } from './support/server.mjs';
import { chooseFilter, login, taskEntry } from './support/webapps.mjs';

const MY_TASKS = '我的待办';
// 有无犯罪记录证明开具（内地居民）, a full-online item of the city public security bureau, handed in at the
// Yangpu window (R1) and sent on by the portal; the id number passes the GB 11643 checksum.
const item = { code: '2022-FO-006', name: '有无犯罪记录证明开具（内地居民）' };
const applicant = { type: 'PERSON', name: '张三', idType: 'RESIDENT_ID', idNumber: '310104198001011239' };
let caseNumber;
let applicantIdMasked;

let server;
let processInstanceId;

before(async () => {
  fs.mkdirSync(screenshotDir, { recursive: true });
  server = await startGovflow();
  const started = await rest(server.baseUrl, 'portal', 'demo', 'POST', '/api/applications', {
    itemCode: item.code, channel: 'WINDOW', district: 'yangpu', applicant, situation: 'self',
    materials: [{ code: 'purpose-statement', source: 'UPLOAD' }], delivery: { method: 'E_LICENCE' },
    commitment: false
  });
  caseNumber = started.caseNumber;
  processInstanceId = started.processInstanceId;
  const variable = await rest(server.baseUrl, 'admin', 'admin', 'GET',
    `/engine-rest/process-instance/${processInstanceId}/variables/applicantIdMasked`);
  applicantIdMasked = variable.value;
});

after(async () => {
  await server?.stop();
});

async function openTasks(user) {
  return rest(server.baseUrl, user, 'demo', 'GET',
    `/engine-rest/task?processInstanceBusinessKey=${encodeURIComponent(caseNumber)}`);
}

/** Waits (up to 30 s) until the locator's text matches. */
async function expectText(locator, pattern) {
  const deadline = Date.now() + 30000;
  let text = '';
  while (Date.now() < deadline) {
    text = await locator.innerText().catch(() => '');
    if (pattern.test(text)) {
      return text;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`text ${JSON.stringify(text)} never matched ${pattern}`);
}

async function withBrowser(work) {
  const chromium = await launchChromium({ viewport: { width: 1600, height: 1400 } });
  try {
    const page = await chromium.context.newPage();
    return await work(page);
  } finally {
    await chromium.close();
  }
}

test('window-yangpu finds the case in Tasklist, sees the Chinese receipt form and completes 窗口收件', async () => {
  const [receipt] = await openTasks('window-yangpu');
  assert.equal(receipt?.taskDefinitionKey, 'Task_WindowReceipt');

  await withBrowser(async (page) => {
    await login(page, server.baseUrl, 'tasklist', 'window-yangpu');
    await chooseFilter(page, MY_TASKS);
    // the filter lists the task (its 办件编号 column stays empty: clerks may not read process variables outside the task)
    const entry = taskEntry(page, receipt.id);
    await entry.waitFor();
    assert.equal((await entry.locator('h4.task a').innerText()).trim(), '窗口收件');
    await entry.locator('h4.task a').click();

    // the Camunda Form, in Chinese, with the item and the masked id — never the full id
    const form = page.locator('.task-details .fjs-container');
    await form.waitFor();
    await page.locator('.task-details button', { hasText: /^\s*认领\s*$/ }).click();
    await page.waitForLoadState('networkidle');
    const itemField = form.getByLabel('事项名称');
    await itemField.waitFor();
    assert.equal(await itemField.inputValue(), item.name);
    assert.equal(await form.getByLabel('办件编号').inputValue(), caseNumber);
    const shownId = await form.getByLabel('证件号码（脱敏）').inputValue();
    assert.equal(shownId, applicantIdMasked);
    assert.match(shownId, /\*/);
    assert.ok(!shownId.includes(applicant.idNumber.slice(6, 14)), `the birth date is masked in ${shownId}`);
    assert.doesNotMatch(await page.locator('body').innerText(), new RegExp(applicant.idNumber));
    assert.equal(await form.getByLabel('申请人').inputValue(), applicant.name);

    await form.getByLabel('收件（出具收件凭证）').check();
    await page.screenshot({ path: path.join(screenshotDir, 'tasklist-form.png') });
    await page.locator('.task-details button', { hasText: /^\s*办结\s*$/ }).click();
    await page.locator(`a[href="#/?task=${receipt.id}"]`).waitFor({ state: 'detached' });
  });

  assert.deepEqual(await openTasks('window-yangpu'), [], 'the receipt task is done');
});

test('city-public-security then sees 受理 for the case in Tasklist', async () => {
  const [acceptance] = await openTasks('city-public-security');
  assert.equal(acceptance?.taskDefinitionKey, 'Task_Acceptance');

  await withBrowser(async (page) => {
    await login(page, server.baseUrl, 'tasklist', 'city-public-security');
    await chooseFilter(page, MY_TASKS);
    const entry = taskEntry(page, acceptance.id);
    await entry.waitFor();
    assert.equal((await entry.locator('h4.task a').innerText()).trim(), '受理');
    await entry.locator('h4.task a').click();
    const caseField = page.locator('.task-details .fjs-container').getByLabel('办件编号');
    await caseField.waitFor();
    assert.equal(await caseField.inputValue(), caseNumber);
    await page.screenshot({ path: path.join(screenshotDir, 'tasklist-next-task.png') });
  });
});

test('supervisor opens the running instance in Cockpit and sees it waiting at 受理', async () => {
  const [acceptance] = await openTasks('supervisor');
  assert.equal(acceptance?.taskDefinitionKey, 'Task_Acceptance');
  await withBrowser(async (page) => {
    await login(page, server.baseUrl, 'cockpit', 'supervisor');
    await page.goto(`${server.baseUrl}/camunda/app/cockpit/default/#/process-instance/${processInstanceId}/runtime`);
    await page.waitForLoadState('networkidle');
    // the diagram with a token count on the waiting task, and the activity instance tree naming it
    const waiting = page.locator('[data-element-id="Task_Acceptance"]').first();
    await waiting.waitFor();
    const badge = page.locator('.djs-overlays[data-container-id="Task_Acceptance"] .badge.instance-count');
    await badge.waitFor();
    assert.equal((await badge.innerText()).trim(), '1');
    assert.equal(await page.locator('.djs-overlays .badge.instance-count:visible').count(), 1, 'one token only');
    assert.equal((await page.locator('dd.business-key').innerText()).trim(), caseNumber);
    // the open user task, by name and id
    await page.getByRole('link', { name: '用户待办' }).click();
    const row = page.locator('tr', { hasText: '受理' });
    await row.waitFor();
    assert.match(await row.innerText(), new RegExp(acceptance.id));
    await page.getByRole('link', { name: '用户待办' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(screenshotDir, 'cockpit-instance.png') });
  });
});

test('window-xuhui sees none of it: no task in Tasklist, nothing over REST', async () => {
  const [open] = await rest(server.baseUrl, 'admin', 'admin', 'GET',
    `/engine-rest/task?processInstanceId=${processInstanceId}`);
  assert.ok(open, 'the case has an open task');
  assert.deepEqual(await openTasks('window-xuhui'), []);
  const instances = await rest(server.baseUrl, 'window-xuhui', 'demo', 'GET',
    `/engine-rest/process-instance?businessKey=${encodeURIComponent(caseNumber)}`);
  assert.deepEqual(instances, []);

  await withBrowser(async (page) => {
    await login(page, server.baseUrl, 'tasklist', 'window-xuhui');
    await chooseFilter(page, MY_TASKS);
    // wait until the filter has counted and the list has loaded, then expect both empty
    const counter = page.locator('.task-filter.active .counter');
    await expectText(counter, /^\s*\d+\s*$/);
    assert.equal((await counter.innerText()).trim(), '0');
    await page.locator('section.tasks-list .loader').first().waitFor({ state: 'hidden' });
    await page.waitForLoadState('networkidle');
    assert.equal(await page.locator('.tasks-list li.task').count(), 0);
    await page.getByText('没有符合过滤条件的待办。').waitFor();
    await page.screenshot({ path: path.join(screenshotDir, 'tasklist-other-district.png') });

    // nor by guessing the link of the open task
    await page.goto(`${server.baseUrl}/camunda/app/tasklist/default/#/?task=${open.id}`);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(1000);
    assert.equal(await page.locator('.task-details .fjs-container').count(), 0);
    assert.doesNotMatch(await page.locator('body').innerText(), new RegExp(`${caseNumber}|${item.name}`));
  });
});

test('process-owner deploys over /engine-rest/deployment/create; the running case keeps its version', async () => {
  const auth = `Basic ${Buffer.from('process-owner:demo').toString('base64')}`;
  const body = new FormData();
  body.append('deployment-name', 'full-online-e2e');
  body.append('deployment-source', 'e2e');
  const model = path.join(processesDir, 'full-online.bpmn');
  body.append('full-online.bpmn', new Blob([fs.readFileSync(model)]), 'full-online.bpmn');
  for (const name of fs.readdirSync(formsDir).filter((file) => file.endsWith('.form'))) {
    body.append(name, new Blob([fs.readFileSync(path.join(formsDir, name))]), name);
  }
  const response = await fetch(`${server.baseUrl}/engine-rest/deployment/create`,
    { method: 'POST', headers: { Authorization: auth }, body });
  assert.equal(response.status, 200, await response.clone().text());
  const deployed = Object.values((await response.json()).deployedProcessDefinitions);
  assert.equal(deployed.length, 1);

  const instance = await rest(server.baseUrl, 'admin', 'admin', 'GET',
    `/engine-rest/process-instance/${processInstanceId}`);
  assert.notEqual(instance.definitionId, deployed[0].id, 'the running case stays on the version it started with');
  const latest = await rest(server.baseUrl, 'admin', 'admin', 'GET',
    '/engine-rest/process-definition/key/FullOnlineProcess');
  assert.equal(latest.id, deployed[0].id, 'new cases start on the deployed version');
  const [task] = await openTasks('city-public-security');
  assert.equal(task?.taskDefinitionKey, 'Task_Acceptance', 'the case still waits where it waited');
});
