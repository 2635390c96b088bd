// import-migrations and the files it reads and writes (issue 36, points 2 and 10), as a
// process: a symbolic link out of SRC (to a secret, to /dev/zero) is refused, not read; a file
// over 64 MiB and a FIFO are refused with a clear error; --out equal to, inside or around SRC is
// refused before anything is written; --force replaces only a directory the importer wrote
// (its .uaip-import marker), never one with a file added or edited since; and a set with a
// migration to convert by hand writes nothing at all. A link out of SRC is refused naming only
// the link, its path inside SRC (issue 57, point 10): never its target, never the target's file
// names (a linked diesel or Prisma folder, a linked Flyway subdirectory), for every tool.
#include "db/sandbox.h"
#include "importtestutil.h"
#include "uaipmigratetestutil.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <sys/stat.h>

using namespace uaip;
using namespace uaip::test;

namespace {

Run import(const QString &tool, const QString &src, const QString &out, bool force = false)
{
    QStringList args{QStringLiteral("import-migrations"),
                     QStringLiteral("--from"),
                     tool,
                     src,
                     QStringLiteral("--out"),
                     out};
    if (force)
        args << QStringLiteral("--force");
    return migrate(args);
}

const QByteArray kUsers = "-- migrate:up\ncreate table users (id int primary key);\n"
                          "-- migrate:down\ndrop table users;\n";

} // namespace

class TestImportFileSafety : public QObject
{
    Q_OBJECT

private slots:
    // A symbolic link whose target is outside SRC is never followed: a secret's text does not
    // end up in an up.sql. A link that stays inside SRC is read.
    void symbolicLinksOutOfTheSourceAreRefused()
    {
        QTemporaryDir tmp;
        const QString src = tmp.filePath(QStringLiteral("proj/db/migrations"));
        const QString out = tmp.filePath(QStringLiteral("ours"));
        put(tmp.filePath(QStringLiteral("secret.txt")),
            "-- migrate:up\nSELECT 'the secret';\n-- migrate:down\n");
        put(src + QStringLiteral("/shared/users.sql"), kUsers);
        QVERIFY(QFile::link(QStringLiteral("shared/users.sql"),
                            src + QStringLiteral("/20240101000000_users.sql")));
        QVERIFY(QFile::link(tmp.filePath(QStringLiteral("secret.txt")),
                            src + QStringLiteral("/20240102000000_leak.sql")));
        QVERIFY(QFile::link(QStringLiteral("/dev/zero"),
                            src + QStringLiteral("/20240103000000_zero.sql")));
        Run r = import(QStringLiteral("dbmate"), src, out);
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains(QStringLiteral("20240102000000_leak.sql:1: a symbolic link that "
                                               "leads outside the source directory: not read")),
                 qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("20240103000000_zero.sql:1: a symbolic link that "
                                               "leads outside the source directory: not read")),
                 qPrintable(r.err));
        // only the link is named, not where it leads
        QVERIFY2(!r.err.contains(QStringLiteral("secret.txt")), qPrintable(r.err));
        QVERIFY2(!r.err.contains(QStringLiteral("/dev/zero")), qPrintable(r.err));
        QVERIFY(!r.err.contains(QStringLiteral("20240101000000_users")));
        QVERIFY(!QFileInfo::exists(out));

        // the same for a tool whose migrations are folders: a folder linked from elsewhere
        const QString prisma = tmp.filePath(QStringLiteral("prisma/migrations"));
        put(tmp.filePath(QStringLiteral("elsewhere/migration.sql")), "SELECT 'the secret';\n");
        QVERIFY(QDir().mkpath(prisma));
        QVERIFY(QFile::link(tmp.filePath(QStringLiteral("elsewhere")),
                            prisma + QStringLiteral("/20240101000000_init")));
        r = import(QStringLiteral("prisma"), prisma, out);
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains(QStringLiteral("20240101000000_init:1: a symbolic link that leads "
                                               "outside the source directory: not read")),
                 qPrintable(r.err));
        QVERIFY2(!r.err.contains(QStringLiteral("elsewhere")), qPrintable(r.err));
        QVERIFY(!QFileInfo::exists(out));

        // without the links out, the one inside is read
        QVERIFY(QFile::remove(src + QStringLiteral("/20240102000000_leak.sql")));
        QVERIFY(QFile::remove(src + QStringLiteral("/20240103000000_zero.sql")));
        r = import(QStringLiteral("dbmate"), src, out);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(read(out + QStringLiteral("/20240101000000_users/up.sql"))
                    .contains("create table users"));
    }

    // Issue 57, point 10: a diesel folder linked to a folder outside SRC listed that folder's
    // file names in its error. A folder link out (to a folder with or without an up.sql, by an
    // absolute or a relative path, or through a link inside SRC) is refused naming the link only;
    // an up.sql linked out is named the same whether its target exists or not; a folder linked
    // inside SRC is read.
    void linkedFoldersNameOnlyTheLink()
    {
        QTemporaryDir tmp;
        const QString src = tmp.filePath(QStringLiteral("proj/migrations"));
        const QString out = tmp.filePath(QStringLiteral("ours"));
        put(tmp.filePath(QStringLiteral("keys/id_ed25519_private")), "KEY\n");
        put(tmp.filePath(QStringLiteral("keys/passwords.txt")), "hunter2\n");
        put(tmp.filePath(QStringLiteral("withup/up.sql")), "SELECT 'the secret';\n");
        put(src + QStringLiteral("/shared/up.sql"), "CREATE TABLE shared (id int);\n");
        put(src + QStringLiteral("/shared/down.sql"), "DROP TABLE shared;\n");
        QVERIFY(QDir().mkpath(src + QStringLiteral("/2024-01-05-000000_own")));
        put(src + QStringLiteral("/2024-01-05-000000_own/down.sql"), "SELECT 1;\n");
        QVERIFY(QFile::link(tmp.filePath(QStringLiteral("keys")),
                            src + QStringLiteral("/2024-01-01-000000_a")));
        QVERIFY(QFile::link(QStringLiteral("../../withup"),
                            src + QStringLiteral("/2024-01-02-000000_b")));
        QVERIFY(QFile::link(tmp.filePath(QStringLiteral("keys")), src + QStringLiteral("/inner")));
        QVERIFY(QFile::link(QStringLiteral("inner"), src + QStringLiteral("/2024-01-03-000000_c")));
        QVERIFY(QFile::link(QStringLiteral("shared"),
                            src + QStringLiteral("/2024-01-04-000000_shared")));
        QVERIFY(QFile::link(tmp.filePath(QStringLiteral("keys/passwords.txt")),
                            src + QStringLiteral("/2024-01-05-000000_own/up.sql")));
        const Run r = import(QStringLiteral("diesel"), src, out);
        QCOMPARE(r.exitCode, 3);
        for (const char *link : {"2024-01-01-000000_a", "2024-01-02-000000_b",
                                 "2024-01-03-000000_c", "2024-01-05-000000_own/up.sql"})
            QVERIFY2(r.err.contains(QString::fromLatin1(link)
                                    + QStringLiteral(":1: a symbolic link that leads outside the "
                                                     "source directory: not read")),
                     qPrintable(link + (u'\n' + r.err)));
        for (const char *leak : {"id_ed25519_private", "passwords", "keys", "withup", "secret"})
            QVERIFY2(!r.err.contains(QString::fromLatin1(leak)) && !r.out.contains(leak),
                     qPrintable(leak + (u'\n' + r.err)));
        QVERIFY(!r.err.contains(QStringLiteral("2024-01-04-000000_shared")));
        QVERIFY(!QFileInfo::exists(out));

        // the up.sql linked to a file that is not there: the same words (no oracle of what
        // exists outside)
        QVERIFY(QFile::remove(src + QStringLiteral("/2024-01-05-000000_own/up.sql")));
        QVERIFY(QFile::link(tmp.filePath(QStringLiteral("keys/nothing-here")),
                            src + QStringLiteral("/2024-01-05-000000_own/up.sql")));
        const Run missing = import(QStringLiteral("diesel"), src, out);
        QVERIFY2(missing.err.contains(QStringLiteral("2024-01-05-000000_own/up.sql:1: a symbolic "
                                                     "link that leads outside the source "
                                                     "directory: not read")),
                 qPrintable(missing.err));

        // without the links out, the folder linked inside SRC is read
        for (const char *link :
             {"2024-01-01-000000_a", "2024-01-02-000000_b", "2024-01-03-000000_c", "inner"})
            QVERIFY(QFile::remove(src + u'/' + QString::fromLatin1(link)));
        QVERIFY(QDir(src + QStringLiteral("/2024-01-05-000000_own")).removeRecursively());
        const Run ok = import(QStringLiteral("diesel"), src, out);
        QVERIFY2(ok.exitCode == 0, qPrintable(ok.err));
        QVERIFY(read(out + QStringLiteral("/20240104000000_shared/up.sql"))
                    .contains("CREATE TABLE shared"));
    }

    // The same for every reader: a migration-named file (or Prisma folder) linked out of SRC is
    // refused naming the link, its target's path and text nowhere; a Flyway subdirectory
    // linked out is not looked into (its migration-named files were listed as "in a
    // subdirectory").
    void everyReaderNamesOnlyTheLink_data()
    {
        QTest::addColumn<QString>("tool");
        QTest::addColumn<QString>("link"); // the link's name in SRC
        QTest::addColumn<QString>("target"); // what it leads to, below the temporary folder
        const QString secret = QStringLiteral("outside/secret_V7__hidden.sql");
        QTest::newRow("dbmate") << "dbmate"
                                << "20240102000000_b.sql" << secret;
        QTest::newRow("golang-migrate") << "golang-migrate"
                                        << "2_b.up.sql" << secret;
        QTest::newRow("flyway") << "flyway"
                                << "V2__b.sql" << secret;
        QTest::newRow("flyway subdirectory") << "flyway"
                                             << "sub"
                                             << "outside";
        QTest::newRow("node-pg-migrate") << "node-pg-migrate"
                                         << "1700000000002_b.sql" << secret;
        QTest::newRow("typeorm") << "typeorm"
                                 << "1700000000002-B.ts" << secret;
        QTest::newRow("prisma") << "prisma"
                                << "20240102000000_b"
                                << "outside";
        QTest::newRow("diesel") << "diesel"
                                << "20240102000000_b"
                                << "outside";
    }

    void everyReaderNamesOnlyTheLink()
    {
        QFETCH(QString, tool);
        QFETCH(QString, link);
        QFETCH(QString, target);
        QTemporaryDir tmp;
        const QString src = tmp.filePath(QStringLiteral("src"));
        const QByteArray text = tool == u"typeorm"
            ? "export class B1700000000002 { async up(q) { await q.query(`SELECT 'hidden text'`); "
              "} async down(q) {} }\n"
            : "-- migrate:up\n-- Up Migration\nSELECT 'hidden text';\n";
        for (const char *file :
             {"secret_V7__hidden.sql", "V7__secret_hidden.sql", "migration.sql", "up.sql"})
            put(tmp.filePath(QStringLiteral("outside/")) + QString::fromLatin1(file), text);
        QVERIFY(QDir().mkpath(src));
        QVERIFY(QFile::link(tmp.filePath(target), src + u'/' + link));
        const bool subdirectory = link == u"sub";
        if (subdirectory) { // a migration of its own, with its undo: nothing to generate
            put(src + QStringLiteral("/V1__a.sql"), "SELECT 1;\n");
            put(src + QStringLiteral("/U1__a.sql"), "SELECT 1;\n");
        }
        const Run r = import(tool, src, tmp.filePath(QStringLiteral("out")));
        for (const QString &leak :
             {QStringLiteral("secret_V7"), QStringLiteral("V7__secret"),
              QStringLiteral("hidden text"), tmp.filePath(QStringLiteral("outside"))})
            QVERIFY2(!r.err.contains(leak) && !r.out.contains(leak),
                     qPrintable(leak + u'\n' + r.err + r.out));
        if (subdirectory) {
            QVERIFY2(r.exitCode == 0, qPrintable(r.err));
            return;
        }
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains(link
                                + QStringLiteral(":1: a symbolic link that leads outside the "
                                                 "source directory: not read")),
                 qPrintable(r.err));
    }

    // A file over 64 MiB (sparse: no disk used) and a FIFO: named, not read.
    void hugeFilesAndFifosAreRefused()
    {
        QTemporaryDir tmp;
        const QString src = tmp.filePath(QStringLiteral("migrations"));
        put(src + QStringLiteral("/20240101000000_users.sql"), kUsers);
        {
            QFile big(src + QStringLiteral("/20240102000000_big.sql"));
            QVERIFY(big.open(QIODevice::WriteOnly));
            QVERIFY(big.write("-- migrate:up\n") > 0);
            QVERIFY(big.resize(qint64(64) * 1024 * 1024 + 1));
        }
        QCOMPARE(
            ::mkfifo(QFile::encodeName(src + QStringLiteral("/20240103000000_fifo.sql")), 0600), 0);
        const Run r = import(QStringLiteral("dbmate"), src, tmp.filePath(QStringLiteral("out")));
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains(QStringLiteral("20240102000000_big.sql:1: 67108865 bytes: larger "
                                               "than the 64 MiB a migration file may have")),
                 qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("20240103000000_fifo.sql:1: not a regular file")),
                 qPrintable(r.err));
        QVERIFY(!QFileInfo::exists(tmp.filePath(QStringLiteral("out"))));
    }

    // --out equal to SRC, inside it, or around it (with --force, which once deleted a
    // project's README and sources): refused before anything is read or written.
    void outMayNotOverlapTheSource()
    {
        QTemporaryDir tmp;
        const QString proj = tmp.filePath(QStringLiteral("proj"));
        const QString src = proj + QStringLiteral("/db/migration");
        put(proj + QStringLiteral("/README"), "mine\n");
        put(src + QStringLiteral("/20240101000000_users.sql"), kUsers);
        QVERIFY(QFile::link(proj, tmp.filePath(QStringLiteral("alias"))));
        const struct
        {
            QString out;
            QString why;
        } cases[] = {
            {src, QStringLiteral("is the source directory")},
            {src + QStringLiteral("/converted"), QStringLiteral("inside the source directory")},
            {proj, QStringLiteral("holds the source directory")},
            {tmp.path(), QStringLiteral("holds the source directory")},
            // through a symbolic link: the same directory
            {tmp.filePath(QStringLiteral("alias/db/migration/x")),
             QStringLiteral("inside the source directory")},
        };
        for (const auto &c : cases) {
            const Run r = import(QStringLiteral("dbmate"), src, c.out, true);
            QCOMPARE(r.exitCode, 2);
            QVERIFY2(r.err.contains(c.why), qPrintable(c.out + u'\n' + r.err));
            QCOMPARE(read(proj + QStringLiteral("/README")), QByteArray("mine\n"));
            QCOMPARE(read(src + QStringLiteral("/20240101000000_users.sql")), kUsers);
            QVERIFY(!QFileInfo::exists(src + QStringLiteral("/converted")));
        }
    }

    // --force replaces what an earlier import wrote, and nothing else: not a directory of
    // someone else's, not a file added or edited since.
    void forceReplacesOnlyWhatTheImportWrote()
    {
        QTemporaryDir tmp;
        const QString src = tmp.filePath(QStringLiteral("migrations"));
        const QString out = tmp.filePath(QStringLiteral("ours"));
        put(src + QStringLiteral("/20240101000000_users.sql"), kUsers);
        put(out + QStringLiteral("/notes.txt"), "mine\n");
        Run r = import(QStringLiteral("dbmate"), src, out, true);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("not written by import-migrations (no "
                                               ".uaip-import in it)")),
                 qPrintable(r.err));
        QCOMPARE(read(out + QStringLiteral("/notes.txt")), QByteArray("mine\n"));
        QVERIFY(QFile::remove(out + QStringLiteral("/notes.txt")));

        r = import(QStringLiteral("dbmate"), src, out);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(read(out + QStringLiteral("/.uaip-import"))
                    .contains("  20240101000000_users/up.sql\n"));
        r = import(QStringLiteral("dbmate"), src, out, true); // what it wrote: replaced
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));

        // a down.sql written by hand, as the REVIEW header asks: kept
        const QByteArray written = read(out + QStringLiteral("/20240101000000_users/down.sql"));
        put(out + QStringLiteral("/20240101000000_users/down.sql"), "drop table users; -- mine\n");
        r = import(QStringLiteral("dbmate"), src, out, true);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("20240101000000_users/down.sql: changed since the "
                                               "import wrote it")),
                 qPrintable(r.err));
        QCOMPARE(read(out + QStringLiteral("/20240101000000_users/down.sql")),
                 QByteArray("drop table users; -- mine\n"));
        // a folder added by hand: kept
        put(out + QStringLiteral("/20240101000000_users/down.sql"), written);
        put(out + QStringLiteral("/20240105000000_mine/up.sql"), "select 1;\n");
        r = import(QStringLiteral("dbmate"), src, out, true);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("20240105000000_mine/up.sql: not written by the "
                                               "import")),
                 qPrintable(r.err));
        QVERIFY(QFileInfo::exists(out + QStringLiteral("/20240105000000_mine/up.sql")));
    }

    // A migration to convert by hand: exit 3 and nothing written (not the others with a gap).
    void aMigrationToConvertByHandWritesNothing()
    {
        QTemporaryDir tmp;
        const QString src = tmp.filePath(QStringLiteral("migrations"));
        const QString out = tmp.filePath(QStringLiteral("ours"));
        put(src + QStringLiteral("/1700000000001_users.sql"),
            "-- Up Migration\ncreate table users (id int);\n-- Down Migration\ndrop table "
            "users;\n");
        put(src + QStringLiteral("/1700000000002_posts.js"),
            "exports.up = (pgm) => {\n  pgm.createTable('posts', {});\n};\n");
        put(src + QStringLiteral("/1700000000003_tags.sql"),
            "-- Up Migration\ncreate table tags (id int);\n-- Down Migration\ndrop table tags;\n");
        const Run r = import(QStringLiteral("node-pg-migrate"), src, out);
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains(QStringLiteral("nothing was written: 1 place(s) in "))
                     && r.err.contains(QStringLiteral("1700000000002_posts.js:1: a JavaScript or "
                                                      "TypeScript migration: convert by hand")),
                 qPrintable(r.err));
        QVERIFY(!QFileInfo::exists(out));
        // nothing beside it either (no temporary directory)
        QCOMPARE(QDir(tmp.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
                 QStringList{QStringLiteral("migrations")});
    }

    // Issue 41, point 10: the sandbox import-migrations starts to write the missing downs (and
    // to prove them) is stopped again when it is done; one that was running stays running.
    void theSandboxItStartedIsStoppedAgain()
    {
        QTemporaryDir tmp;
        const QString src = tmp.filePath(QStringLiteral("src"));
        put(src + QStringLiteral("/000001_users.up.sql"), "create table users (id int);\n");
        const QString data = tmp.filePath(QStringLiteral("sandbox"));
        const Run r
            = migrate({QStringLiteral("--data-dir"), data, QStringLiteral("import-migrations"),
                       QStringLiteral("--from"), QStringLiteral("golang-migrate"), src,
                       QStringLiteral("--out"), tmp.filePath(QStringLiteral("out"))});
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QVERIFY2(
            read(tmp.filePath(QStringLiteral("out/000001_users/down.sql"))).contains("DROP TABLE"),
            qPrintable(r.out + r.err));
        Sandbox sandbox(data);
        QVERIFY(sandbox.isInitialised()); // it was used
        QVERIFY(!sandbox.isRunning());
    }
};

QTEST_GUILESS_MAIN(TestImportFileSafety)
#include "tst_importfilesafety.moc"
