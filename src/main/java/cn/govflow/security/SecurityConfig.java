package cn.govflow.security;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Two worlds: the Camunda webapps under {@code /camunda} keep their own session login, everything a machine
 * calls ({@code /api}, {@code /engine-rest}, {@code /courier-desk}, {@code /actuator}) is stateless HTTP Basic
 * against the Camunda identity service.
 */
@Configuration
@ConditionalOnWebApplication
class SecurityConfig {

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(
            HttpSecurity http,
            CamundaIdentityAuthenticationProvider provider,
            EngineAuthenticationFilter engineAuthentication,
            ProblemAuthenticationEntryPoint entryPoint,
            SecurityProperties properties)
            throws Exception {
        // Path matchers on the request URI: /engine-rest is a Jersey servlet, not Spring MVC.
        http.securityMatcher(new OrRequestMatcher(
                        ant("/api/**"), ant("/engine-rest/**"), ant("/courier-desk/**"), ant("/actuator/**")))
                .authenticationProvider(provider)
                .authorizeHttpRequests(auth -> auth.requestMatchers(ant("/actuator/health"), ant("/actuator/health/**"))
                        .permitAll()
                        .requestMatchers(ant("/actuator/prometheus"))
                        .hasAnyAuthority(Authorities.group(Groups.ADMIN), Authorities.group(Groups.MONITORING))
                        .requestMatchers(ant("/actuator/**"))
                        .hasAuthority(Authorities.group(Groups.ADMIN))
                        .requestMatchers(ant(HttpMethod.GET, "/api/licenses/public-key"))
                        .permitAll()
                        .requestMatchers(ant(HttpMethod.GET, "/api/licenses/keys"))
                        .permitAll()
                        .requestMatchers(ant(HttpMethod.POST, "/api/licenses/verify"))
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(entryPoint).accessDeniedHandler(entryPoint))
                // stateless, and a read with the webapp login must not rotate the webapps' session id
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS)
                        .sessionFixation(fixation -> fixation.none()))
                .csrf(csrf -> csrf.disable())
                .addFilterAfter(engineAuthentication, BasicAuthenticationFilter.class)
                .addFilterAfter(new WebappSessionAuthenticationFilter(), BasicAuthenticationFilter.class);
        return http.build();
    }

    /** Runs inside the API chain only, after authentication; not a second time as a plain servlet filter. */
    @Bean
    FilterRegistrationBean<EngineAuthenticationFilter> engineAuthenticationRegistration(
            EngineAuthenticationFilter filter) {
        FilterRegistrationBean<EngineAuthenticationFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }

    private static RequestMatcher ant(String pattern) {
        return AntPathRequestMatcher.antMatcher(pattern);
    }

    private static RequestMatcher ant(HttpMethod method, String pattern) {
        return AntPathRequestMatcher.antMatcher(method, pattern);
    }

    /** The webapps (Tasklist, Cockpit, Admin) authenticate and protect themselves (session + CSRF). */
    @Bean
    @Order(2)
    SecurityFilterChain webappChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()));
        return http.build();
    }
}
