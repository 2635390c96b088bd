// Issue 43, point 7: a migration generated from drift uses the online forms where the table is
// big. The live database has 300 analyzed rows in app."t;""x" against a limit of 100 and was
// changed by hand (an index, a CHECK, SET NOT NULL, a UNIQUE constraint); the generated up.sql
// builds the index CONCURRENTLY, adds the CHECK (and a small table's foreign key to the big one)
// NOT VALID and validates it apart, sets NOT NULL through a validated CHECK and builds the UNIQUE
// constraint's index CONCURRENTLY, runs without a
// transaction, and is proved on the sandbox. Applied to a second database of the same size with
// the same limit, the gate lets it through and the schema becomes the live one; the same drift
// written as it is (--max-blocking-rows off) is refused there. A small table's steps, and a
// rewriting type change (which has no online form written here: a note names it), stay as they
// are.
#include "db/pgconnection.h"
#include "drift/driftmigrationbuilder.h"
#include "ledger/migrationsource.h"
#include "migrate/migrationrunner.h"
#include "migrationfolder.h"
#include "schema/schemasnapshot.h"
#include "testcluster.h"
#include "testdatabase.h"
#include "uaipmigratetestutil.h"

#include <QJsonArray>

#include <QtTest>

using namespace uaip;
using namespace uaip::test;

namespace {

constexpr const char *kBase = "CREATE SCHEMA app;\n"
                              "CREATE TABLE app.\"t;\"\"x\" (id int PRIMARY KEY, \"na me\" text,\n"
                              "                          amount int, code text);\n"
                              "CREATE TABLE app.small (id int PRIMARY KEY, t_id int);\n";

constexpr const char *kRows = "INSERT INTO app.\"t;\"\"x\" SELECT g, 'n' || g, g, 'c' || g FROM "
                              "generate_series(1, 300) g;\n"
                              "ANALYZE app.\"t;\"\"x\";\n"
                              "ANALYZE app.small;\n";

// The names are hostile on purpose: libpg_query 15-4.0's deparser writes an index's and a
// constraint's name unquoted, which here would run the rest of the name as SQL.
constexpr const char *kDrift
    = "CREATE INDEX \"Idx \"\"n\"\";x\" ON app.\"t;\"\"x\" (\"na me\");\n"
      "ALTER TABLE app.\"t;\"\"x\" ADD CONSTRAINT \"CHK_amount NOT VALID;SELECT 1;--\"\n"
      "    CHECK (amount >= 0);\n"
      "ALTER TABLE app.\"t;\"\"x\" ALTER COLUMN \"na me\" SET NOT NULL;\n"
      "ALTER TABLE app.\"t;\"\"x\" ADD CONSTRAINT \"select\" UNIQUE (code);\n"
      "CREATE INDEX small_t_idx ON app.small (t_id);\n"
      "ALTER TABLE app.small ADD CONSTRAINT \"FK x\" FOREIGN KEY (t_id)\n"
      "    REFERENCES app.\"t;\"\"x\" (id);\n";

QList<Migration> load(const QString &dir)
{
    MigrationSource source;
    if (!source.load(dir))
        qWarning("%s", qPrintable(source.errors().join(u'\n')));
    return source.migrations();
}

// 0001 applied to the database and its tables filled and analyzed.
bool filled(TestDatabase &db, const QList<Migration> &migrations)
{
    MigrationRunner runner(db.witness(), migrations, {});
    return runner.up().ok() && db.witness().execScript(kRows).ok();
}

// 0001 written into folder, applied to live and its tables filled; empty when that failed.
QList<Migration> baseFilled(TestDatabase &live, MigrationFolder &folder)
{
    folder.add(QStringLiteral("0001_app"), kBase, "DROP SCHEMA app CASCADE;\n");
    const QList<Migration> migrations = load(folder.path());
    return filled(live, migrations) ? migrations : QList<Migration>();
}

Result<DriftMigration> generate(TestDatabase &live, const QList<Migration> &migrations,
                                qint64 maxRows)
{
    DriftMigrationBuilder builder(TestCluster::sandbox(), migrations);
    builder.setMaxBlockingRows(maxRows);
    return builder.build(live.witness(), QStringLiteral("drift"), QDateTime::currentDateTimeUtc());
}

// The error's words where there is one (for a failed check's message).
template<typename T>
QByteArray why(const Result<T> &result)
{
    return result ? QByteArray() : result.error().toString().toUtf8();
}

// The generated migration written after 0001 and applied to a new database as big as the live
// one, with the gate at 100 rows; the run's result.
RunResult appliedElsewhere(const DriftMigration &generated, TestDatabase &db)
{
    MigrationFolder folder;
    folder.add(QStringLiteral("0001_app"), kBase, "DROP SCHEMA app CASCADE;\n");
    QList<Migration> migrations = load(folder.path());
    if (!filled(db, migrations))
        return RunResult{};
    if (const auto written = DriftMigrationBuilder::write(generated, folder.path(), migrations,
                                                          QDateTime::currentDateTimeUtc());
        !written) {
        qWarning("%s", why(written).constData());
        return RunResult{};
    }
    MigrationRunner::Options options;
    options.maxBlockingRows = 100;
    MigrationRunner runner(db.witness(), load(folder.path()), options);
    return runner.up();
}

QString notesOf(const GeneratedScript &script, GeneratorNote::Kind kind)
{
    QStringList out;
    for (const GeneratorNote &n : script.notes)
        if (n.kind == kind)
            out << n.message;
    return out.join(u'\n');
}

} // namespace

class TestDriftOnlineForms : public QObject
{
    Q_OBJECT

private slots:
    void bigTablesGetTheOnlineFormsAndPassTheGate()
    {
        TestDatabase live;
        MigrationFolder folder;
        const QList<Migration> migrations = baseFilled(live, folder);
        QVERIFY(!migrations.isEmpty());
        QVERIFY(live.witness().execScript(kDrift).ok());

        const auto online = generate(live, migrations, 100);
        QVERIFY2(online, why(online).constData());
        const QString up = QString::fromUtf8(online->upSql);
        QVERIFY2(online->up.noTransaction && up.startsWith(u"-- uaip:no-transaction\n"),
                 qPrintable(up));
        const QString t = QStringLiteral("app.\"t;\"\"x\"");
        for (const QString &text :
             {QStringLiteral("CREATE INDEX CONCURRENTLY \"Idx \"\"n\"\";x\" ON ") + t,
              QStringLiteral("ADD CONSTRAINT \"CHK_amount NOT VALID;SELECT 1;--\" CHECK "
                             "(amount >= 0) NOT VALID;"),
              QStringLiteral("ALTER TABLE ") + t
                  + QStringLiteral(" VALIDATE CONSTRAINT \"CHK_amount NOT VALID;SELECT 1;--\";"),
              QStringLiteral("CHECK (\"na me\" IS NOT NULL) NOT VALID;"),
              QStringLiteral("ALTER COLUMN \"na me\" SET NOT NULL;"),
              QStringLiteral("CREATE UNIQUE INDEX CONCURRENTLY \"select\" ON ") + t
                  + QStringLiteral(" (code);"),
              QStringLiteral("ADD CONSTRAINT \"select\" UNIQUE USING INDEX \"select\";"),
              // the small table's index as it is; its foreign key validates against the big
              // table under SHARE ROW EXCLUSIVE there, so it is validated apart
              QStringLiteral("CREATE INDEX small_t_idx ON app.small USING btree (t_id);"),
              QStringLiteral("FOREIGN KEY (t_id) REFERENCES ") + t
                  + QStringLiteral("(id) NOT VALID;\nALTER TABLE app.small VALIDATE "
                                   "CONSTRAINT \"FK x\";")})
            QVERIFY2(up.contains(text), qPrintable(text + QStringLiteral(" not in:\n") + up));
        // nothing but the steps' statements: no name ran as SQL
        QVERIFY2(!up.contains(u"\nSELECT 1"), qPrintable(up));
        QCOMPARE(notesOf(online->up, GeneratorNote::Kind::Online).count(u'\n') + 1, 5);
        QVERIFY2(up.contains(u"-- REVIEW (online): "), qPrintable(up));

        TestDatabase staging;
        const RunResult applied = appliedElsewhere(*online, staging);
        QVERIFY2(applied.ok(), qPrintable(applied.message + u'\n' + applied.problems.join(u'\n')));
        const auto liveSchema = SchemaSnapshot::take(live.witness());
        const auto stagingSchema = SchemaSnapshot::take(staging.witness());
        QVERIFY2(liveSchema && stagingSchema, (why(liveSchema) + why(stagingSchema)).constData());
        const auto left = stagingSchema->diff(*liveSchema);
        QVERIFY2(left.isEmpty(), qPrintable(left.isEmpty() ? QString() : left.first().describe()));

        // The same drift written as it is: the gate refuses it on a database as big.
        const auto asIs = generate(live, migrations, -1);
        QVERIFY2(asIs, why(asIs).constData());
        QVERIFY(!asIs->up.noTransaction);
        QVERIFY(!QString::fromUtf8(asIs->upSql).contains(u"CONCURRENTLY"));
        TestDatabase other;
        const RunResult refused = appliedElsewhere(*asIs, other);
        QCOMPARE(refused.outcome, RunResult::Outcome::BadInput);
        QVERIFY2(refused.planProblems.size() >= 3, qPrintable(refused.message));
    }

    // A rewriting type change has no online form written here: the statement stays, the file
    // keeps its transaction, and a note names the table, its rows and what to do instead.
    void aStepWithoutAnOnlineFormIsNamed()
    {
        TestDatabase live;
        MigrationFolder folder;
        const QList<Migration> migrations = baseFilled(live, folder);
        QVERIFY(!migrations.isEmpty());
        QVERIFY(live.witness()
                    .exec("ALTER TABLE app.\"t;\"\"x\" ALTER COLUMN amount TYPE bigint")
                    .ok());
        const auto generated = generate(live, migrations, 100);
        QVERIFY2(generated, why(generated).constData());
        const QString up = QString::fromUtf8(generated->upSql);
        QVERIFY2(up.contains(u"ALTER COLUMN amount TYPE bigint"), qPrintable(up));
        QVERIFY(!generated->up.noTransaction);
        const QString blocking = notesOf(generated->up, GeneratorNote::Kind::Blocking);
        QVERIFY2(blocking.contains(u"300 rows") && blocking.contains(u"uaip:allow-blocking")
                     && blocking.contains(u"uaip:batch"),
                 qPrintable(blocking + u'\n' + up));
        QVERIFY2(up.contains(u"-- REVIEW (blocking): "), qPrintable(up));
    }

    // uaip-migrate diff --max-blocking-rows: the live side dropped an index the migrations make
    // and added a CHECK; up.sql adds the CHECK NOT VALID and validates it apart, down.sql builds
    // the index CONCURRENTLY, both files run without a transaction and --json names each rewrite
    // (notes, down_notes); with off, both stay as they are.
    void theCliWritesBothFilesOnline()
    {
        TestDatabase live;
        MigrationFolder folder;
        folder.add(QStringLiteral("0001_app"),
                   QByteArray(kBase) + "CREATE INDEX t_code_idx ON app.\"t;\"\"x\" (code);\n",
                   "DROP SCHEMA app CASCADE;\n");
        QVERIFY(filled(live, load(folder.path())));
        QVERIFY(live.witness()
                    .execScript("DROP INDEX app.t_code_idx;\nALTER TABLE app.\"t;\"\"x\" ADD "
                                "CONSTRAINT pos CHECK (amount >= 0);\n")
                    .ok());
        const QStringList args{QStringLiteral("--data-dir"), TestCluster::sandbox().rootDir(),
                               QStringLiteral("--json"),     QStringLiteral("diff"),
                               QStringLiteral("--name"),     QStringLiteral("drift"),
                               QStringLiteral("--dry-run"),  QStringLiteral("--max-blocking-rows")};
        const Run online = migrate(on(live, folder.path()) + args << QStringLiteral("100"));
        QVERIFY2(online.exitCode == 0, qPrintable(online.out + online.err));
        const QJsonObject doc = online.json();
        QVERIFY(doc.value(QStringLiteral("no_transaction")).toBool());
        QVERIFY(doc.value(QStringLiteral("down_no_transaction")).toBool());
        QCOMPARE(doc.value(QStringLiteral("notes")).toArray().at(0)[QStringLiteral("kind")],
                 QStringLiteral("online"));
        QCOMPARE(doc.value(QStringLiteral("down_notes")).toArray().at(0)[QStringLiteral("kind")],
                 QStringLiteral("online"));
        QVERIFY(
            doc.value(QStringLiteral("up_sql")).toString().contains(u"VALIDATE CONSTRAINT pos"));
        QVERIFY(doc.value(QStringLiteral("down_sql"))
                    .toString()
                    .contains(u"CREATE INDEX CONCURRENTLY t_code_idx"));

        const Run asIs = migrate(on(live, folder.path()) + args << QStringLiteral("off"));
        QVERIFY2(asIs.exitCode == 0, qPrintable(asIs.out + asIs.err));
        QVERIFY(!asIs.json().value(QStringLiteral("no_transaction")).toBool());
        QVERIFY(asIs.json().value(QStringLiteral("notes")).toArray().isEmpty());
        QVERIFY(
            !asIs.json().value(QStringLiteral("down_sql")).toString().contains(u"CONCURRENTLY"));
    }
};

QTEST_GUILESS_MAIN(TestDriftOnlineForms)
#include "tst_driftonlineforms.moc"
