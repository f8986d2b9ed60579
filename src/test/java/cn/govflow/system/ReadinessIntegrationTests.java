package cn.govflow.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import cn.govflow.GovflowApplication;
import cn.govflow.catalog.HandlingMode;
import cn.govflow.security.Groups;
import cn.govflow.support.TestDatabase;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Ready means ready: at the moment readiness turns to ACCEPTING_TRAFFIC (what {@code /actuator/health/readiness}
 * and the overall {@code /actuator/health} report), the start-up work is done. The crash test checks the same over
 * HTTP (the first request after readiness succeeds); this test looks inside, at the very moment.
 */
class ReadinessIntegrationTests {

    static final List<String> FILTERS = List.of("我的待办", "即将到期", "已超期", "待补正");

    @Test
    @DisplayName("when readiness turns UP the groups, demo users, authorizations, Tasklist filters, the three models "
            + "and the job executor are all in place")
    void readinessComesAfterTheStartUpWork() {
        assumeFalse(TestDatabase.isPostgres(), "an in-memory start of its own; runs in the H2 execution");
        Map<String, Object> atReadiness = new LinkedHashMap<>();
        ApplicationListener<AvailabilityChangeEvent<?>> probe = event -> {
            if (event.getState() == ReadinessState.ACCEPTING_TRAFFIC && atReadiness.isEmpty()) {
                atReadiness.putAll(facts((ApplicationContext) event.getSource()));
            }
        };

        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(GovflowApplication.class)
                .profiles("demo")
                .listeners(probe)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=jdbc:h2:mem:govflow-readiness-${random.uuid};DB_CLOSE_DELAY=-1",
                        "--camunda.bpm.webapp.enabled=false",
                        // The engine registry is static: a name of its own beside the cached test contexts' "default".
                        "--camunda.bpm.process-engine-name=readinessProbe",
                        "--govflow.licence.keystore.path=" + System.getProperty("java.io.tmpdir")
                                + "/govflow-readiness-" + UUID.randomUUID() + "/licence-signing.p12")) {
            Groups groups = context.getBean(Groups.class);
            List<String> groupIds = Stream.concat(
                            groups.all().stream().map(Groups.GroupDef::id), Stream.of(Groups.ADMIN))
                    .toList();

            assertThat(atReadiness).as("readiness turned UP").isNotEmpty();
            assertThat(atReadiness.get("groups"))
                    .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.list(String.class))
                    .containsAll(groupIds);
            assertThat(atReadiness)
                    .containsEntry("admin", true)
                    .containsEntry("demo users", groups.all().size())
                    .containsEntry("portal password", true)
                    .containsEntry("supervisor sees Cockpit", true)
                    .containsEntry("everyone opens Tasklist", true)
                    .containsEntry("Tasklist filters", FILTERS.size())
                    .containsEntry("models deployed", HandlingMode.values().length)
                    .containsEntry("job executor active", true);
        }
    }

    /** What a first request may need, read from the engine at the moment readiness changes. */
    static Map<String, Object> facts(ApplicationContext context) {
        IdentityService identity = context.getBean(IdentityService.class);
        AuthorizationService authorizations = context.getBean(AuthorizationService.class);
        FilterService filters = context.getBean(FilterService.class);
        RepositoryService repository = context.getBean(RepositoryService.class);
        Groups groups = context.getBean(Groups.class);
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put(
                "groups",
                identity.createGroupQuery().list().stream().map(Group::getId).toList());
        facts.put(
                "admin",
                identity.createUserQuery()
                                .userId("admin")
                                .memberOfGroup(Groups.ADMIN)
                                .count()
                        == 1);
        facts.put("demo users", (int) groups.all().stream()
                .filter(group -> identity.createUserQuery()
                                .userId(group.id())
                                .memberOfGroup(group.id())
                                .count()
                        == 1)
                .count());
        facts.put("portal password", identity.checkPassword(Groups.PORTAL, "demo"));
        facts.put(
                "supervisor sees Cockpit",
                authorizations.isUserAuthorized(
                        Groups.SUPERVISOR,
                        List.of(Groups.SUPERVISOR),
                        Permissions.ACCESS,
                        Resources.APPLICATION,
                        "cockpit"));
        facts.put(
                "everyone opens Tasklist",
                authorizations.isUserAuthorized(
                        Groups.PORTAL, List.of(Groups.PORTAL), Permissions.ACCESS, Resources.APPLICATION, "tasklist"));
        facts.put("Tasklist filters", (int) FILTERS.stream()
                .filter(name -> filters.createFilterQuery().filterName(name).count() == 1)
                .count());
        facts.put("models deployed", (int) repository
                .createProcessDefinitionQuery()
                .processDefinitionKeysIn(Stream.of(HandlingMode.values())
                        .map(HandlingMode::processId)
                        .toArray(String[]::new))
                .latestVersion()
                .count());
        facts.put(
                "job executor active",
                context.getBean(ProcessEngineConfigurationImpl.class)
                        .getJobExecutor()
                        .isActive());
        return facts;
    }
}
