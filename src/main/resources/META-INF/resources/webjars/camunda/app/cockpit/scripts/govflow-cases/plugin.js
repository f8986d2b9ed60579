// 办件查询 / 办件时间线: a Cockpit page (Camunda 7.24 front-end plugin, an ES module listed in config.js
// customScripts) where a supervisor finds any case, running or ended, and reads its ledger row and timeline.
// It only calls govflow's own API (GET /api/applications…), which accepts the Cockpit login for reads and shows
// each user exactly the cases that API lets them see. A link on a running instance's page opens the same view.

const PATH = '/govflow-cases';
const API = '/api/applications';

const STATUS = {
  RUNNING: '办理中', ENDED: '已办结', COMPLETED: '已办结', TERMINATED: '已终止', APPROVED: '准予许可',
  NOT_APPROVED: '不予许可', NOT_ACCEPTED: '不予受理', REFUSED: '不予收件', WITHDRAWN: '申请人撤回'
};
const ACTION = {
  RECEIVED: '收件', ACCEPTED: '受理', NOT_ACCEPTED: '不予受理', SUPPLEMENT: '一次性告知补正', APPROVED: '准予许可',
  NOT_APPROVED: '不予许可', REFUSED: '退件', WITHDRAWN: '撤回', CANCELLED: '流程转向，环节取消', DONE: '已办',
  DELEGATED: '已转办', SUBMITTED: '已提交'
};
const MODE = { FULL_ONLINE: '全程网办', DELEGATED_IMPLEMENTATION: '下放基层实施', ENTRUSTED_RECEIPT: '委托基层收件' };
const DISTRICT = {
  huangpu: '黄浦区', xuhui: '徐汇区', changning: '长宁区', jingan: '静安区', putuo: '普陀区', hongkou: '虹口区',
  yangpu: '杨浦区', minhang: '闵行区', baoshan: '宝山区', jiading: '嘉定区', pudong: '浦东新区', jinshan: '金山区',
  songjiang: '松江区', qingpu: '青浦区', fengxian: '奉贤区', chongming: '崇明区'
};
const CHANNEL = { ONLINE: '网上申请', WINDOW: '窗口申请', PC: '电脑端', APP: '移动端', PAD: '评价器', SMS: '短信' };

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === 'class') {
      node.className = value;
    } else if (name.startsWith('on')) {
      node.addEventListener(name.slice(2), value);
    } else if (value !== undefined && value !== null) {
      node.setAttribute(name, value);
    }
  }
  for (const child of children.flat()) {
    node.append(child instanceof Node ? child : document.createTextNode(child ?? ''));
  }
  return node;
}

/** Ledger times are Shanghai wall-clock times without zone (2026-03-02T09:15:00): shown as written. */
function wallClock(text) {
  return text ? text.replace('T', ' ').slice(0, 16) : '—';
}

/** Instants (with zone) in Shanghai time, YYYY-MM-DD HH:mm. */
function shanghai(text) {
  if (!text) {
    return '—';
  }
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit',
    minute: '2-digit', hourCycle: 'h23'
  }).formatToParts(new Date(text)).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/** 按期 / 超期 of a step: done by its due time, or not; an open step past due is 超期 already. */
function timeliness(step) {
  if (!step.dueAt) {
    return '—';
  }
  const nowInShanghai = shanghai(new Date().toISOString()).replace(' ', 'T');
  const end = step.endedAt || nowInShanghai;
  if (end.slice(0, 16) <= step.dueAt.slice(0, 16)) {
    return step.endedAt ? '按期' : '未到期';
  }
  return step.endedAt ? '超期' : '超期（未办结）';
}

async function getJson(url) {
  const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    throw new Error(body.detail || `${response.status}`);
  }
  return body;
}

function hashParams() {
  const query = window.location.hash.split('?')[1] || '';
  return new URLSearchParams(query);
}

function table(headers, rows) {
  return el('table', { class: 'table table-striped table-condensed govflow-table' },
    el('thead', {}, el('tr', {}, headers.map((h) => el('th', {}, h)))),
    el('tbody', {}, rows));
}

function ledgerRow(c) {
  const facts = [
    ['办件编号', c.caseNumber], ['事项', `${c.itemName}（${c.itemCode}）`], ['办理模式', MODE[c.mode] || c.mode],
    ['实施部门', c.department], ['区', DISTRICT[c.district] || c.district], ['渠道', CHANNEL[c.channel] || c.channel],
    ['申请时间', wallClock(c.appliedAt)], ['收件时间', wallClock(c.receivedAt)], ['受理时间', wallClock(c.acceptedAt)],
    ['承诺办结日期', c.promisedDecisionDate || '—'], ['决定时间', wallClock(c.decidedAt)],
    ['送达时间', wallClock(c.deliveredAt)], ['办结时间', wallClock(c.completedAt)],
    ['办理结果', STATUS[c.outcome] || c.outcome || '—'], ['状态', STATUS[c.status] || c.status],
    ['承诺时限（工作日）', c.promisedWorkdays ?? '—'], ['实际用时（工作日）', c.actualWorkdays ?? '—'],
    ['按期办结', c.onTime === true ? '按期' : c.overdue === true ? '超期' : '—'],
    ['告知承诺', c.commitment ? '是' : '否'], ['当场办结', c.onTheSpot ? '是' : '否']
  ];
  return el('dl', { class: 'dl-horizontal govflow-ledger' }, facts.flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, String(v))]));
}

function ratingView(rating) {
  if (!rating) {
    return el('p', { class: 'govflow-rating' }, '好差评：尚未评价');
  }
  const stars = '★'.repeat(rating.score) + '☆'.repeat(5 - rating.score);
  const parts = [`好差评：${stars}（${rating.score} 分，${rating.score <= 2 ? '差评' : rating.score >= 4 ? '好评' : '一般'}）`,
    `评价渠道：${CHANNEL[rating.channel] || rating.channel}`, `评价时间：${wallClock(rating.ratedAt)}`];
  if (rating.comment) {
    parts.push(`评价内容：${rating.comment}`);
  }
  if (rating.rectificationGroup) {
    parts.push(`整改：${rating.rectificationGroup}，期限 ${wallClock(rating.rectificationDue)}，`
      + (rating.rectifiedAt ? `已于 ${wallClock(rating.rectifiedAt)} 整改（${rating.rectificationMeasures || ''}）` : '整改中'));
  }
  return el('div', { class: 'govflow-rating' }, parts.map((p) => el('p', {}, p)));
}

async function showCase(target, caseNumber) {
  target.replaceChildren(el('p', {}, '正在加载…'));
  try {
    const timeline = await getJson(`${API}/${encodeURIComponent(caseNumber)}/timeline`);
    const steps = timeline.steps.map((s) => el('tr', { class: 'govflow-step' },
      el('td', {}, s.name), el('td', {}, s.assignee || '—'), el('td', {}, s.candidateGroup || '—'),
      el('td', {}, wallClock(s.startedAt)), el('td', {}, wallClock(s.dueAt)), el('td', {}, wallClock(s.endedAt)),
      el('td', {}, s.action ? (ACTION[s.action] || s.action) : '办理中'), el('td', {}, s.opinion || ''),
      el('td', { class: 'govflow-timeliness' }, timeliness(s))));
    target.replaceChildren(
      el('h3', {}, `办件 ${caseNumber}`),
      ledgerRow(timeline.ledgerCase),
      el('h4', {}, '办件时间线'),
      table(['环节', '办理人', '用户组', '开始', '截止', '完成', '办理结果', '意见', '按期/超期'], steps),
      ratingView(timeline.rating));
  } catch (error) {
    target.replaceChildren(el('p', { class: 'alert alert-warning' }, `无法显示办件 ${caseNumber}：${error.message}`));
  }
}

async function search(results, detail, criteria) {
  const query = new URLSearchParams(Object.entries(criteria).filter(([, v]) => v));
  results.replaceChildren(el('p', {}, '正在查询…'));
  detail.replaceChildren();
  try {
    const hits = await getJson(`${API}?${query}`);
    if (hits.length === 0) {
      results.replaceChildren(el('p', {}, '没有符合条件的办件。'));
      return;
    }
    results.replaceChildren(table(['办件编号', '事项', '区', '申请人', '状态', '申请时间'], hits.map((c) => el('tr', {},
      el('td', {}, el('a', { href: `#${PATH}?case=${encodeURIComponent(c.caseNumber)}`, class: 'govflow-case-link' }, c.caseNumber)),
      el('td', {}, c.itemName || c.itemCode), el('td', {}, c.districtName || c.district), el('td', {}, c.applicantName),
      el('td', {}, STATUS[c.status] || c.status), el('td', {}, shanghai(c.createdAt))))));
  } catch (error) {
    results.replaceChildren(el('p', { class: 'alert alert-warning' }, `查询失败：${error.message}`));
  }
}

function renderPage(node) {
  const fields = [['caseNumber', '办件编号'], ['item', '事项名称或编码'], ['district', '区（如 杨浦区）'], ['applicant', '申请人']];
  const inputs = Object.fromEntries(fields.map(([name, label]) => [name,
    el('input', { class: 'form-control', name, placeholder: label, 'aria-label': label })]));
  const results = el('div', { class: 'govflow-results' });
  const detail = el('div', { class: 'govflow-detail' });
  const form = el('form', {
    class: 'form-inline govflow-search',
    onsubmit: (event) => {
      event.preventDefault();
      search(results, detail, Object.fromEntries(Object.entries(inputs).map(([k, i]) => [k, i.value.trim()])));
    }
  }, Object.values(inputs), el('button', { type: 'submit', class: 'btn btn-primary' }, '查询'));
  node.replaceChildren(el('section', { class: 'govflow-cases' }, el('h2', {}, '办件查询'), form, results, detail));

  const opened = hashParams().get('case');
  if (opened) {
    inputs.caseNumber.value = opened;
    showCase(detail, opened);
  } else {
    search(results, detail, {});
  }
}

export default [
  {
    id: 'govflow.cases.route',
    pluginPoint: 'cockpit.route',
    properties: { path: PATH, label: '办件查询' },
    render(node) {
      let shown = window.location.hash;
      renderPage(node);
      // the same page with another ?case= (a link in the results) is a new hash but no new route: re-render
      this.onHashChange = () => {
        if (window.location.hash !== shown && window.location.hash.startsWith(`#${PATH}`)) {
          shown = window.location.hash;
          renderPage(node);
        }
      };
      window.addEventListener('hashchange', this.onHashChange);
    },
    unmount() {
      window.removeEventListener('hashchange', this.onHashChange);
    }
  },
  {
    id: 'govflow.cases.navigation',
    pluginPoint: 'cockpit.navigation',
    priority: 10,
    properties: {
      pagePath: `#${PATH}`,
      checkActive: (path) => path.includes(`#${PATH}`)
    },
    render(node) {
      node.replaceChildren(el('a', { href: `#${PATH}` }, '办件查询'));
    }
  },
  {
    id: 'govflow.cases.instance-link',
    pluginPoint: 'cockpit.processInstance.runtime.action',
    priority: 20,
    render(node, { api, processInstanceId }) {
      // an icon button like Cockpit's other instance actions; the title names it
      const link = el('a', { class: 'btn btn-default action-button govflow-timeline-link', title: '办件时间线',
        'aria-label': '办件时间线' }, el('span', { class: 'glyphicon glyphicon-time' }));
      node.replaceChildren(link);
      fetch(`${api.engineApi}/process-instance/${encodeURIComponent(processInstanceId)}`,
        { credentials: 'same-origin', headers: { Accept: 'application/json' } })
        .then((response) => (response.ok ? response.json() : {}))
        .then((instance) => {
          if (instance.businessKey) {
            link.href = `#${PATH}?case=${encodeURIComponent(instance.businessKey)}`;
          } else {
            link.remove();
          }
        });
    }
  }
];
