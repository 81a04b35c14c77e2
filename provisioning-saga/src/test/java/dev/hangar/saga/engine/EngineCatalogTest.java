package dev.hangar.saga.engine;

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
                new EngineDefinition("MySQL", EngineKind.MYSQL, "8.0", "mysql:8.0", 3306, "/var/lib/mysql",
                        "Popular open-source relational database"),
                new EngineDefinition("PostgreSQL", EngineKind.POSTGRESQL, "14", "postgres:14", 5432,
                        "/var/lib/postgresql/data", "Advanced open-source relational database"),
                new EngineDefinition("MongoDB", EngineKind.MONGODB, "6.0", "mongo:6.0", 27017, "/data/db",
                        "NoSQL document database"),
                new EngineDefinition("Redis", EngineKind.REDIS, "7.0", "redis:7.0", 6379, "/data",
                        "In-memory data structure store"),
                new EngineDefinition("Cassandra", EngineKind.CASSANDRA, "4.1", "cassandra:4.1", 9042,
                        "/var/lib/cassandra", "Distributed NoSQL database"),
                new EngineDefinition("SQL Server", EngineKind.SQLSERVER, "2022",
                        "mcr.microsoft.com/mssql/server:2022-latest", 1433, "/var/opt/mssql",
                        "Microsoft's relational database"));
        assertThat(EngineCatalog.defaults().all()).isEqualTo(catalog.all());
    }

    @Test
    void imagesCanBeOverriddenPerEngine() {
        EngineCatalog catalog = EngineCatalog.withImageOverrides(Map.of(
                "postgresql", "hangar/postgres:15", "MySQL", "hangar/mariadb:10.11", "redis", " hangar/redis:7 ",
                "mongodb", ""));
        assertThat(catalog.get(EngineKind.POSTGRESQL).image()).isEqualTo("hangar/postgres:15");
        assertThat(catalog.get(EngineKind.MYSQL).image()).isEqualTo("hangar/mariadb:10.11");
        assertThat(catalog.get(EngineKind.REDIS).image()).isEqualTo("hangar/redis:7");
        assertThat(catalog.get(EngineKind.MONGODB).image()).as("blank = no override").isEqualTo("mongo:6.0");
        assertThat(catalog.get(EngineKind.SQLSERVER).image()).isEqualTo("mcr.microsoft.com/mssql/server:2022-latest");
        // everything else stays, order too
        assertThat(catalog.get(EngineKind.POSTGRESQL)).isEqualTo(
                EngineCatalog.defaults().get(EngineKind.POSTGRESQL).withImage("hangar/postgres:15"));
        assertThat(catalog.all()).extracting(EngineDefinition::kind).containsExactly(EngineKind.MYSQL,
                EngineKind.POSTGRESQL, EngineKind.MONGODB, EngineKind.REDIS, EngineKind.CASSANDRA, EngineKind.SQLSERVER);
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
        assertThat(catalog.find("PostgreSQL")).map(EngineDefinition::kind).contains(EngineKind.POSTGRESQL);
        assertThat(catalog.find("postgresql")).map(EngineDefinition::kind).contains(EngineKind.POSTGRESQL);
        assertThat(catalog.find("POSTGRES")).map(EngineDefinition::kind).contains(EngineKind.POSTGRESQL);
        assertThat(catalog.find("mysql")).map(EngineDefinition::kind).contains(EngineKind.MYSQL);
        assertThat(catalog.find("SQL Server")).map(EngineDefinition::kind).contains(EngineKind.SQLSERVER);
        assertThat(catalog.find("sql server")).map(EngineDefinition::kind).contains(EngineKind.SQLSERVER);
        assertThat(catalog.find("sqlserver")).map(EngineDefinition::kind).contains(EngineKind.SQLSERVER);
        assertThat(catalog.find("SQLSERVER")).map(EngineDefinition::kind).contains(EngineKind.SQLSERVER);
        assertThat(catalog.find("mongodb")).map(EngineDefinition::kind).contains(EngineKind.MONGODB);
        assertThat(catalog.find(" Redis ")).map(EngineDefinition::kind).contains(EngineKind.REDIS);
        assertThat(catalog.find("cassandra")).map(EngineDefinition::kind).contains(EngineKind.CASSANDRA);
        assertThat(catalog.find("oracle")).isEmpty();
        assertThat(catalog.find(null)).isEmpty();
        assertThat(catalog.require("MongoDB").name()).isEqualTo("MongoDB");
        assertThatThrownBy(() -> catalog.require("oracle")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("oracle");
        for (EngineKind kind : EngineKind.values()) {
            assertThat(catalog.find(kind.name())).map(EngineDefinition::kind).contains(kind);
            assertThat(catalog.find(catalog.get(kind).name())).map(EngineDefinition::kind).contains(kind);
        }
    }
}
