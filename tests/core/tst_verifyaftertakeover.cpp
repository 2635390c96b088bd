// Issue 61, point 1: after a project moved from another tool (adopt), that tool's history table
// stays in the database. No migration makes it, so verify, fleet drift, diff and
// import-migrations --verify compare the schema without it (its columns, key, indexes, grants,
// comments and the sequence it owns) and say so, while a table of the same name that is not the
// tool's, and any real change beside it, still count as drift.
#include "fleettestutil.h"
#include "foreignledgertestutil.h"
#include "uaipmigratetestutil.h"

#include <QJsonArray>
#include <QTemporaryDir>

using namespace uaip;
using namespace uaip::test;

namespace {

QStringList strings(const QJsonValue &v)
{
    QStringList out;
    for (const QJsonValue &s : v.toArray())
        out << s.toString();
    return out;
}

} // namespace

class TestVerifyAfterTakeover : public QObject
{
    Q_OBJECT

    // The database at the migrations' level with the tool's table beside it, a grant and a
    // comment on it too (what a team that ran the tool has).
    static void migratedWithToolTable(TestDatabase &db, const MigrationFolder &f,
                                      const QByteArray &ddl, const QString &table)
    {
        QCOMPARE(migrate(on(db, f.path()) << QStringLiteral("up")).exitCode, 0);
        exec(db, ddl);
        exec(db, "GRANT SELECT ON " + table.toUtf8() + " TO PUBLIC");
        exec(db, "COMMENT ON TABLE " + table.toUtf8() + " IS 'the old tool''s history'");
    }

    static Run verify(TestDatabase &db, const MigrationFolder &f, const QStringList &extra = {})
    {
        return migrate(on(db, f.path())
                       << QStringLiteral("--data-dir") << TestCluster::sandbox().rootDir()
                       << QStringLiteral("--json") << QStringLiteral("verify") << extra);
    }

    static Run fleetDrift(TestDatabase &db, const MigrationFolder &f, const QTemporaryDir &tmp,
                          const QStringList &extra = {})
    {
        const QString targets = tmp.filePath(QStringLiteral("targets.txt"));
        writeFile(targets, "adopted " + db.conninfo().toUtf8() + '\n');
        return migrate(QStringList{QStringLiteral("--dir"), f.path(), QStringLiteral("--data-dir"),
                                   TestCluster::sandbox().rootDir(), QStringLiteral("--json"),
                                   QStringLiteral("fleet"), QStringLiteral("--targets"), targets,
                                   QStringLiteral("drift")}
                       + extra);
    }

private slots:
    void toolTableLeftOut_data()
    {
        QTest::addColumn<QByteArray>("ddl");
        QTest::addColumn<QString>("table");
        QTest::addColumn<QString>("tool");
        QTest::newRow("golang-migrate") << kGolangMigrate << "public.schema_migrations"
                                        << "golang-migrate";
        QTest::newRow("prisma") << kPrisma << "public._prisma_migrations"
                                << "Prisma";
        // a primary key and an index of their own names
        QTest::newRow("flyway") << kFlyway << "public.flyway_schema_history"
                                << "Flyway";
        // a serial: the sequence it owns is the tool's too
        QTest::newRow("node-pg-migrate") << kNodePgMigrate << "public.pgmigrations"
                                         << "node-pg-migrate";
        QTest::newRow("typeorm") << kTypeOrm << "public.migrations"
                                 << "TypeORM";
    }
    void toolTableLeftOut()
    {
        QFETCH(QByteArray, ddl);
        QFETCH(QString, table);
        QFETCH(QString, tool);
        TestDatabase db;
        MigrationFolder f;
        addTwo(f);
        migratedWithToolTable(db, f, ddl, table);
        const QString note = QStringLiteral("%1 is %2's history table: left out of the comparison")
                                 .arg(table, tool);

        const Run verified = verify(db, f);
        QVERIFY2(verified.exitCode == 0, qPrintable(verified.out + verified.err));
        QCOMPARE(verified.json().value(QStringLiteral("drift")).toArray().size(), 0);
        QCOMPARE(strings(verified.json().value(QStringLiteral("left_out"))), QStringList{note});

        QTemporaryDir tmp;
        const Run fleet = fleetDrift(db, f, tmp);
        QVERIFY2(fleet.exitCode == 0, qPrintable(fleet.out + fleet.err));
        const QJsonObject target
            = fleet.json().value(QStringLiteral("targets")).toArray().first().toObject();
        QCOMPARE(target.value(QStringLiteral("state")).toString(), QStringLiteral("up-to-date"));
        QCOMPARE(strings(target.value(QStringLiteral("left_out"))), QStringList{note});

        const Run diff = migrate(on(db, f.path())
                                 << QStringLiteral("--data-dir") << TestCluster::sandbox().rootDir()
                                 << QStringLiteral("diff") << QStringLiteral("--name")
                                 << QStringLiteral("x") << QStringLiteral("--dry-run"));
        QVERIFY2(diff.exitCode == 0 && diff.out.contains(QStringLiteral("no drift")),
                 qPrintable(diff.out + diff.err));
    }

    // Beside the tool's table a real change is drift still; and a table that has the tool's
    // name but not its columns is the project's own, compared as any other.
    void driftBesideTheToolTableStillFound()
    {
        TestDatabase db;
        MigrationFolder f;
        addTwo(f);
        migratedWithToolTable(db, f, kNodePgMigrate, QStringLiteral("public.pgmigrations"));
        exec(db,
             "ALTER TABLE users ADD COLUMN added_by_hand text;\n"
             "CREATE TABLE public.schema_migrations (version text, applied_by text)");
        const Run verified = verify(db, f);
        QCOMPARE(verified.exitCode, 3);
        const QStringList drift = strings(verified.json().value(QStringLiteral("drift")));
        QVERIFY2(drift.filter(QStringLiteral("users.added_by_hand")).size() == 1,
                 qPrintable(drift.join(u'\n')));
        QVERIFY2(drift.filter(QStringLiteral("table public.schema_migrations")).size() == 1,
                 qPrintable(drift.join(u'\n')));
        QVERIFY2(drift.filter(QStringLiteral("pgmigrations")).isEmpty(),
                 qPrintable(drift.join(u'\n')));
    }

    // A tool's table of a custom name (TypeORM's migrationsTableName) is left out when verify
    // is told its name, as foreign and adopt are; without --table it is drift.
    void customTableNameLeftOutWithTable()
    {
        TestDatabase db;
        MigrationFolder f;
        addTwo(f);
        QByteArray ddl = kTypeOrm;
        ddl.replace("\"migrations\"", "\"typeorm_history\"");
        migratedWithToolTable(db, f, ddl, QStringLiteral("public.typeorm_history"));
        QCOMPARE(verify(db, f).exitCode, 3);
        const Run named
            = verify(db, f, {QStringLiteral("--table"), QStringLiteral("typeorm_history")});
        QVERIFY2(named.exitCode == 0, qPrintable(named.out + named.err));
        const QStringList note{QStringLiteral(
            "public.typeorm_history is TypeORM's history table: left out of the comparison")};
        QCOMPARE(strings(named.json().value(QStringLiteral("left_out"))), note);
        QTemporaryDir tmp;
        const Run fleet = fleetDrift(
            db, f, tmp, {QStringLiteral("--table"), QStringLiteral("typeorm_history")});
        QVERIFY2(fleet.exitCode == 0, qPrintable(fleet.out + fleet.err));
        QCOMPARE(strings(fleet.json()
                             .value(QStringLiteral("targets"))
                             .toArray()
                             .first()
                             .toObject()
                             .value(QStringLiteral("left_out"))),
                 note);
    }
};

QTEST_GUILESS_MAIN(TestVerifyAfterTakeover)
#include "tst_verifyaftertakeover.moc"
