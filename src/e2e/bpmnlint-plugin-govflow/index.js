// govflow's own model rules, used from src/e2e/.bpmnlintrc as "plugin:govflow/recommended".
module.exports = {
  configs: {
    recommended: {
      rules: {
        'named-ids': 'error',
        'user-task-form': 'error',
        'user-task-candidate-groups': 'error'
      }
    }
  }
};
