// bpmnlint parses models without the Camunda moddle extension, so camunda:* attributes arrive as raw
// $attrs under whatever prefix the file declares for the Camunda namespace.
const CAMUNDA_NS = 'http://camunda.org/schema/1.0/bpmn';

function definitionsOf(node) {
  let current = node;
  while (current.$parent) {
    current = current.$parent;
  }
  return current;
}

function camundaAttribute(node, name) {
  const declarations = definitionsOf(node).$attrs || {};
  const prefixes = Object.keys(declarations)
    .filter((key) => key.startsWith('xmlns:') && declarations[key] === CAMUNDA_NS)
    .map((key) => key.substring('xmlns:'.length));
  const attrs = node.$attrs || {};
  for (const prefix of prefixes) {
    const value = attrs[`${prefix}:${name}`];
    if (value !== undefined) {
      return value;
    }
  }
  return undefined;
}

module.exports = { camundaAttribute };
