package dev.hangar.api.surface;

import java.util.Map;

/** The shape one surface gives every refusal, exactly as its document shows it. */
@FunctionalInterface
public interface ErrorBody {

    Map<String, Object> render(ErrorFacts error);
}
