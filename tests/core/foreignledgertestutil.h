#pragma once

// The foreign ledger tests' fixtures (tst_foreignledgers, tst_foreignledgertrust): each tool's
// history table as the tool creates and writes it, and readers over a test database.
#include "approle.h"
#include "foreign/adoptionplanner.h"
#include "foreign/foreignledgerreader.h"
#include "ledger/ledger.h"
#include "migrationrunnertestutil.h"
#include "testcluster.h"
#include "uaipmigratetestutil.h"
#include <QJsonArray>
#include <QProcess>
#include <QtTest>

namespace uaip::test {

// The DDL each tool runs on PostgreSQL (from its source), and rows as it writes them.
inline const QByteArray kTypeOrm
    = R"sql(CREATE TABLE "migrations" ("id" SERIAL NOT NULL, "timestamp" bigint NOT NULL,
  "name" character varying NOT NULL, CONSTRAINT "PK_8c82d7f526340ab734260ea46be" PRIMARY KEY ("id"));
INSERT INTO "migrations"("timestamp", "name") VALUES (1700000000001, 'CreateUsers1700000000001');
INSERT INTO "migrations"("timestamp", "name") VALUES (1700000000002, 'CreatePosts1700000000002');
)sql";
inline const QByteArray kPrisma = R"sql(CREATE TABLE _prisma_migrations (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
);
INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
VALUES ('0b6a1c2e-0000-4000-8000-000000000001', repeat('a', 64), '2024-01-01 12:00:01+00',
        '20240101120000_init', '2024-01-01 12:00:00+00', 1),
       ('0b6a1c2e-0000-4000-8000-000000000002', repeat('b', 64), NULL,
        '20240102120000_add_posts', '2024-01-02 12:00:00+00', 0);
UPDATE _prisma_migrations SET rolled_back_at = now() WHERE migration_name = '20240102120000_add_posts';
INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
VALUES ('0b6a1c2e-0000-4000-8000-000000000003', repeat('c', 64), '2024-01-03 12:00:01+00',
        '20240102120000_add_posts', '2024-01-03 12:00:00+00', 1);
)sql";
inline const QByteArray kFlyway = R"sql(CREATE TABLE "public"."flyway_schema_history" (
    "installed_rank" INT NOT NULL,
    "version" VARCHAR(50),
    "description" VARCHAR(200) NOT NULL,
    "type" VARCHAR(20) NOT NULL,
    "script" VARCHAR(1000) NOT NULL,
    "checksum" INTEGER,
    "installed_by" VARCHAR(100) NOT NULL,
    "installed_on" TIMESTAMP NOT NULL DEFAULT now(),
    "execution_time" INTEGER NOT NULL,
    "success" BOOLEAN NOT NULL
);
ALTER TABLE "public"."flyway_schema_history" ADD CONSTRAINT "flyway_schema_history_pk" PRIMARY KEY ("installed_rank");
CREATE INDEX "flyway_schema_history_s_idx" ON "public"."flyway_schema_history" ("success");
INSERT INTO "public"."flyway_schema_history" ("installed_rank", "version", "description", "type", "script", "checksum", "installed_by", "execution_time", "success")
VALUES (1, '1', 'create users', 'SQL', 'V1__create_users.sql', 1234567, 'flyway', 12, true),
       (2, '2', 'create posts', 'SQL', 'V2__create_posts.sql', -7654321, 'flyway', 8, true),
       (3, NULL, 'views', 'SQL', 'R__views.sql', 42, 'flyway', 3, true),
       (4, '3', 'add tags', 'UNDO_SQL', 'U3__add_tags.sql', 99, 'flyway', 2, true);
)sql";
inline const QByteArray kDbmate
    = R"sql(create table if not exists "public"."schema_migrations" (version varchar primary key);
insert into "public"."schema_migrations" (version) values ('20240101120000'), ('20240102120000');
)sql";
inline const QByteArray kGolangMigrate
    = R"sql(CREATE TABLE IF NOT EXISTS "schema_migrations" (version bigint not null primary key, dirty boolean not null);
INSERT INTO "schema_migrations" (version, dirty) VALUES (2, false);
)sql";
inline const QByteArray kNodePgMigrate = R"sql(CREATE TABLE "public"."pgmigrations" (
  id SERIAL PRIMARY KEY,
  name varchar(255) NOT NULL,
  run_on timestamp NOT NULL
);
INSERT INTO "public"."pgmigrations" (name, run_on) VALUES ('1700000000001_create-users', NOW());
INSERT INTO "public"."pgmigrations" (name, run_on) VALUES ('1700000000002_create-posts', NOW());
)sql";
inline const QByteArray kDiesel = R"sql(CREATE TABLE IF NOT EXISTS __diesel_schema_migrations (
       version VARCHAR(50) PRIMARY KEY NOT NULL,
       run_on TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO __diesel_schema_migrations (version) VALUES ('20240101120000'), ('20240102120000');
)sql";

inline void exec(TestDatabase &db, const QByteArray &sql)
{
    const PgResult r = db.witness().execScript(sql);
    if (!r.ok())
        qFatal("%s", qPrintable(r.error().toString()));
}

inline Result<QList<ForeignLedger>> readAs(const QString &conninfo, const QString &tool = {})
{
    PgConnection c;
    if (!c.open(conninfo, QStringLiteral("tst_foreignledgers")))
        qFatal("connect: %s", qPrintable(c.connectionError()));
    return ForeignLedgerReader(c).read(tool);
}

inline QList<ForeignLedger> readAll(TestDatabase &db, const QString &tool = {},
                                    const QString &table = {})
{
    PgConnection c;
    if (!c.open(db.conninfo(), QStringLiteral("tst_foreignledgers")))
        qFatal("connect: %s", qPrintable(c.connectionError()));
    auto read = ForeignLedgerReader(c).read(tool, table);
    if (!read)
        qFatal("read: %s", qPrintable(read.error().toString()));
    return read.take();
}

// A role of the cluster that is neither the superuser nor the connected one (NOLOGIN), dropped
// with what it owns.
struct OtherRole
{
    TestDatabase &db;
    QString name;
    QString quoted;

    explicit OtherRole(TestDatabase &database)
        : db(database)
        , name(QStringLiteral("other ") + database.name().right(8))
        , quoted(QString::fromUtf8(database.witness().quoteIdentifier(name)))
    {
        exec(db, "CREATE ROLE " + quoted.toUtf8());
    }
    ~OtherRole()
    {
        db.witness().exec("DROP OWNED BY " + quoted.toUtf8());
        db.witness().exec("DROP ROLE " + quoted.toUtf8());
    }
    OtherRole(const OtherRole &) = delete;
    OtherRole &operator=(const OtherRole &) = delete;
};

inline QStringList describe(const ForeignLedger &l)
{
    QStringList out;
    for (const ForeignEntry &e : l.entries)
        out << QStringList{e.ref, e.version, e.name, e.state, e.kind, e.checksum}.join(u'|');
    return out;
}

inline AdoptionPlan planFor(TestDatabase &db, Engine &e, const QString &tool)
{
    const auto ledgers = readAll(db, tool);
    if (ledgers.size() != 1)
        qFatal("expected one %s ledger, found %d", qPrintable(tool), int(ledgers.size()));
    const auto statuses = e.runner->status();
    if (!statuses)
        qFatal("status: %s", qPrintable(why(statuses)));
    return AdoptionPlanner::plan(ledgers.first(), statuses.value());
}

// The rows of eachToolsShapeIsRead_data: ddl, tool, table, entries.
inline void addToolShapes()
{
    QTest::addColumn<QByteArray>("ddl");
    QTest::addColumn<QString>("tool");
    QTest::addColumn<QString>("table");
    QTest::addColumn<QStringList>("entries");
    QTest::newRow("typeorm") << kTypeOrm << "typeorm"
                             << "public.migrations"
                             << QStringList{"id=1|1700000000001|CreateUsers|applied|versioned|",
                                            "id=2|1700000000002|CreatePosts|applied|versioned|"};
    QTest::newRow("prisma")
        << kPrisma << "prisma"
        << "public._prisma_migrations"
        // in Prisma's order: finished_at, then the name; the rolled-back row (never
        // finished) last
        << QStringList{"id=0b6a1c2e-0000-4000-8000-000000000001|20240101120000|init|applied|"
                       "versioned|"
                           + QString(64, u'a'),
                       "id=0b6a1c2e-0000-4000-8000-000000000003|20240102120000|add_posts|"
                       "applied|versioned|"
                           + QString(64, u'c'),
                       "id=0b6a1c2e-0000-4000-8000-000000000002|20240102120000|add_posts|"
                       "rolled back|versioned|"
                           + QString(64, u'b')};
    QTest::newRow("flyway") << kFlyway << "flyway"
                            << "public.flyway_schema_history"
                            << QStringList{"installed_rank=1|1|create users|applied|versioned|"
                                           "1234567",
                                           "installed_rank=2|2|create posts|applied|versioned|"
                                           "-7654321",
                                           "installed_rank=3||views|applied|repeatable|42",
                                           "installed_rank=4|3|add tags|applied|undo|99"};
    QTest::newRow("dbmate") << kDbmate << "dbmate"
                            << "public.schema_migrations"
                            << QStringList{"version=20240101120000|20240101120000||applied|"
                                           "versioned|",
                                           "version=20240102120000|20240102120000||applied|"
                                           "versioned|"};
    QTest::newRow("golang-migrate")
        << kGolangMigrate << "golang-migrate"
        << "public.schema_migrations" << QStringList{"version=2|2||applied|versioned|"};
    QTest::newRow("node-pg-migrate")
        << kNodePgMigrate << "node-pg-migrate"
        << "public.pgmigrations"
        << QStringList{"id=1|1700000000001|create-users|applied|versioned|",
                       "id=2|1700000000002|create-posts|applied|versioned|"};
    QTest::newRow("diesel") << kDiesel << "diesel"
                            << "public.__diesel_schema_migrations"
                            << QStringList{"version=20240101120000|20240101120000||applied|"
                                           "versioned|",
                                           "version=20240102120000|20240102120000||applied|"
                                           "versioned|"};
}

} // namespace uaip::test
