// govflow's Cockpit configuration; replaces the config.js of the Camunda webjar. See docs/webapps.md.
import { APP, DATE_FORMAT, LOCALES, SCRIPTS } from '../../govflow/webapps.js';

export default {
  app: APP,
  locales: LOCALES,
  dateFormat: DATE_FORMAT,
  // the 办件查询 / 办件时间线 plugin (scripts/govflow-cases/plugin.js)
  customScripts: [...SCRIPTS, 'scripts/govflow-cases/plugin'],
  // Cockpit's own date formats (see scripts/govflow-dates.js)
  requireJsConfig: {
    deps: ['govflow-dates'],
    ngDeps: ['govflow.dates'],
    paths: { 'govflow-dates': 'scripts/govflow-dates' }
  },
  disableWelcomeMessage: true,
  historicActivityInstanceMetrics: { adjustablePeriod: true, period: { unit: 'month' } }
};
