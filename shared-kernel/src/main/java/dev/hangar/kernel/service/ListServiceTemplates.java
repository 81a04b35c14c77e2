package dev.hangar.kernel.service;

public record ListServiceTemplates() {
}
