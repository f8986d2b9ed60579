// Language choice for the Camunda webapps. Camunda picks the first of navigator.languages that is an available
// locale, else the fallback (zh). A choice made with the footer switch (中文 / English) is kept in localStorage
// and put first, so a clerk whose browser says English still can choose, and the other way round.
const KEY = 'govflow.locale';
const chosen = window.localStorage.getItem(KEY);
if (chosen === 'zh' || chosen === 'en') {
  Object.defineProperty(window.navigator, 'languages', { get: () => [chosen], configurable: true });
}

function addSwitch() {
  // beside "日期时间按本地时区显示" in the footer's left column
  const footer = document.querySelector('#footer-timezone');
  if (!footer || footer.querySelector('.govflow-language')) {
    return;
  }
  const box = document.createElement('span');
  box.className = 'govflow-language';
  for (const [code, label] of [['zh', '中文'], ['en', 'English']]) {
    const link = document.createElement('a');
    link.href = '';
    link.textContent = label;
    link.lang = code;
    link.addEventListener('click', (event) => {
      event.preventDefault();
      window.localStorage.setItem(KEY, code);
      window.location.reload();
    });
    box.appendChild(link);
  }
  footer.appendChild(box);
}

new MutationObserver(addSwitch).observe(document.documentElement, { childList: true, subtree: true });

export default [];
