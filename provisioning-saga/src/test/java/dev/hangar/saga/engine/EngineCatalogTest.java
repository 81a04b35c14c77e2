package dev.hangar.saga.engine;

import dev.hangar.kernel.database.Engine;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EngineCatalogTest {

    @Test
    void defaultsAreTheSeedsOfficialImagesInOrder() {
        EngineCatalog catalog = new EngineCatalog();
        assertThat(catalog.all()).extracting(EngineDefinition::name)
                .containsExactly("MySQL", "PostgreSQL", "MongoDB", "Redis", "Cassandra", "SQL Server");
        assertThat(catalog.all()).containsExactly(
                new EngineDefinition("MySQL", Engine.MYSQL, "8.0", "mysql:8.0", 3306, "/var/lib/mysql",
                        "Popular open-source relational database"),
                new EngineDefinition("PostgreSQL", Engine.POSTGRESQL, "14", "postgres:14", 5432,
                        "/var/lib/postgresql/data", "Advanced open-source relational database"),
                new EngineDefinition("MongoDB", Engine.MONGODB, "6.0", "mongo:6.0", 27017, "/data/db",
                        "NoSQL document database"),
                new EngineDefinition("Redis", Engine.REDIS, "7.0", "redis:7.0", 6379, "/data",
                        "In-memory data structure store"),
                new EngineDefinition("Cassandra", Engine.CASSANDRA, "4.1", "cassandra:4.1", 9042,
                        "/var/lib/cassandra", "Distributed NoSQL database"),
                new EngineDefinition("SQL Server", Engine.SQLSERVER, "2022",
                        "mcr.microsoft.com/mssql/server:2022-latest", 1433, "/var/opt/mssql",
                        "Microsoft's relational database"));
        assertThat(EngineCatalog.defaults().all()).isEqualTo(catalog.all());
    }

    @Test
    void imagesCanBeOverriddenPerEngine() {
        EngineCatalog catalog = EngineCatalog.withImageOverrides(Map.of(
                "postgresql", "hangar/postgres:15", "MySQL", "hangar/mariadb:10.11", "redis", " hangar/redis:7 ",
                "mongodb", ""));
        assertThat(catalog.get(Engine.POSTGRESQL).image()).isEqualTo("hangar/postgres:15");
        assertThat(catalog.get(Engine.MYSQL).image()).isEqualTo("hangar/mariadb:10.11");
        assertThat(catalog.get(Engine.REDIS).image()).isEqualTo("hangar/redis:7");
        assertThat(catalog.get(Engine.MONGODB).image()).as("blank = no override").isEqualTo("mongo:6.0");
        assertThat(catalog.get(Engine.SQLSERVER).image()).isEqualTo("mcr.microsoft.com/mssql/server:2022-latest");
        // everything else stays, order too
        assertThat(catalog.get(Engine.POSTGRESQL)).isEqualTo(
                EngineCatalog.defaults().get(Engine.POSTGRESQL).withImage("hangar/postgres:15"));
        assertThat(catalog.all()).extracting(EngineDefinition::kind).containsExactly(Engine.MYSQL,
                Engine.POSTGRESQL, Engine.MONGODB, Engine.REDIS, Engine.CASSANDRA, Engine.SQLSERVER);
        assertThat(new EngineCatalog(null).all()).isEqualTo(EngineCatalog.defaults().all());
    }

    @Test
    void unknownOverrideKeysAreRejected() {
        assertThatThrownBy(() -> new EngineCatalog(Map.of("postgresq", "x:1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("postgresq");
    }

    @Test
    void lookupByDisplayOrKindNameIgnoresCase() {
        EngineCatalog catalog = new EngineCatalog();
        assertThat(catalog.find("PostgreSQL")).map(EngineDefinition::kind).contains(Engine.POSTGRESQL);
        assertThat(catalog.find("postgresql")).map(EngineDefinition::kind).contains(Engine.POSTGRESQL);
        assertThat(catalog.find("POSTGRES")).map(EngineDefinition::kind).contains(Engine.POSTGRESQL);
        assertThat(catalog.find("mysql")).map(EngineDefinition::kind).contains(Engine.MYSQL);
        assertThat(catalog.find("SQL Server")).map(EngineDefinition::kind).contains(Engine.SQLSERVER);
        assertThat(catalog.find("sql server")).map(EngineDefinition::kind).contains(Engine.SQLSERVER);
        assertThat(catalog.find("sqlserver")).map(EngineDefinition::kind).contains(Engine.SQLSERVER);
        assertThat(catalog.find("SQLSERVER")).map(EngineDefinition::kind).contains(Engine.SQLSERVER);
        assertThat(catalog.find("mongodb")).map(EngineDefinition::kind).contains(Engine.MONGODB);
        assertThat(catalog.find(" Redis ")).map(EngineDefinition::kind).contains(Engine.REDIS);
        assertThat(catalog.find("cassandra")).map(EngineDefinition::kind).contains(Engine.CASSANDRA);
        assertThat(catalog.find("oracle")).isEmpty();
        assertThat(catalog.find(null)).isEmpty();
        assertThat(catalog.require("MongoDB").name()).isEqualTo("MongoDB");
        assertThatThrownBy(() -> catalog.require("oracle")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("oracle");
        for (Engine kind : Engine.values()) {
            assertThat(catalog.find(kind.name())).map(EngineDefinition::kind).contains(kind);
            assertThat(catalog.find(catalog.get(kind).name())).map(EngineDefinition::kind).contains(kind);
        }
    }
}
