package cn.govflow.courier;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Courier platform settings ({@code govflow.courier.*}). A blank base URL means the built-in courier desk of
 * this server ({@code http://localhost:<port>/courier-desk}); the real platform is one setting away.
 */
@ConfigurationProperties("govflow.courier")
record CourierProperties(
        String baseUrl,
        String username,
        String password,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("5s") Duration readTimeout,
        @DefaultValue Desk desk) {

    /** The built-in desk posts delivery events back to govflow as this user (a member of {@code courier}). */
    record Desk(String eventsUrl, String username, String password) {}
}
