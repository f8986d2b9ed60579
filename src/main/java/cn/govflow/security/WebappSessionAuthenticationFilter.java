package cn.govflow.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a user logged in to the Camunda webapps read {@code /api} with that login, so the Cockpit plugin 办件查询
 * calls the same endpoints as everyone else and sees what they let its user see. GET and HEAD only: the webapp
 * session cookie would otherwise make {@code /api} open to cross-site requests (the API has no CSRF token);
 * anything that changes state still needs HTTP Basic. The groups are the ones the webapp login recorded.
 */
class WebappSessionAuthenticationFilter extends OncePerRequestFilter {

    static final String ENGINE = "default";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        return !("GET".equals(method) || "HEAD".equals(method))
                || !request.getRequestURI().startsWith(request.getContextPath() + "/api/")
                || request.getHeader(HttpHeaders.AUTHORIZATION) != null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && SecurityContextHolder.getContext().getAuthentication() == null) {
            Authentications logins = AuthenticationUtil.getAuthsFromSession(session);
            if (logins != null && logins.getAuthenticationForProcessEngine(ENGINE) instanceof UserAuthentication user) {
                var authorities = user.getGroupIds().stream()
                        .map(Authorities::group)
                        .map(SimpleGrantedAuthority::new)
                        .toList();
                SecurityContextHolder.getContext()
                        .setAuthentication(
                                UsernamePasswordAuthenticationToken.authenticated(user.getName(), null, authorities));
            }
        }
        chain.doFilter(request, response);
    }
}
