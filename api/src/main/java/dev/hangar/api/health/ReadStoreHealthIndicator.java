package dev.hangar.api.health;

import org.bson.Document;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The read store answers a ping. Replaces Spring Boot's Mongo indicator, whose {@code hello}
 * command the embedded wire-protocol server does not know; {@code ping} works on both.
 */
@Component("mongoHealthIndicator")
class ReadStoreHealthIndicator extends AbstractHealthIndicator {

    private final MongoTemplate mongo;

    ReadStoreHealthIndicator(MongoTemplate mongo) {
        super("Read store health check failed");
        this.mongo = mongo;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Document answer = mongo.executeCommand(new Document("ping", 1));
        builder.up().withDetail("database", mongo.getDb().getName()).withDetail("ok", answer.get("ok"));
    }
}
