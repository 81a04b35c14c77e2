package dev.hangar.api.surface;

import dev.hangar.kernel.common.Emails;
import dev.hangar.kernel.common.Limits;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An email as Hangar stores it ({@link Emails#isValid}, at most {@link Limits#EMAIL_MAX} characters);
 * {@code null} passes (pair with {@code @NotBlank} where required), an empty or blank one does not.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValidEmail.Check.class)
public @interface ValidEmail {

    String message() default "must be a valid email address of at most " + Limits.EMAIL_MAX + " characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<ValidEmail, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || Emails.isValid(value);
        }
    }
}
