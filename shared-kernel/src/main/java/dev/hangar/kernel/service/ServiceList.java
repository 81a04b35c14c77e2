package dev.hangar.kernel.service;

import java.util.List;

public record ServiceList(List<ServiceView> services) {
}
