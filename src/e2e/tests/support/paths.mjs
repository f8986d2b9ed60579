import { fileURLToPath } from 'node:url';
import path from 'node:path';
import fs from 'node:fs';

export const e2eDir = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const repoRoot = path.resolve(e2eDir, '../..');
/** Where screenshots go: target/e2e/ at the repository root. */
export const screenshotDir = path.join(repoRoot, 'target', 'e2e');
/** The models to check; GOVFLOW_PROCESSES_DIR points elsewhere, e.g. at another worktree's models. */
export const processesDir = process.env.GOVFLOW_PROCESSES_DIR
  ? path.resolve(process.env.GOVFLOW_PROCESSES_DIR)
  : path.join(repoRoot, 'processes');

/** The Camunda Forms deployed with the models (forms/ beside processes/). */
export const formsDir = path.join(path.dirname(processesDir), 'forms');

export function bpmnFiles() {
  if (!fs.existsSync(processesDir)) {
    return [];
  }
  return fs.readdirSync(processesDir)
    .filter((name) => name.endsWith('.bpmn'))
    .sort()
    .map((name) => path.join(processesDir, name));
}
