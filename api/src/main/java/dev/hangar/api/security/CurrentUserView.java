package dev.hangar.api.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The caller's UserView, read from the read model by the authentication filter for this request
 * (the authentication's credentials). Resolved by {@link CurrentUserViewResolver}: a plain look-up,
 * where Spring Security's {@code @CurrentSecurityContext(expression = ...)} parsed and evaluated a
 * SpEL expression on every request.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
public @interface CurrentUserView {
}
