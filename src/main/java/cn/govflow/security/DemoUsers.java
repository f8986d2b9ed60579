package cn.govflow.security;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Demo profile only: one user per group, user id = group id, password "demo". */
@Component
@Profile("demo")
class DemoUsers {

    static final String PASSWORD = "demo";
    private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

    private final IdentityService identity;
    private final Groups groups;

    DemoUsers(IdentityService identity, Groups groups) {
        this.identity = identity;
        this.groups = groups;
    }

    @EventListener(ApplicationStartedEvent.class)
    @Order(1)
    void createDemoUsers() {
        Set<String> existing = identity.createUserQuery().list().stream()
                .map(User::getId)
                .collect(Collectors.toCollection(HashSet::new));
        int created = 0;
        for (Groups.GroupDef group : groups.all()) {
            if (existing.add(group.id())) {
                User user = identity.newUser(group.id());
                user.setFirstName(group.name());
                user.setLastName("（演示）");
                user.setPassword(PASSWORD);
                identity.saveUser(user);
                identity.createMembership(group.id(), group.id());
                created++;
            }
        }
        log.warn(
                "demo profile: {} demo users with password '{}' ({} new) — never use this profile in production",
                groups.all().size(),
                PASSWORD,
                created);
    }
}
