package dev.hangar.kernel.service;

import java.util.List;

public record ServiceTemplateList(List<ServiceTemplateView> templates) {
}
