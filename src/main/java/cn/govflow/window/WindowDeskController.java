package cn.govflow.window;

import cn.govflow.catalog.District;
import cn.govflow.security.Authorities;
import cn.govflow.security.Groups;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The desk's pages and its session: {@code /window-desk/} serves the desk, {@code GET /window-desk/api/session}
 * says who is logged in and at which window(s). Login, logout and who may enter are the security chain's work.
 */
@Controller
class WindowDeskController {

    private final IdentityService identity;
    private final Groups groups;

    WindowDeskController(IdentityService identity, Groups groups) {
        this.identity = identity;
        this.groups = groups;
    }

    @GetMapping("/window-desk")
    String root() {
        return "redirect:/window-desk/";
    }

    @GetMapping("/window-desk/")
    String desk() {
        return "forward:/window-desk/index.html";
    }

    @GetMapping("/window-desk/api/session")
    @ResponseBody
    Session session(Authentication caller) {
        User user = identity.createUserQuery().userId(caller.getName()).singleResult();
        String name = user == null
                ? caller.getName()
                : String.join("", List.of(nullToEmpty(user.getFirstName()), nullToEmpty(user.getLastName())));
        List<String> memberOf = Authorities.groupsOf(caller);
        List<Window> windows = Arrays.stream(District.values())
                .filter(d -> memberOf.contains(Groups.window(d)))
                .map(d -> new Window(
                        d.code(),
                        groups.all().stream()
                                .filter(g -> g.id().equals(Groups.window(d)))
                                .map(Groups.GroupDef::name)
                                .findFirst()
                                .orElse(Groups.window(d))))
                .toList();
        return new Session(caller.getName(), name.isBlank() ? caller.getName() : name, windows);
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    /** The clerk and the windows they work at (one for almost everyone). */
    record Session(String userId, String name, List<Window> windows) {}

    record Window(String district, String name) {}
}
