package dev.hangar.api.platform;

import dev.hangar.api.consistency.StateWatch;
import dev.hangar.api.config.ReadCacheConfiguration;
import dev.hangar.api.security.UserDirectory;
import dev.hangar.kernel.common.HangarException;
import dev.hangar.kernel.service.FindService;
import dev.hangar.kernel.service.FindServiceLogs;
import dev.hangar.kernel.service.FindServiceMetrics;
import dev.hangar.kernel.service.FindServiceTemplate;
import dev.hangar.kernel.service.ListServiceTemplates;
import dev.hangar.kernel.service.ListServices;
import dev.hangar.kernel.service.ServiceList;
import dev.hangar.kernel.service.ServiceLogs;
import dev.hangar.kernel.service.ServiceMetrics;
import dev.hangar.kernel.service.ServiceState;
import dev.hangar.kernel.service.ServiceTemplateList;
import dev.hangar.kernel.service.ServiceTemplateView;
import dev.hangar.kernel.service.ServiceView;
import dev.hangar.kernel.service.WatchService;
import dev.hangar.kernel.user.ListUsers;
import dev.hangar.kernel.user.UserPage;
import dev.hangar.kernel.user.UserView;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Component;

/** Platform v1's one read facade: users, services and templates, through the query bus. Controllers read nothing else. */
@Component
class PlatformDirectory {

    private final QueryGateway queries;
    private final UserDirectory users;

    PlatformDirectory(QueryGateway queries, UserDirectory users) {
        this.queries = queries;
        this.users = users;
    }

    /** A user just written by this request (registration, profile update): waited for if not projected yet. */
    UserView user(String userId) {
        return users.find(userId).orElseThrow();
    }

    UserPage users(int limit, int offset) {
        return queries.query(new ListUsers(limit, offset), UserPage.class).join();
    }

    // ---- services and templates (seed 002)

    /** The template catalog (configuration, read once at start-up), from this node's catalog cache. */
    @Cacheable(cacheNames = ReadCacheConfiguration.TEMPLATES, key = "'services'")
    public List<ServiceTemplateView> templates() {
        return queries.query(new ListServiceTemplates(), ServiceTemplateList.class).join().templates();
    }

    @Cacheable(cacheNames = ReadCacheConfiguration.TEMPLATES, key = "'service:' + #id")
    public Optional<ServiceTemplateView> template(String id) {
        return queries.query(new FindServiceTemplate(id), ResponseTypes.optionalInstanceOf(ServiceTemplateView.class))
                .join();
    }

    /** 404 for an unknown id and another tenant's alike. */
    ServiceView require(String tenantId, String id) {
        return find(tenantId, id).orElseThrow(PlatformDirectory::notFound);
    }

    Optional<ServiceView> find(String tenantId, String id) {
        if (tenantId == null) {
            return Optional.empty();
        }
        return queries.query(new FindService(tenantId, id), ResponseTypes.optionalInstanceOf(ServiceView.class)).join();
    }

    List<ServiceView> list(String tenantId) {
        if (tenantId == null) {
            return List.of();
        }
        return queries.query(new ListServices(tenantId), ServiceList.class).join().services();
    }

    ServiceLogs logs(String containerName, int tail, Instant since) {
        return queries.query(new FindServiceLogs(containerName, tail, since), ServiceLogs.class).join();
    }

    ServiceMetrics metrics(String containerName) {
        return queries.query(new FindServiceMetrics(containerName), ServiceMetrics.class).join();
    }

    static HangarException notFound() {
        return HangarException.notFound("SERVICE_NOT_FOUND", "Service not found");
    }

    /** Waits until the service reaches a state {@code done} accepts (null: gone), as a database does. */
    Optional<ServiceView> awaitState(String tenantId, String id, Predicate<ServiceView> done, Duration timeout) {
        return StateWatch.await(queries, new WatchService(tenantId, id), ServiceState.class,
                state -> done.test(state.view()), timeout, "container").current();
    }
}
