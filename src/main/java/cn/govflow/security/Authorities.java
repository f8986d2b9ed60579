package cn.govflow.security;

import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** Groups of the Camunda identity service as Spring Security authorities ({@code GROUP_window-yangpu}). */
public final class Authorities {

    public static final String PREFIX = "GROUP_";

    private Authorities() {}

    public static String group(String groupId) {
        return PREFIX + groupId;
    }

    /** The Camunda group ids of an authenticated caller. */
    public static List<String> groupsOf(Authentication authentication) {
        return authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith(PREFIX))
                .map(a -> a.substring(PREFIX.length()))
                .toList();
    }

    public static boolean isMember(Authentication authentication, String groupId) {
        return groupsOf(authentication).contains(groupId);
    }
}
