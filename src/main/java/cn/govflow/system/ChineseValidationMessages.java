package cn.govflow.system;

import jakarta.validation.MessageInterpolator;
import java.util.Locale;
import org.springframework.boot.autoconfigure.validation.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Bean Validation's messages in Chinese, whatever the caller's Accept-Language or the server's locale: Hibernate
 * Validator's own {@code ValidationMessages_zh_CN} ("不能为空" for {@code @NotBlank}). Constraints with a message of
 * their own keep it; the ProblemDetail's {@code field} and {@code rule} do not change.
 */
@Configuration(proxyBeanMethods = false)
class ChineseValidationMessages {

    static final Locale LOCALE = Locale.SIMPLIFIED_CHINESE;

    @Bean
    ValidationConfigurationCustomizer chineseValidationMessagesCustomizer() {
        return configuration ->
                configuration.messageInterpolator(new FixedLocale(configuration.getDefaultMessageInterpolator()));
    }

    /** Interpolates every message in {@link #LOCALE}. */
    record FixedLocale(MessageInterpolator target) implements MessageInterpolator {
        @Override
        public String interpolate(String messageTemplate, Context context) {
            return target.interpolate(messageTemplate, context, LOCALE);
        }

        @Override
        public String interpolate(String messageTemplate, Context context, Locale locale) {
            return target.interpolate(messageTemplate, context, LOCALE);
        }
    }
}
