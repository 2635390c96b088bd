// Issue 43, point 6: lint against a database (--db) adds to each finding the live rows and size
// of the table it locks (RelationSizes): in the text and as JSON rows, rows_unknown, bytes; an
// index's finding counts its table; a table that does not exist gets none; without --db lint
// stays offline. One fresh database per case; the table is named with a quote and a semicolon.
#include "uaipmigratetestutil.h"

#include <QJsonArray>

using namespace uaip;
using namespace uaip::test;

namespace {

constexpr auto kTable = "\"live\"\"t;x\"";

// 1,500 analyzed rows in kTable; the migration to lint: an index built, one dropped, and a
// CHECK on a table that is not there.
bool prepare(TestDatabase &db, MigrationFolder &f)
{
    const QByteArray t(kTable);
    f.add(QStringLiteral("0001_lock"),
          "CREATE INDEX live_n ON " + t
              + " (n);\nDROP INDEX live_pkey;\n"
                "ALTER TABLE not_there ADD CHECK (x > 0);\n",
          "SELECT 1;\n");
    return db.witness()
               .exec("CREATE TABLE " + t + " (id int CONSTRAINT live_pkey PRIMARY KEY, n int)")
               .ok()
        && db.witness()
               .exec("INSERT INTO " + t + " SELECT g, g FROM generate_series(1, 1500) g")
               .ok()
        && db.witness().exec("ANALYZE " + t).ok();
}

} // namespace

class TestSqlLinterLive : public QObject
{
    Q_OBJECT

private slots:
    void findingsCarryTheLiveSize()
    {
        TestDatabase db;
        MigrationFolder f;
        QVERIFY(prepare(db, f));
        const Run r
            = migrate(on(db, f.path()) << QStringLiteral("--json") << QStringLiteral("lint"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        const QJsonArray findings = r.json().value(QStringLiteral("findings")).toArray();
        QCOMPARE(findings.size(), 3);
        for (int i : {0, 1}) {
            const QJsonObject finding = findings.at(i).toObject();
            QVERIFY2(finding.value(QStringLiteral("rows")).toInteger() == 1500,
                     qPrintable(QJsonDocument(finding).toJson()));
            QVERIFY(finding.value(QStringLiteral("bytes")).toInteger() > 0);
            QCOMPARE(finding.value(QStringLiteral("rows_unknown")).toBool(true), false);
        }
        QCOMPARE(findings.at(0).toObject().value(QStringLiteral("relation")).toString(),
                 QString::fromLatin1(kTable));
        QCOMPARE(findings.at(1).toObject().value(QStringLiteral("relation")).toString(),
                 QStringLiteral("live_pkey"));
        const QJsonObject missing = findings.at(2).toObject();
        QCOMPARE(missing.value(QStringLiteral("relation")).toString(), QStringLiteral("not_there"));
        QVERIFY(!missing.contains(QStringLiteral("rows")));

        const Run text = migrate(on(db, f.path()) << QStringLiteral("lint"));
        QCOMPARE(text.exitCode, 0);
        const QStringList lines = text.out.split(u'\n');
        QCOMPARE(lines.filter(QStringLiteral("[create_index_without_concurrently]"))
                     .filter(QStringLiteral(" rows, "))
                     .size(),
                 1);
        QVERIFY2(lines.filter(QStringLiteral("(live_pkey: 1")).size() == 1, qPrintable(text.out));
        QVERIFY(lines.filter(QStringLiteral("(not_there:")).isEmpty());
    }

    void withoutDatabaseLintStaysOffline()
    {
        MigrationFolder f;
        f.add(QStringLiteral("0001_index"), "CREATE INDEX i ON t (n);\n", "SELECT 1;\n");
        // no --db: not even an unreachable server is tried
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PGHOST"), QStringLiteral("/nonexistent"));
        const Run r = runProcess(
            TestCluster::migrateBinary(),
            {QStringLiteral("--dir"), f.path(), QStringLiteral("--json"), QStringLiteral("lint")},
            env);
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        const QJsonObject finding
            = r.json().value(QStringLiteral("findings")).toArray().at(0).toObject();
        QCOMPARE(finding.value(QStringLiteral("relation")).toString(), QStringLiteral("t"));
        QVERIFY(!finding.contains(QStringLiteral("rows")));
    }
};

QTEST_GUILESS_MAIN(TestSqlLinterLive)
#include "tst_sqllinterlive.moc"
