// uaip-migrate import-migrations as a process: a non-empty --out refused without --force, and
// one the import wrote replaced with it (no temporary directory left), a file it cannot convert
// writes nothing, and
// --verify proves the converted set against the source database (the same schema; a column
// added by hand is a difference), after which adopt takes the tool's history over: 0 pending.
#include "importtestutil.h"
#include "uaipmigratetestutil.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>

using namespace uaip;
using namespace uaip::test;

namespace {

QStringList importArgs(const QString &src, const QString &out)
{
    return {QStringLiteral("import-migrations"),
            QStringLiteral("--from"),
            QStringLiteral("dbmate"),
            src,
            QStringLiteral("--out"),
            out};
}

const char *const kUsers = "-- migrate:up\ncreate table users (id int primary key, name text);\n"
                           "-- migrate:down\ndrop table users;\n";
const char *const kPosts
    = "-- migrate:up\ncreate table posts (id serial primary key, user_id int references users);\n"
      "-- migrate:down\n";

} // namespace

class TestUaipMigrateImport : public QObject
{
    Q_OBJECT

private slots:
    void outIsNeverHalfWritten()
    {
        QTemporaryDir tmp;
        const QString src = tmp.filePath(QStringLiteral("db/migrations"));
        const QString out = tmp.filePath(QStringLiteral("ours"));
        put(src + QStringLiteral("/20240101000000_users.sql"), kUsers);
        put(out + QStringLiteral("/keep.txt"), "mine\n");

        Run r = migrate(importArgs(src, out));
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("ours: not empty; --force replaces it")),
                 qPrintable(r.err));
        QVERIFY(QFile::exists(out + QStringLiteral("/keep.txt")));

        // --force replaces only what an import wrote (issue 36): not this directory
        r = migrate(importArgs(src, out) << QStringLiteral("--force"));
        QCOMPARE(r.exitCode, 2);
        QVERIFY(QFile::exists(out + QStringLiteral("/keep.txt")));
        QVERIFY(QFile::remove(out + QStringLiteral("/keep.txt")));
        r = migrate(importArgs(src, out));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = migrate(importArgs(src, out) << QStringLiteral("--force"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QStringLiteral("wrote 1 migration(s) from dbmate")));
        QVERIFY(QFile::exists(out + QStringLiteral("/20240101000000_users/up.sql")));
        QVERIFY(QFile::exists(out + QStringLiteral("/20240101000000_users/down.sql")));
        // nothing left beside it: no temporary directory, no replaced one
        QCOMPARE(QDir(tmp.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
                 QStringList({"db", "ours"}));

        // a file that cannot be converted: nothing written, the file and line named
        const QString out2 = tmp.filePath(QStringLiteral("second"));
        put(src + QStringLiteral("/20240102000000_bad.sql"),
            "-- migrate:down\ndrop table x;\n-- migrate:up\ncreate table x ();\n");
        r = migrate(importArgs(src, out2));
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains(QStringLiteral(
                     "20240102000000_bad.sql:1: the down section comes before the up section")),
                 qPrintable(r.err));
        QVERIFY(!QFileInfo::exists(out2));

        // --force does not apply to other commands
        r = migrate({QStringLiteral("status"), QStringLiteral("--force")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QStringLiteral("--force does not apply to \"status\"")));
    }

    void verifyThenAdopt()
    {
        TestDatabase db;
        // what dbmate left: its table (as dbmate 2 creates it) and the schema of both files
        QVERIFY(
            db.witness()
                .execScript("CREATE TABLE schema_migrations (version character varying NOT NULL "
                            "PRIMARY KEY);\n"
                            "INSERT INTO schema_migrations VALUES ('20240101000000'), "
                            "('20240102000000');\n"
                            "create table users (id int primary key, name text);\n"
                            "create table posts (id serial primary key, user_id int references "
                            "users);")
                .ok());
        QTemporaryDir tmp;
        const QString src = tmp.filePath(QStringLiteral("db/migrations"));
        const QString out = tmp.filePath(QStringLiteral("ours"));
        put(src + QStringLiteral("/20240101000000_users.sql"), kUsers);
        put(src + QStringLiteral("/20240102000000_posts.sql"), kPosts);
        const QStringList conn{QStringLiteral("--db"), db.conninfo(), QStringLiteral("--data-dir"),
                               TestCluster::sandbox().rootDir()};

        Run r = migrate(conn + importArgs(src, out) << QStringLiteral("--verify"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QVERIFY2(r.out.contains(QStringLiteral("the same schema")), qPrintable(r.out));
        // dbmate's posts had an empty down section: its down.sql is written from the schema
        // difference (issue 23, point 3 with point 4) and proved by a round trip
        QVERIFY2(r.out.contains(QStringLiteral("review: 1 down.sql file(s) written from the "
                                               "schema difference and proved by a round trip")),
                 qPrintable(r.out));
        QVERIFY(r.out.contains(QStringLiteral("\n  20240102000000_posts")));
        QFile down(out + QStringLiteral("/20240102000000_posts/down.sql"));
        QVERIFY(down.open(QIODevice::ReadOnly));
        const QByteArray downSql = down.readAll();
        QVERIFY2(downSql.startsWith("-- REVIEW: written by uaip-migrate import-migrations from "
                                    "the schema difference"),
                 downSql.constData());
        QVERIFY2(downSql.contains("\nDROP TABLE public.posts;\n"), downSql.constData());
        QVERIFY2(!downSql.contains("users"), downSql.constData());

        r = migrate(conn
                    + QStringList{QStringLiteral("--dir"), out, QStringLiteral("adopt"),
                                  QStringLiteral("--from"), QStringLiteral("dbmate")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        r = migrate(conn
                    + QStringList{QStringLiteral("--dir"), out, QStringLiteral("--json"),
                                  QStringLiteral("status")});
        QCOMPARE(r.exitCode, 0);
        int pending = 0;
        int applied = 0;
        for (const QJsonValue m : r.json().value(QStringLiteral("migrations")).toArray()) {
            pending += m[QStringLiteral("state")] == QStringLiteral("pending");
            applied += m[QStringLiteral("state")] == QStringLiteral("applied");
        }
        QCOMPARE(pending, 0);
        QCOMPARE(applied, 2);

        // the source drifted from its files: verify names the difference (exit 3)
        QVERIFY(db.witness().exec("ALTER TABLE users ADD COLUMN added_by_hand text").ok());
        r = migrate(conn + importArgs(src, out)
                    << QStringLiteral("--verify") << QStringLiteral("--force"));
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.out.contains(QStringLiteral("1 difference(s)"))
                     && r.out.contains(QStringLiteral("users.added_by_hand")),
                 qPrintable(r.out));
    }

    // An up.sql that fails on an empty database: its migration and the ones after it keep
    // the down.sql that refuses to run, and the note says why.
    void downIsNotGeneratedPastAFailingUp()
    {
        QTemporaryDir tmp;
        const QString src = tmp.filePath(QStringLiteral("db/migrations"));
        const QString out = tmp.filePath(QStringLiteral("ours"));
        put(src + QStringLiteral("/20240101000000_users.sql"), kUsers);
        put(src + QStringLiteral("/20240102000000_needs.sql"),
            "-- migrate:up\ncreate table needs (id int references not_there);\n-- migrate:down\n");
        const Run r
            = migrate(QStringList{QStringLiteral("--data-dir"), TestCluster::sandbox().rootDir(),
                                  QStringLiteral("--json")}
                      + importArgs(src, out));
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        const QJsonObject doc = r.json();
        const QJsonArray notes = doc.value(QStringLiteral("down_notes")).toArray();
        QCOMPARE(notes.size(), 1);
        QVERIFY2(notes[0].toString().contains(
                     QStringLiteral("20240102000000_needs: no down.sql generated: "
                                    "20240102000000_needs's up.sql fails on an empty database")),
                 qPrintable(notes[0].toString()));
        const QJsonArray migrations = doc.value(QStringLiteral("migrations")).toArray();
        QVERIFY(!migrations[1][QStringLiteral("down_from_schema")].toBool());
        QFile down(out + QStringLiteral("/20240102000000_needs/down.sql"));
        QVERIFY(down.open(QIODevice::ReadOnly));
        QVERIFY(down.readAll().contains("RAISE EXCEPTION"));
    }
};

QTEST_MAIN(TestUaipMigrateImport)
#include "tst_uaipmigrateimport.moc"
