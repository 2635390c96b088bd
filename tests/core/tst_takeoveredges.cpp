// Issue 61, point 5, the last rough edges of coming from another tool:
// - `down --to 0` keeps a migration numbered 0 (as --to V keeps V); `down --all` rolls it back;
// - a Flyway file of comments only gets a down that says nothing changes, not "no step above
//   runs until you uncomment it" with nothing above;
// - adopt of golang-migrate's one row lists the folders it covers in version order, its own
//   version last;
// - `import-migrations --since VERSION` adds only the newer files' folders beside a directory
//   whose downs were written by hand, changing nothing there, and refuses a folder that is
//   there already; it adds only to the directory an earlier import wrote (its marker, the folders
//   at or below VERSION), the marker renamed into place last, and says when nothing is above.
#include "importtestutil.h"
#include "uaipmigratetestutil.h"

#include <QDir>
#include <QTemporaryDir>

using namespace uaip;
using namespace uaip::test;

namespace {

Run importFlyway(const QString &src, const QString &out, const QStringList &extra = {})
{
    return migrate(QStringList{QStringLiteral("--data-dir"), TestCluster::sandbox().rootDir(),
                               QStringLiteral("import-migrations"), QStringLiteral("--from"),
                               QStringLiteral("flyway"), src, QStringLiteral("--out"), out}
                   + extra);
}

QString applied(TestDatabase &db)
{
    return db.witness()
        .exec("SELECT coalesce(string_agg(version, ',' ORDER BY version), '') "
              "FROM uaip_ledger.uaip_schema_migrations WHERE state = 'applied'")
        .value(0, 0);
}

} // namespace

class TestTakeoverEdges : public QObject
{
    Q_OBJECT

private slots:
    void downToZeroKeepsVersionZero()
    {
        TestDatabase db;
        MigrationFolder f;
        f.add(QStringLiteral("0000_base"), "CREATE TABLE base (id int);\n", "DROP TABLE base;\n");
        addTwo(f);
        QCOMPARE(migrate(on(db, f.path()) << QStringLiteral("up")).exitCode, 0);
        QCOMPARE(applied(db), QStringLiteral("0000,0001,0002"));
        const Run toZero
            = migrate(on(db, f.path())
                      << QStringLiteral("down") << QStringLiteral("--to") << QStringLiteral("0"));
        QVERIFY2(toZero.exitCode == 0, qPrintable(toZero.out + toZero.err));
        QCOMPARE(applied(db), QStringLiteral("0000"));
        const Run all
            = migrate(on(db, f.path()) << QStringLiteral("down") << QStringLiteral("--all"));
        QVERIFY2(all.exitCode == 0, qPrintable(all.out + all.err));
        QCOMPARE(applied(db), QString());
    }

    void commentOnlyFileGetsADownThatSaysSo()
    {
        QTemporaryDir src, out;
        put(src.filePath(QStringLiteral("V1__init.sql")), "CREATE TABLE t (id int);\n");
        put(src.filePath(QStringLiteral("V2__notes.sql")),
            "-- a placeholder the team kept: nothing to run\n/* see the wiki */\n");
        const QString dir = out.filePath(QStringLiteral("m"));
        const Run r = importFlyway(src.path(), dir);
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        const QByteArray down = read(dir + QStringLiteral("/2_notes/down.sql"));
        QVERIFY2(!down.contains("until you uncomment"), down.constData());
        QVERIFY2(down.contains("SELECT 1; -- no step: the schema is the same either way"),
                 down.constData());
    }

    void adoptListsGolangMigrateInVersionOrder()
    {
        TestDatabase db;
        MigrationFolder f;
        for (const char *id : {"1_a", "2_b", "3_c"})
            f.add(QString::fromLatin1(id), "SELECT 1;\n", "SELECT 1;\n");
        exec(db,
             "CREATE TABLE schema_migrations (version bigint not null primary key, "
             "dirty boolean not null);\nINSERT INTO schema_migrations VALUES (3, false);");
        const Run r = migrate(on(db, f.path())
                              << QStringLiteral("adopt") << QStringLiteral("--from")
                              << QStringLiteral("golang-migrate") << QStringLiteral("--dry-run"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        const qsizetype one = r.out.indexOf(QStringLiteral("-> 1_a"));
        const qsizetype two = r.out.indexOf(QStringLiteral("-> 2_b"));
        const qsizetype three = r.out.indexOf(QStringLiteral("-> 3_c"));
        QVERIFY2(one >= 0 && one < two && two < three, qPrintable(r.out));
    }

    void importSinceAddsOnlyTheNewFolders()
    {
        QTemporaryDir src, out;
        put(src.filePath(QStringLiteral("V1__users.sql")), "CREATE TABLE users (id int);\n");
        put(src.filePath(QStringLiteral("V2__posts.sql")), "CREATE TABLE posts (id int);\n");
        const QString dir = out.filePath(QStringLiteral("m"));
        QCOMPARE(importFlyway(src.path(), dir).exitCode, 0);
        // the team wrote a down by hand, so a second import over the directory is refused
        const QByteArray handDown = "-- by hand\nDROP TABLE users;\n";
        QFile::remove(dir + QStringLiteral("/1_users/down.sql"));
        put(dir + QStringLiteral("/1_users/down.sql"), handDown);
        put(src.filePath(QStringLiteral("V3__tags.sql")), "CREATE TABLE tags (id int);\n");
        QCOMPARE(importFlyway(src.path(), dir, {QStringLiteral("--force")}).exitCode, 2);

        const Run since
            = importFlyway(src.path(), dir, {QStringLiteral("--since"), QStringLiteral("2")});
        QVERIFY2(since.exitCode == 0, qPrintable(since.out + since.err));
        QVERIFY2(since.out.contains(QStringLiteral("wrote 1 migration(s)")), qPrintable(since.out));
        QCOMPARE(QDir(dir).entryList(QDir::Dirs | QDir::NoDotAndDotDot),
                 (QStringList{QStringLiteral("1_users"), QStringLiteral("2_posts"),
                              QStringLiteral("3_tags")}));
        QCOMPARE(read(dir + QStringLiteral("/1_users/down.sql")), handDown);
        QCOMPARE(read(dir + QStringLiteral("/3_tags/up.sql")).contains("CREATE TABLE tags"), true);
        QVERIFY(read(dir + QStringLiteral("/") + QLatin1String(".uaip-import"))
                    .contains("3_tags/up.sql"));
        // no temporary directory left beside it
        QCOMPARE(QDir(out.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
                 QStringList{QStringLiteral("m")});

        // again: 3_tags is there already, nothing is touched
        const Run again
            = importFlyway(src.path(), dir, {QStringLiteral("--since"), QStringLiteral("2")});
        QCOMPARE(again.exitCode, 2);
        QVERIFY2(again.err.contains(QStringLiteral("3_tags: is there already")),
                 qPrintable(again.err));
        QCOMPARE(importFlyway(
                     src.path(), dir,
                     {QStringLiteral("--since"), QStringLiteral("x y"), QStringLiteral("--force")})
                     .exitCode,
                 2);
    }

    // --since adds to the directory an earlier import wrote: its marker there and every folder
    // at or below VERSION (changed files allowed); anything else is refused, nothing written.
    void importSinceNeedsTheEarlierImport()
    {
        QTemporaryDir src, out;
        put(src.filePath(QStringLiteral("V1__users.sql")), "CREATE TABLE users (id int);\n");
        put(src.filePath(QStringLiteral("V2__posts.sql")), "CREATE TABLE posts (id int);\n");
        put(src.filePath(QStringLiteral("V3__tags.sql")), "CREATE TABLE tags (id int);\n");
        const QStringList since{QStringLiteral("--since"), QStringLiteral("2")};

        // a directory that does not exist, or is empty: nothing to add to
        const QString none = out.filePath(QStringLiteral("none"));
        Run r = importFlyway(src.path(), none, since);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("nothing to add to")), qPrintable(r.err));
        QVERIFY(!QFileInfo::exists(none));
        QVERIFY(QDir().mkpath(none));
        r = importFlyway(src.path(), none, since);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("nothing to add to")), qPrintable(r.err));

        // the project's own folders, no marker: not import-migrations' directory
        const QString own = out.filePath(QStringLiteral("own"));
        put(own + QStringLiteral("/1_users/up.sql"), "CREATE TABLE users (id int);\n");
        put(own + QStringLiteral("/2_posts/up.sql"), "CREATE TABLE posts (id int);\n");
        r = importFlyway(src.path(), own, since);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("no .uaip-import in it: --since adds to a "
                                               "directory import-migrations wrote")),
                 qPrintable(r.err));
        QVERIFY(!QFileInfo::exists(own + QStringLiteral("/3_tags")));

        // the earlier import with a folder at or below VERSION gone
        const QString dir = out.filePath(QStringLiteral("m"));
        QVERIFY(QFile::remove(src.filePath(QStringLiteral("V3__tags.sql"))));
        QCOMPARE(importFlyway(src.path(), dir).exitCode, 0);
        const QByteArray marker = read(dir + QStringLiteral("/.uaip-import"));
        QVERIFY(QDir(dir + QStringLiteral("/2_posts")).removeRecursively());
        put(src.filePath(QStringLiteral("V3__tags.sql")), "CREATE TABLE tags (id int);\n");
        r = importFlyway(src.path(), dir, since);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("the folders of the migrations at or below "
                                               "--since are missing (2_posts)")),
                 qPrintable(r.err));
        QVERIFY(!QFileInfo::exists(dir + QStringLiteral("/3_tags")));

        // back, with a down written by hand: the new folder added, the marker the old one and
        // the new lines, no temporary file left in the directory
        put(dir + QStringLiteral("/2_posts/up.sql"), "CREATE TABLE posts (id int);\n");
        put(dir + QStringLiteral("/2_posts/down.sql"), "-- by hand\nDROP TABLE posts;\n");
        r = importFlyway(src.path(), dir, since);
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        const QByteArray now = read(dir + QStringLiteral("/.uaip-import"));
        QVERIFY2(now.startsWith(marker) && now.contains("3_tags/up.sql")
                     && now.contains("3_tags/down.sql"),
                 now.constData());
        QCOMPARE(QDir(dir).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
                 (QStringList{QStringLiteral(".uaip-import"), QStringLiteral("1_users"),
                              QStringLiteral("2_posts"), QStringLiteral("3_tags")}));

        // above every version: said, nothing written
        r = importFlyway(src.path(), dir, {QStringLiteral("--since"), QStringLiteral("3")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QVERIFY2(r.out.contains(
                     QStringLiteral("no migration above 3 in %1: nothing written").arg(src.path())),
                 qPrintable(r.out));
        QCOMPARE(read(dir + QStringLiteral("/.uaip-import")), now);
    }
};

QTEST_GUILESS_MAIN(TestTakeoverEdges)
#include "tst_takeoveredges.moc"
