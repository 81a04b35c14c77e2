package dev.hangar.query.compute;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** How long one instance of a template took from create to running; kept after the instance is deleted. */
@Document(ReadyTimeDocument.COLLECTION)
record ReadyTimeDocument(@Id String instanceId, String templateId, long millis) {

    static final String COLLECTION = "compute_instance_ready_times";
}
