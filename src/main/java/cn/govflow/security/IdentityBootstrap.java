package cn.govflow.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ResourceTypeUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates, idempotently at every start, the groups govflow routes work to, the admin account and the
 * authorizations of each role. Task-level rights come from Camunda itself: a candidate group gets READ and
 * TASK_WORK on its tasks when the task is created.
 */
@Component
class IdentityBootstrap {

    static final String ADMIN_USER = "admin";
    private static final Logger log = LoggerFactory.getLogger(IdentityBootstrap.class);

    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final Groups groups;
    private final SecurityProperties properties;

    IdentityBootstrap(
            IdentityService identity,
            AuthorizationService authorizations,
            Groups groups,
            SecurityProperties properties) {
        this.identity = identity;
        this.authorizations = authorizations;
        this.groups = groups;
        this.properties = properties;
    }

    @EventListener(ApplicationStartedEvent.class)
    @Order(0)
    void bootstrap() {
        Set<String> existing = identity.createGroupQuery().list().stream()
                .map(Group::getId)
                .collect(Collectors.toCollection(HashSet::new));
        int created = 0;
        for (Groups.GroupDef def : groups.all()) {
            if (existing.add(def.id())) {
                Group group = identity.newGroup(def.id());
                group.setName(def.name());
                group.setType(def.type());
                identity.saveGroup(group);
                created++;
            }
        }
        if (existing.add(Groups.ADMIN)) {
            Group admin = identity.newGroup(Groups.ADMIN);
            admin.setName("系统管理员");
            admin.setType("SYSTEM");
            identity.saveGroup(admin);
        }
        if (identity.createUserQuery().userId(ADMIN_USER).count() == 0) {
            User admin = identity.newUser(ADMIN_USER);
            admin.setFirstName("系统");
            admin.setLastName("管理员");
            admin.setPassword(properties.adminPassword());
            identity.saveUser(admin);
            identity.createMembership(ADMIN_USER, Groups.ADMIN);
        }
        grantBaseAuthorizations();
        log.info("identity ready: {} groups ({} new)", groups.all().size() + 1, created);
    }

    private void grantBaseAuthorizations() {
        // Everyone may open Tasklist and read the models and forms; what they see in it is decided per task.
        global(Resources.APPLICATION, "tasklist", "ACCESS");
        global(Resources.PROCESS_DEFINITION, ANY, "READ");
        global(Resources.DEPLOYMENT, ANY, "READ");
        global(Resources.FILTER, ANY, "READ");

        // Supervisors watch everything in Cockpit and can change nothing.
        group(Groups.SUPERVISOR, Resources.APPLICATION, "cockpit", "ACCESS");
        group(
                Groups.SUPERVISOR,
                Resources.PROCESS_DEFINITION,
                ANY,
                "READ",
                "READ_INSTANCE",
                "READ_HISTORY",
                "READ_TASK");
        group(Groups.SUPERVISOR, Resources.PROCESS_INSTANCE, ANY, "READ");
        group(Groups.SUPERVISOR, Resources.TASK, ANY, "READ");
        group(Groups.SUPERVISOR, Resources.HISTORIC_TASK, ANY, "READ");
        group(Groups.SUPERVISOR, Resources.HISTORIC_PROCESS_INSTANCE, ANY, "READ");

        // Process owners deploy models and see how they run.
        group(Groups.PROCESS_OWNER, Resources.APPLICATION, "cockpit", "ACCESS");
        group(Groups.PROCESS_OWNER, Resources.DEPLOYMENT, ANY, "CREATE", "READ", "DELETE");
        group(Groups.PROCESS_OWNER, Resources.PROCESS_DEFINITION, ANY, "READ", "READ_INSTANCE", "READ_HISTORY");
        // ... and repair running cases after a model fix (docs/migrating-cases.md): migrate them to the fixed
        // version, synchronously or as a batch, then retry their failed jobs. Added to an existing grant too.
        groupAdds(Groups.PROCESS_OWNER, Resources.PROCESS_DEFINITION, ANY, "MIGRATE_INSTANCE", "RETRY_JOB");
        groupAdds(
                Groups.PROCESS_OWNER,
                Resources.BATCH,
                ANY,
                "READ",
                "CREATE_BATCH_MIGRATE_PROCESS_INSTANCES",
                "CREATE_BATCH_SET_JOB_RETRIES");

        for (Resource resource : Resources.values()) {
            group(Groups.ADMIN, resource, ANY, "ALL");
        }
    }

    private void global(Resource resource, String resourceId, String... permissions) {
        if (authorizations
                        .createAuthorizationQuery()
                        .authorizationType(AUTH_TYPE_GLOBAL)
                        .resourceType(resource)
                        .resourceId(resourceId)
                        .count()
                == 0) {
            Authorization auth = authorizations.createNewAuthorization(AUTH_TYPE_GLOBAL);
            auth.setUserId(ANY);
            save(auth, resource, resourceId, permissions);
        }
    }

    private void group(String groupId, Resource resource, String resourceId, String... permissions) {
        if (authorizations
                        .createAuthorizationQuery()
                        .groupIdIn(groupId)
                        .resourceType(resource)
                        .resourceId(resourceId)
                        .count()
                == 0) {
            Authorization auth = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
            auth.setGroupId(groupId);
            save(auth, resource, resourceId, permissions);
        }
    }

    /** Like {@link #group}, but also adds the permissions missing from a grant an earlier start created. */
    private void groupAdds(String groupId, Resource resource, String resourceId, String... permissions) {
        Authorization existing = authorizations
                .createAuthorizationQuery()
                .groupIdIn(groupId)
                .authorizationType(AUTH_TYPE_GRANT)
                .resourceType(resource)
                .resourceId(resourceId)
                .singleResult();
        if (existing == null) {
            group(groupId, resource, resourceId, permissions);
            return;
        }
        boolean missing = false;
        for (String permission : permissions) {
            missing |= !existing.isPermissionGranted(
                    ResourceTypeUtil.getPermissionByNameAndResourceType(permission, resource.resourceType()));
        }
        if (missing) {
            save(existing, resource, resourceId, permissions);
        }
    }

    private void save(Authorization auth, Resource resource, String resourceId, String... permissions) {
        auth.setResource(resource);
        auth.setResourceId(resourceId);
        for (String permission : permissions) {
            auth.addPermission(
                    ResourceTypeUtil.getPermissionByNameAndResourceType(permission, resource.resourceType()));
        }
        authorizations.saveAuthorization(auth);
    }
}
