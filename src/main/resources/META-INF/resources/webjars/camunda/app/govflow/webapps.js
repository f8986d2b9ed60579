// govflow's settings shared by the config.js of Tasklist, Cockpit, Admin and Welcome (Camunda 7.24 loads each
// app's scripts/config.js as an ES module, so it may import this file).

/** Chinese by default; English stays available (browser language en, or the 中文 / English switch in the footer). */
export const LOCALES = { availableLocales: ['zh', 'en'], fallbackLocale: 'zh' };

/** Header and page title read "一网通办 · 政务服务工作台" (Camunda shows vendor + ' ' + name). */
export const APP = { vendor: '一网通办 ·', name: '政务服务工作台' };

/** moment.js formats: YYYY-MM-DD HH:mm everywhere a date and time is shown. */
export const DATE_FORMAT = {
  monthName: 'M月',
  day: 'DD',
  abbr: 'YYYY-MM-DD HH:mm',
  normal: 'YYYY-MM-DD HH:mm',
  long: 'YYYY-MM-DD HH:mm:ss',
  short: 'YYYY-MM-DD'
};

/** The script every app loads first (language switch); the path is relative to app/<name>/. */
export const SCRIPTS = ['../govflow/language'];

/** The configuration all four apps share; Admin and Welcome use it as it is. */
export const COMMON = {
  app: APP,
  locales: LOCALES,
  dateFormat: DATE_FORMAT,
  customScripts: SCRIPTS,
  disableWelcomeMessage: true
};
