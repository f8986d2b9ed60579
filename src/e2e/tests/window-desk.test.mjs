// The window intake desk (/window-desk/) at a 1366×768 counter screen, worked with the keyboard as a clerk
// (and a card reader typing into the id field) would: window-minhang receives 2022-ER-002 and prints the voucher,
// the case then waits in its Tasklist; window-yangpu cannot find 2022-DI-007 (浦东 only, R4); a missing material
// gives the printable 一次性告知书 and starts nothing (R11); a double submit and a lost answer make one case; a
// department user is refused. Screenshots of every step go to target/e2e/window-desk-*.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launchChromium } from './support/browser.mjs';
import { repoRoot, screenshotDir } from './support/paths.mjs';
import { rest, startGovflow } from './support/server.mjs';
import { chooseFilter, login, taskEntry } from './support/webapps.mjs';

const COUNTER_SCREEN = { width: 1366, height: 768 };
// 婚姻登记档案查询: entrusted to 闵行区档案局 only (R5); paper application form, the id card is exempt (R8).
const ITEM = { code: '2022-ER-002', name: '婚姻登记档案查询' };
// GB 11643 check digits that pass; the server checks them again.
const PEOPLE = [
  { name: '李四', id: '11010519491231002X' },
  { name: '王五', id: '310104198001011239' },
  { name: '赵六', id: '440524188001010014' }
];

let server;

before(async () => {
  fs.mkdirSync(screenshotDir, { recursive: true });
  server = await startGovflow();
});

after(async () => {
  await server?.stop();
});

function shot(page, name) {
  return page.screenshot({ path: path.join(screenshotDir, `window-desk-${name}.png`) });
}

/** Runs the steps in a fresh browser at the counter screen size, and closes it whatever happens. */
async function inBrowser(steps) {
  const browser = await launchChromium({ viewport: COUNTER_SCREEN });
  try {
    await steps(await browser.context.newPage(), browser);
  } finally {
    await browser.close();
  }
}

/** Runs the steps at the desk, logged in as the user through the desk's login page. */
async function atDesk(user, steps) {
  await inBrowser(async (page, browser) => {
    await page.goto(`${server.baseUrl}/window-desk/`);
    await page.waitForURL(/login\.html/);
    await page.locator('#username').fill(user);
    await page.locator('#password').fill('demo');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/window-desk\/$/);
    await steps(page, browser);
  });
}

async function casesOf(user, district) {
  return rest(server.baseUrl, user, 'demo', 'GET', `/api/windows/${district}/cases`);
}

/** As a scanner would: the item code, then Enter picks it. */
async function chooseItem(page, code) {
  await page.locator('#item-search').focus();
  await page.keyboard.type(code);
  await page.keyboard.press('Enter');
  await page.locator('#item-card h2', { hasText: ITEM.name }).waitFor();
}

/** Name typed, id number typed by the card reader with its Enter, phone. */
async function fillApplicant(page, person) {
  await page.locator('#applicantName').fill(person.name);
  await page.locator('#idNumber').focus();
  await page.keyboard.type(person.id);
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('#id-state').innerText(), '✓ 校验通过');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'phone', 'Enter moves on to the phone');
  await page.keyboard.type('13800138000');
}

test('window-minhang receives 2022-ER-002, prints the voucher, and the case waits in its Tasklist', async () => {
  await atDesk('window-minhang', async (page, browser) => {
    await page.locator('#window-name', { hasText: '闵行区政务服务中心综合窗口' }).waitFor();
    await page.locator('#item-search').fill('婚姻');
    await page.locator('#item-count', { hasText: '本窗口可收件事项 1 项（“婚姻”）' }).waitFor();
    assert.equal(await page.locator('#items li').innerText().then((t) => t.split('\n')[0]), ITEM.name);
    await shot(page, 'search');
    await page.locator('#item-search').fill('');
    await chooseItem(page, ITEM.code);
    assert.match(await page.locator('#item-card').innerText(), /委托基层收件[\s\S]*5 个工作日[\s\S]*不收费/);
    const exempt = page.locator('#materials tr.exempt');
    assert.match(await exempt.innerText(), /居民身份证[\s\S]*免交/, 'R8: the id card is exempt, shown as 免交');
    assert.match(await page.locator('#materials').innerText(), /申请表[\s\S]*须交纸质/);
    // An entrusted paper result is handed out at the receiving hall (统一出件, R20): no e-licence, no courier;
    // no 告知承诺 (R29).
    assert.deepEqual(await page.locator('input[name=deliveryMethod]').evaluateAll((n) => n.map((i) => i.value)),
      ['WINDOW_PICKUP']);
    assert.equal(await page.locator('#commitment-row').isHidden(), true);

    // A wrong check digit is caught as typed (GB 11643).
    await page.locator('#idNumber').fill('110105194912310021');
    assert.match(await page.locator('#id-state').innerText(), /校验位不正确/);
    await page.locator('#idNumber').fill('');
    await fillApplicant(page, PEOPLE[0]);
    assert.equal(await page.locator('input[name=deliveryMethod][value=WINDOW_PICKUP]').isChecked(), true);
    assert.equal(await page.locator('#deliveryAddress').isVisible(), false, 'pick-up at the hall needs no address');
    await shot(page, 'form');

    await page.keyboard.press('Control+Enter');
    const voucher = page.locator('.voucher');
    await voucher.waitFor();
    const caseNumber = await voucher.getAttribute('data-case-number');
    const text = await voucher.innerText();
    assert.match(text, /收件凭证/);
    assert.match(text, new RegExp(caseNumber));
    assert.match(text, /1101\*{10}002X/, 'the id is masked');
    assert.doesNotMatch(text, /11010519491231002X/);
    assert.match(text, /婚姻登记档案查询申请表（本人签名）（纸质）/);
    assert.match(text, /居民身份证（电子证照\/数据共享调取）/);
    assert.match(text, /受理决定告知\s*\d{4}年\d+月\d+日前/);
    assert.match(text, /闵行区政务服务中心综合窗口/);
    assert.match(text, /window-minhang/);
    await shot(page, 'voucher');
    // The print stylesheet: only the sheet of paper, no bar, no buttons.
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('header.bar').isVisible(), false);
    assert.equal(await page.locator('#print').isVisible(), false);
    assert.equal(await voucher.isVisible(), true);
    await shot(page, 'voucher-print');
    await page.pdf({ path: path.join(screenshotDir, 'window-desk-voucher.pdf'), format: 'A4' });
    await page.emulateMedia({ media: 'screen' });

    // 今日收件: the case with its status from the ledger, and its timeline.
    await page.keyboard.press('F4');
    const row = page.locator(`#today-cases tr[data-case-number="${caseNumber}"]`);
    await row.waitFor();
    assert.match(await row.innerText(), /办理中：窗口收件/);
    await row.locator('button').click();
    await page.locator('#timeline ol.steps li', { hasText: '窗口收件' }).waitFor();
    await shot(page, 'today');

    // The case waits in window-minhang's Tasklist (窗口收件): one login per browser, the desk's opens Tasklist.
    const tasks = await rest(server.baseUrl, 'window-minhang', 'demo', 'GET',
      `/engine-rest/task?processInstanceBusinessKey=${encodeURIComponent(caseNumber)}`);
    assert.equal(tasks.length, 1);
    assert.equal(tasks[0].taskDefinitionKey, 'Task_WindowReceipt');
    const tasklist = await browser.context.newPage();
    await tasklist.goto(`${server.baseUrl}/camunda/app/tasklist/`);
    await chooseFilter(tasklist, '我的待办');
    await taskEntry(tasklist, tasks[0].id).waitFor();
    await page.reload();
    await page.locator('#window-name', { hasText: '闵行区政务服务中心综合窗口' }).waitFor();
    await shot(tasklist, 'tasklist');
  });
});

test('R4: window-yangpu cannot find 2022-DI-007 (delegated to 浦东 only)', async () => {
  await atDesk('window-yangpu', async (page) => {
    await page.locator('#item-search').fill('2022-DI-007');
    await page.locator('#item-count', { hasText: '0 项（“2022-DI-007”）' }).waitFor();
    assert.equal(await page.locator('#items li').count(), 0);
    await page.locator('#item-search').fill('大型群众性活动');
    await page.locator('#item-count', { hasText: '0 项（“大型群众性活动”）' }).waitFor();
    assert.match(await page.locator('#item-count').innerText(), /未下放至本区/);
    await shot(page, 'yangpu-not-found');
    // The same search at the Pudong window finds it.
    const pudong = await rest(server.baseUrl, 'window-pudong', 'demo', 'GET', '/api/windows/pudong/items?q=2022-DI-007');
    assert.deepEqual(pudong.map((i) => i.code), ['2022-DI-007']);
  });
});

test('R11: a missing material gives the printable 一次性告知书 and starts no case', async () => {
  const before = (await casesOf('window-minhang', 'minhang')).length;
  await atDesk('window-minhang', async (page) => {
    await chooseItem(page, ITEM.code);
    await page.locator('#situations label', { hasText: '委托他人查询' }).click();
    const attorney = page.locator('#materials tr', { hasText: '经公证的授权委托书' });
    await attorney.locator('input[type=checkbox]').uncheck();
    await page.locator('#materials tr', { hasText: '申请表' }).locator('input[type=checkbox]').uncheck();
    await fillApplicant(page, PEOPLE[1]);
    // Any other refusal is shown next to the field the ProblemDetail names, and the cursor goes there.
    await page.locator('#phone').fill('电话号码');
    await page.locator('#submit').click();
    const phoneError = page.locator('[data-error-for="applicant.phone"]');
    await phoneError.filter({ hasText: /\S/ }).waitFor();
    assert.equal(await page.evaluate(() => document.activeElement.id), 'phone');
    await shot(page, 'field-error');
    await page.locator('#phone').fill('13800138000');
    await page.locator('#submit').click();
    const notice = page.locator('.notice');
    await notice.waitFor();
    const text = await notice.innerText();
    assert.match(text, /一次性告知书/);
    assert.match(text, /补齐以下 2 项材料/);
    assert.match(text, /婚姻登记档案查询申请表（受托人签名）/);
    assert.match(text, /经公证的授权委托书/);
    assert.match(text, /3101\*{10}1239/);
    await shot(page, 'notice');
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('#document-close').isVisible(), false);
    await shot(page, 'notice-print');
    await page.emulateMedia({ media: 'screen' });
    assert.equal((await casesOf('window-minhang', 'minhang')).length, before, 'no case was started');

    // Back at the form, everything typed is still there: tick the materials and receive.
    await page.locator('#document-close').click();
    await page.locator('#materials tr', { hasText: '申请表' }).locator('input[type=checkbox]').check();
    await attorney.locator('input[type=checkbox]').check();
    await page.locator('#submit').click();
    await page.locator('.voucher').waitFor();
    assert.equal((await casesOf('window-minhang', 'minhang')).length, before + 1);
  });
});

test('a double submit, and an answer lost on the way, make one case (Idempotency-Key per form)', async () => {
  const before = (await casesOf('window-minhang', 'minhang')).length;
  await atDesk('window-minhang', async (page) => {
    await chooseItem(page, ITEM.code);
    await fillApplicant(page, PEOPLE[2]);
    // The first answer never reaches the page (the case is started, the network drops the answer): the page
    // retries with the same key, and the server answers with the case it already started.
    let posts = 0;
    await page.route('**/api/applications', async (route) => {
      posts++;
      if (posts === 1) {
        await route.fetch();
        await route.abort('connectionreset');
      } else {
        await route.continue();
      }
    });
    await page.locator('#submit').dblclick();
    await page.locator('.voucher').waitFor();
    const caseNumber = await page.locator('.voucher').getAttribute('data-case-number');
    assert.equal(posts, 2, 'one retry after the lost answer, nothing for the second click');
    const cases = await casesOf('window-minhang', 'minhang');
    assert.equal(cases.length, before + 1);
    assert.equal(cases.at(-1).caseNumber, caseNumber);
    await shot(page, 'double-submit');
  });
});

test('a department user is refused the desk with a Chinese page', async () => {
  await inBrowser(async (page) => {
    await page.goto(`${server.baseUrl}/window-desk/login.html`);
    await page.locator('#username').fill('dept-minhang-archives');
    await page.locator('#password').fill('demo');
    const [answer] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/window-desk/')),
      page.locator('#login-form button[type=submit]').click()
    ]);
    assert.equal(answer.status(), 403);
    await page.locator('#forbidden').waitFor();
    assert.match(await page.locator('#forbidden').innerText(), /无权使用窗口收件台[\s\S]*dept-minhang-archives/);
    await shot(page, 'refused');
    // Its session does not open the desk's API either.
    const status = await page.evaluate(async () => (await fetch('/api/windows/minhang/cases', {
      headers: { 'X-Requested-With': 'XMLHttpRequest' }
    })).status);
    assert.equal(status, 403);
    // Logging out from the refusal page leads back to the login page.
    await page.locator('#logout-form button').click();
    await page.waitForURL(/login\.html\?logout/);
    assert.match(await page.locator('#login-message').innerText(), /已退出/);
  });
});

test('a clerk logged in to Tasklist opens the desk without logging in again', async () => {
  await inBrowser(async (page) => {
    await login(page, server.baseUrl, 'tasklist', 'window-yangpu');
    await page.goto(`${server.baseUrl}/window-desk/`);
    await page.locator('#window-name', { hasText: '杨浦区政务服务中心综合窗口' }).waitFor();
    assert.match(page.url(), /\/window-desk\/$/);
  });
});

test('a wrong password stays on the login page with a Chinese message, never a browser prompt', async () => {
  await inBrowser(async (page) => {
    await page.goto(`${server.baseUrl}/window-desk/`);
    // A user of its own: Camunda delays the next login of a user after a failed one.
    await page.locator('#username').fill('window-chongming');
    await page.locator('#password').fill('wrong');
    await page.keyboard.press('Enter');
    await page.waitForURL(/login\.html\?error/);
    assert.match(await page.locator('#login-message').innerText(), /用户名或密码错误/);
    await shot(page, 'login');
  });
});

test('the desk checks GB 11643 and GB 32100 check characters as typed, as the server does', async () => {
  // ids.js is a browser module under src/main/resources/static: load its text as a module here.
  const source = fs.readFileSync(path.join(repoRoot, 'src/main/resources/static/window-desk/ids.js'), 'utf8');
  const ids = await import(`data:text/javascript;base64,${Buffer.from(source).toString('base64')}`);
  for (const person of PEOPLE) assert.equal(ids.residentIdProblem(person.id), null, person.id);
  assert.equal(ids.residentIdProblem('1101051949'), '', 'still typing');
  assert.match(ids.residentIdProblem('110105194912310021'), /校验位/);
  assert.match(ids.residentIdProblem('110105194902300024'), /出生日期/);
  assert.equal(ids.creditCodeProblem('91350100M000100Y43'), null);
  assert.equal(ids.creditCodeProblem('91110000802100433B'), null);
  assert.match(ids.creditCodeProblem('91350100M000100Y44'), /校验位/);
  assert.match(ids.creditCodeProblem('91350100I'), /不含 I/);
  assert.equal(ids.mask('11010519491231002X'), '1101**********002X');
});
