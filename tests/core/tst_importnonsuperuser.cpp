// Issue 57, point 6: importing a repository runs its migrations on a scratch database of the
// sandbox (the downs are generated there, --verify applies them). A Prisma migration.sql with
// `COPY (SELECT 1) TO PROGRAM '…'` ran a shell command as the sandbox's superuser on a plain
// import. The scratch database now belongs to the sandbox's non-superuser scratch login, which
// runs the migrations: the COPY fails with the server's reason at that migration, and the
// program never runs — through the core, and through `uaip-migrate import-migrations` with and
// without --verify (dbmate's layout too).
#include "db/pgconnection.h"
#include "drift/importdowngenerator.h"
#include "foreign/migrationimporter.h"
#include "importtestutil.h"
#include "ledger/importformat.h"
#include "migrate/scratchdatabase.h"
#include "testcluster.h"
#include "testdatabase.h"
#include "uaipmigratetestutil.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QTemporaryDir>

using namespace uaip;
using namespace uaip::test;

namespace {

// A file the program would make: in a folder every OS user may write (the server's user is
// not this process's when the suite runs as root).
QString markerPath(const QTemporaryDir &dir)
{
    QFile::setPermissions(dir.path(),
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
                              | QFileDevice::ReadOther | QFileDevice::WriteOther
                              | QFileDevice::ExeOther);
    return dir.filePath(QStringLiteral("ran"));
}

QByteArray copyToProgram(const QString &marker)
{
    return "CREATE TABLE b (id int);\nCOPY (SELECT 1) TO PROGRAM 'touch " + marker.toUtf8()
        + "';\n";
}

} // namespace

class TestImportNonSuperuser : public QObject
{
    Q_OBJECT

private slots:
    void aCopyToProgramNeverRunsInTheProof()
    {
        QTemporaryDir tmp;
        QTemporaryDir shared;
        const QString marker = markerPath(shared);
        put(tmp.filePath(QStringLiteral("20240101000000_a/migration.sql")),
            "CREATE TABLE a (id int);\n");
        put(tmp.filePath(QStringLiteral("20240102000000_b/migration.sql")), copyToProgram(marker));
        const ImportResult r = MigrationImporter::read(
            *ImportFormat::find(QStringLiteral("prisma")), tmp.path(), {});
        QVERIFY2(r.ok(), qPrintable(r.problems.join(u'\n')));
        QList<ImportedMigration> set = r.migrations;
        QStringList notes;
        const Status generated = ImportDownGenerator::generate(
            TestCluster::sandbox(), QStringLiteral("Prisma"), set, &notes, {});
        QVERIFY2(!QFileInfo::exists(marker), "the repository's program ran");
        const QString said = notes.join(u'\n') + generated.error().toString();
        QVERIFY2(said.contains(QLatin1String("20240102000000_b"))
                     && said.contains(QLatin1String("pg_execute_server_program")),
                 qPrintable(said));
        QVERIFY(set[0].downFromSchema);
    }

    void theCliNeitherWithNorWithoutVerify()
    {
        for (const bool verify : {false, true}) {
            QTemporaryDir tmp;
            QTemporaryDir shared;
            const QString marker = markerPath(shared);
            const QString src = tmp.filePath(QStringLiteral("db/migrations"));
            put(src + QStringLiteral("/20240101000000_a.sql"),
                "-- migrate:up\ncreate table a (id int);\n-- migrate:down\ndrop table a;\n");
            put(src + QStringLiteral("/20240102000000_b.sql"),
                "-- migrate:up\n" + copyToProgram(marker) + "-- migrate:down\ndrop table b;\n");
            TestDatabase db;
            QStringList args{QStringLiteral("--db"),
                             db.conninfo(),
                             QStringLiteral("--data-dir"),
                             TestCluster::sandbox().rootDir(),
                             QStringLiteral("import-migrations"),
                             QStringLiteral("--from"),
                             QStringLiteral("dbmate"),
                             src,
                             QStringLiteral("--out"),
                             tmp.filePath(QStringLiteral("ours"))};
            if (verify)
                args << QStringLiteral("--verify");
            const Run run = migrate(args);
            QVERIFY2(!QFileInfo::exists(marker),
                     qPrintable(QStringLiteral("the program ran (verify %1): ").arg(verify)
                                + run.out + run.err));
            if (verify) {
                QVERIFY2(run.exitCode != 0, qPrintable(run.out + run.err));
                QVERIFY2((run.out + run.err).contains(QLatin1String("pg_execute_server_program")),
                         qPrintable(run.out + run.err));
            }
        }
    }

    // A migration run as the scratch login may change the login itself (its password, its
    // settings): both are set back when the proof ends (issue 57 review, L3).
    void theLoginIsSetBackAfterTheProof()
    {
        QTemporaryDir tmp;
        put(tmp.filePath(QStringLiteral("20240101000000_a/migration.sql")),
            "CREATE TABLE a (id int);\n");
        put(tmp.filePath(QStringLiteral("20240102000000_b/migration.sql")),
            "ALTER ROLE uaip_scratch SET work_mem = '64kB';\n"
            "ALTER ROLE uaip_scratch PASSWORD 'hacked-by-the-repository';\n"
            "CREATE TABLE b (id int);\n");
        const ImportResult r = MigrationImporter::read(
            *ImportFormat::find(QStringLiteral("prisma")), tmp.path(), {});
        QVERIFY2(r.ok(), qPrintable(r.problems.join(u'\n')));
        QList<ImportedMigration> set = r.migrations;
        QStringList notes;
        const Status generated = ImportDownGenerator::generate(
            TestCluster::sandbox(), QStringLiteral("Prisma"), set, &notes, {});
        QVERIFY2(generated, qPrintable(generated.error().toString()));
        TestDatabase db;
        QCOMPARE(db.scalar("SELECT count(*) FROM pg_catalog.pg_db_role_setting s "
                           "JOIN pg_catalog.pg_roles r ON r.oid = s.setrole "
                           "WHERE r.rolname = 'uaip_scratch'"),
                 QStringLiteral("0"));
        PgConnection hacked;
        QVERIFY(
            !hacked.open(TestCluster::conninfo(db.name())
                         + QStringLiteral(" user=uaip_scratch password=hacked-by-the-repository")));
        // and the next proof logs in as before
        ScratchDatabase next(TestCluster::sandbox(), QStringLiteral("uaip_verify"));
        const Status reopened = next.open({});
        QVERIFY2(reopened, qPrintable(reopened.error().toString()));
    }

    // Issue 78: the down.sql files are written on one scratch database while they are proved
    // on another, at once; both sessions ran as the one scratch login, so a migration of the set
    // could end the other's session (pg_terminate_backend of its own role's backends) and the
    // generation failed. The writer now logs in as a login of its own, of which the prover's is
    // no member: neither can end the other's session, nor a superuser's. Every backend the
    // migration may end, it ends (a refusal passed over); a superuser's session must survive.
    void theProofsSessionsCannotEndOneAnother()
    {
        TestDatabase db;
        PgConnection victim;
        QVERIFY2(victim.open(db.conninfo(), QStringLiteral("tst_importnonsuperuser victim")),
                 qPrintable(victim.connectionError()));
        QTemporaryDir tmp;
        put(tmp.filePath(QStringLiteral("20240101000000_a/migration.sql")),
            "CREATE TABLE a (id int);\n");
        put(tmp.filePath(QStringLiteral("20240102000000_b/migration.sql")),
            "DO $$\nDECLARE p int;\nBEGIN\n"
            "  FOR p IN SELECT pid FROM pg_catalog.pg_stat_activity\n"
            "           WHERE pid <> pg_catalog.pg_backend_pid() AND backend_type = 'client "
            "backend'\n"
            "  LOOP\n"
            "    BEGIN PERFORM pg_catalog.pg_terminate_backend(p);\n"
            "    EXCEPTION WHEN insufficient_privilege THEN NULL; END;\n"
            "  END LOOP;\nEND $$;\n"
            "CREATE TABLE b (id int);\n");
        put(tmp.filePath(QStringLiteral("20240103000000_c/migration.sql")),
            "CREATE TABLE c (id int);\n");
        const ImportResult r = MigrationImporter::read(
            *ImportFormat::find(QStringLiteral("prisma")), tmp.path(), {});
        QVERIFY2(r.ok(), qPrintable(r.problems.join(u'\n')));
        QList<ImportedMigration> set = r.migrations;
        QStringList notes;
        const Status generated = ImportDownGenerator::generate(
            TestCluster::sandbox(), QStringLiteral("Prisma"), set, &notes, {});
        QVERIFY2(generated, qPrintable(generated.error().toString() + notes.join(u'\n')));
        for (const ImportedMigration &m : std::as_const(set))
            QVERIFY2(m.downFromSchema, qPrintable(m.folder + u'\n' + notes.join(u'\n')));
        QCOMPARE(victim.scalar("SELECT 1"), QStringLiteral("1"));
    }

    // The scratch login is no superuser and owns the scratch database.
    void theScratchLoginIsNoSuperuser()
    {
        ScratchDatabase scratch(TestCluster::sandbox(), QStringLiteral("uaip_verify"));
        const Status opened = scratch.open({});
        QVERIFY2(opened, qPrintable(opened.error().toString()));
        QCOMPARE(scratch.connection().scalar("SELECT current_user"),
                 QLatin1String(ScratchDatabase::kLogin));
        QCOMPARE(scratch.connection().scalar(
                     "SELECT rolsuper FROM pg_roles WHERE rolname = current_user"),
                 QStringLiteral("f"));
        QCOMPARE(scratch.connection().scalar("SELECT pg_catalog.pg_get_userbyid(datdba) FROM "
                                             "pg_database WHERE datname = current_database()"),
                 QLatin1String(ScratchDatabase::kLogin));
    }
};

QTEST_GUILESS_MAIN(TestImportNonSuperuser)
#include "tst_importnonsuperuser.moc"
