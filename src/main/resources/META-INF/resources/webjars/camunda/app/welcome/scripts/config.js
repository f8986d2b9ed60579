// govflow's Welcome configuration; replaces the config.js of the Camunda webjar. See docs/webapps.md.
export { COMMON as default } from '../../govflow/webapps.js';
