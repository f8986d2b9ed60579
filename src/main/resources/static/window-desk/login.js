import { csrfToken } from './api.js';

const messages = {
  error: '用户名或密码错误，请重新输入。',
  logout: '已退出收件台。',
  expired: '登录已失效，请重新登录。'
};
const params = new URLSearchParams(window.location.search);
const shown = Object.keys(messages).find((key) => params.has(key));
if (shown) {
  const message = document.getElementById('login-message');
  message.textContent = messages[shown];
  message.hidden = false;
  message.classList.toggle('error', shown !== 'logout');
}
// The CSRF token travels in a cookie the server set with this page; the form posts it back.
document.getElementById('login-form').addEventListener('submit', () => {
  document.getElementById('csrf').value = csrfToken();
});
