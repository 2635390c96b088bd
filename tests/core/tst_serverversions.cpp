// Every PostgreSQL a platform runs (issue 77), on the server this run has: Debian's 15 for the
// suite, 16, 17 and 18 (npm's upstream builds) for the matrix (core_serverversions@pg<N>,
// tests/CMakeLists.txt). Each case asks the server its version and checks what that version
// must give:
// - status says the version and that it is supported; the bundled migrations go up and verify
//   finds no drift, proved on a sandbox of the target's own major (never across majors);
// - syntax the console's parser (PostgreSQL 17) reads but an older server does not (JSON_TABLE,
//   SYSTEM_USER): lint is clean everywhere, up applies it on 17+ and fails whole on 15 and 16;
// - syntax newer than the parser (18's VIRTUAL generated column): refused as a syntax error
//   where the server is not newer than the parser; on 18 it runs as written, as psql runs it,
//   every reader saying it is not checked; the big-table gate assumes the worst of it; the
//   read-only guard refuses it, saying why;
// - PostgreSQL 14 refused at connect, before anything runs (fetched for the test; the 15 run
//   only).
#include "db/sandbox.h"
#include "db/sandboxserverprograms.h"
#include "db/serversupport.h"
#include "serverbuilds/serverbuildinstaller.h"
#include "uaipmigratetestutil.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QTemporaryDir>

#include <sys/stat.h>
#include <unistd.h>

using namespace uaip;
using namespace uaip::test;

namespace {

constexpr int kParserMajor = 17;

int majorOf(TestDatabase &db)
{
    return db.witness().serverVersion() / 10000;
}

bool hasTable(TestDatabase &db, const QString &table)
{
    return db.scalar("SELECT count(*) FROM pg_class WHERE relname = $1", {table})
        == QStringLiteral("1");
}

const QByteArray kJsonTable
    = "CREATE TABLE docs (id int PRIMARY KEY, body jsonb NOT NULL, made_by text DEFAULT "
      "SYSTEM_USER);\n"
      "CREATE VIEW doc_items AS SELECT d.id, t.name FROM docs d,\n"
      "  JSON_TABLE(d.body, '$.items[*]' COLUMNS (name text PATH '$.name')) AS t;\n";

const QByteArray kVirtual = "CREATE TABLE shapes (id int PRIMARY KEY, side int NOT NULL,\n"
                            "  area int GENERATED ALWAYS AS (side * side) VIRTUAL);\n";

} // namespace

class TestServerVersions : public QObject
{
    Q_OBJECT

private slots:
    void statusSaysTheVersionAndThatItIsSupported()
    {
        TestDatabase db;
        const Run r
            = migrateInProcess(db.conninfo(), {QStringLiteral("--json"), QStringLiteral("status")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject server = r.json().value(u"server").toObject();
        QCOMPARE(server.value(u"version_num").toInt(), db.witness().serverVersion());
        QVERIFY2(server.value(u"supported").toBool(), qPrintable(r.out));
        QCOMPARE(server.value(u"support").toString(), QStringLiteral("supported"));
        const Run text = migrateInProcess(db.conninfo(), {QStringLiteral("status")});
        QVERIFY2(
            text.out.contains(QStringLiteral("PostgreSQL %1 (supported: 15 to 18)")
                                  .arg(ServerSupport::versionText(db.witness().serverVersion()))),
            qPrintable(text.out));
    }

    void theBundledMigrationsGoUpAndVerifyOnTheTargetsMajor()
    {
        TestDatabase db;
        const Run up = migrate(db.conninfo(), {QStringLiteral("up")});
        QVERIFY2(up.exitCode == 0, qPrintable(up.out + up.err));
        // the sandbox folder given is the suite's (Debian's 15): the proof goes to the sandbox
        // of the target's major beside it (for 15 that folder itself)
        const int major = majorOf(db);
        QString base = TestCluster::sandbox().rootDir();
        base.remove(QRegularExpression(QStringLiteral("-pg\\d+$")));
        const Run verify = migrate(db.conninfo(),
                                   {QStringLiteral("--data-dir"), base, QStringLiteral("--json"),
                                    QStringLiteral("verify")});
        QVERIFY2(verify.exitCode == 0, qPrintable(verify.out + verify.err));
        const QJsonObject doc = verify.json();
        QCOMPARE(doc.value(u"drift").toArray().size(), 0);
        QCOMPARE(doc.value(u"proved_on").toObject().value(u"major").toInt(), major);
        QCOMPARE(doc.value(u"proved_on").toObject().value(u"sandbox").toString(),
                 Sandbox::rootFor(base, major));
    }

    void syntaxTheParserReadsIsTheServersToRefuse()
    {
        // JSON_TABLE and SYSTEM_USER are PostgreSQL 17's: the parser reads them, so lint has
        // nothing to say; 15 and 16 refuse them when they run, and nothing is applied
        TestDatabase db;
        MigrationFolder f;
        f.add(QStringLiteral("0001_docs"), kJsonTable, "DROP VIEW doc_items;\nDROP TABLE docs;\n");
        const Run lint = migrateInProcess(
            {QStringLiteral("--dir"), f.path(), QStringLiteral("--json"), QStringLiteral("lint")});
        QVERIFY2(lint.exitCode == 0, qPrintable(lint.out + lint.err));
        QVERIFY2(!lint.out.contains(QStringLiteral("not_checked")), qPrintable(lint.out));
        const Run up = migrate(on(db, f.path()) << QStringLiteral("up"));
        if (majorOf(db) >= 17) {
            QVERIFY2(up.exitCode == 0, qPrintable(up.out + up.err));
            db.witness().execScript("INSERT INTO docs VALUES (1, '{\"items\": [{\"name\": "
                                    "\"a\"}, {\"name\": \"b\"}]}')");
            QCOMPARE(db.scalar("SELECT string_agg(name, ',' ORDER BY name) FROM doc_items"),
                     QStringLiteral("a,b"));
            // a query of 17's syntax through the read-only guard
            const Run read = migrateInProcess(
                db.conninfo(),
                {QStringLiteral("sql"), QStringLiteral("--read-only"), QStringLiteral("-c"),
                 QStringLiteral("SELECT t.n FROM docs, JSON_TABLE(body, '$.items[*]' COLUMNS "
                                "(n text PATH '$.name')) AS t ORDER BY 1")});
            QVERIFY2(read.exitCode == 0 && read.out.contains(u'b'),
                     qPrintable(read.out + read.err));
        } else {
            QVERIFY2(up.exitCode != 0, qPrintable(up.out));
            QVERIFY2(up.err.contains(QStringLiteral("up.sql:")), qPrintable(up.err));
            QVERIFY(!hasTable(db, QStringLiteral("docs")));
        }
    }

    void syntaxNewerThanTheParserRunsOnlyWhereTheServerIsNewer()
    {
        TestDatabase db;
        MigrationFolder f;
        f.add(QStringLiteral("0001_shapes"), kVirtual, "DROP TABLE shapes;\n");
        const int major = majorOf(db);
        const Run offline = migrateInProcess(
            {QStringLiteral("--dir"), f.path(), QStringLiteral("--json"), QStringLiteral("lint")});
        QCOMPARE(offline.exitCode, 3); // a syntax error to the parser, with no target to ask
        const Run told = migrateInProcess({QStringLiteral("--dir"), f.path(),
                                           QStringLiteral("--pg"), QStringLiteral("18"),
                                           QStringLiteral("--json"), QStringLiteral("lint")});
        QVERIFY2(told.exitCode == 0, qPrintable(told.out + told.err));
        QVERIFY2(told.out.contains(QStringLiteral("not_checked"))
                     && told.out.contains(
                         QStringLiteral("syntax newer than the console's parser (PostgreSQL %1)")
                             .arg(kParserMajor)),
                 qPrintable(told.out));
        const Run dry = migrateInProcess(on(db, f.path())
                                         << QStringLiteral("up") << QStringLiteral("--dry-run"));
        const Run up = migrate(on(db, f.path()) << QStringLiteral("up"));
        if (major <= kParserMajor) {
            QVERIFY2(dry.exitCode != 0 && up.exitCode != 0, qPrintable(dry.out + up.out));
            QVERIFY2(up.err.contains(QStringLiteral("up.sql:2:")), qPrintable(up.err));
            QVERIFY(!hasTable(db, QStringLiteral("shapes")));
            return;
        }
        QVERIFY2(dry.exitCode == 0, qPrintable(dry.out + dry.err));
        QVERIFY2(dry.out.contains(QStringLiteral("not checked: syntax newer than the console's "
                                                 "parser")),
                 qPrintable(dry.out));
        QVERIFY2(up.exitCode == 0, qPrintable(up.out + up.err));
        QCOMPARE(db.scalar("SELECT attgenerated FROM pg_attribute WHERE attrelid = "
                           "'shapes'::regclass AND attname = 'area'"),
                 QStringLiteral("v"));
        const Run down = migrate(on(db, f.path()) << QStringLiteral("down"));
        QVERIFY2(down.exitCode == 0, qPrintable(down.out + down.err));
        QVERIFY(!hasTable(db, QStringLiteral("shapes")));
    }

    // On a server newer than the parser, what the parser cannot read goes to the server's own
    // grammar before anything runs: a typo there is a syntax error at file:line:col, from up,
    // the dry run, lint and validate against it; nothing is applied.
    void aTypoInWhatTheParserCannotReadIsTheServersSyntaxError()
    {
        TestDatabase db;
        if (majorOf(db) <= kParserMajor)
            QSKIP("the parser reads every statement this server accepts");
        MigrationFolder f;
        f.add(QStringLiteral("0001_typo"),
              "CREATE TABLE a (id int PRIMARY KEY);\n"
              "CREATE TABLE b (x int, y int GENERATED ALWAYS AS (x) VIRTUAL,\n"
              "  z int GENERATED ALWAYS AS (x) VIRTUL);\n",
              "DROP TABLE b;\nDROP TABLE a;\n");
        const Run up = migrate(on(db, f.path()) << QStringLiteral("up"));
        QCOMPARE(up.exitCode, 2);
        QVERIFY2(
            up.err.contains(QStringLiteral("0001_typo/up.sql:3:"))
                && up.err.contains(
                    QStringLiteral("the server's own grammar, PostgreSQL %1").arg(majorOf(db))),
            qPrintable(up.err));
        QVERIFY(!hasTable(db, QStringLiteral("a")));
        const Run dry = migrateInProcess(on(db, f.path())
                                         << QStringLiteral("up") << QStringLiteral("--dry-run"));
        QCOMPARE(dry.exitCode, 2);
        const Run lint = migrateInProcess(on(db, f.path()) << QStringLiteral("lint"));
        QCOMPARE(lint.exitCode, 3);
        QVERIFY2(lint.out.contains(QStringLiteral("up.sql:3:")), qPrintable(lint.out));
        const Run validate = migrateInProcess(on(db, f.path()) << QStringLiteral("validate"));
        QCOMPARE(validate.exitCode, 3);
        // valid newer syntax passes the same check
        MigrationFolder good;
        good.add(QStringLiteral("0001_ok"), kVirtual, "DROP TABLE shapes;\n");
        QCOMPARE(migrateInProcess(on(db, good.path()) << QStringLiteral("validate")).exitCode, 0);
    }

    // An online rename of a NOT NULL column (18 keeps NOT NULL as a named constraint, which the
    // rename keeps and the online copy makes anew): proved, on the target's own major.
    void anOnlineRenameIsProvedOnTheTargetsMajor()
    {
        TestDatabase db;
        MigrationFolder f;
        f.add(QStringLiteral("0001_agents"),
              "CREATE TABLE agents (id int PRIMARY KEY, name text NOT NULL);\n",
              "DROP TABLE agents;\n");
        QCOMPARE(migrate(on(db, f.path()) << QStringLiteral("up")).exitCode, 0);
        QString base = TestCluster::sandbox().rootDir();
        base.remove(QRegularExpression(QStringLiteral("-pg\\d+$")));
        const Run online = migrate(on(db, f.path())
                                   << QStringLiteral("--data-dir") << base
                                   << QStringLiteral("--json") << QStringLiteral("new")
                                   << QStringLiteral("rename_name") << QStringLiteral("--online")
                                   << QStringLiteral("ALTER TABLE agents RENAME COLUMN name TO "
                                                     "display_name"));
        QVERIFY2(online.exitCode == 0, qPrintable(online.out + online.err));
        QCOMPARE(online.json().value(u"proved_on").toObject().value(u"major").toInt(), majorOf(db));
    }

    void theBigTableGateAssumesTheWorstOfWhatItCannotRead()
    {
        TestDatabase db;
        if (majorOf(db) <= kParserMajor)
            QSKIP("the parser reads every statement this server accepts");
        db.witness().execScript("CREATE TABLE big (id int PRIMARY KEY); INSERT INTO big SELECT "
                                "generate_series(1, 500)");
        MigrationFolder f;
        f.add(QStringLiteral("0001_area"),
              "ALTER TABLE big ADD COLUMN twice int GENERATED ALWAYS AS (id * 2) VIRTUAL;\n",
              "ALTER TABLE big DROP COLUMN twice;\n");
        const Run refused = migrate(on(db, f.path())
                                    << QStringLiteral("up") << QStringLiteral("--max-blocking-rows")
                                    << QStringLiteral("100"));
        QCOMPARE(refused.exitCode, 2);
        QVERIFY2(refused.err.contains(QStringLiteral("big")), qPrintable(refused.err));
        QCOMPARE(db.scalar("SELECT count(*) FROM pg_attribute WHERE attrelid = 'big'::regclass "
                           "AND attname = 'twice'"),
                 QStringLiteral("0"));
        MigrationFolder allowed;
        allowed.add(QStringLiteral("0001_area"),
                    "-- uaip:allow-blocking a virtual column is a catalog change\n"
                    "ALTER TABLE big ADD COLUMN twice int GENERATED ALWAYS AS (id * 2) VIRTUAL;\n",
                    "ALTER TABLE big DROP COLUMN twice;\n");
        const Run up = migrate(on(db, allowed.path())
                               << QStringLiteral("up") << QStringLiteral("--max-blocking-rows")
                               << QStringLiteral("100"));
        QVERIFY2(up.exitCode == 0, qPrintable(up.out + up.err));
        QCOMPARE(db.scalar("SELECT twice FROM big WHERE id = 7"), QStringLiteral("14"));
        // the table named as U&"big" is the same table (a hostile review's way past the gate)
        // (beside the applied one: a folder without it would be refused as missing it)
        MigrationFolder &unicode = allowed;
        unicode.add(QStringLiteral("0002_unicode"),
                    "ALTER TABLE U&\"b\\0069g\" ALTER COLUMN id TYPE bigint, ADD COLUMN thrice int "
                    "GENERATED ALWAYS AS (id * 3) VIRTUAL;\n",
                    "ALTER TABLE big DROP COLUMN thrice;\n");
        const QString filenode = db.scalar("SELECT pg_relation_filenode('big')");
        const Run named = migrate(on(db, unicode.path())
                                  << QStringLiteral("up") << QStringLiteral("--max-blocking-rows")
                                  << QStringLiteral("100"));
        QCOMPARE(named.exitCode, 2);
        QVERIFY2(named.err.contains(QStringLiteral("\"big\"")), qPrintable(named.err));
        QCOMPARE(db.scalar("SELECT pg_relation_filenode('big')"), filenode);
    }

    // The plan check's rules that read trees, for a statement the parser cannot read, read its
    // tokens: one that may release the runner's lock is refused before anything runs.
    void whatTheRulesCannotReadIsRefusedWhereItMayBreakThem()
    {
        TestDatabase db;
        if (majorOf(db) <= kParserMajor)
            QSKIP("the parser reads every statement this server accepts");
        MigrationFolder f;
        f.add(QStringLiteral("0001_unlock"),
              "CREATE TABLE t (a int, b int GENERATED ALWAYS AS (a) VIRTUAL);\n"
              "INSERT INTO t (a) SELECT 1 WHERE pg_advisory_unlock_all() IS NULL "
              "RETURNING WITH (OLD AS o) o.a;\n",
              "DROP TABLE t;\n");
        const Run up = migrate(on(db, f.path()) << QStringLiteral("up"));
        QCOMPARE(up.exitCode, 2);
        QVERIFY2(up.err.contains(QStringLiteral("pg_advisory_unlock_all")), qPrintable(up.err));
        QVERIFY(!hasTable(db, QStringLiteral("t")));
    }

    // A database named tells its version; --pg does not override it.
    void aDatabasesVersionIsNotOverriddenByPg()
    {
        TestDatabase db;
        if (majorOf(db) > kParserMajor)
            QSKIP("on a server newer than the parser the migration is valid");
        MigrationFolder f;
        f.add(QStringLiteral("0001_shapes"), kVirtual, "DROP TABLE shapes;\n");
        const Run validate
            = migrateInProcess(on(db, f.path()) << QStringLiteral("--pg") << QStringLiteral("18")
                                                << QStringLiteral("validate"));
        QCOMPARE(validate.exitCode, 3);
    }

    void theReadOnlyGuardRefusesWhatItCannotRead()
    {
        TestDatabase db;
        const Run r = migrateInProcess(db.conninfo(),
                                       {QStringLiteral("sql"), QStringLiteral("--read-only"),
                                        QStringLiteral("-c"), QString::fromUtf8(kVirtual)});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(!hasTable(db, QStringLiteral("shapes")));
        if (majorOf(db) > kParserMajor)
            QVERIFY2(r.err.contains(QStringLiteral("cannot read, so it cannot judge")),
                     qPrintable(r.err));
        else
            QVERIFY2(r.err.contains(QStringLiteral("syntax error")), qPrintable(r.err));
    }

    // The cluster's major comes from data/PG_VERSION, which the server's OS user could change:
    // read without following a link nor hanging on a FIFO, and a start checks it against the
    // program the server runs, so a proof of one major never runs on another.
    void aPlantedPgVersionIsFoundOut()
    {
        if (TestCluster::sandbox().major() != SandboxServerPrograms::defaultMajor())
            QSKIP("checked once, in the run on the default server");
        QTemporaryDir dir(QStringLiteral("/tmp/uaip-pgversion.XXXXXX"));
        QFile::setPermissions(dir.path(),
                              QFileDevice::ReadOwner | QFileDevice::WriteOwner
                                  | QFileDevice::ExeOwner | QFileDevice::ReadOther
                                  | QFileDevice::ExeOther);
        const QString root = dir.path() + QStringLiteral("/sandbox");
        Sandbox own(root);
        const Status started = own.start(Sandbox::Options{false, false, false});
        QVERIFY2(started, qPrintable(started ? QString() : started.error().toString()));
        const auto stop = qScopeGuard([&own] { own.stop(); });
        const int major = own.major();
        const QString version = own.dataDir() + QStringLiteral("/PG_VERSION");
        struct stat st
        {
        };
        QCOMPARE(::stat(QFile::encodeName(version).constData(), &st), 0);
        const auto write = [&](const QByteArray &text) {
            QFile f(version); // written in place: its owner stays the server's user
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write(text);
            f.close();
            QCOMPARE(::chown(QFile::encodeName(version).constData(), st.st_uid, st.st_gid), 0);
        };
        write("18\n");
        Sandbox asIf(root, 18);
        QCOMPARE(asIf.major(), 18);
        const Status refused = asIf.start();
        QVERIFY(!refused);
        QCOMPARE(refused.error().code(), ErrorCode::Conflict);
        // a FIFO instead: read at once, as no number
        QVERIFY(QFile::remove(version));
        QCOMPARE(::mkfifo(QFile::encodeName(version).constData(), 0600), 0);
        QCOMPARE(Sandbox(root).major(), SandboxServerPrograms::defaultMajor());
        QVERIFY(QFile::remove(version));
        write(QByteArray::number(major) + '\n');
        QCOMPARE(Sandbox(root).major(), major);
    }

    void aSandboxOfEachMajorLivesBesideItsBase()
    {
        const Sandbox &suite = TestCluster::sandbox();
        const int own = suite.major();
        QCOMPARE(Sandbox::rootFor(suite.rootDir(), own), suite.rootDir());
        QCOMPARE(Sandbox::rootFor(suite.rootDir(), own + 1),
                 suite.rootDir() + QStringLiteral("-pg%1").arg(own + 1));
        QCOMPARE(Sandbox::rootFor(suite.rootDir(), 0), suite.rootDir());
    }

    void postgres14IsRefusedAtConnect()
    {
        if (TestCluster::sandbox().major() != SandboxServerPrograms::defaultMajor())
            QSKIP("checked once, in the run on the default server");
        // the upstream 14 build, as the sandbox fetches the others (pinned here: the console
        // offers no 14)
        const PinnedServerBuild build{
            14, QStringLiteral("14.23.0-beta.17"),
            QStringLiteral("sha512-WlG1LDcOwA+V0uYSdSGCwqk/aDPiMX/"
                           "X23cgNdYY5YcBprXjOH3IFoeCrgeXsct4Ep8LL8UsBP9/Ho2mpoea1w=="),
            23};
        const Result<QString> installed
            = ServerBuildInstaller::install(build, [](const QString &) {});
        QVERIFY2(installed, qPrintable(installed ? QString() : installed.error().toString()));
        QTemporaryDir dir(QStringLiteral("/tmp/uaip-pg14.XXXXXX"));
        QFile::setPermissions(dir.path(),
                              QFileDevice::ReadOwner | QFileDevice::WriteOwner
                                  | QFileDevice::ExeOwner | QFileDevice::ReadOther
                                  | QFileDevice::ExeOther);
        Sandbox old(dir.path() + QStringLiteral("/sandbox"), 14);
        const Status started = old.start(Sandbox::Options{false, false, false});
        QVERIFY2(started, qPrintable(started ? QString() : started.error().toString()));
        const auto stop = qScopeGuard([&old] { old.stop(); });
        QCOMPARE(old.major(), 14);
        MigrationFolder f;
        addTwo(f);
        const Run up = migrate(old.conninfo(QStringLiteral("postgres")),
                               {QStringLiteral("--dir"), f.path(), QStringLiteral("up")});
        QCOMPARE(up.exitCode, 2);
        QVERIFY2(up.err.contains(QStringLiteral("PostgreSQL 14.23 is not supported"))
                     && up.err.contains(QStringLiteral("nothing was run")),
                 qPrintable(up.err));
        // nothing ran: the ledger's schema and the migrations' tables are not there (psql 15)
        const Run seen = runProcess(
            QDir(Sandbox::serverBinDir()).filePath(QStringLiteral("psql")),
            {QStringLiteral("-XAtc"),
             QStringLiteral("SELECT count(*) FROM pg_namespace WHERE nspname = 'uaip_ledger'"),
             old.conninfo(QStringLiteral("postgres"))});
        QCOMPARE(seen.out.trimmed(), QStringLiteral("0"));
    }
};

QTEST_GUILESS_MAIN(TestServerVersions)
#include "tst_serverversions.moc"
