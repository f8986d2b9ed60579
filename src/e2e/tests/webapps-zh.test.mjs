// The webapps in Chinese, branded, without Camunda's end-of-life banner (issue 19): a window clerk and a
// department reviewer walk Tasklist (filters, list, form, claim, complete), a supervisor walks Cockpit (dashboard,
// processes, an instance) and opens the plugin 办件查询 / 办件时间线 on the case after it ended. Every page is
// checked against ENGLISH_UI below. The browser runs in Asia/Shanghai. Screenshots go to target/e2e/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launchChromium } from './support/browser.mjs';
import { screenshotDir } from './support/paths.mjs';
import { rest, startGovflow } from './support/server.mjs';
import { chooseFilter, login, taskEntry } from './support/webapps.mjs';

const PRODUCT = '一网通办 · 政务服务工作台';
const PROCESS_NAME = '全程网办';

// English words and phrases of the Camunda UI that must not show once the locale is Chinese. Product names
// (Camunda, Camunda Platform, BPMN, DMN) and the language switch's "English" are not in it.
const ENGLISH_UI = [
  'Log in', 'Log out', 'Username', 'Password', 'My profile', 'Claim', 'Unclaim', 'Complete', 'Save', 'Cancel',
  'Set follow-up date', 'Set due date', 'Follow-up', 'Due date', 'Created', 'Sort by', 'Form', 'History',
  'Diagram', 'Description', 'Keyboard Shortcuts', 'Create task', 'Start process', 'Filter Tasks',
  'Date and Time displayed in local timezone', 'Powered by', 'Dashboard', 'Processes', 'Decisions',
  'Human Tasks', 'More', 'Deployments', 'Batches', 'Running Instances', 'Running Process Instances',
  'Open Incidents', 'Incidents', 'Process Definitions', 'Definition', 'Version', 'Instance ID', 'Business Key',
  'User Tasks', 'Variables', 'Called Process Instances', 'Job Definitions', 'External Tasks', 'Add criteria',
  'Loading', 'Assignee', 'Owner', 'Tasks', 'Task', 'Welcome', 'It is time to migrate', 'Right Now', 'Deployed',
  'Name', 'Value', 'Type', 'Scope', 'Activity', 'State', 'Start Time', 'End Time', 'Search'
];

// 有无犯罪记录证明开具（内地居民）, a full-online item of the city public security bureau, applied for at the
// Yangpu window and sent on by the portal (as in tasklist.test.mjs).
const application = {
  itemCode: '2022-FO-006', channel: 'WINDOW', district: 'yangpu',
  applicant: { type: 'PERSON', name: '李四', idType: 'RESIDENT_ID', idNumber: '310104198001011239' },
  situation: 'self', materials: [{ code: 'purpose-statement', source: 'UPLOAD' }],
  delivery: { method: 'E_LICENCE' }, commitment: false
};
const NOT_ACCEPTED_REASON = '申请人不属于本事项的申请对象（演示）';

let server;
let caseNumber;
let processInstanceId;

before(async () => {
  fs.mkdirSync(screenshotDir, { recursive: true });
  server = await startGovflow();
  const started = await rest(server.baseUrl, 'portal', 'demo', 'POST', '/api/applications', application);
  caseNumber = started.caseNumber;
  processInstanceId = started.processInstanceId;
});

after(async () => {
  await server?.stop();
});

async function openTasks(user) {
  return rest(server.baseUrl, user, 'demo', 'GET',
    `/engine-rest/task?processInstanceBusinessKey=${encodeURIComponent(caseNumber)}`);
}

async function withBrowser(work) {
  const chromium = await launchChromium({ viewport: { width: 1600, height: 1000 }, timezoneId: 'Asia/Shanghai' });
  try {
    const page = await chromium.context.newPage();
    return await work(page);
  } finally {
    await chromium.close();
  }
}

/** The visible text of the page has no word of ENGLISH_UI and no end-of-life banner. */
async function assertChinese(page, where) {
  await page.waitForLoadState('networkidle');
  const text = await page.locator('body').innerText();
  const english = ENGLISH_UI.filter((phrase) => new RegExp(`(^|[^A-Za-z_])${phrase}([^A-Za-z_]|$)`).test(text));
  assert.deepEqual(english, [], `English UI words on ${where}:\n${text}`);
  assert.equal(await page.locator('.ce-eol-banner:visible').count(), 0, `no end-of-life banner on ${where}`);
  assert.doesNotMatch(text, /Camunda 8/, `no migration notice on ${where}`);
}

/** The product name is in the header and the page title. */
async function assertBranded(page, where) {
  const brand = page.locator('.navbar-brand .brand-name');
  await brand.waitFor();
  assert.equal((await brand.innerText()).trim(), PRODUCT, `header on ${where}`);
  assert.match(await page.title(), new RegExp(PRODUCT), `page title on ${where}`);
}

/** A time as the webapps show it in Shanghai: YYYY-MM-DD HH:mm. */
function shanghaiTime(isoWithOffset) {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit',
    minute: '2-digit', hourCycle: 'h23'
  }).formatToParts(new Date(isoWithOffset.replace(/([+-]\d\d)(\d\d)$/, '$1:$2'))).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

async function claimAndOpen(page, task, name) {
  const entry = taskEntry(page, task.id);
  await entry.waitFor();
  assert.equal((await entry.locator('h4.task a').innerText()).trim(), name);
  await entry.locator('h4.task a').click();
  const form = page.locator('.task-details .fjs-container');
  await form.waitFor();
  await page.locator('.task-details button', { hasText: /^\s*认领\s*$/ }).click();
  await page.locator('.task-details button', { hasText: /^\s*办结\s*$/ }).waitFor();
  await page.waitForLoadState('networkidle');
  return form;
}

test('the login page is Chinese and branded; English can be chosen', async () => {
  await withBrowser(async (page) => {
    const form = page.locator('form[name=signinForm]');
    // the first page after start-up may take a while on a busy machine: one more try
    for (let attempt = 1; ; attempt++) {
      await page.goto(`${server.baseUrl}/camunda/app/tasklist/`);
      await page.waitForLoadState('networkidle');
      try {
        await form.waitFor({ timeout: 60000 });
        break;
      } catch (error) {
        if (attempt === 2) {
          throw error;
        }
      }
    }
    assert.match(await page.locator('.form-signin .app-name').innerText(), /政务服务工作台/);
    assert.equal(await form.locator('button[type=submit]').innerText().then((t) => t.trim()), '登录');
    assert.match(await page.title(), new RegExp(PRODUCT));
    await assertChinese(page, 'the login page');
    await page.screenshot({ path: path.join(screenshotDir, 'login-zh.png') });

    // English stays selectable: the footer switch, kept for the browser
    await page.locator('.govflow-language a', { hasText: 'English' }).click();
    await page.locator('form[name=signinForm] button[type=submit]', { hasText: 'Log in' }).waitFor();
    await page.locator('.govflow-language a', { hasText: '中文' }).click();
    await page.locator('form[name=signinForm] button[type=submit]', { hasText: '登录' }).waitFor();
  });
});

test('window-yangpu walks Tasklist in Chinese: filters, list, form, claim, complete 窗口收件', async () => {
  const [receipt] = await openTasks('window-yangpu');
  assert.equal(receipt?.taskDefinitionKey, 'Task_WindowReceipt');

  await withBrowser(async (page) => {
    await login(page, server.baseUrl, 'tasklist', 'window-yangpu');
    await assertBranded(page, 'Tasklist');
    // govflow's filters, and no way to start a process or create a task
    await page.locator('.task-filter .name a').first().waitFor();
    const filters = (await page.locator('.task-filter .name a').allInnerTexts()).map((n) => n.trim());
    assert.ok(filters.includes('我的待办'), `filters: ${filters}`);
    assert.equal(await page.locator('.start-process-action:visible, .create-task-action:visible').count(), 0);
    await chooseFilter(page, '我的待办');
    await assertChinese(page, 'the Tasklist list');

    const form = await claimAndOpen(page, receipt, '窗口收件');
    assert.equal(await form.getByLabel('办件编号').inputValue(), caseNumber);
    for (const label of ['表单', '办理记录', '流程图', '说明', '设置跟进日期', '设置截止日期']) {
      await page.locator('.task-details').getByText(label, { exact: true }).first().waitFor();
    }
    await assertChinese(page, 'the Tasklist form');
    // the footer names the browser's zone: the webapps show times in Asia/Shanghai
    assert.match(await page.locator('#footer-timezone').innerText(), /日期时间按本地时区显示：\s*Asia\/Shanghai/);
    await page.screenshot({ path: path.join(screenshotDir, 'tasklist-zh.png') });

    await form.getByLabel('收件（出具收件凭证）').check();
    await page.locator('.task-details button', { hasText: /^\s*办结\s*$/ }).click();
    await page.locator(`a[href="#/?task=${receipt.id}"]`).waitFor({ state: 'detached' });
  });
  assert.deepEqual(await openTasks('window-yangpu'), [], 'the receipt task is done');
});

test('supervisor walks Cockpit in Chinese: dashboard, processes, the running instance in Shanghai time', async () => {
  const [acceptance] = await openTasks('supervisor');
  assert.equal(acceptance?.taskDefinitionKey, 'Task_Acceptance');

  await withBrowser(async (page) => {
    await login(page, server.baseUrl, 'cockpit', 'supervisor');
    await assertBranded(page, 'Cockpit');
    await page.getByText('运行中的流程实例').first().waitFor();
    await page.locator('a', { hasText: '办件查询' }).first().waitFor();
    await assertChinese(page, 'the Cockpit dashboard');
    await page.screenshot({ path: path.join(screenshotDir, 'cockpit-dashboard-zh.png') });

    await page.goto(`${server.baseUrl}/camunda/app/cockpit/default/#/processes`);
    await page.getByText('个流程定义已部署').first().waitFor();
    await page.getByText(PROCESS_NAME).first().waitFor();
    await assertChinese(page, 'Cockpit processes');
    await page.screenshot({ path: path.join(screenshotDir, 'cockpit-processes-zh.png') });

    await page.goto(`${server.baseUrl}/camunda/app/cockpit/default/#/process-instance/${processInstanceId}/runtime`);
    await page.locator('[data-element-id="Task_Acceptance"]').first().waitFor();
    await page.getByRole('link', { name: '用户待办' }).click();
    const row = page.locator('tr', { hasText: acceptance.id });
    await row.waitFor();
    assert.match(await row.innerText(), new RegExp(shanghaiTime(acceptance.created)),
      `the task's creation time (${acceptance.created}) in Shanghai time`);
    await assertChinese(page, 'a Cockpit instance');
    await page.screenshot({ path: path.join(screenshotDir, 'cockpit-instance-zh.png') });

    // the running instance links to its timeline
    const link = page.locator('a.govflow-timeline-link');
    await link.waitFor();
    await page.waitForFunction(() => document.querySelector('a.govflow-timeline-link')?.getAttribute('href'));
    await link.click();
    await page.locator('.govflow-detail h3', { hasText: caseNumber }).waitFor();
    assert.match(await page.locator('.govflow-detail').innerText(), /受理[\s\S]*办理中/);
  });
});

test('city-public-security walks Tasklist in Chinese and does not accept the case (不予受理)', async () => {
  const [acceptance] = await openTasks('city-public-security');
  assert.equal(acceptance?.taskDefinitionKey, 'Task_Acceptance');

  await withBrowser(async (page) => {
    await login(page, server.baseUrl, 'tasklist', 'city-public-security');
    await chooseFilter(page, '我的待办');
    const form = await claimAndOpen(page, acceptance, '受理');
    assert.equal(await form.getByLabel('办件编号').inputValue(), caseNumber);
    await assertChinese(page, 'the reviewer\'s Tasklist form');
    await form.getByLabel('不予受理').check();
    await form.getByLabel('不予受理理由').fill(NOT_ACCEPTED_REASON);
    await page.screenshot({ path: path.join(screenshotDir, 'tasklist-reviewer-zh.png') });
    await page.locator('.task-details button', { hasText: /^\s*办结\s*$/ }).click();
    await page.locator(`a[href="#/?task=${acceptance.id}"]`).waitFor({ state: 'detached' });
  });
  assert.deepEqual(await openTasks('supervisor'), [], 'the case has ended');
  // the applicant rates the ended case through the portal
  await rest(server.baseUrl, 'portal', 'demo', 'POST', `/api/applications/${caseNumber}/rating`,
    { score: 2, comment: '材料要求没有提前说清楚', channel: 'PC' });
});

test('supervisor finds the ended case in 办件查询 and reads its timeline', async () => {
  await withBrowser(async (page) => {
    await login(page, server.baseUrl, 'cockpit', 'supervisor');
    await page.locator('a', { hasText: '办件查询' }).first().click();
    const search = page.locator('form.govflow-search');
    await search.waitFor();
    await search.locator('input[name=applicant]').fill(application.applicant.name);
    await search.locator('input[name=district]').fill('杨浦区');
    await search.locator('button[type=submit]').click();
    const hit = page.locator('.govflow-results a.govflow-case-link', { hasText: caseNumber });
    await hit.waitFor();
    const hitRow = page.locator('.govflow-results tr', { has: page.locator('a.govflow-case-link', { hasText: caseNumber }) });
    assert.match(await hitRow.innerText(), /不予受理/);
    await hit.click();

    const detail = page.locator('.govflow-detail');
    await detail.locator('h3', { hasText: caseNumber }).waitFor();
    const steps = detail.locator('tr.govflow-step');
    assert.ok(await steps.count() >= 3, 'submitted, receipt, acceptance');
    const step = (name) => steps.filter({ has: page.locator('td:first-child', { hasText: new RegExp(`^${name}$`) }) });
    assert.match(await step('窗口收件').innerText(), /window-yangpu[\s\S]*收件/);
    const acceptance = step('受理');
    assert.match(await acceptance.innerText(), new RegExp(`city-public-security[\\s\\S]*不予受理[\\s\\S]*${NOT_ACCEPTED_REASON}`));
    for (const step of await steps.all()) {
      assert.match(await step.locator('td.govflow-timeliness').innerText(), /^(按期|超期|—)$/);
    }
    assert.match(await detail.innerText(), /好差评：★★☆☆☆（2 分，差评）/);
    assert.match(await detail.innerText(), /办理结果\s*不予受理/);
    await assertChinese(page, 'the case timeline');
    await page.screenshot({ path: path.join(screenshotDir, 'cockpit-case-timeline.png'), fullPage: true });
  });
});

test('Admin and the Welcome page are Chinese and branded too', async () => {
  await withBrowser(async (page) => {
    await login(page, server.baseUrl, 'admin', 'admin', 'admin');
    await assertBranded(page, 'Admin');
    await page.goto(`${server.baseUrl}/camunda/app/admin/default/#/users`);
    await page.getByText('用户列表').first().waitFor();
    await assertChinese(page, 'Admin users');
    await page.screenshot({ path: path.join(screenshotDir, 'admin-zh.png') });
    await page.goto(`${server.baseUrl}/camunda/app/welcome/default/`);
    await assertBranded(page, 'Welcome');
    await assertChinese(page, 'the Welcome page');
    await page.screenshot({ path: path.join(screenshotDir, 'welcome-zh.png') });
  });
});

test('a window clerk finds only the cases of the own district in 办件查询 (the API decides)', async () => {
  const mine = await rest(server.baseUrl, 'window-yangpu', 'demo', 'GET',
    `/api/applications?caseNumber=${encodeURIComponent(caseNumber)}`);
  assert.deepEqual(mine.map((c) => c.caseNumber), [caseNumber]);
  const others = await rest(server.baseUrl, 'window-xuhui', 'demo', 'GET',
    `/api/applications?caseNumber=${encodeURIComponent(caseNumber)}`);
  assert.deepEqual(others, []);
});
