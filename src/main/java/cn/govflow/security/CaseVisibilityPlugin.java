package cn.govflow.security;

import cn.govflow.process.ParseListeners;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;

/**
 * A group that is given a task of a case may read that case: its process instance and variables (case number,
 * item, applicant in the Tasklist columns), nothing of other cases. Camunda itself only grants the task.
 */
@Component
public class CaseVisibilityPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        ParseListeners.addAfterEngine(configuration, new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                ((UserTaskActivityBehavior) activity.getActivityBehavior())
                        .getTaskDefinition()
                        .addTaskListener(TaskListener.EVENTNAME_CREATE, new GrantCaseToCandidateGroups());
            }
        });
    }

    static final class GrantCaseToCandidateGroups implements TaskListener {
        @Override
        public void notify(DelegateTask task) {
            if (!Context.getProcessEngineConfiguration().isAuthorizationEnabled()
                    || task.getProcessInstanceId() == null) {
                return;
            }
            AuthorizationManager authorizations = Context.getCommandContext().getAuthorizationManager();
            for (IdentityLink link : task.getCandidates()) {
                if (link.getGroupId() == null || !IdentityLinkType.CANDIDATE.equals(link.getType())) {
                    continue;
                }
                if (authorizations.findAuthorizationByGroupIdAndResourceId(
                                Authorization.AUTH_TYPE_GRANT,
                                link.getGroupId(),
                                Resources.PROCESS_INSTANCE,
                                task.getProcessInstanceId())
                        == null) {
                    AuthorizationEntity grant = new AuthorizationEntity(Authorization.AUTH_TYPE_GRANT);
                    grant.setGroupId(link.getGroupId());
                    grant.setResource(Resources.PROCESS_INSTANCE);
                    grant.setResourceId(task.getProcessInstanceId());
                    grant.addPermission(Permissions.READ);
                    authorizations.insert(grant);
                }
            }
        }
    }
}
