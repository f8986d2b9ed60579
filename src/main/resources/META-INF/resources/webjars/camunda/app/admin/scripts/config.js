// govflow's Admin configuration; replaces the config.js of the Camunda webjar. See docs/webapps.md.
import { APP, DATE_FORMAT, LOCALES, SCRIPTS } from '../../govflow/webapps.js';

export default {
  app: APP,
  locales: LOCALES,
  dateFormat: DATE_FORMAT,
  customScripts: SCRIPTS,
  disableWelcomeMessage: true
};
