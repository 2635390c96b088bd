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

    // The database at the migrations' level with the tool's table beside it (what a team that
    // ran the tool has), its history owned by another role (the tool's) that the connected one
    // has the privileges of.
    static void migratedWithToolTable(TestDatabase &db, const MigrationFolder &f,
                                      const QByteArray &ddl, const QString &)
    {
        QCOMPARE(migrate(on(db, f.path()) << QStringLiteral("up")).exitCode, 0);
        exec(db, ddl);
    }

    static QStringList drift(const Run &r)
    {
        return strings(r.json().value(QStringLiteral("drift")));
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

    // Only what the tool made is left out: a grant, a trigger and a policy someone added to
    // its table are drift (a trigger there could rewrite the history adopt reads).
    void whatWasAddedToTheToolTableIsDrift()
    {
        TestDatabase db;
        MigrationFolder f;
        addTwo(f);
        migratedWithToolTable(db, f, kFlyway, QStringLiteral("public.flyway_schema_history"));
        exec(db,
             "GRANT SELECT ON flyway_schema_history TO PUBLIC;\n"
             "CREATE TRIGGER keep BEFORE UPDATE ON flyway_schema_history FOR EACH ROW "
             "EXECUTE FUNCTION suppress_redundant_updates_trigger();\n"
             "CREATE POLICY p ON flyway_schema_history USING (true);");
        const Run r = verify(db, f);
        QCOMPARE(r.exitCode, 3);
        const QStringList d = drift(r);
        QVERIFY2(
            d.filter(QStringLiteral("grants on table public.flyway_schema_history")).size() == 1
                && d.filter(QStringLiteral("trigger public.flyway_schema_history.keep")).size() == 1
                && d.filter(QStringLiteral("policy public.flyway_schema_history.p")).size() == 1,
            qPrintable(d.join(u'\n')));
        // and nothing of what Flyway made: the table, its columns, key and index
        QVERIFY2(d.filter(QStringLiteral("column ")).isEmpty()
                     && d.filter(QStringLiteral("index ")).isEmpty()
                     && d.filter(QStringLiteral("+ table ")).isEmpty(),
                 qPrintable(d.join(u'\n')));
    }

    // A tool's table another role owns, or may write, could hold any history: it is not left
    // out (compared as any table, said so), as adopt refuses it.
    void anUntrustedToolTableIsCompared()
    {
        TestDatabase db;
        MigrationFolder f;
        addTwo(f);
        migratedWithToolTable(db, f, kGolangMigrate, QStringLiteral("public.schema_migrations"));
        exec(db, "GRANT INSERT ON schema_migrations TO PUBLIC");
        const Run r = verify(db, f);
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(drift(r).filter(QStringLiteral("+ table public.schema_migrations")).size() == 1,
                 qPrintable(drift(r).join(u'\n')));
        const QStringList notes = strings(r.json().value(QStringLiteral("left_out")));
        QVERIFY2(notes.size() == 1
                     && notes.first().startsWith(QStringLiteral(
                         "public.schema_migrations has golang-migrate's columns but is compared "
                         "as any table: golang-migrate's history table public.schema_migrations "
                         "may be written by PUBLIC")),
                 qPrintable(notes.join(u'\n')));
    }

    // A table of a tool's shape the migrations make themselves is the project's: compared on
    // both sides, so a column added by hand is the only drift (never the table "missing").
    void aTableTheMigrationsMakeIsCompared()
    {
        TestDatabase db;
        MigrationFolder f;
        addTwo(f);
        f.add(QStringLiteral("0003_runs"),
              "CREATE TABLE pgmigrations (id SERIAL PRIMARY KEY, name varchar(255) NOT NULL, "
              "run_on timestamp NOT NULL, note text);\n",
              "DROP TABLE pgmigrations;\n");
        QCOMPARE(migrate(on(db, f.path()) << QStringLiteral("up")).exitCode, 0);
        exec(db, "ALTER TABLE pgmigrations ADD COLUMN leak text");
        const Run r = verify(db, f);
        QCOMPARE(r.exitCode, 3);
        QCOMPARE(drift(r),
                 QStringList{QStringLiteral("+ column public.pgmigrations.leak #5 text")});
        QCOMPARE(strings(r.json().value(QStringLiteral("left_out"))),
                 QStringList{QStringLiteral("public.pgmigrations has node-pg-migrate's columns, "
                                            "but the migrations make it: compared as any table")});
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
