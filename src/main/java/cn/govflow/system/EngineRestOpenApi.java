package cn.govflow.system;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Camunda's own OpenAPI document of the engine REST API ({@code org.camunda.bpm:camunda-engine-rest-openapi},
 * the version of the engine), served as it is at {@value #PATH} and listed in Swagger UI next to govflow's. Not
 * under {@code /engine-rest}: that path belongs to the engine's JAX-RS servlet.
 */
@RestController
class EngineRestOpenApi {

    static final String PATH = "/engine-rest-openapi.json";

    private final Resource document = new ClassPathResource("openapi.json");

    @GetMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Resource> document() {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(document);
    }
}
