// Issue 45, point 2: Flyway's repeatable migrations (R__<description>.sql) import and adopt.
// Flyway runs them after all pending versioned migrations, in the order of their descriptions,
// and again whenever a file's checksum changes; its history has a row per run, version NULL.
// - import: each repeatable a migration after the versioned ones (2-1_a_view, 2-2_b_fn), its
//   down.sql written from the schema difference and proved;
// - adopt: each row matched to the folder holding the text it ran (checksum); the earlier run of
//   a changed file is "an earlier text"; 0 pending;
// - the file changes again: imported again over the earlier import (--force), the earlier
//   folders are kept and the new text is a migration of its own, which `up` runs once and whose
//   down.sql restores the text before;
// - a file changed since Flyway last ran it, imported afresh: adopt leaves its folder pending,
//   and `up` runs it again, as Flyway would.
#include "foreign/foreignchecksum.h"
#include "importtestutil.h"
#include "uaipmigratetestutil.h"

#include <QJsonArray>
#include <QTemporaryDir>

using namespace uaip;
using namespace uaip::test;

namespace {

const QByteArray kV1 = "CREATE TABLE t (id int, v int);\n";
const QByteArray kV2 = "INSERT INTO t VALUES (1, 10), (2, 20);\n";
const QByteArray kView1 = "CREATE OR REPLACE VIEW a_view AS SELECT id FROM t;\n";
const QByteArray kView2 = "CREATE OR REPLACE VIEW a_view AS SELECT id, v FROM t;\n";
const QByteArray kView3 = "CREATE OR REPLACE VIEW a_view AS SELECT id, v, v * 2 AS w FROM t;\n";
const QByteArray kFunction = "CREATE OR REPLACE FUNCTION b_fn() RETURNS int LANGUAGE sql AS $$ "
                             "SELECT 42 $$;\n";

// The database as Flyway left it: V1, V2, both repeatables, then a_view changed and run again.
void asFlywayLeftIt(TestDatabase &db)
{
    exec(db, kV1 + kV2 + kView1 + kFunction + kView2);
    const auto row = [](int rank, const char *version, const char *description, const char *script,
                        const QByteArray &file) {
        return QStringLiteral("(%1, %2, '%3', 'SQL', '%4', %5, 'flyway', 1, true)")
            .arg(rank)
            .arg(version ? QStringLiteral("'%1'").arg(QLatin1String(version))
                         : QStringLiteral("NULL"))
            .arg(QLatin1String(description), QLatin1String(script))
            .arg(ForeignChecksum::flyway(file));
    };
    exec(db,
         kFlywayHistoryTable
             + QStringLiteral("INSERT INTO flyway_schema_history (installed_rank, version, "
                              "description, type, script, checksum, installed_by, "
                              "execution_time, success) VALUES %1, %2, %3, %4, %5;")
                   .arg(row(1, "1", "t", "V1__t.sql", kV1), row(2, "2", "u", "V2__u.sql", kV2),
                        row(3, nullptr, "a view", "R__a_view.sql", kView1),
                        row(4, nullptr, "b fn", "R__b_fn.sql", kFunction),
                        row(5, nullptr, "a view", "R__a_view.sql", kView2))
                   .toUtf8());
}

Run importFlyway(const QString &src, const QString &out, bool force = false)
{
    QStringList args{QStringLiteral("--data-dir"),
                     TestCluster::sandbox().rootDir(),
                     QStringLiteral("--json"),
                     QStringLiteral("import-migrations"),
                     QStringLiteral("--from"),
                     QStringLiteral("flyway"),
                     src,
                     QStringLiteral("--out"),
                     out};
    if (force)
        args << QStringLiteral("--force");
    return migrate(args);
}

QStringList folders(const Run &r)
{
    QStringList out;
    for (const QJsonValue &v : r.json().value(QStringLiteral("migrations")).toArray())
        out << v.toObject().value(QStringLiteral("folder")).toString();
    return out;
}

int pending(TestDatabase &db, const QString &dir)
{
    const Run status = migrate(on(db, dir) << QStringLiteral("--json") << QStringLiteral("status"));
    int n = 0;
    for (const QJsonValue &v : status.json().value(QStringLiteral("migrations")).toArray())
        n += v.toObject().value(QStringLiteral("state")).toString() == u"pending";
    return n;
}

} // namespace

class TestImportRepeatables : public QObject
{
    Q_OBJECT

private slots:
    void repeatablesImportAdoptAndRunAgainWhenChanged()
    {
        QTemporaryDir tmp;
        const QString src = tmp.filePath(QStringLiteral("sql"));
        put(src + QStringLiteral("/V1__t.sql"), kV1);
        put(src + QStringLiteral("/V2__u.sql"), kV2);
        put(src + QStringLiteral("/R__b_fn.sql"), kFunction);
        put(src + QStringLiteral("/R__a_view.sql"), kView2);
        const QString out = tmp.filePath(QStringLiteral("ours"));
        Run r = importFlyway(src, out);
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QCOMPARE(folders(r), (QStringList{"1_t", "2_u", "2-1000001_a_view", "2-1000002_b_fn"}));
        for (const QJsonValue &v : r.json().value(QStringLiteral("migrations")).toArray())
            if (v.toObject().value(QStringLiteral("folder")).toString().startsWith(u"2-1"))
                QVERIFY2(v.toObject().value(QStringLiteral("down_from_schema")).toBool(),
                         qPrintable(r.out));

        TestDatabase db;
        asFlywayLeftIt(db);
        Run adopt = migrate(on(db, out) << QStringLiteral("--json") << QStringLiteral("adopt")
                                        << QStringLiteral("--from") << QStringLiteral("flyway"));
        QVERIFY2(adopt.exitCode == 0, qPrintable(adopt.out + adopt.err));
        const QJsonArray rows = adopt.json().value(QStringLiteral("rows")).toArray();
        QCOMPARE(rows.at(2)[QStringLiteral("action")].toString(), QStringLiteral("skip"));
        QVERIFY2(rows.at(2)[QStringLiteral("note")].toString().startsWith(
                     QStringLiteral("an earlier text of R__a_view.sql")),
                 qPrintable(adopt.out));
        QCOMPARE(rows.at(4)[QStringLiteral("folder")].toString(),
                 QStringLiteral("2-1000001_a_view"));
        QCOMPARE(rows.at(3)[QStringLiteral("folder")].toString(), QStringLiteral("2-1000002_b_fn"));
        QCOMPARE(pending(db, out), 0);

        // The view changes again: imported over the earlier import, a migration of its own.
        put(src + QStringLiteral("/R__a_view.sql"), kView3);
        r = importFlyway(src, out, true);
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QCOMPARE(
            folders(r),
            (QStringList{"1_t", "2_u", "2-1000001_a_view", "2-1000002_b_fn", "2-1000003_a_view"}));
        QCOMPARE(pending(db, out), 1);
        Run up = migrate(on(db, out) << QStringLiteral("up"));
        QVERIFY2(up.exitCode == 0, qPrintable(up.out + up.err));
        QCOMPARE(db.scalar("SELECT w FROM a_view WHERE id = 2"), QStringLiteral("40"));
        QCOMPARE(pending(db, out), 0); // run once
        const Run down = migrate(on(db, out) << QStringLiteral("down"));
        QVERIFY2(down.exitCode == 0, qPrintable(down.out + down.err));
        QCOMPARE(db.scalar("SELECT string_agg(column_name, ',' ORDER BY ordinal_position) FROM "
                           "information_schema.columns WHERE table_name = 'a_view'"),
                 QStringLiteral("id,v")); // the text before
        QCOMPARE(db.scalar("SELECT b_fn()"), QStringLiteral("42"));

        // A fresh database runs the whole set.
        TestDatabase fresh;
        up = migrate(on(fresh, out) << QStringLiteral("up"));
        QVERIFY2(up.exitCode == 0, qPrintable(up.out + up.err));
        QCOMPARE(fresh.scalar("SELECT w FROM a_view WHERE id = 1"), QStringLiteral("20"));
    }

    // A V1.1 added after the repeatable's folder was made (after V1): apart from it, pending
    // below it as Flyway has it (a versioned migration of a later release).
    void aDottedVersionAddedLaterStaysApart()
    {
        QTemporaryDir tmp;
        const QString src = tmp.filePath(QStringLiteral("sql"));
        put(src + QStringLiteral("/V1__t.sql"), kV1);
        put(src + QStringLiteral("/R__a_view.sql"), kView1);
        const QString out = tmp.filePath(QStringLiteral("ours"));
        QCOMPARE(importFlyway(src, out).exitCode, 0);
        put(src + QStringLiteral("/V1.1__u.sql"), kV2);
        const Run r = importFlyway(src, out, true);
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QCOMPARE(folders(r), (QStringList{"1_t", "1-1_u", "1-1000001_a_view"}));
    }

    void aFileChangedSinceFlywayRanItStaysPending()
    {
        QTemporaryDir tmp;
        const QString src = tmp.filePath(QStringLiteral("sql"));
        put(src + QStringLiteral("/V1__t.sql"), kV1);
        put(src + QStringLiteral("/V2__u.sql"), kV2);
        put(src + QStringLiteral("/R__b_fn.sql"), kFunction);
        put(src + QStringLiteral("/R__a_view.sql"), kView3);
        const QString out = tmp.filePath(QStringLiteral("ours"));
        const Run r = importFlyway(src, out);
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        TestDatabase db;
        asFlywayLeftIt(db);
        const Run adopt
            = migrate(on(db, out) << QStringLiteral("--json") << QStringLiteral("adopt")
                                  << QStringLiteral("--from") << QStringLiteral("flyway"));
        QVERIFY2(adopt.exitCode == 0, qPrintable(adopt.out + adopt.err));
        const QString note = adopt.json()
                                 .value(QStringLiteral("rows"))
                                 .toArray()
                                 .at(4)[QStringLiteral("note")]
                                 .toString();
        QVERIFY2(note.startsWith(QStringLiteral("R__a_view.sql changed since Flyway last ran it"))
                     && note.contains(QStringLiteral("2-1000001_a_view stays pending, and `up "
                                                     "--allow-out-of-order` runs it again")),
                 qPrintable(note));
        QCOMPARE(pending(db, out), 1);
        const Run up = migrate(on(db, out)
                               << QStringLiteral("up") << QStringLiteral("--allow-out-of-order"));
        QVERIFY2(up.exitCode == 0, qPrintable(up.out + up.err));
        QCOMPARE(db.scalar("SELECT w FROM a_view WHERE id = 1"), QStringLiteral("20"));
    }
};

QTEST_GUILESS_MAIN(TestImportRepeatables)
#include "tst_importrepeatables.moc"
