package dev.hangar.kernel.service;

import java.util.Optional;

/** What {@link WatchService} answers and emits: the view, or null once the service is gone. */
public record ServiceState(String serviceId, ServiceView view) {

    public Optional<ServiceView> current() {
        return Optional.ofNullable(view);
    }
}
