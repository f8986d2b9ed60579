// The desk's calls to govflow's API, with the desk's session (cookie) and its CSRF token; no HTTP Basic.

const CSRF_COOKIE = 'GOVFLOW-DESK-XSRF';

export function csrfToken() {
  const entry = document.cookie.split('; ').find((c) => c.startsWith(CSRF_COOKIE + '='));
  return entry ? decodeURIComponent(entry.slice(CSRF_COOKIE.length + 1)) : '';
}

/** Answers {status, ok, data, headers}; a lost session sends the clerk back to the login page. */
export async function call(method, url, { body, headers = {} } = {}) {
  const response = await fetch(url, {
    method,
    credentials: 'same-origin',
    headers: {
      'X-Requested-With': 'XMLHttpRequest',
      Accept: 'application/json, application/problem+json',
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...(method === 'GET' ? {} : { 'X-XSRF-TOKEN': csrfToken() }),
      ...headers
    },
    body: body === undefined ? undefined : JSON.stringify(body)
  });
  if (response.status === 401) {
    window.location.assign('/window-desk/login.html?expired');
    throw new Error('收件台登录已失效');
  }
  const text = await response.text();
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = { detail: text };
  }
  return { status: response.status, ok: response.ok, data, headers: response.headers };
}
