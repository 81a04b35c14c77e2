package dev.hangar.command.instance;

import static org.axonframework.commandhandling.GenericCommandMessage.asCommandMessage;

import dev.hangar.command.subscription.SubscriptionAggregate;
import dev.hangar.kernel.common.HangarException;
import dev.hangar.kernel.common.Passwords;
import dev.hangar.kernel.common.SecretBox;
import dev.hangar.kernel.database.CompleteDatabaseDeletion;
import dev.hangar.kernel.database.CreateDatabase;
import dev.hangar.kernel.database.DatabaseCreated;
import dev.hangar.kernel.database.DatabaseRequested;
import dev.hangar.kernel.database.Engine;
import dev.hangar.kernel.database.FailDatabase;
import dev.hangar.kernel.subscription.CreateSubscription;
import dev.hangar.kernel.subscription.Plan;
import dev.hangar.kernel.subscription.ReleaseInstanceSlot;
import dev.hangar.kernel.subscription.ReserveInstanceSlot;
import dev.hangar.kernel.subscription.SubscriptionIds;
import java.time.Instant;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * The commands that span a database, its owner's subscription and its host port: they commit
 * together, so a slot or a port is never held by a database that does not exist, nor lost.
 */
@Component
public class DatabaseCommandHandler {

    private static final Pattern DATABASE_NAME = Pattern.compile("^[A-Za-z][A-Za-z0-9_]{0,62}$");

    private final Repository<InstanceAggregate> instances;
    private final Repository<SubscriptionAggregate> subscriptions;
    private final PortAllocator ports;
    private final SecretBox secrets;
    private final EngineAvailability availability;

    public DatabaseCommandHandler(Repository<InstanceAggregate> instances,
                                  Repository<SubscriptionAggregate> subscriptions, PortAllocator ports,
                                  SecretBox secrets, EngineAvailability availability) {
        this.instances = instances;
        this.subscriptions = subscriptions;
        this.ports = ports;
        this.secrets = secrets;
        this.availability = availability;
    }

    @CommandHandler
    public DatabaseCreated handle(CreateDatabase cmd) throws Exception {
        Engine engine = Engine.resolve(cmd.engine())
                .orElseThrow(() -> HangarException.validation("Unknown engine " + cmd.engine()));
        switch (availability.check(engine)) {
            case RUNTIME_UNREACHABLE -> throw HangarException.containerRuntime("The container engine cannot be reached");
            case IMAGE_UNAVAILABLE -> throw new HangarException(HangarException.Kind.VALIDATION, "ENGINE_UNAVAILABLE",
                    "Engine " + engine.displayName() + " is not available on this host: its image is not present");
            case AVAILABLE -> { }
        }
        String databaseName = cmd.databaseName();
        if (databaseName != null && !DATABASE_NAME.matcher(databaseName).matches()) {
            throw HangarException.validation("databaseName must start with a letter and hold only letters, digits "
                    + "and '_' (at most 63)");
        }
        Plan plan = reserveSlot(cmd.ownerId(), cmd.instanceId());
        if (databaseName == null) {
            if (plan != Plan.FREE) {
                throw HangarException.validation("databaseName is required on the " + plan + " plan");
            }
            databaseName = "db_" + Passwords.hex(8);
        }
        int port = ports.allocate(cmd.instanceId());
        String username = engine.fixedUsername() != null ? engine.fixedUsername() : "user_" + Passwords.hex(8);
        String password = Passwords.generate(20);
        Instant now = GenericEventMessage.clock.instant();
        String container = "hangar-db-" + cmd.instanceId();
        DatabaseRequested requested = new DatabaseRequested(cmd.instanceId(), cmd.ownerId(), engine.key(),
                engine.version(), databaseName, username, secrets.encrypt(password), cmd.host(), port, container,
                container + "-data", plan.name(), plan.memoryBytes(), plan.nanoCpus(), now);
        instances.newInstance(() -> new InstanceAggregate(new RegisterDatabase(requested)));
        return new DatabaseCreated(cmd.instanceId(), engine.displayName(), databaseName, cmd.host(), port, username, password, now);
    }

    @CommandHandler
    public void handle(FailDatabase cmd) {
        Aggregate<InstanceAggregate> instance = instances.load(cmd.instanceId());
        if (instance.invoke(i -> i.fail(cmd.reason()))) {
            release(instance);
        }
    }

    @CommandHandler
    public void handle(CompleteDatabaseDeletion cmd) {
        Aggregate<InstanceAggregate> instance = instances.load(cmd.instanceId());
        if (instance.invoke(InstanceAggregate::completeDeletion)) {
            release(instance);
        }
    }

    /** A subscription not created yet (onboarding still running) is created on FREE first. */
    private Plan reserveSlot(String ownerId, String instanceId) throws Exception {
        String subscriptionId = SubscriptionIds.forUser(ownerId);
        Aggregate<SubscriptionAggregate> subscription = subscriptions.loadOrCreate(subscriptionId,
                SubscriptionAggregate::new);
        subscription.handle(asCommandMessage(new CreateSubscription(subscriptionId, ownerId, Plan.FREE)));
        return (Plan) subscription.handle(asCommandMessage(new ReserveInstanceSlot(subscriptionId, instanceId)));
    }

    private void release(Aggregate<InstanceAggregate> instance) {
        String instanceId = instance.identifierAsString();
        ports.release(instance.invoke(InstanceAggregate::port), instanceId);
        String subscriptionId = SubscriptionIds.forUser(instance.invoke(InstanceAggregate::ownerId));
        try {
            subscriptions.load(subscriptionId).handle(asCommandMessage(new ReleaseInstanceSlot(subscriptionId, instanceId)));
        } catch (Exception e) {
            throw new IllegalStateException("cannot release the slot of " + instanceId, e);
        }
    }
}
