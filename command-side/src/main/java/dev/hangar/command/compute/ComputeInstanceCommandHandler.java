package dev.hangar.command.compute;

import static org.axonframework.commandhandling.GenericCommandMessage.asCommandMessage;

import dev.hangar.command.claim.Claims;
import dev.hangar.command.subscription.SubscriptionAggregate;
import dev.hangar.kernel.common.HangarException;
import dev.hangar.kernel.common.Passwords;
import dev.hangar.kernel.common.SecretBox;
import dev.hangar.kernel.instance.AutoStopSettings;
import dev.hangar.kernel.instance.CompleteInstanceDeletion;
import dev.hangar.kernel.instance.CreateInstance;
import dev.hangar.kernel.instance.GpuAvailability;
import dev.hangar.kernel.instance.InstanceCatalog;
import dev.hangar.kernel.instance.InstanceCreated;
import dev.hangar.kernel.instance.InstanceRequested;
import dev.hangar.kernel.instance.RenameInstance;
import dev.hangar.kernel.subscription.CreateSubscription;
import dev.hangar.kernel.subscription.Plan;
import dev.hangar.kernel.subscription.ReleaseInstanceSlot;
import dev.hangar.kernel.subscription.ReserveInstanceSlot;
import dev.hangar.kernel.subscription.SubscriptionIds;
import dev.hangar.kernel.webhook.WebhookUrls;
import dev.hangar.kernel.workload.HealthCheck;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * The commands that span a compute instance, its owner's subscription and its name: they commit
 * together, so a slot or a name is never held by an instance that does not exist, nor lost. Create
 * resolves the catalog (region, instance type or GPU product, template) once, into the request event.
 */
@Component
public class ComputeInstanceCommandHandler {

    public static final Pattern NAME = Pattern.compile("^[A-Za-z0-9_-]{1,100}$");
    public static final int MIN_GPUS = 1;
    public static final int MAX_GPUS = 8;
    public static final int MIN_ROOTFS = 20;
    public static final int MAX_ROOTFS = 1000;
    public static final int DEFAULT_ROOTFS = 60;
    /** A week. */
    public static final int MAX_AUTO_STOP_MINUTES = 10080;

    private final Repository<ComputeInstanceAggregate> instances;
    private final Repository<SubscriptionAggregate> subscriptions;
    private final Claims claims;
    private final SecretBox secrets;
    private final InstanceCatalog catalog;
    private final GpuAvailability gpus;
    private final AutoStopSettings autoStop;

    public ComputeInstanceCommandHandler(Repository<ComputeInstanceAggregate> instances,
                                         Repository<SubscriptionAggregate> subscriptions, Claims claims,
                                         SecretBox secrets, InstanceCatalog catalog, GpuAvailability gpus,
                                         AutoStopSettings autoStop) {
        this.autoStop = autoStop;
        this.instances = instances;
        this.subscriptions = subscriptions;
        this.claims = claims;
        this.secrets = secrets;
        this.catalog = catalog;
        this.gpus = gpus;
    }

    @CommandHandler
    public InstanceCreated handle(CreateInstance cmd) throws Exception {
        if (cmd.name() == null || !NAME.matcher(cmd.name()).matches()) {
            throw HangarException.validation("name must be 1-100 letters, digits, '-' or '_'");
        }
        String regionCode = cmd.region() != null && !cmd.region().isBlank() ? cmd.region() : catalog.defaultRegion();
        InstanceCatalog.Region region = catalog.region(regionCode)
                .orElseThrow(() -> HangarException.validation("Unknown region '" + regionCode + "'"));
        if (cmd.instanceType() == null && cmd.productName() == null) {
            throw HangarException.validation("instanceType or productName (with templateId) is required");
        }
        if (cmd.productName() != null && cmd.templateId() == null) {
            throw HangarException.validation("templateId is required with productName");
        }
        InstanceCatalog.Size size = cmd.instanceType() == null ? null : catalog.instanceType(cmd.instanceType())
                .orElseThrow(() -> HangarException.validation("Unknown instanceType '" + cmd.instanceType() + "'"));
        InstanceCatalog.GpuProduct product = cmd.productName() == null ? null : catalog.product(cmd.productName())
                .orElseThrow(() -> HangarException.validation("Unknown productName '" + cmd.productName() + "'"));
        String templateId = cmd.templateId() != null ? cmd.templateId() : catalog.defaultTemplate();
        Map.Entry<String, InstanceCatalog.Template> template = catalog.template(templateId)
                .orElseThrow(() -> HangarException.validation("Unknown templateId '" + templateId + "'"));
        int gpuNum = product == null ? 0 : cmd.gpuNum() != null ? cmd.gpuNum() : 1;
        if (product != null && (gpuNum < MIN_GPUS || gpuNum > MAX_GPUS)) {
            throw HangarException.validation("gpuNum must be between " + MIN_GPUS + " and " + MAX_GPUS);
        }
        int rootfs = cmd.rootfsSize() != null ? cmd.rootfsSize() : DEFAULT_ROOTFS;
        if (rootfs < MIN_ROOTFS || rootfs > MAX_ROOTFS) {
            throw HangarException.validation("rootfsSize must be between " + MIN_ROOTFS + " and " + MAX_ROOTFS);
        }
        requireWebhookUrl(cmd.webhookUrl());
        long autoStopAfterSeconds = autoStopAfterSeconds(cmd.autoStopMinutes(), template.getValue());
        boolean gpuAttached = false;
        String gpuNote = null;
        if (product != null) {
            if (gpus.hasNvidiaGpus(region.host())) {
                gpuAttached = true;
            } else if (catalog.requireGpus()) {
                throw new HangarException(HangarException.Kind.UNAVAILABLE, "GPU_UNAVAILABLE", "Region "
                        + region.code() + " has no NVIDIA GPUs for " + product.name() + " and this Hangar requires them");
            } else {
                gpuNote = "The container host of region " + region.code() + " has no NVIDIA GPUs; the instance runs without "
                        + "its " + gpuNum + " x " + product.gpuModel();
            }
        }
        if (!claims.take(Claims.Kind.COMPUTE_INSTANCE_NAME, nameClaim(cmd.ownerId(), cmd.name()), cmd.instanceId())) {
            throw new HangarException(HangarException.Kind.CONFLICT, "INSTANCE_EXISTS",
                    "An instance named '" + cmd.name() + "' already exists");
        }
        Plan plan = reserveSlot(cmd.ownerId(), cmd.instanceId());
        double cpus = product != null ? product.cpus() : size.cpus();
        int memoryMb = product != null ? product.memoryMb() : size.memoryMb();
        Instant now = GenericEventMessage.clock.instant();
        String token = Passwords.hex(32);
        String container = "hangar-inst-" + cmd.instanceId();
        InstanceRequested requested = new InstanceRequested(cmd.instanceId(), cmd.ownerId(), cmd.name(), region.code(),
                region.host() == null ? "local" : region.host(), size == null ? null : size.name(),
                product == null ? null : product.name(), template.getKey(), template.getValue().image(),
                template.getValue().ports(), (long) (cpus * 1_000_000_000L), memoryMb * 1024L * 1024L,
                product == null ? null : product.gpuModel(), gpuNum, gpuAttached, gpuNote, rootfs,
                cmd.healthCheck() != null ? cmd.healthCheck() : HealthCheck.DEFAULT,
                cmd.webhookUrl(), secrets.encrypt(token), container, container + "-data", plan.name(),
                pidsLimit(memoryMb), autoStopAfterSeconds, now);
        instances.newInstance(() -> new ComputeInstanceAggregate(new RegisterInstance(requested)));
        return new InstanceCreated(cmd.instanceId(), token);
    }

    @CommandHandler
    public void handle(RenameInstance cmd) {
        if (cmd.name() == null || !NAME.matcher(cmd.name()).matches()) {
            throw HangarException.validation("name must be 1-100 letters, digits, '-' or '_'");
        }
        Aggregate<ComputeInstanceAggregate> instance = instances.load(cmd.instanceId());
        String ownerId = instance.invoke(ComputeInstanceAggregate::ownerId);
        if (instance.invoke(ComputeInstanceAggregate::name).equals(cmd.name())) {
            return;
        }
        if (!claims.take(Claims.Kind.COMPUTE_INSTANCE_NAME, nameClaim(ownerId, cmd.name()), cmd.instanceId())) {
            throw new HangarException(HangarException.Kind.CONFLICT, "INSTANCE_EXISTS",
                    "An instance named '" + cmd.name() + "' already exists");
        }
        String previous = instance.invoke(i -> i.rename(cmd.name()));
        claims.release(Claims.Kind.COMPUTE_INSTANCE_NAME, nameClaim(ownerId, previous), cmd.instanceId());
    }

    @CommandHandler
    public void handle(CompleteInstanceDeletion cmd) throws Exception {
        Aggregate<ComputeInstanceAggregate> instance = instances.load(cmd.instanceId());
        if (!instance.invoke(ComputeInstanceAggregate::completeDeletion)) {
            return;
        }
        String ownerId = instance.invoke(ComputeInstanceAggregate::ownerId);
        claims.release(Claims.Kind.COMPUTE_INSTANCE_NAME, nameClaim(ownerId, instance.invoke(ComputeInstanceAggregate::name)),
                cmd.instanceId());
        String subscriptionId = SubscriptionIds.forUser(ownerId);
        subscriptions.load(subscriptionId).handle(asCommandMessage(new ReleaseInstanceSlot(subscriptionId, cmd.instanceId())));
    }

    /** A webhook URL, when given, is one {@link WebhookUrls} accepts. */
    public static void requireWebhookUrl(String url) {
        if (url != null) {
            WebhookUrls.require(url);
        }
    }

    /** The body's threshold, else the template's, else the default; from 1 s to {@link #MAX_AUTO_STOP_MINUTES}. */
    private long autoStopAfterSeconds(Double bodyMinutes, InstanceCatalog.Template template) {
        if (bodyMinutes != null && (bodyMinutes.isNaN() || bodyMinutes * 60 < 1 || bodyMinutes > MAX_AUTO_STOP_MINUTES)) {
            throw HangarException.validation("autoStopMinutes must be between 1/60 (one second) and "
                    + MAX_AUTO_STOP_MINUTES);
        }
        Double minutes = bodyMinutes != null ? bodyMinutes : template.autoStopMinutes();
        return minutes != null ? Math.max(1, Math.round(minutes * 60)) : autoStop.defaultInactivityThreshold().toSeconds();
    }

    /** Names are unique per owner, as given. */
    static String nameClaim(String ownerId, String name) {
        return ownerId + ":" + name;
    }

    /** One process per MiB of the instance's memory, 256..4096 (Jupyter's kernels and an SSH session fit). */
    static long pidsLimit(int memoryMb) {
        return Math.max(256, Math.min(4096, memoryMb));
    }

    /** A subscription not created yet (onboarding still running) is created on FREE first. */
    private Plan reserveSlot(String ownerId, String instanceId) throws Exception {
        String subscriptionId = SubscriptionIds.forUser(ownerId);
        Aggregate<SubscriptionAggregate> subscription = subscriptions.loadOrCreate(subscriptionId,
                SubscriptionAggregate::new);
        subscription.handle(asCommandMessage(new CreateSubscription(subscriptionId, ownerId, Plan.FREE)));
        return (Plan) subscription.handle(asCommandMessage(new ReserveInstanceSlot(subscriptionId, instanceId)));
    }
}
