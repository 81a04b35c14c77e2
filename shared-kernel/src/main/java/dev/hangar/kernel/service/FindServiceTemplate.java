package dev.hangar.kernel.service;

/** Answers an {@code Optional<ServiceTemplateView>}. */
public record FindServiceTemplate(String templateId) {
}
