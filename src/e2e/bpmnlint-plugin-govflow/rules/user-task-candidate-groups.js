const { is } = require('bpmnlint-utils');
const { camundaAttribute } = require('./camunda');

// Authorizations are granted per candidate group: a user task without one is invisible to every clerk.
module.exports = function () {
  function check(node, reporter) {
    if (!is(node, 'bpmn:UserTask')) {
      return;
    }
    const groups = camundaAttribute(node, 'candidateGroups');
    if (!groups || !groups.trim()) {
      reporter.report(node.id, 'User task has no camunda:candidateGroups');
    }
  }
  return { check };
};
