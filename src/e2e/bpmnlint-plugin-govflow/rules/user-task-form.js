const { is } = require('bpmnlint-utils');
const { camundaAttribute } = require('./camunda');

// Clerks work in Tasklist: a user task without a Camunda Form shows them a bare variable list.
module.exports = function () {
  function check(node, reporter) {
    if (!is(node, 'bpmn:UserTask')) {
      return;
    }
    const formRef = camundaAttribute(node, 'formRef');
    if (!formRef || !formRef.trim()) {
      reporter.report(node.id, 'User task has no camunda:formRef (a Camunda Form for Tasklist)');
      return;
    }
    if (!camundaAttribute(node, 'formRefBinding')) {
      reporter.report(node.id, `User task's form <${formRef}> has no camunda:formRefBinding (use "deployment")`);
    }
  }
  return { check };
};
