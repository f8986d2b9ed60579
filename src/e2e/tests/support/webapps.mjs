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

/**
 * Focuses a Tasklist filter by its Chinese name; when it does not exist, stays on the filter Tasklist shows
 * first and says which one that was.
 */
export async function chooseFilter(page, name) {
  const filters = page.locator('.task-filter');
  await filters.first().waitFor();
  const wanted = filters.filter({ has: page.locator('.name a', { hasText: name }) });
  if (await wanted.count() > 0) {
    await wanted.first().click();
    await page.waitForLoadState('networkidle');
    return name;
  }
  const active = (await page.locator('.task-filter.active .name a').innerText()).replace(/\s*\d+\s*$/, '').trim();
  return active;
}

/** The task entries the focused filter lists (after the list has loaded). */
export function taskLink(page, taskId) {
  return page.locator(`.tasks-list li.task a[href="#/?task=${taskId}"]`);
}
