package cn.govflow.application;

import cn.govflow.catalog.ApplicantType;
import cn.govflow.catalog.District;
import cn.govflow.catalog.NewTown;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The shape constraints of an application. Each has a {@code rule} attribute that the API reports as the
 * ProblemDetail's {@code rule}.
 */
final class Constraints {

    private Constraints() {}

    /** GB 11643: an applicant with {@code idType RESIDENT_ID} has a valid 18-digit resident id number. */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = ResidentIdChecksum.Validator.class)
    @interface ResidentIdChecksum {
        String message() default "不是有效的 18 位居民身份证号码（GB 11643 校验码或出生日期错误）";

        String rule() default "GB11643";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        class Validator implements ConstraintValidator<ResidentIdChecksum, ApplicationRequest.Applicant> {
            @Override
            public boolean isValid(ApplicationRequest.Applicant applicant, ConstraintValidatorContext context) {
                if (applicant == null
                        || applicant.idType() != IdType.RESIDENT_ID
                        || applicant.idNumber() == null
                        || ResidentIdNumber.isValid(applicant.idNumber())) {
                    return true;
                }
                return onField(context, "idNumber");
            }
        }
    }

    /** GB 32100: an applicant with {@code idType USCC} has a valid 18-character unified social credit code. */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = CreditCodeChecksum.Validator.class)
    @interface CreditCodeChecksum {
        String message() default "不是有效的 18 位统一社会信用代码（GB 32100 校验码错误）";

        String rule() default "GB32100";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        class Validator implements ConstraintValidator<CreditCodeChecksum, ApplicationRequest.Applicant> {
            @Override
            public boolean isValid(ApplicationRequest.Applicant applicant, ConstraintValidatorContext context) {
                if (applicant == null
                        || applicant.idType() != IdType.USCC
                        || applicant.idNumber() == null
                        || UnifiedSocialCreditCode.isValid(applicant.idNumber())) {
                    return true;
                }
                return onField(context, "idNumber");
            }
        }
    }

    /** A person identifies with a resident id, an enterprise with its credit code. */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = IdTypeFitsApplicant.Validator.class)
    @interface IdTypeFitsApplicant {
        String message() default "个人用居民身份证（RESIDENT_ID），企业用统一社会信用代码（USCC）";

        String rule() default "id-type";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        class Validator implements ConstraintValidator<IdTypeFitsApplicant, ApplicationRequest.Applicant> {
            @Override
            public boolean isValid(ApplicationRequest.Applicant applicant, ConstraintValidatorContext context) {
                if (applicant == null || applicant.type() == null || applicant.idType() == null) {
                    return true;
                }
                IdType expected = applicant.type() == ApplicantType.PERSON ? IdType.RESIDENT_ID : IdType.USCC;
                return applicant.idType() == expected || onField(context, "idType");
            }
        }
    }

    /** A courier delivery needs the address to deliver to (R10). */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = CourierNeedsAddress.Validator.class)
    @interface CourierNeedsAddress {
        String message() default "快递送达需要填写送达地址";

        String rule() default "required";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        class Validator implements ConstraintValidator<CourierNeedsAddress, ApplicationRequest.Delivery> {
            @Override
            public boolean isValid(ApplicationRequest.Delivery delivery, ConstraintValidatorContext context) {
                if (delivery == null
                        || delivery.method() != DeliveryMethod.COURIER
                        || (delivery.address() != null && !delivery.address().isBlank())) {
                    return true;
                }
                return onField(context, "address");
            }
        }
    }

    /** One of the 16 district codes (pinyin: pudong, yangpu, …). */
    @Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = DistrictCode.Validator.class)
    @interface DistrictCode {
        String message() default "未知的区（用拼音代码，如 pudong、yangpu）";

        String rule() default "district";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        class Validator implements ConstraintValidator<DistrictCode, String> {
            @Override
            public boolean isValid(String value, ConstraintValidatorContext context) {
                return value == null || District.fromCode(value).isPresent();
            }
        }
    }

    /** One of the five new-town codes, or nothing. */
    @Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = NewTownCode.Validator.class)
    @interface NewTownCode {
        String message() default
                "未知的新城（jiading-new-town、qingpu-new-town、songjiang-new-town、" + "fengxian-new-town、nanhui-new-town）";

        String rule() default "new-town";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        class Validator implements ConstraintValidator<NewTownCode, String> {
            @Override
            public boolean isValid(String value, ConstraintValidatorContext context) {
                return value == null || NewTown.fromCode(value).isPresent();
            }
        }
    }

    private static boolean onField(ConstraintValidatorContext context, String field) {
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                .addPropertyNode(field)
                .addConstraintViolation();
        return false;
    }
}
