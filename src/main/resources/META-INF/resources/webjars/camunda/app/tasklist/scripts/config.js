// govflow's Tasklist configuration; replaces the config.js of the Camunda webjar (classes come first on the
// class path). See docs/webapps.md.
import { COMMON } from '../../govflow/webapps.js';

export default {
  ...COMMON,
  // The Tasklist default shortcuts, without "start process": clerks do not start cases here (cases start
  // through intake, POST /api/applications).
  shortcuts: {
    claimTask: { key: 'ctrl+alt+c', description: '认领当前选中的待办' },
    focusFilter: { key: 'ctrl+shift+f', description: '光标移到第一个过滤器' },
    focusList: { key: 'ctrl+alt+l', description: '光标移到待办列表的第一项' },
    focusForm: { key: 'ctrl+alt+f', description: '光标移到表单的第一个输入框' }
  }
};
