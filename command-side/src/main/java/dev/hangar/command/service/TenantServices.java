package dev.hangar.command.service;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import dev.hangar.kernel.common.HangarException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.spring.stereotype.Aggregate;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * One tenant's services by type: the one place that decides "one per type" and "at most N". Its
 * lock is held from the load until the creating unit of work ends, so racing creates of one tenant
 * are decided one after the other; across nodes the event store's unique (aggregate id, sequence)
 * refuses the second of two racers.
 */
@Aggregate
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class TenantServices {

    @AggregateIdentifier
    private String tenantServicesId;
    private Map<String, String> byType = new HashMap<>();

    protected TenantServices() {
    }

    TenantServices(String tenantServicesId) {
        this.tenantServicesId = tenantServicesId;
    }

    static String idOf(String tenantId) {
        return "tenant-services:" + tenantId;
    }

    static String typeKey(String type) {
        return type.toLowerCase(Locale.ROOT);
    }

    void add(String tenant, String type, String serviceId, int max) {
        String key = typeKey(type);
        String holder = byType.get(key);
        if (serviceId.equals(holder)) {
            return;
        }
        if (holder != null) {
            throw HangarException.validation("Service already exists for this tenant");
        }
        if (byType.size() >= max) {
            throw HangarException.validation("Tenant has reached maximum number of services");
        }
        apply(new TenantServiceAdded(tenantServicesId, tenant, key, serviceId));
    }

    /** A service changes its type: the new one must be free. */
    void retype(String tenant, String oldType, String newType, String serviceId) {
        if (typeKey(oldType).equals(typeKey(newType))) {
            return;
        }
        String holder = byType.get(typeKey(newType));
        if (holder != null && !holder.equals(serviceId)) {
            throw HangarException.validation("Service already exists for this tenant");
        }
        apply(new TenantServiceAdded(tenantServicesId, tenant, typeKey(newType), serviceId));
        remove(tenant, oldType, serviceId);
    }

    void remove(String tenant, String type, String serviceId) {
        if (serviceId.equals(byType.get(typeKey(type)))) {
            apply(new TenantServiceRemoved(tenantServicesId, tenant, typeKey(type), serviceId));
        }
    }

    @EventSourcingHandler
    void on(TenantServiceAdded e) {
        tenantServicesId = e.tenantServicesId();
        byType.put(e.type(), e.serviceId());
    }

    @EventSourcingHandler
    void on(TenantServiceRemoved e) {
        byType.remove(e.type());
    }
}
