package cn.govflow.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * A full application on a random port with the demo users, on the database the failsafe execution names
 * ({@code govflow.test.database}: h2 in memory, or the local PostgreSQL in a fresh database).
 *
 * <p>Keep every integration test on this one cached context: no {@code @MockBean} or extra properties. A second
 * context would start a second engine under the name "default" in Camunda's static engine registry, and the
 * REST API of the first would talk to the wrong engine.
 *
 * <p>Every {@code TestRestTemplate} call under {@code /api} is checked against the OpenAPI contract
 * ({@link OpenApiContract}). Metrics export is on, as in production, so /actuator/prometheus exists.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(TestDatabase.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(resolver = TestDatabase.Profiles.class)
@Import(OpenApiContract.class)
@AutoConfigureObservability(tracing = false)
public @interface GovflowIntegrationTest {}
