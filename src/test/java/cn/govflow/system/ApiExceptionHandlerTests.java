package cn.govflow.system;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The error contract of the API: a ProblemDetail with {@code field} and {@code rule}, never a stack trace. */
class ApiExceptionHandlerTests {

    enum Colour {
        RED,
        GREEN
    }

    record Body(@NotBlank String name, @Min(1) int count, Colour colour) {}

    @RestController
    static class Probe {
        @PostMapping("/api/probe")
        String post(@Valid @RequestBody Body body) {
            return "ok";
        }

        @GetMapping("/api/probe/{colour}")
        String colour(@PathVariable Colour colour) {
            return colour.name();
        }

        @GetMapping("/api/refused")
        String refused() {
            throw new ApiException(
                    HttpStatus.UNPROCESSABLE_ENTITY,
                    "materials",
                    "R11",
                    "材料不全",
                    Map.of("missingMaterials", List.of("a", "b")));
        }

        @GetMapping("/api/message")
        String message() {
            throw new MismatchingMessageCorrelationException("Message_CourierDelivered", "no execution");
        }

        @GetMapping("/api/broken")
        String broken() {
            throw new IllegalStateException("secret internals");
        }
    }

    final MockMvc mvc;

    ApiExceptionHandlerTests() {
        LocalValidatorFactoryBean validator = new LocalValidatorFactoryBean();
        validator.afterPropertiesSet();
        mvc = MockMvcBuilders.standaloneSetup(new Probe())
                .setControllerAdvice(new ApiExceptionHandler())
                .setValidator(validator)
                .build();
    }

    @Test
    void apiExceptionCarriesFieldRuleAndProperties() throws Exception {
        mvc.perform(get("/api/refused"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field").value("materials"))
                .andExpect(jsonPath("$.rule").value("R11"))
                .andExpect(jsonPath("$.detail").value("材料不全"))
                .andExpect(jsonPath("$.missingMaterials[1]").value("b"));
    }

    @Test
    void beanValidationNamesEveryFieldAndConstraint() throws Exception {
        mvc.perform(post("/api/probe").contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"\",\"count\":0}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("count"))
                .andExpect(jsonPath("$.rule").value("Min"))
                .andExpect(jsonPath("$.errors[1].field").value("name"))
                .andExpect(jsonPath("$.errors[1].rule").value("NotBlank"));
    }

    @Test
    void unreadableJsonIs400OnTheBody() throws Exception {
        mvc.perform(post("/api/probe").contentType(MediaType.APPLICATION_JSON).content("{\"name\": "))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("body"))
                .andExpect(jsonPath("$.rule").value("json"));
    }

    @Test
    void aBadEnumInTheBodyNamesTheField() throws Exception {
        mvc.perform(post("/api/probe")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"x\",\"count\":1,\"colour\":\"BLUE\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("colour"))
                .andExpect(jsonPath("$.rule").value("format"))
                .andExpect(jsonPath("$.detail").value(containsString("RED")));
    }

    @Test
    void aWrongTypeInTheBodyNamesTheField() throws Exception {
        mvc.perform(post("/api/probe")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"x\",\"count\":[1]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("count"));
    }

    @Test
    void aMissingBodyIs400() throws Exception {
        mvc.perform(post("/api/probe").contentType(MediaType.APPLICATION_JSON))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("body"))
                .andExpect(jsonPath("$.rule").value("required"));
    }

    @Test
    void aTypeMismatchInThePathNamesTheParameter() throws Exception {
        mvc.perform(get("/api/probe/BLUE"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("colour"))
                .andExpect(jsonPath("$.rule").value("type"));
    }

    @Test
    void aMessageNobodyWaitsForIs409() throws Exception {
        mvc.perform(get("/api/message"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.rule").value("correlation"));
    }

    @Test
    void anUnexpectedFailureIs500WithoutInternals() throws Exception {
        mvc.perform(get("/api/broken"))
                .andExpect(status().isInternalServerError())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(content().string(not(containsString("secret internals"))))
                .andExpect(content().string(not(containsString("IllegalStateException"))));
    }
}
