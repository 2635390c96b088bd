// What a migration folder can hold that is not the author's SQL, through the CLI (issue 19,
// point 15): a file that is not UTF-8 beside good ones, a folder named in another script, a
// byte order mark, and a file of tens of megabytes (memory).
#include "ledger/checksum.h"
#include "uaipmigratetestutil.h"

#include <QFile>

#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <vector>

using namespace uaip;
using namespace uaip::test;

namespace {

// Runs uaip-migrate and returns the peak resident set of that one process in bytes (wait4's
// rusage), or -1 when it did not exit 0. Output goes to /dev/null.
qint64 peakRssOf(const QStringList &args)
{
    const QByteArray program = TestCluster::migrateBinary().toLocal8Bit();
    QList<QByteArray> storage{program};
    for (const QString &a : args)
        storage << a.toLocal8Bit();
    std::vector<char *> argv;
    for (QByteArray &a : storage)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    pid_t pid = 0;
    const int spawned
        = posix_spawn(&pid, program.constData(), &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0)
        return -1;
    int status = 0;
    rusage usage{};
    if (wait4(pid, &status, 0, &usage) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
        return -1;
    return qint64(usage.ru_maxrss) * 1024;
}

} // namespace

class TestMigrationFolders : public QObject
{
    Q_OBJECT

private slots:
    // A Latin-1 byte in one down.sql blocked every command, status included. Now status lists
    // it as a warning (file:line:col); only a plan that runs the file (or applies the migration
    // whose way back it is) is refused.
    void aBadFileBlocksOnlyThePlansThatRunIt()
    {
        TestDatabase db;
        MigrationFolder f;
        addTwo(f);
        f.add(QStringLiteral("0003_tags"), "CREATE TABLE tags (id int);\n",
              "-- r\xe9sum\xe9\nDROP TABLE tags;\n");

        const Run status = migrate(on(db, f.path()) << QStringLiteral("status"));
        QVERIFY2(status.exitCode == 0, qPrintable(status.err));
        QVERIFY2(status.err.contains(QStringLiteral("0003_tags/down.sql:1:5: not valid UTF-8")),
                 qPrintable(status.err));
        QVERIFY(status.out.contains(QStringLiteral("0003")));

        // applying a migration whose way back cannot be read is refused, as a whole
        const Run refused = migrate(on(db, f.path()) << QStringLiteral("up"));
        QCOMPARE(refused.exitCode, 2);
        QVERIFY2(refused.err.contains(QStringLiteral("0003_tags/down.sql:1:5: not valid UTF-8")),
                 qPrintable(refused.err));
        QCOMPARE(db.scalar("SELECT to_regclass('users') IS NULL"), QStringLiteral("t"));

        // what does not run the file goes on
        const Run upTo = migrate(on(db, f.path()) << QStringLiteral("up") << QStringLiteral("--to")
                                                  << QStringLiteral("0002"));
        QVERIFY2(upTo.exitCode == 0, qPrintable(upTo.err + upTo.out));
        QCOMPARE(db.scalar("SELECT to_regclass('posts') IS NOT NULL"), QStringLiteral("t"));
        const Run down
            = migrate(on(db, f.path()) << QStringLiteral("down") << QStringLiteral("--steps")
                                       << QStringLiteral("1"));
        QVERIFY2(down.exitCode == 0, qPrintable(down.err + down.out));
        QCOMPARE(db.scalar("SELECT to_regclass('posts') IS NULL"), QStringLiteral("t"));

        // fixed, it applies
        f.write(QStringLiteral("0003_tags/down.sql"),
                "-- r\xc3\xa9sum\xc3\xa9\nDROP TABLE tags;\n");
        QCOMPARE(migrate(on(db, f.path()) << QStringLiteral("up")).exitCode, 0);
        QCOMPARE(db.scalar("SELECT count(*) FROM uaip_ledger.uaip_schema_migrations"),
                 QStringLiteral("3"));
    }

    // A folder named in the team's language (0002_données) made every command fail.
    void aFolderNamedInAnotherScriptIsAMigration()
    {
        TestDatabase db;
        MigrationFolder f;
        f.add(QStringLiteral("0001_users"), "CREATE TABLE users (id int);\n",
              "DROP TABLE users;\n");
        f.add(QStringLiteral("0002_donn\u00e9es"), "INSERT INTO users VALUES (1);\n",
              "DELETE FROM users;\n");
        const Run up = migrate(on(db, f.path()) << QStringLiteral("up"));
        QVERIFY2(up.exitCode == 0, qPrintable(up.err));
        QCOMPARE(
            db.scalar("SELECT name FROM uaip_ledger.uaip_schema_migrations WHERE version = '0002'"),
            QStringLiteral("donn\u00e9es"));
        const Run status = migrate(on(db, f.path()) << QStringLiteral("status"));
        QVERIFY(status.out.contains(QStringLiteral("donn\u00e9es")));
        QVERIFY(status.err.isEmpty());
    }

    // An editor that adds a BOM made an applied migration "modified" (CRLF did not). A ledger
    // written with the old checksum (BOM hashed) still matches.
    void aByteOrderMarkIsNoModification()
    {
        TestDatabase db;
        MigrationFolder f;
        addTwo(f);
        QCOMPARE(migrate(on(db, f.path()) << QStringLiteral("up")).exitCode, 0);
        const QByteArray withBom = "\xEF\xBB\xBF"
                                   "CREATE TABLE users (id int PRIMARY KEY);\r\n";
        f.write(QStringLiteral("0001_users/up.sql"), withBom);
        const Run validate = migrate(on(db, f.path()) << QStringLiteral("validate"));
        QVERIFY2(validate.exitCode == 0, qPrintable(validate.out + validate.err));
        QVERIFY(!migrate(on(db, f.path()) << QStringLiteral("status"))
                     .out.contains(QStringLiteral("modified")));

        // a ledger row from before: the checksum of the file with its BOM
        QVERIFY(!Checksum::withByteOrderMark(withBom).isEmpty());
        QVERIFY(Checksum::withByteOrderMark(withBom) != Checksum::of(withBom));
        db.scalar(
            "UPDATE uaip_ledger.uaip_schema_migrations SET checksum = $1 WHERE version = '0001'",
            {Checksum::withByteOrderMark(withBom)});
        const Run again = migrate(on(db, f.path()) << QStringLiteral("validate"));
        QVERIFY2(again.exitCode == 0, qPrintable(again.out + again.err));
        // and a real change is still one
        f.write(QStringLiteral("0001_users/up.sql"),
                "\xEF\xBB\xBF"
                "CREATE TABLE users (id bigint PRIMARY KEY);\n");
        QCOMPARE(migrate(on(db, f.path()) << QStringLiteral("validate")).exitCode, 3);
    }

    // A 50 MB up.sql took 766 MB (15x) in up, validate --offline and the dry run: the whole file
    // went through libpg_query's parser at once, and was copied several times. Now the peak
    // stays within 3x the file (beyond what the program takes with no migration at all).
    void aBigFileStaysWithinThreeTimesItsSize()
    {
#if defined(__SANITIZE_ADDRESS__)
        QSKIP("AddressSanitizer's shadow memory and redzones make resident sizes meaningless");
#endif
        MigrationFolder f;
        QByteArray sql = "CREATE TABLE big_t (id int PRIMARY KEY, name text, note text);\n";
        const qsizetype target = qsizetype(24) << 20;
        int id = 0;
        while (sql.size() < target) {
            QByteArray values;
            for (int k = 0; k < 10; ++k, ++id)
                values += (k ? ", (" : "(") + QByteArray::number(id) + ", 'name "
                    + QByteArray::number(id) + "', 'a note that is moderately long; "
                    + QByteArray::number(k) + "')";
            sql += "INSERT INTO big_t VALUES " + values + ";\n";
        }
        f.add(QStringLiteral("0001_big"), sql, "DROP TABLE big_t;\n");
        // the program with a connection, a ledger and one small migration
        MigrationFolder small;
        small.add(QStringLiteral("0001_small"), "CREATE TABLE small_t (id int);\n");
        TestDatabase first;
        const qint64 base = peakRssOf(on(first, small.path()) << QStringLiteral("up"));
        QVERIFY(base > 0);
        const qint64 allowed = base + 3 * sql.size();
        TestDatabase db;
        const QList<QStringList> runs{
            {QStringLiteral("--dir"), f.path(), QStringLiteral("validate"),
             QStringLiteral("--offline")},
            on(db, f.path()) << QStringLiteral("up") << QStringLiteral("--dry-run"),
            on(db, f.path()) << QStringLiteral("up"),
        };
        for (const QStringList &args : runs) {
            const qint64 peak = peakRssOf(args);
            QVERIFY2(peak > 0, qPrintable(args.join(u' ')));
            qInfo("%s: peak %lld MB for a %lld MB file (a small up: %lld MB)",
                  qPrintable(args.mid(args.size() - 2).join(u' ')), peak >> 20,
                  qint64(sql.size()) >> 20, base >> 20);
            QVERIFY2(peak <= allowed,
                     qPrintable(
                         QStringLiteral("peak %1 MB > %2 MB").arg(peak >> 20).arg(allowed >> 20)));
        }
        QCOMPARE(db.scalar("SELECT count(*) FROM big_t"), QString::number(id));
    }

    // Issue 32, P8: every entry of --dir that is not a migration is reported. A folder whose
    // name holds a Latin-1 byte (not UTF-8) and another tool's files are errors that stop the
    // run (before: ignored, and 'up' said up to date); unrelated names are warnings.
    void entriesThatAreNoMigrationsAreReported()
    {
        TestDatabase db;
        {
            MigrationFolder f;
            f.add(QStringLiteral("0001_users"), "CREATE TABLE users (id int);\n",
                  "DROP TABLE users;\n");
            const QByteArray latin1 = QFile::encodeName(f.path()) + "/0002_caf\xe9";
            QVERIFY(::mkdir(latin1.constData(), 0755) == 0);
            const int fd = ::open((latin1 + "/up.sql").constData(), O_WRONLY | O_CREAT, 0644);
            QVERIFY(fd >= 0 && ::write(fd, "SELECT 1;\n", 10) == 10 && ::close(fd) == 0);
            const Run r = migrate(on(db, f.path()) << QStringLiteral("up"));
            QCOMPARE(r.exitCode, 2);
            ::unlink((latin1 + "/up.sql").constData()); // QTemporaryDir cannot name it
            ::rmdir(latin1.constData());
            QVERIFY2(r.err.contains(QStringLiteral("not valid UTF-8")), qPrintable(r.out + r.err));
        }
        {
            MigrationFolder f;
            f.write(QStringLiteral("1_init.up.sql"), "CREATE TABLE t (id int);\n");
            f.write(QStringLiteral("1_init.down.sql"), "DROP TABLE t;\n");
            const Run r = migrate(on(db, f.path()) << QStringLiteral("up"));
            QCOMPARE(r.exitCode, 2);
            QVERIFY2(r.err.contains(QStringLiteral("1_init.up.sql"))
                         && r.err.contains(QStringLiteral("golang-migrate"))
                         && r.err.contains(QStringLiteral("import-migrations")),
                     qPrintable(r.out + r.err));
        }
        {
            MigrationFolder f;
            f.add(QStringLiteral("0001_users"), "CREATE TABLE users (id int);\n",
                  "DROP TABLE users;\n");
            f.write(QStringLiteral("README.md"), "# notes\n");
            f.write(QStringLiteral("notes/todo.txt"), "later\n");
            const Run r = migrate(on(db, f.path()) << QStringLiteral("up"));
            QCOMPARE(r.exitCode, 0);
            QVERIFY2(r.err.contains(QStringLiteral("warning:"))
                         && r.err.contains(QStringLiteral("README.md"))
                         && r.err.contains(QStringLiteral("notes")),
                     qPrintable(r.out + r.err));
        }
    }
};

QTEST_GUILESS_MAIN(TestMigrationFolders)
#include "tst_migrationfolders.moc"
