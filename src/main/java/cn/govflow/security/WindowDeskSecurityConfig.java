package cn.govflow.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

/**
 * The window intake desk ({@code /window-desk/**}): a form login against the Camunda identity service, held in
 * an HTTP session shared with the Camunda webapps ({@link WebappLogin}), for users of a {@code window-<district>}
 * group only. The desk's own script calls the ordinary
 * {@code /api} endpoints with that session: such calls carry {@code X-Requested-With: XMLHttpRequest} and no
 * {@code Authorization} header, and must present the desk's CSRF token. Every other {@code /api} call (HTTP
 * Basic) still goes to the stateless API chain, unchanged.
 */
@Configuration
@ConditionalOnWebApplication
class WindowDeskSecurityConfig {

    static final String PATH = "/window-desk";
    static final String LOGIN_PAGE = PATH + "/login.html";
    /** Not Camunda's {@code XSRF-TOKEN}: the webapps set their own cookie of that name. */
    static final String CSRF_COOKIE = "GOVFLOW-DESK-XSRF";

    static final String CSRF_HEADER = "X-XSRF-TOKEN";

    @Bean
    @Order(0)
    SecurityFilterChain windowDeskChain(
            HttpSecurity http,
            CamundaIdentityAuthenticationProvider provider,
            ProblemAuthenticationEntryPoint problems,
            WebappLogin webapps)
            throws Exception {
        RequestMatcher deskApi = new OrRequestMatcher(ant(PATH + "/api/**"), ant("/api/**"));
        CookieCsrfTokenRepository csrfTokens = CookieCsrfTokenRepository.withHttpOnlyFalse();
        csrfTokens.setCookieName(CSRF_COOKIE);
        csrfTokens.setHeaderName(CSRF_HEADER);
        csrfTokens.setCookieCustomizer(cookie -> cookie.path("/").sameSite("Strict"));
        http.securityMatcher(new OrRequestMatcher(
                        ant(PATH),
                        ant(PATH + "/**"),
                        new AndRequestMatcher(ant("/api/**"), WindowDeskSecurityConfig::fromDeskScript)))
                .authenticationProvider(provider)
                .authorizeHttpRequests(auth -> auth.requestMatchers(
                                ant(LOGIN_PAGE),
                                ant(PATH + "/login.js"),
                                ant(PATH + "/api.js"),
                                ant(PATH + "/desk.css"))
                        .permitAll()
                        .anyRequest()
                        .access(WindowDeskSecurityConfig.windowClerk()))
                .securityContext(context -> context.securityContextRepository(webapps.repository()))
                .formLogin(form -> form.loginPage(LOGIN_PAGE)
                        .loginProcessingUrl(PATH + "/login")
                        .successHandler((request, response, authentication) -> {
                            webapps.logIntoWebapps(request, authentication.getName());
                            response.sendRedirect(request.getContextPath() + PATH + "/");
                        })
                        .failureUrl(LOGIN_PAGE + "?error")
                        .permitAll())
                .logout(logout -> logout.logoutUrl(PATH + "/logout").logoutSuccessUrl(LOGIN_PAGE + "?logout"))
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens)
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler()))
                .addFilterAfter(new CsrfCookieFilter(), BasicAuthenticationFilter.class)
                .exceptionHandling(ex -> ex.defaultAuthenticationEntryPointFor(
                                (request, response, e) ->
                                        problems.write(request, response, HttpStatus.UNAUTHORIZED, "收件台登录已失效，请重新登录"),
                                deskApi)
                        .defaultAuthenticationEntryPointFor(
                                new LoginUrlAuthenticationEntryPoint(LOGIN_PAGE),
                                AntPathRequestMatcher.antMatcher("/**"))
                        .defaultAccessDeniedHandlerFor(deniedProblem(problems), deskApi)
                        .defaultAccessDeniedHandlerFor(
                                WindowDeskSecurityConfig::deniedPage, AntPathRequestMatcher.antMatcher("/**")))
                .headers(headers -> headers.frameOptions(frame -> frame.deny()));
        return http.build();
    }

    /** The desk's own calls: from its script, without HTTP Basic credentials. */
    private static boolean fromDeskScript(HttpServletRequest request) {
        return request.getHeader("Authorization") == null
                && "XMLHttpRequest".equals(request.getHeader("X-Requested-With"));
    }

    /** Members of a {@code window-<district>} group; everyone else (departments, supervisors, portal) is refused. */
    static AuthorizationManager<RequestAuthorizationContext> windowClerk() {
        return (authentication, context) -> new AuthorizationDecision(isWindowClerk(authentication.get()));
    }

    static boolean isWindowClerk(Authentication authentication) {
        return authentication != null
                && authentication.isAuthenticated()
                && Authorities.groupsOf(authentication).stream().anyMatch(g -> g.startsWith(Groups.WINDOW_PREFIX));
    }

    private static AccessDeniedHandler deniedProblem(ProblemAuthenticationEntryPoint problems) {
        return (request, response, e) -> problems.write(
                request,
                response,
                HttpStatus.FORBIDDEN,
                e instanceof CsrfException ? "收件台的安全令牌已失效，请刷新页面后重试" : "收件台只供综合窗口（window-<区>）使用");
    }

    /** A Chinese page, not a JSON body: the refused user reads it in the browser and can log out from it. */
    private static void deniedPage(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        String user = authentication == null ? "" : authentication.getName();
        String page;
        try (InputStream in = new ClassPathResource("static" + PATH + "/forbidden.html").getInputStream()) {
            page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        response.setStatus(HttpStatus.FORBIDDEN.value());
        response.setContentType(MediaType.TEXT_HTML_VALUE + ";charset=UTF-8");
        response.getWriter().write(page.replace("{{user}}", HtmlUtils.htmlEscape(user)));
    }

    private static RequestMatcher ant(String pattern) {
        return AntPathRequestMatcher.antMatcher(pattern);
    }

    /** Loads the deferred CSRF token on every desk request, so that its cookie is always there for the script. */
    private static final class CsrfCookieFilter extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(
                HttpServletRequest request, HttpServletResponse response, jakarta.servlet.FilterChain chain)
                throws jakarta.servlet.ServletException, IOException {
            CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
            if (token != null) {
                token.getToken();
            }
            chain.doFilter(request, response);
        }
    }
}
