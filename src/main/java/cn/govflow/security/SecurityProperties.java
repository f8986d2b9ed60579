package cn.govflow.security;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Security settings. The admin password has no default outside the demo profile: start-up fails with the
 * message below when {@code GOVFLOW_ADMIN_PASSWORD} is not set.
 */
@Validated
@ConfigurationProperties("govflow.security")
public record SecurityProperties(
        @NotBlank(
                message = "GOVFLOW_ADMIN_PASSWORD is not set: give the admin's password in the environment "
                        + "(or run with the demo profile)")
        String adminPassword) {}
