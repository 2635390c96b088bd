// `uaip-migrate up --dry-run` with the lock forecast, in-process (InProcessCli) against the real
// sandbox: each statement's lock on each existing table, the table's live rows and bytes, what
// it blocks, whether it rewrites or scans, and the online form, in text (SQL comments after the
// migration) and in --json (plan[].statements[]); a table whose name holds a double quote, a
// semicolon and a newline is sized as that table; nothing is applied.

#include "db/pgconnection.h"
#include "inprocesscli.h"
#include "migrationfolder.h"
#include "testdatabase.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QTest>

using namespace uaip;
using namespace uaip::test;

namespace {

const QByteArray kUp = "ALTER TABLE big ADD COLUMN token int DEFAULT (random() * 10)::int;\n"
                       "CREATE INDEX big_token ON big (token);\n"
                       "ALTER TABLE \"we\"\"ird;\nx\" ADD CONSTRAINT positive CHECK (id > 0);\n"
                       "CREATE TABLE fresh (id int);\n";

// A database with the two tables the migration alters, and the folder of that one migration.
struct Fixture
{
    TestDatabase db;
    MigrationFolder folder;

    Fixture() { folder.add(QStringLiteral("20260101000000_forecast"), kUp, "SELECT 1;"); }

    // Creates the tables; false when the database refused (the test then fails).
    bool prepare()
    {
        return db.witness()
                   .exec("CREATE TABLE big AS SELECT g AS id FROM generate_series(1, 1000) g")
                   .ok()
            && db.witness().exec("CREATE TABLE \"we\"\"ird;\nx\" (id int)").ok()
            && db.witness().exec("ANALYZE big").ok();
    }

    InProcessCli::Result dryRun(bool json)
    {
        QStringList args{QStringLiteral("--db"), db.conninfo(), QStringLiteral("--dir"),
                         folder.path()};
        if (json)
            args << QStringLiteral("--json");
        return InProcessCli::run(args << QStringLiteral("up") << QStringLiteral("--dry-run"));
    }
};

} // namespace

class TestUpLockForecast : public QObject
{
    Q_OBJECT

private slots:
    void jsonNamesEachStatementsLockAndTheTablesLiveSize()
    {
        Fixture f;
        QVERIFY(f.prepare());
        const InProcessCli::Result r = f.dryRun(true);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonArray plan = QJsonDocument::fromJson(r.out).object().value("plan").toArray();
        QCOMPARE(plan.size(), 1);
        const QJsonArray statements = plan.at(0).toObject().value("statements").toArray();
        QCOMPARE(statements.size(), 3); // CREATE TABLE fresh locks nothing that exists

        const QJsonObject add = statements.at(0).toObject();
        QCOMPARE(add.value("line").toInt(), 1);
        QCOMPARE(add.value("lock").toString(), QStringLiteral("ACCESS EXCLUSIVE"));
        QCOMPARE(add.value("blocks").toArray(), QJsonArray({"reads", "writes"}));
        QVERIFY(add.value("rewrites").toBool()); // a volatile default
        QVERIFY(!add.value("online_forms").toArray().isEmpty());
        const QJsonObject big = add.value("relations").toArray().at(0).toObject();
        QCOMPARE(big.value("name").toString(), QStringLiteral("big"));
        QCOMPARE(big.value("rows").toDouble(), 1000.0);
        QVERIFY(big.value("bytes").toDouble() > 0);

        const QJsonObject index = statements.at(1).toObject();
        QCOMPARE(index.value("line").toInt(), 2);
        QCOMPARE(index.value("lock").toString(), QStringLiteral("SHARE"));
        QCOMPARE(index.value("blocks").toArray(), QJsonArray({"writes"}));
        QVERIFY(index.value("scans").toBool());

        const QJsonObject check = statements.at(2).toObject();
        QCOMPARE(check.value("line").toInt(), 3);
        const QJsonObject odd = check.value("relations").toArray().at(0).toObject();
        QCOMPARE(odd.value("name").toString(), QStringLiteral("\"we\"\"ird;\nx\""));
        QCOMPARE(odd.value("rows").toDouble(), 0.0);
        QVERIFY(odd.value("rows_unknown").toBool()); // never analyzed
        QVERIFY(odd.contains("bytes")); // sized: the name resolved to that table
        QVERIFY(check.value("scans").toBool());

        // nothing was applied
        QCOMPARE(f.db.scalar("SELECT count(*) FROM information_schema.columns WHERE column_name "
                             "= 'token'"),
                 QStringLiteral("0"));
    }

    void textShowsTheForecastAsCommentsAfterTheMigration()
    {
        Fixture f;
        QVERIFY(f.prepare());
        const InProcessCli::Result r = f.dryRun(false);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QString out = QString::fromUtf8(r.out);
        QVERIFY2(out.contains(QStringLiteral("-- lock at ")), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("up.sql:1:1: ALTER TABLE big ADD COLUMN token")),
                 qPrintable(out));
        const QString rows = QLocale().toString(1000); // as the dry run writes numbers
        QVERIFY2(out.contains(QStringLiteral("ACCESS EXCLUSIVE on big (%1 rows, ").arg(rows)),
                 qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("blocks reads and writes, rewrites the table")),
                 qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("--   SHARE on big (%1 rows, ").arg(rows)),
                 qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("online form: ")), qPrintable(out));
        // every line after the migration's text is a comment, the odd name's too (its line
        // break escaped): the dry run's text stays SQL
        const QString after = out.mid(out.indexOf(QStringLiteral("CREATE TABLE fresh (id int)")));
        const QStringList lines = after.split(u'\n', Qt::SkipEmptyParts).mid(1);
        QVERIFY(lines.size() >= 6);
        for (const QString &line : lines)
            QVERIFY2(line.startsWith(QStringLiteral("--")), qPrintable(line));
    }

    // A session holding ACCESS EXCLUSIVE on big does not make the forecast wait (the sizes come
    // from pg_class): the rows are there and that session is named as holding the lock.
    void aTableLockedByAnotherSessionIsSizedWithoutWaiting()
    {
        Fixture f;
        QVERIFY(f.prepare());
        PgConnection locker;
        QVERIFY(locker.open(f.db.conninfo(), QStringLiteral("tst_uplockforecast locker")));
        QVERIFY(locker.exec("BEGIN").ok());
        QVERIFY(locker.exec("LOCK TABLE big IN ACCESS EXCLUSIVE MODE").ok());
        const InProcessCli::Result r = f.dryRun(true);
        QVERIFY(locker.exec("ROLLBACK").ok());
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject big = QJsonDocument::fromJson(r.out)
                                    .object()
                                    .value("plan")
                                    .toArray()
                                    .at(0)
                                    .toObject()
                                    .value("statements")
                                    .toArray()
                                    .at(0)
                                    .toObject()
                                    .value("relations")
                                    .toArray()
                                    .at(0)
                                    .toObject();
        QCOMPARE(big.value("rows").toDouble(), 1000.0);
        QCOMPARE(big.value("held_by").toArray().at(0).toObject().value("pid").toInt(),
                 locker.backendPid());
    }
};

QTEST_GUILESS_MAIN(TestUpLockForecast)
#include "tst_uplockforecast.moc"
