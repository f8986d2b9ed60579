package cn.govflow.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * One login per browser for the window desk and the Camunda webapps, which share the servlet session: logging in
 * to the desk logs in to Tasklist too, and a Tasklist login (which renews the session, dropping the desk's
 * attributes) keeps the desk logged in as the same user. Uses the webapps' own session classes (camunda-webapp's
 * {@code AuthenticationUtil}, as their login resource does); groups are read afresh from the identity service.
 */
@Component
class WebappLogin {

    /** The session attribute under which the webapps keep their logins ({@code AuthenticationUtil}). */
    private static final String WEBAPP_AUTHENTICATIONS = "authenticatedUser";

    private final ProcessEngine engine;
    private final CamundaIdentityAuthenticationProvider identity;

    WebappLogin(ProcessEngine engine, CamundaIdentityAuthenticationProvider identity) {
        this.engine = engine;
        this.identity = identity;
    }

    /** After the desk's form login: the webapps see the same user as logged in. */
    void logIntoWebapps(HttpServletRequest request, String userId) {
        UserAuthentication webappUser = AuthenticationUtil.createAuthentication(engine, userId);
        if (webappUser == null) {
            return;
        }
        HttpSession session = request.getSession();
        Authentications logins = AuthenticationUtil.getAuthsFromSession(session);
        logins.addOrReplace(webappUser);
        AuthenticationUtil.updateSession(session, logins);
    }

    /** The user this browser is logged in to the webapps as, or {@code null}. */
    Authentication fromWebapps(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(WEBAPP_AUTHENTICATIONS) instanceof Authentications logins)) {
            return null;
        }
        var login = logins.getAuthenticationForProcessEngine(engine.getName());
        return login == null ? null : identity.authenticated(login.getName());
    }

    /** The desk's security context: its own session attribute, else the webapps' login of the same session. */
    SecurityContextRepository repository() {
        HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();
        return new SecurityContextRepository() {
            @Override
            @Deprecated
            public SecurityContext loadContext(HttpRequestResponseHolder holder) {
                return loadDeferredContext(holder.getRequest()).get();
            }

            @Override
            public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
                DeferredSecurityContext stored = sessions.loadDeferredContext(request);
                return new DeferredSecurityContext() {
                    private SecurityContext context;

                    @Override
                    public SecurityContext get() {
                        if (context == null) {
                            context = stored.get();
                            Authentication webapps = context.getAuthentication() == null ? fromWebapps(request) : null;
                            if (webapps != null) {
                                context = SecurityContextHolder.createEmptyContext();
                                context.setAuthentication(webapps);
                            }
                        }
                        return context;
                    }

                    @Override
                    public boolean isGenerated() {
                        return get().getAuthentication() == null;
                    }
                };
            }

            @Override
            public void saveContext(
                    SecurityContext context,
                    HttpServletRequest request,
                    jakarta.servlet.http.HttpServletResponse response) {
                sessions.saveContext(context, request, response);
            }

            @Override
            public boolean containsContext(HttpServletRequest request) {
                return sessions.containsContext(request) || fromWebapps(request) != null;
            }
        };
    }
}
