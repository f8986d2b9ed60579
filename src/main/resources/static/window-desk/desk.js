// 窗口收件台: find the item, answer its situation, take the applicant, submit once, print the paper.
// The server decides everything that matters (which items, which materials, the id checks); this page only
// shows it and saves the clerk keystrokes.
import { call, csrfToken } from './api.js';
import { creditCodeProblem, mask, residentIdProblem } from './ids.js';

const $ = (id) => document.getElementById(id);
const MODE_CLASS = { FULL_ONLINE: 'fo', DELEGATED: 'di', ENTRUSTED_RECEIPT: 'er' };
const DELIVERY = { E_LICENCE: '电子证照（网上送达）', COURIER: '快递送达', WINDOW_PICKUP: '窗口领取' };
const SOURCE = { UPLOAD: '扫描上传', PAPER: '纸质', E_LICENCE: '电子证照/数据共享调取' };
const OUTCOME = {
  APPROVED: '准予批准', NOT_APPROVED: '不予批准', NOT_ACCEPTED: '不予受理', REFUSED: '不予收件', WITHDRAWN: '已撤回'
};
const ACTION = {
  SUBMITTED: '已提交', RECEIVED: '收件', SUPPLEMENT: '要求补正', REFUSED: '不予收件', ACCEPTED: '受理', NOT_ACCEPTED: '不予受理',
  APPROVED: '批准', NOT_APPROVED: '不予批准', CANCELLED: '转入其他环节'
};

const state = {
  session: null,
  window: null,
  items: [],
  item: null,
  detail: null,
  situation: null,
  applicantType: null,
  idempotencyKey: null,
  submitting: false
};

// ---------- formatting ----------
const shanghai = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
  second: '2-digit', hour12: false
});
const time = (instant) => (instant ? shanghai.format(new Date(instant)) : '');
const clockOnly = (instant) => time(instant).split(' ').pop();
const localTime = (text) => (text ? text.replace('T', ' ').slice(0, 16) : '');
const day = (isoDate) => {
  if (!isoDate) return '';
  const [y, m, d] = isoDate.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
};
const fee = (value) => (Number(value) > 0 ? `${Number(value).toFixed(2)} 元` : '不收费');

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat(Infinity)) {
    if (child !== null && child !== undefined && child !== false) node.append(child);
  }
  return node;
}

function badges(item) {
  return [
    el('span', { class: `badge mode ${MODE_CLASS[item.mode]}` }, item.modeName),
    item.commitmentAllowed ? el('span', { class: 'badge commit' }, '可告知承诺') : null,
    item.onTheSpotAllowed ? el('span', { class: 'badge spot' }, '当场办结') : null
  ];
}

// ---------- session and tabs ----------
async function start() {
  const answer = await call('GET', '/window-desk/api/session');
  state.session = answer.data;
  $('clerk').textContent = `经办人：${state.session.name}（${state.session.userId}）`;
  const windows = state.session.windows;
  if (windows.length > 1) {
    const choice = $('window-choice');
    choice.replaceChildren(...windows.map((w) => el('option', { value: w.district }, w.name)));
    choice.hidden = false;
    choice.addEventListener('change', () => chooseWindow(windows.find((w) => w.district === choice.value)));
  }
  chooseWindow(windows[0]);
  document.querySelector('#logout-form').addEventListener('submit', (event) => {
    event.target.querySelector('[name=_csrf]').value = csrfToken();
  });
  $('item-search').focus();
}

function chooseWindow(window) {
  state.window = window;
  $('window-name').textContent = window.name;
  resetForm();
  searchItems('');
}

function showTab(name) {
  const intake = name === 'intake';
  $('intake').hidden = !intake;
  $('today').hidden = intake;
  $('tab-intake').setAttribute('aria-selected', String(intake));
  $('tab-today').setAttribute('aria-selected', String(!intake));
  if (intake) {
    $('item-search').focus();
  } else {
    loadToday();
  }
}

// ---------- ① find the item ----------
let searchTimer = null;
let searchSeq = 0;

async function searchItems(q) {
  const seq = ++searchSeq;
  const query = new URLSearchParams(q ? { q } : {});
  const answer = await call('GET', `/api/windows/${state.window.district}/items?${query}`);
  if (seq !== searchSeq) return;
  state.items = answer.ok ? answer.data : [];
  const found = `本窗口可收件事项 ${state.items.length} 项${q ? `（“${q}”）` : ''}`;
  $('item-count').textContent = !answer.ok ? answer.data?.detail ?? '事项查询失败'
    : state.items.length ? found : `${found}。事项可能未下放至本区（R4）或不委托本区收件（R5），请引导申请人到有权收件的窗口。`;
  $('items').replaceChildren(...state.items.map((item, index) => el('li', {
    role: 'option', tabindex: index === 0 ? '0' : '-1', dataset: { code: item.code },
    'aria-selected': String(state.item?.code === item.code),
    onclick: () => chooseItem(item.code),
    onkeydown: (event) => itemKey(event, index)
  }, el('span', { class: 'item-name' }, item.name),
  el('span', { class: 'item-meta' }, `${item.code} · ${item.department.name} · ${item.promisedDays} 个工作日 · ${fee(item.fee)}`),
  el('span', { class: 'item-badges' }, badges(item)))));
}

function itemKey(event, index) {
  const options = [...$('items').children];
  if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
    event.preventDefault();
    const next = options[index + (event.key === 'ArrowDown' ? 1 : -1)];
    if (next) next.focus();
    else if (event.key === 'ArrowUp') $('item-search').focus();
  } else if (event.key === 'Enter' || event.key === ' ') {
    event.preventDefault();
    chooseItem(options[index].dataset.code);
  }
}

$('item-search').addEventListener('input', (event) => {
  clearTimeout(searchTimer);
  searchTimer = setTimeout(() => searchItems(event.target.value.trim()), 200);
});
$('item-search').addEventListener('keydown', async (event) => {
  if (event.key === 'ArrowDown') {
    event.preventDefault();
    $('items').firstElementChild?.focus();
  } else if (event.key === 'Enter') {
    // A scanned or typed code picks its item; one hit picks itself; otherwise go down the list.
    event.preventDefault();
    clearTimeout(searchTimer);
    const q = event.target.value.trim();
    await searchItems(q);
    const exact = state.items.find((i) => i.code.toLowerCase() === q.toLowerCase());
    if (exact || state.items.length === 1) chooseItem((exact ?? state.items[0]).code);
    else $('items').firstElementChild?.focus();
  }
});

async function chooseItem(code) {
  const item = state.items.find((i) => i.code === code);
  const answer = await call('GET', `/api/items/${encodeURIComponent(code)}`);
  if (!answer.ok) {
    $('item-count').textContent = answer.data?.detail ?? '事项读取失败';
    return;
  }
  clearErrors();
  state.item = item;
  state.detail = answer.data;
  state.idempotencyKey = crypto.randomUUID();
  for (const option of $('items').children) option.setAttribute('aria-selected', String(option.dataset.code === code));
  $('no-item').hidden = true;
  $('form-body').hidden = false;
  $('form-message').hidden = true;
  renderItemCard();
  renderNewTowns();
  renderSituations();
  renderApplicantTypes();
  renderDelivery();
  const first = !$('newtown-step').hidden ? $('newTown') : document.querySelector('#situations input');
  first?.focus();
}

function renderItemCard() {
  const { item, detail } = state;
  const facts = [
    ['事项编码', item.code], ['实施部门', item.department.name], ['办理模式', item.modeName],
    ['承诺时限', `${item.promisedDays} 个工作日`], ['收费', fee(item.fee)],
    ['告知承诺', item.commitmentAllowed ? '适用' : '不适用'], ['当场办结', item.onTheSpotAllowed ? '可当场办结' : '否'],
    ['办理结果', detail.licenceName || (item.resultType === 'NONE' ? '无证照' : '—')]
  ];
  if (detail.entrustedReceipt) facts.push(['委托收件', detail.entrustedReceipt.receivers.name]);
  if (detail.delegation) facts.push(['承接部门', detail.delegation.receivingDepartment]);
  $('item-card').replaceChildren(
    el('h2', {}, item.name, ' ', badges(item)),
    el('dl', { class: 'facts' }, facts.map(([k, v]) => [el('dt', {}, k), el('dd', {}, v)])));
}

function renderNewTowns() {
  const towns = state.item.newTowns;
  const needed = state.item.newTownRequired && towns.length > 0;
  $('newtown-step').hidden = !needed;
  $('newTown').replaceChildren(...(needed ? towns.map((t) => el('option', { value: t.code }, t.name)) : []));
}

// ---------- ② guide by situation (R11), materials (R8, R15) ----------
function renderSituations() {
  const situations = state.detail.situations;
  $('situations').replaceChildren(...situations.map((s, index) => el('label', { class: 'choice' },
    el('input', {
      type: 'radio', name: 'situation', value: s.code, checked: index === 0,
      onchange: () => chooseSituation(s.code)
    }), s.name)));
  chooseSituation(situations[0].code);
}

function chooseSituation(code) {
  state.situation = state.detail.situations.find((s) => s.code === code);
  $('materials').replaceChildren(...state.situation.materials.map((m) => {
    if (m.exempt) {
      return el('tr', { class: 'exempt', dataset: { code: m.code } },
        el('td', {}, m.name),
        el('td', {}, el('span', { class: 'badge exempt' }, '免交')),
        el('td', { class: 'muted' }, '两个免于提交：窗口调取电子证照或共享数据，不收纸质'));
    }
    const received = el('input', { type: 'checkbox', checked: true, 'aria-label': `已收 ${m.name}` });
    const source = m.paper
      ? el('span', { class: 'muted' }, '纸质原件')
      : el('select', { 'aria-label': `${m.name} 的收取方式` },
        el('option', { value: 'UPLOAD' }, '扫描上传'), el('option', { value: 'PAPER' }, '纸质'));
    return el('tr', { dataset: { code: m.code, paper: String(m.paper) } },
      el('td', {}, m.name),
      el('td', {}, m.paper ? el('span', { class: 'badge paper' }, '须交纸质') : el('span', { class: 'badge' }, '须提交')),
      el('td', {}, el('label', { class: 'check' }, received, '已收'), ' ', source));
  }));
}

function suppliedMaterials() {
  return [...$('materials').children].flatMap((row) => {
    if (row.classList.contains('exempt')) return [{ code: row.dataset.code, source: 'E_LICENCE' }];
    if (!row.querySelector('input[type=checkbox]').checked) return [];
    const select = row.querySelector('select');
    return [{ code: row.dataset.code, source: select ? select.value : 'PAPER' }];
  });
}

// ---------- ③ the applicant ----------
function renderApplicantTypes() {
  const types = ['PERSON', 'ENTERPRISE'].filter((t) => state.item.applicantTypes.includes(t));
  $('applicant-types').replaceChildren(...types.map((t, index) => el('label', { class: 'choice' },
    el('input', {
      type: 'radio', name: 'applicantType', value: t, checked: index === 0,
      onchange: () => chooseApplicantType(t)
    }), t === 'PERSON' ? '个人' : '企业/组织')));
  chooseApplicantType(types[0]);
}

function chooseApplicantType(type) {
  state.applicantType = type;
  $('name-label').textContent = type === 'PERSON' ? '姓名' : '单位名称';
  $('id-label').textContent = type === 'PERSON' ? '居民身份证号码' : '统一社会信用代码';
  checkId();
}

function idProblem() {
  const value = $('idNumber').value;
  return state.applicantType === 'PERSON' ? residentIdProblem(value) : creditCodeProblem(value);
}

function checkId() {
  const input = $('idNumber');
  const upper = input.value.toUpperCase().replace(/\s/g, '');
  if (upper !== input.value) input.value = upper;
  const problem = idProblem();
  const state_ = $('id-state');
  state_.classList.toggle('ok', problem === null);
  state_.textContent = problem === null ? '✓ 校验通过' : problem;
  input.setAttribute('aria-invalid', String(Boolean(problem)));
}
$('idNumber').addEventListener('input', checkId);

// ---------- ④ delivery and commitment (R20, R29) ----------
function renderDelivery() {
  const methods = state.item.deliveryMethods;
  const preferred = methods.includes('WINDOW_PICKUP') ? 'WINDOW_PICKUP' : methods[0];
  $('delivery-methods').replaceChildren(...methods.map((m) => el('label', { class: 'choice' },
    el('input', {
      type: 'radio', name: 'deliveryMethod', value: m, checked: m === preferred, onchange: showAddress
    }), DELIVERY[m])));
  showAddress();
  $('commitment-row').hidden = !state.item.commitmentAllowed;
  $('commitment').checked = false;
}

function deliveryMethod() {
  return document.querySelector('input[name=deliveryMethod]:checked')?.value;
}

function showAddress() {
  $('address-row').hidden = deliveryMethod() !== 'COURIER';
}

// ---------- keyboard: Enter confirms a field and moves on; Ctrl+Enter submits ----------
function focusables() {
  return [...$('application').querySelectorAll('input, select, button')].filter((node) => {
    if (node.disabled || node.closest('[hidden]')) return false;
    if (node.type === 'radio') return node.checked;
    return true;
  });
}

$('application').addEventListener('keydown', (event) => {
  if (event.key !== 'Enter') return;
  if (event.ctrlKey || event.metaKey) {
    event.preventDefault();
    submit();
    return;
  }
  const target = event.target;
  if (target.tagName === 'BUTTON') return;
  event.preventDefault();
  if (target.id === 'idNumber' && idProblem()) {
    checkId();
    return;
  }
  const list = focusables();
  const next = list[list.indexOf(target) + 1];
  next?.focus();
});

document.addEventListener('keydown', (event) => {
  if (event.key === 'F2') {
    event.preventDefault();
    closeDocument();
    showTab('intake');
  } else if (event.key === 'F4') {
    event.preventDefault();
    closeDocument();
    showTab('today');
  }
});
$('tab-intake').addEventListener('click', () => showTab('intake'));
$('tab-today').addEventListener('click', () => showTab('today'));

// ---------- submit (Idempotency-Key per form) ----------
function request() {
  return {
    itemCode: state.item.code,
    channel: 'WINDOW',
    district: state.window.district,
    newTown: $('newtown-step').hidden ? null : $('newTown').value,
    applicant: {
      type: state.applicantType,
      name: $('applicantName').value.trim(),
      idType: state.applicantType === 'PERSON' ? 'RESIDENT_ID' : 'USCC',
      idNumber: $('idNumber').value.trim(),
      phone: $('phone').value.trim() || null,
      address: null
    },
    situation: state.situation.code,
    materials: suppliedMaterials(),
    delivery: {
      method: deliveryMethod(),
      address: deliveryMethod() === 'COURIER' ? $('deliveryAddress').value.trim() : null
    },
    commitment: state.item.commitmentAllowed && $('commitment').checked
  };
}

$('application').addEventListener('submit', (event) => {
  event.preventDefault();
  submit();
});

async function submit() {
  if (state.submitting || !state.item) return;
  clearErrors();
  const body = request();
  state.submitting = true;
  $('submit').disabled = true;
  $('submit').setAttribute('aria-busy', 'true');
  try {
    let answer;
    // A lost answer is retried with the same key: the server answers with the case it started, never a second.
    for (let attempt = 0; ; attempt++) {
      try {
        answer = await call('POST', '/api/applications', { body, headers: { 'Idempotency-Key': state.idempotencyKey } });
        break;
      } catch (error) {
        if (attempt >= 2) throw error;
      }
    }
    if (answer.status === 201 || answer.status === 200) {
      await showVoucher(body, answer.data);
    } else if (answer.status === 422 && answer.data?.missingMaterials) {
      showNotice(body, answer.data);
    } else {
      showProblem(answer.data, answer.status);
    }
  } catch (error) {
    formMessage(`提交未完成：${error.message}。可再次点击“确认收件”，不会重复立案。`);
  } finally {
    state.submitting = false;
    $('submit').disabled = false;
    $('submit').removeAttribute('aria-busy');
  }
}

function clearErrors() {
  for (const node of document.querySelectorAll('.field-error')) {
    if (node.id !== 'id-state') node.textContent = '';
  }
  for (const node of document.querySelectorAll('[aria-invalid=true]')) {
    if (node.id !== 'idNumber') node.removeAttribute('aria-invalid');
  }
  $('form-message').hidden = true;
}

function formMessage(text) {
  $('form-message').textContent = text;
  $('form-message').hidden = false;
}

/** The ProblemDetail names the field (applicant.idNumber, materials[1].source…): the message goes next to it. */
function showProblem(problem, status) {
  const errors = problem?.errors?.length ? problem.errors
    : [{ field: problem?.field, message: problem?.detail ?? `收件失败（${status}）` }];
  let first = null;
  for (const error of errors) {
    const field = (error.field ?? '').replace(/\[\d+\].*$/, '');
    const slot = document.querySelector(`[data-error-for="${CSS.escape(field)}"]`)
      ?? (field === 'district' && !$('newtown-step').hidden ? document.querySelector('[data-error-for="newTown"]') : null);
    if (slot) {
      slot.textContent = error.message;
      slot.classList.remove('ok');
      const input = document.querySelector(`[data-field="${CSS.escape(field)}"]`);
      input?.setAttribute('aria-invalid', 'true');
      first ??= input?.matches('input, select') ? input : input?.querySelector('input, select');
    } else {
      formMessage(error.message);
    }
  }
  if (problem?.detail && errors.length > 1) formMessage(problem.detail);
  first?.focus();
}

// ---------- the printed papers ----------
function signature() {
  return el('dl', { class: 'facts sign' },
    el('dt', {}, '收件窗口'), el('dd', {}, state.window.name),
    el('dt', {}, '经办人'), el('dd', {}, `${state.session.name}（${state.session.userId}）`));
}

function materialsOf(body) {
  const names = Object.fromEntries(state.situation.materials.map((m) => [m.code, m.name]));
  return body.materials.map((m) => el('li', {}, `${names[m.code] ?? m.code}（${SOURCE[m.source]}）`));
}

async function showVoucher(body, started) {
  // The case as the server recorded it: its masked id, its item, its voucher.
  const view = await call('GET', `/api/applications/${encodeURIComponent(started.caseNumber)}`);
  const c = view.ok ? view.data : null;
  const applicant = c?.applicant ?? { name: body.applicant.name, idNumber: mask(body.applicant.idNumber) };
  const paper = el('div', { class: 'voucher', dataset: { caseNumber: started.caseNumber } },
    el('h1', {}, '收件凭证'),
    el('p', { class: 'doc-no' }, `凭证编号：${started.voucher.number}`),
    el('dl', { class: 'facts' },
      el('dt', {}, '办件编号'), el('dd', { class: 'case-number' }, started.caseNumber),
      el('dt', {}, '事项'), el('dd', {}, `${state.item.name}（${state.item.code}）`),
      el('dt', {}, '实施部门'), el('dd', {}, state.item.department.name),
      el('dt', {}, '办理模式'), el('dd', {}, state.item.modeName),
      el('dt', {}, '业务情形'), el('dd', {}, state.situation.name),
      el('dt', {}, '申请人'), el('dd', {}, applicant.name),
      el('dt', {}, body.applicant.type === 'PERSON' ? '身份证号码' : '统一社会信用代码'),
      el('dd', { class: 'masked-id' }, applicant.idNumber),
      el('dt', {}, '送达方式'), el('dd', {}, DELIVERY[body.delivery.method]
        + (body.delivery.address ? `：${body.delivery.address}` : '')),
      body.commitment ? [el('dt', {}, '告知承诺'), el('dd', {}, '申请人已签署告知承诺书')] : null,
      el('dt', {}, '受理决定告知'), el('dd', { class: 'decision-date' }, `${day(started.acceptanceDecisionExpectedBy)}前`),
      el('dt', {}, '承诺时限'), el('dd', {}, `受理后 ${state.item.promisedDays} 个工作日内作出决定`),
      el('dt', {}, '收件时间'), el('dd', {}, time(started.voucher.issuedAt)),
      el('dt', {}, '出具'), el('dd', {}, started.voucher.issuedByName)),
    el('h2', {}, '已收材料'),
    el('ol', { class: 'received' }, materialsOf(body)),
    signature(),
    el('p', { class: 'note' }, '请凭本凭证查询办理进度、领取结果。本凭证不代表已受理；受理与否将于上述日期前告知。'));
  openDocument(paper, `收件凭证 ${started.caseNumber}`);
  state.idempotencyKey = null; // this form is done: the next applicant gets a new form and a new key
}

function showNotice(body, problem) {
  const paper = el('div', { class: 'notice' },
    el('h1', {}, '一次性告知书'),
    el('p', {}, `${body.applicant.name || '申请人'}（${mask(body.applicant.idNumber)}）：`),
    el('p', {}, `您申请办理的“${state.item.name}”（${state.item.code}，业务情形：${state.situation.name}）材料不全，`
      + `本次不予收件，未立案。请一次性补齐以下 ${problem.missingMaterials.length} 项材料后再来申请：`),
    el('ol', { class: 'missing' }, problem.missingMaterials.map((m) => el('li', {}, m.name,
      m.paper ? el('span', { class: 'badge paper' }, '须交纸质原件') : null))),
    el('p', {}, '依法由政府部门核发或可通过数据共享获取的材料（两个免于提交）无需提交。'),
    signature(),
    el('p', { class: 'note' }, `告知时间：${time(new Date().toISOString())}`));
  openDocument(paper, '一次性告知书');
}

function openDocument(paper, title) {
  $('document-body').replaceChildren(paper);
  $('document').hidden = false;
  $('intake').hidden = true;
  $('today').hidden = true;
  document.title = `${title} — 窗口收件台`;
  $('print').focus();
}

function closeDocument() {
  if ($('document').hidden) return;
  const voucher = $('document-body').querySelector('.voucher');
  $('document').hidden = true;
  document.title = '窗口收件台';
  if (voucher) resetForm();
  showTab('intake');
  if (!voucher) document.querySelector('#materials input[type=checkbox]')?.focus();
}

$('print').addEventListener('click', () => window.print());
$('document-close').addEventListener('click', closeDocument);

function resetForm() {
  state.item = null;
  state.detail = null;
  state.idempotencyKey = null;
  $('application').reset();
  clearErrors();
  $('id-state').textContent = '';
  $('form-body').hidden = true;
  $('no-item').hidden = false;
  for (const option of $('items').children) option.setAttribute('aria-selected', 'false');
}
$('next-applicant').addEventListener('click', () => {
  resetForm();
  $('item-search').select();
  $('item-search').focus();
});

// ---------- 今日收件 (R19 status from the ledger) and the timeline ----------
function statusText(receipt) {
  if (!receipt.status) return '立案中';
  if (receipt.status === 'ENDED') return `已办结：${OUTCOME[receipt.outcome] ?? receipt.outcome ?? '—'}`;
  return receipt.waitingIn.length ? `办理中：${receipt.waitingIn.join('、')}` : '办理中';
}

async function loadToday() {
  const answer = await call('GET', `/api/windows/${state.window.district}/cases`);
  const cases = answer.ok ? answer.data : [];
  $('today-date').textContent = day(new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date()));
  $('today-empty').hidden = cases.length > 0;
  $('today-empty').textContent = answer.ok ? '今天本窗口还没有收件。' : answer.data?.detail ?? '读取失败';
  $('today-cases').replaceChildren(...cases.slice().reverse().map((c) => el('tr', { dataset: { caseNumber: c.caseNumber } },
    el('td', {}, clockOnly(c.receivedAt)),
    el('td', {}, c.caseNumber),
    el('td', {}, c.itemName),
    el('td', {}, `${c.applicantName} ${c.applicantIdNumber}`),
    el('td', { class: `status ${c.status === 'ENDED' ? 'ended' : 'running'}` }, statusText(c)),
    el('td', {}, day(c.acceptanceDecisionExpectedBy)),
    el('td', {}, el('button', { type: 'button', onclick: () => showTimeline(c.caseNumber) }, '时间线')))));
  $('timeline').hidden = true;
}
$('today-refresh').addEventListener('click', loadToday);

async function showTimeline(caseNumber) {
  const answer = await call('GET', `/api/applications/${encodeURIComponent(caseNumber)}/timeline`);
  const panel = $('timeline');
  panel.hidden = false;
  if (!answer.ok) {
    panel.replaceChildren(el('p', { class: 'message error' }, answer.data?.detail ?? '时间线读取失败'));
    return;
  }
  const { ledgerCase: c, steps } = answer.data;
  panel.replaceChildren(
    el('h2', {}, `时间线 ${c.caseNumber}`, ' ', el('button', { type: 'button', onclick: () => { panel.hidden = true; } }, '关闭')),
    el('p', {}, `${c.itemName} · 申请 ${localTime(c.appliedAt)}`
      + (c.promisedDecisionDate ? ` · 承诺办结 ${day(c.promisedDecisionDate)}` : '')),
    el('ol', { class: 'steps' }, steps.map((s) => el('li', { class: s.endedAt ? 'done' : 'open' },
      el('strong', {}, s.name ?? s.activityId),
      el('span', { class: 'muted' }, ` ${localTime(s.startedAt)}${s.endedAt ? ` → ${localTime(s.endedAt)}` : ' 等待中'}`),
      s.candidateGroup ? el('span', { class: 'muted' }, ` · ${s.candidateGroup}`) : null,
      s.assignee ? el('span', {}, ` · ${s.assignee}`) : null,
      s.action ? el('span', { class: 'badge' }, ACTION[s.action] ?? s.action) : null))));
  panel.querySelector('button').focus();
}

start();
