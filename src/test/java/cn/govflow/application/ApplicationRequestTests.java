package cn.govflow.application;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govflow.catalog.ApplicantType;
import cn.govflow.catalog.Channel;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Bean Validation of the request shape: which field, which rule. */
class ApplicationRequestTests {

    static final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

    static ApplicationRequest request(ApplicationRequest.Applicant applicant, ApplicationRequest.Delivery delivery) {
        return new ApplicationRequest(
                "2022-FO-001",
                Channel.ONLINE,
                "yangpu",
                null,
                applicant,
                "standard",
                List.of(new ApplicationRequest.SuppliedMaterial("application-form", MaterialSource.UPLOAD)),
                delivery,
                false);
    }

    static ApplicationRequest.Applicant person(String id) {
        return new ApplicationRequest.Applicant(ApplicantType.PERSON, "张三", IdType.RESIDENT_ID, id, null, null);
    }

    static final ApplicationRequest.Delivery E_LICENCE =
            new ApplicationRequest.Delivery(DeliveryMethod.E_LICENCE, null);

    @Test
    void aWellFormedRequestPasses() {
        assertThat(validator.validate(request(person("310104198001011239"), E_LICENCE)))
                .isEmpty();
    }

    @Test
    void badResidentIdIsReportedOnTheIdNumberWithRuleGb11643() {
        assertThat(violations(request(person("310104198001011234"), E_LICENCE)))
                .containsExactly(Map.entry("applicant.idNumber", "GB11643"));
    }

    @Test
    void badCreditCodeIsReportedWithRuleGb32100() {
        var enterprise = new ApplicationRequest.Applicant(
                ApplicantType.ENTERPRISE, "某公司", IdType.USCC, "91350100M000100Y44", null, null);
        assertThat(violations(request(enterprise, E_LICENCE)))
                .containsExactly(Map.entry("applicant.idNumber", "GB32100"));
    }

    @Test
    void anEnterpriseMustUseItsCreditCode() {
        var enterprise = new ApplicationRequest.Applicant(
                ApplicantType.ENTERPRISE, "某公司", IdType.RESIDENT_ID, "310104198001011239", null, null);
        assertThat(violations(request(enterprise, E_LICENCE)))
                .containsExactly(Map.entry("applicant.idType", "id-type"));
    }

    @Test
    void courierDeliveryNeedsAnAddress() {
        assertThat(violations(request(
                        person("310104198001011239"), new ApplicationRequest.Delivery(DeliveryMethod.COURIER, " "))))
                .containsExactly(Map.entry("delivery.address", "required"));
    }

    @Test
    void unknownDistrictAndNewTown() {
        var request = new ApplicationRequest(
                "2022-FO-001",
                Channel.ONLINE,
                "shanghai",
                "lingang",
                person("310104198001011239"),
                "standard",
                List.of(),
                E_LICENCE,
                false);
        assertThat(violations(request)).containsEntry("district", "district").containsEntry("newTown", "new-town");
    }

    @Test
    void missingFieldsAreNamed() {
        var request = new ApplicationRequest(null, null, null, null, null, null, null, null, false);
        assertThat(violations(request).keySet())
                .containsExactly("applicant", "channel", "delivery", "district", "itemCode", "materials", "situation");
    }

    private static Map<String, String> violations(ApplicationRequest request) {
        Map<String, String> result = new TreeMap<>();
        for (ConstraintViolation<ApplicationRequest> v : validator.validate(request)) {
            Object rule = v.getConstraintDescriptor().getAttributes().get("rule");
            result.put(
                    v.getPropertyPath().toString(),
                    rule != null
                            ? rule.toString()
                            : v.getConstraintDescriptor()
                                    .getAnnotation()
                                    .annotationType()
                                    .getSimpleName());
        }
        return result;
    }
}
