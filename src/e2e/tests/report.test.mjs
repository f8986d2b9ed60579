// What a supervisor and a department see of the ledger (issue 9): a case of the city public security bureau
// decided over REST, rated 1 by the applicant through the portal, the bureau finds 差评整改 with its Chinese form
// in Tasklist, and the supervisor prints the annual report page with its charts. Screenshots go to target/e2e/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launchChromium } from './support/browser.mjs';
import { screenshotDir } from './support/paths.mjs';
import { rest, startGovflow } from './support/server.mjs';
import { chooseFilter, login, taskEntry } from './support/webapps.mjs';

const DEPARTMENT = 'city-public-security';
let server;
let caseNumber;

async function tasksOf(user) {
  return rest(server.baseUrl, user, 'demo', 'GET',
    `/engine-rest/task?processInstanceBusinessKey=${encodeURIComponent(caseNumber)}`);
}

async function waitForTask(user, key) {
  const deadline = Date.now() + 30000;
  while (Date.now() < deadline) {
    const task = (await tasksOf(user)).find((t) => t.taskDefinitionKey === key);
    if (task) {
      return task;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`no ${key} for ${user}`);
}

async function work(user, key, variables) {
  const task = await waitForTask(user, key);
  await rest(server.baseUrl, user, 'demo', 'POST', `/engine-rest/task/${task.id}/claim`, { userId: user });
  const values = Object.fromEntries(Object.entries(variables).map(([k, v]) => [k, { value: v }]));
  await rest(server.baseUrl, user, 'demo', 'POST', `/engine-rest/task/${task.id}/submit-form`, { variables: values });
}

before(async () => {
  fs.mkdirSync(screenshotDir, { recursive: true });
  server = await startGovflow();
  // 核发《养犬登记证》（补证）, online, e-licence: accepted, reviewed and approved by 市公安局.
  const started = await rest(server.baseUrl, 'portal', 'demo', 'POST', '/api/applications', {
    itemCode: '2022-FO-004', channel: 'ONLINE', district: 'yangpu',
    applicant: { type: 'PERSON', name: '赵六', idType: 'RESIDENT_ID', idNumber: '310104198001011239' },
    situation: 'lost',
    materials: [{ code: 'licence-loss-statement', source: 'UPLOAD' }, { code: 'dog-photo', source: 'UPLOAD' }],
    delivery: { method: 'E_LICENCE' }, commitment: false
  });
  caseNumber = started.caseNumber;
  await work(DEPARTMENT, 'Task_Acceptance', { acceptanceOutcome: 'ACCEPTED' });
  await work(DEPARTMENT, 'Task_Review', { reviewOpinion: '材料齐全' });
  await work(DEPARTMENT, 'Task_Decision', { decision: 'APPROVED' });
});

after(async () => {
  await server?.stop();
});

test('a rating of 1 from the portal opens 差评整改 for 市公安局, who sees it with its Chinese form in Tasklist', async () => {
  const rating = await rest(server.baseUrl, 'portal', 'demo', 'POST',
    `/api/applications/${encodeURIComponent(caseNumber)}/rating`, { score: 1, comment: '补证等了很久', channel: 'APP' });
  assert.equal(rating.rectificationGroup, DEPARTMENT);
  const rectification = await waitForTask(DEPARTMENT, 'Task_Rectification');
  assert.ok(rectification.due, 'due in 15 working days');

  const chromium = await launchChromium({ viewport: { width: 1600, height: 1200 } });
  try {
    const page = await chromium.context.newPage();
    await login(page, server.baseUrl, 'tasklist', DEPARTMENT);
    await chooseFilter(page, '我的待办');
    const entry = taskEntry(page, rectification.id);
    await entry.waitFor();
    assert.equal((await entry.locator('h4.task a').innerText()).trim(), '差评整改');
    await entry.locator('h4.task a').click();
    const form = page.locator('.task-details .fjs-container');
    await form.getByLabel('办件编号').waitFor();
    assert.equal(await form.getByLabel('办件编号').inputValue(), caseNumber);
    assert.equal(await form.getByLabel('评价内容').inputValue(), '补证等了很久');
    await page.screenshot({ path: path.join(screenshotDir, 'tasklist-rectification.png') });
  } finally {
    await chromium.close();
  }
});

test('the supervisor opens the annual report page: figures, reconciliation and both charts, in Chinese', async () => {
  // the ledger counts a case in its year in Shanghai
  const year = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));
  const report = await rest(server.baseUrl, 'supervisor', 'demo', 'GET',
    `/api/reports/annual?year=${year}&district=yangpu`);
  const f = report.figures;
  assert.ok(f.applications >= 1 && f.approved >= 1, 'the case above is in the report');
  assert.ok(report.ratings.bad >= 1, 'and so is its rating');
  const chromium = await launchChromium({ viewport: { width: 1100, height: 1600 },
    httpCredentials: { username: 'supervisor', password: 'demo' } });
  try {
    const page = await chromium.context.newPage();
    const response = await page.goto(`${server.baseUrl}/api/reports/annual.html?year=${year}&district=yangpu`);
    assert.equal(response.status(), 200);
    const text = await page.locator('body').innerText();
    assert.match(text, new RegExp(`杨浦区 ${year} 年度行政许可实施情况`));
    assert.ok(text.includes(`申请 ${f.applications} 件，其中，受理 ${f.accepted} 件，不予受理 ${f.notAccepted} 件，`
      + `批准 ${f.approved} 件`), 'the paragraph of 004 §二 with the JSON figures');
    assert.ok(text.includes(`收到评价 ${report.ratings.count} 件`));
    assert.equal(await page.locator('svg[aria-label="各部门申请件数"] rect').count(), report.byDepartment.length);
    assert.equal(await page.locator('svg[aria-label="逐月申请件数"] circle').count(), 12);
    assert.equal(await page.locator('td.bad').count(), 0, 'every reconciliation holds');
    await page.screenshot({ path: path.join(screenshotDir, 'annual-report.png'), fullPage: true });
  } finally {
    await chromium.close();
  }
});
