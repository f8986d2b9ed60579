// govflow's Cockpit configuration; replaces the config.js of the Camunda webjar. See docs/webapps.md.
import { COMMON } from '../../govflow/webapps.js';

export default {
  ...COMMON,
  // the 办件查询 / 办件时间线 plugin (scripts/govflow-cases/plugin.js)
  customScripts: [...COMMON.customScripts, 'scripts/govflow-cases/plugin'],
  // Cockpit's own date formats (see scripts/govflow-dates.js)
  requireJsConfig: {
    deps: ['govflow-dates'],
    ngDeps: ['govflow.dates'],
    paths: { 'govflow-dates': 'scripts/govflow-dates' }
  },
  historicActivityInstanceMetrics: { adjustablePeriod: true, period: { unit: 'month' } }
};
