package dev.hangar.api.surface;

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
 * A password Hangar can hash faithfully: {@link Limits#PASSWORD_MIN} characters at least and
 * {@link Limits#PASSWORD_MAX_BYTES} UTF-8 bytes at most (BCrypt's limit). {@code null} passes.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValidPassword.Check.class)
public @interface ValidPassword {

    String message() default "must be " + Limits.PASSWORD_MIN + " characters to " + Limits.PASSWORD_MAX_BYTES
            + " bytes (UTF-8) long";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<ValidPassword, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || value.length() >= Limits.PASSWORD_MIN
                    && Limits.utf8Length(value) <= Limits.PASSWORD_MAX_BYTES;
        }
    }
}
