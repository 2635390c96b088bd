#pragma once

// Shared by the tests of import-migrations and adopt (tst_import*.cpp, tst_adoptchecksums.cpp):
// files written and read, the tools' history tables as the tools create them, and SQL run on a
// test database.
#include "foreign/importedmigration.h"
#include "testdatabase.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QtTest>

namespace uaip::test {

// Flyway's createMetaDataTable.sql for PostgreSQL.
inline const QByteArray kFlywayHistoryTable = R"sql(CREATE TABLE "public"."flyway_schema_history" (
    "installed_rank" INT NOT NULL, "version" VARCHAR(50), "description" VARCHAR(200) NOT NULL,
    "type" VARCHAR(20) NOT NULL, "script" VARCHAR(1000) NOT NULL, "checksum" INTEGER,
    "installed_by" VARCHAR(100) NOT NULL, "installed_on" TIMESTAMP NOT NULL DEFAULT now(),
    "execution_time" INTEGER NOT NULL, "success" BOOLEAN NOT NULL);
)sql";
// Prisma's _prisma_migrations.
inline const QByteArray kPrismaHistoryTable = R"sql(CREATE TABLE _prisma_migrations (
    id VARCHAR(36) PRIMARY KEY NOT NULL, checksum VARCHAR(64) NOT NULL, finished_at TIMESTAMPTZ,
    migration_name VARCHAR(255) NOT NULL, logs TEXT, rolled_back_at TIMESTAMPTZ,
    started_at TIMESTAMPTZ NOT NULL DEFAULT now(), applied_steps_count INTEGER NOT NULL DEFAULT 0);
)sql";

// bytes as the file at path (its folders made), replacing what was there.
inline void put(const QString &path, const QByteArray &bytes)
{
    QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(f.write(bytes), bytes.size());
}

inline QByteArray read(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// sql run on db as the superuser; the test ends if it fails.
inline void exec(TestDatabase &db, const QByteArray &sql)
{
    const PgResult r = db.witness().execScript(sql);
    if (!r.ok())
        qFatal("%s\n%s", qPrintable(r.error().toString()), sql.constData());
}

// A converted migration whose tool kept no down (Prisma's): its down.sql to be generated.
inline ImportedMigration withoutDown(const QString &folder, const QByteArray &up)
{
    ImportedMigration m;
    m.folder = folder;
    m.source = folder + QStringLiteral("/migration.sql");
    m.upSql = up;
    m.downSql = "DO $$ BEGIN RAISE EXCEPTION 'no down migration'; END $$;\n";
    m.downGenerated = true;
    return m;
}

} // namespace uaip::test
