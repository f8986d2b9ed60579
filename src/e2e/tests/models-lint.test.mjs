// The check a process owner runs before deploying: bpmnlint's recommended rules plus govflow's own
// (bpmnlint-plugin-govflow: ids named by kind, a Camunda Form and a candidate group on every user task),
// with the configuration in src/e2e/.bpmnlintrc. Zero errors over processes/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { bpmnFiles, e2eDir, formsDir, processesDir } from './support/paths.mjs';

const require = createRequire(path.join(e2eDir, 'package.json'));
const { Linter } = require('bpmnlint');
const NodeResolver = require('bpmnlint/lib/resolver/node-resolver');
const { BpmnModdle } = require('bpmn-moddle');

const config = JSON.parse(fs.readFileSync(path.join(e2eDir, '.bpmnlintrc'), 'utf8'));

/** Lints one file; returns [{ rule, id, message, category }]. */
async function lint(file) {
  const { rootElement } = await new BpmnModdle().fromXML(fs.readFileSync(file, 'utf8'));
  const linter = new Linter({ config, resolver: new NodeResolver({ require }) });
  const results = await linter.lint(rootElement);
  return Object.entries(results).flatMap(([rule, reports]) =>
    reports.map((report) => ({ rule, id: report.id, message: report.message, category: report.category })));
}

const describe = (reports) => reports.map((r) => `${r.id}: ${r.message} (${r.rule})`).join('\n');

test(`processes/ holds the models to lint (${processesDir})`, () => {
  assert.ok(bpmnFiles().length > 0, `no .bpmn file in ${processesDir}`);
});

for (const file of bpmnFiles()) {
  const name = path.basename(file);
  test(`${name} passes bpmnlint (recommended + govflow rules) without errors`, async (t) => {
    const reports = await lint(file);
    const errors = reports.filter((r) => r.category === 'error');
    const warnings = reports.filter((r) => r.category !== 'error');
    for (const warning of warnings) {
      t.diagnostic(`warning in ${name}: ${describe([warning])}`);
    }
    assert.equal(errors.length, 0, `lint errors in ${name}:\n${describe(errors)}`);
  });
}

// Tasklist shows a blank task when camunda:formRef names a form that is not deployed with the model.
const formIds = fs.existsSync(formsDir)
  ? new Set(fs.readdirSync(formsDir).filter((name) => name.endsWith('.form'))
    .map((name) => JSON.parse(fs.readFileSync(path.join(formsDir, name), 'utf8')).id))
  : new Set();

for (const file of bpmnFiles()) {
  const name = path.basename(file);
  test(`every camunda:formRef in ${name} names a form in forms/`, () => {
    const refs = [...fs.readFileSync(file, 'utf8').matchAll(/camunda:formRef="([^"]+)"/g)].map((match) => match[1]);
    const missing = [...new Set(refs)].filter((id) => !formIds.has(id));
    assert.deepEqual(missing, [], `forms missing from ${formsDir}`);
  });
}

test('the govflow rules refuse generated ids, user tasks without a form or without a candidate group', async () => {
  const reports = await lint(path.join(e2eDir, 'tests', 'fixtures', 'generated-ids.bpmn'));
  const govflow = reports.filter((r) => r.rule.startsWith('govflow/')).map((r) => `${r.rule} ${r.id}`).sort();
  assert.deepEqual(govflow, [
    'govflow/named-ids Activity_0m4w7vr',
    'govflow/named-ids Flow_0abcdef',
    'govflow/named-ids Receipt',
    'govflow/named-ids StartEvent_1x2y3z4',
    'govflow/user-task-candidate-groups Activity_0m4w7vr',
    'govflow/user-task-candidate-groups Receipt',
    'govflow/user-task-form Activity_0m4w7vr',
    'govflow/user-task-form Receipt'
  ]);
  assert.ok(reports.every((r) => r.category === 'error' || !r.rule.startsWith('govflow/')));
});
