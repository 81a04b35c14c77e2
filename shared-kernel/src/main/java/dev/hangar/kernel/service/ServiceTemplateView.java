package dev.hangar.kernel.service;

import java.time.Instant;
import java.util.List;

/** A template of the catalog; {@code config}'s environment holds {@code {{VAR}}} placeholders. */
public record ServiceTemplateView(String id, String name, String type, String description, String icon,
                                  String category, List<String> tags, boolean isPublic, Instant createdAt,
                                  ServiceConfig config) {
}
