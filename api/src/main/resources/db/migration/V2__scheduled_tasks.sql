-- db-scheduler's table: Axon's DbSchedulerDeadlineManager keeps every deadline here, in the same
-- relational store as the events and sagas, so a wait survives a restart and runs on one node.
-- Names and types follow db-scheduler's PostgreSQL schema; varchar keys so H2 can index them.
CREATE TABLE scheduled_tasks (
    task_name            VARCHAR(255) NOT NULL,
    task_instance        VARCHAR(255) NOT NULL,
    task_data            BYTEA,
    execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    picked               BOOLEAN NOT NULL,
    picked_by            VARCHAR(255),
    last_success         TIMESTAMP WITH TIME ZONE,
    last_failure         TIMESTAMP WITH TIME ZONE,
    consecutive_failures INT,
    last_heartbeat       TIMESTAMP WITH TIME ZONE,
    version              BIGINT NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX scheduled_tasks_execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX scheduled_tasks_priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);

-- Facts about the stored data that a node checks at start-up (the secret key's fingerprint).
CREATE TABLE hangar_setting (
    setting_name  VARCHAR(100) PRIMARY KEY,
    setting_value VARCHAR(1000) NOT NULL
);
