// Steps a person takes in the Camunda webapps (Tasklist, Cockpit), shared by the browser tests.

/** Opens a webapp (tasklist, cockpit) and logs in through its own login form. */
export async function login(page, baseUrl, app, user, password = 'demo') {
  await page.goto(`${baseUrl}/camunda/app/${app}/`);
  await page.waitForLoadState('networkidle');
  const form = page.locator('form[name=signinForm]');
  await form.locator('input[ng-model="username"]').fill(user);
  await form.locator('input[ng-model="password"]').fill(password);
  await form.locator('button[type=submit]').click();
  await form.waitFor({ state: 'detached' });
  await page.waitForLoadState('networkidle');
}

/** Focuses a Tasklist filter by its Chinese name (the filters are created at start-up, cn.govflow.tasklist). */
export async function chooseFilter(page, name) {
  const filters = page.locator('.task-filter');
  await filters.first().waitFor();
  const wanted = filters.filter({ has: page.locator('.name a', { hasText: name }) });
  const names = await filters.locator('.name a').allInnerTexts();
  if (await wanted.count() !== 1) {
    throw new Error(`Tasklist shows no single filter ${name}; it shows: ${names.map((n) => n.trim()).join(', ')}`);
  }
  await wanted.click();
  await page.locator('.task-filter.active', { hasText: name }).waitFor();
  await page.waitForLoadState('networkidle');
}

/** The entry of one task in the focused filter's list. */
export function taskEntry(page, taskId) {
  return page.locator('.tasks-list li.task', { has: page.locator(`a[href="#/?task=${taskId}"]`) });
}
