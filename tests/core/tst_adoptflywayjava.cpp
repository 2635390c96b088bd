// Issue 61, points 2 and 3: Flyway's Java migrations and its schema_version table.
// - import-migrations --from flyway --java DIR writes a folder of each Java migration class
//   (V<version>__<Desc>.java / .kt), whose up.sql and down.sql name the class and refuse to run;
//   adopt takes Flyway's JDBC rows (checksum NULL, the class as script) over as applied with no
//   file to compare, listed as such, while every SQL row's CRC32 is still compared;
// - --accept-checksum VERSION takes exactly that row's checksum over, named in the output and the
//   adopt event; a version that needs none, and --accept-checksums, are refused;
// - Flyway 4's schema_version (Flyway 3's, version_rank first; a table of any name with exactly
//   Flyway's columns) is found without --table, adopted, and diff does not propose creating it.
#include "importtestutil.h"
#include "migrationrunnertestutil.h"
#include "testcluster.h"
#include "uaipmigratetestutil.h"

#include <QJsonArray>
#include <QTemporaryDir>

using namespace uaip;
using namespace uaip::test;

namespace {

// zlib's CRC-32 of the files' lines, as Flyway records them (tst_adoptchecksums)
constexpr const char *kV1 = "CREATE TABLE c (id int);\n"; // -2102380136
constexpr const char *kV2 = "CREATE TABLE a (id int);\r\n-- two\r\n"; // 199491550

// Flyway's project: two SQL migrations, two Java migrations (one in Kotlin) and a helper class.
struct Project
{
    QTemporaryDir tmp;
    QString sql = tmp.filePath(QStringLiteral("src/main/resources/db/migration"));
    QString java = tmp.filePath(QStringLiteral("src/main/java/db/migration"));
    QString out = tmp.filePath(QStringLiteral("ours"));

    Project()
    {
        put(sql + QStringLiteral("/V1__c.sql"), kV1);
        put(sql + QStringLiteral("/V2__a.sql"), kV2);
        put(java + QStringLiteral("/V1_5_3__AddIndex.java"),
            "package db.migration;\n\nimport org.flywaydb.core.api.migration.BaseJavaMigration;\n"
            "import org.flywaydb.core.api.migration.Context;\n\n"
            "public class V1_5_3__AddIndex extends BaseJavaMigration {\n"
            "    public void migrate(Context context) throws Exception {\n"
            "        context.getConnection().createStatement().execute(\"CREATE INDEX ON c "
            "(id)\");\n"
            "    }\n}\n");
        put(java + QStringLiteral("/data/V3__Backfill_names.kt"),
            "package db.migration.data\n\nclass V3__Backfill_names : BaseJavaMigration() {\n"
            "    override fun migrate(context: Context) {}\n}\n");
        put(java + QStringLiteral("/MigrationSupport.java"),
            "package db.migration;\nclass MigrationSupport {}\n");
    }

    Run import() const
    {
        return migrate(QStringList{QStringLiteral("--data-dir"), TestCluster::sandbox().rootDir(),
                                   QStringLiteral("--json"), QStringLiteral("import-migrations"),
                                   QStringLiteral("--from"), QStringLiteral("flyway"), sql,
                                   QStringLiteral("--out"), out, QStringLiteral("--java"), java});
    }
};

// The database Flyway migrated: its SQL run, its history as Flyway writes it (SQL rows with
// their CRC32, JDBC rows with a NULL checksum and the class as script). v1 and v2: the checksums
// recorded of V1__c.sql and V2__a.sql.
void migratedByFlyway(TestDatabase &db, const QByteArray &table, int v1, int v2)
{
    exec(db,
         QByteArray(kV1) + kV2 + "CREATE INDEX ON c (id);\n" + "CREATE TABLE public." + table
             + " (\"installed_rank\" INT NOT NULL, \"version\" VARCHAR(50), "
               "\"description\" VARCHAR(200) NOT NULL, \"type\" VARCHAR(20) NOT NULL, "
               "\"script\" VARCHAR(1000) NOT NULL, \"checksum\" INTEGER, "
               "\"installed_by\" VARCHAR(100) NOT NULL, "
               "\"installed_on\" TIMESTAMP NOT NULL DEFAULT now(), "
               "\"execution_time\" INTEGER NOT NULL, \"success\" BOOLEAN NOT NULL);\n"
               "ALTER TABLE public."
             + table + " ADD CONSTRAINT " + table
             + "_pk PRIMARY KEY (installed_rank);\n"
               "INSERT INTO public."
             + table
             + " (installed_rank, version, description, type, script, checksum, installed_by, "
               "execution_time, success) VALUES "
               "(1, '1', 'c', 'SQL', 'V1__c.sql', "
             + QByteArray::number(v1)
             + ", 'app', 3, true), "
               "(2, '1.5.3', 'AddIndex', 'JDBC', 'db.migration.V1_5_3__AddIndex', NULL, 'app', "
               "5, true), "
               "(3, '2', 'a', 'SQL', 'V2__a.sql', "
             + QByteArray::number(v2)
             + ", 'app', 2, true), "
               // a class that overrides getChecksum(): Flyway records what it returns
               "(4, '3', 'Backfill names', 'JDBC', 'db.migration.data.V3__Backfill_names', 1, "
               "'app', 9, true);\n");
}

int pendingCount(TestDatabase &db, const QString &dir)
{
    Engine e(dir, db.conninfo());
    const auto statuses = e.runner->status();
    if (!statuses)
        qFatal("status: %s", qPrintable(why(statuses)));
    int n = 0;
    for (const MigrationStatus &s : statuses.value())
        n += s.state == MigrationState::Pending ? 1 : 0;
    return n;
}

Run adopt(TestDatabase &db, const QString &dir, const QStringList &more = {})
{
    return migrate(on(db, dir) << QStringLiteral("adopt") << QStringLiteral("--from")
                               << QStringLiteral("flyway") << more);
}

} // namespace

class TestAdoptFlywayJava : public QObject
{
    Q_OBJECT

private slots:
    void javaMigrationsImportedAsStubsAndAdopted()
    {
        Project p;
        const Run imported = p.import();
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.out + imported.err));
        QStringList classes;
        for (const QJsonValue &m : imported.json().value(QStringLiteral("migrations")).toArray())
            if (!m[QStringLiteral("java_class")].isNull())
                classes << m[QStringLiteral("folder")].toString() + u' '
                        + m[QStringLiteral("java_class")].toString();
        QCOMPARE(classes,
                 (QStringList{"1-5-3_AddIndex db.migration.V1_5_3__AddIndex",
                              "3_Backfill_names db.migration.data.V3__Backfill_names"}));
        const QByteArray stub = read(p.out + QStringLiteral("/1-5-3_AddIndex/up.sql"));
        QVERIFY2(stub.contains("RAISE EXCEPTION")
                     && stub.contains("db.migration.V1_5_3__AddIndex (")
                     && stub.contains("is a Flyway Java migration: write what it does as SQL"),
                 stub.constData());
        QVERIFY(read(p.out + QStringLiteral("/3_Backfill_names/down.sql")).contains("RAISE"));

        TestDatabase db;
        migratedByFlyway(db, "flyway_schema_history", -2102380136, 199491550);
        const Run adopted = adopt(db, p.out);
        QVERIFY2(adopted.exitCode == 0, qPrintable(adopted.out + adopted.err));
        QVERIFY2(adopted.out.contains(QStringLiteral(
                     "Java migration db.migration.V1_5_3__AddIndex, no file to compare")),
                 qPrintable(adopted.out));
        QVERIFY2(adopted.out.contains(QStringLiteral(
                     "Java migration db.migration.data.V3__Backfill_names, no file to compare")),
                 qPrintable(adopted.out));
        QCOMPARE(pendingCount(db, p.out), 0);
        const Run history = migrate(on(db, p.out) << QStringLiteral("history"));
        QVERIFY2(history.out.contains(QStringLiteral("a Java migration, no file to compare")),
                 qPrintable(history.out));

        // a database without the versions: `up` stops at the stub, naming the class
        TestDatabase fresh;
        const Run up = migrate(on(fresh, p.out) << QStringLiteral("up"));
        QVERIFY(up.exitCode != 0);
        QVERIFY2((up.out + up.err).contains(QStringLiteral("db.migration.V1_5_3__AddIndex")),
                 qPrintable(up.out + up.err));
        QCOMPARE(fresh.scalar("SELECT to_regclass('public.a') IS NULL"), QStringLiteral("t"));
    }

    // Without a folder a JDBC row is refused, saying how to get one.
    void javaRowWithoutItsFolderNamesTheOption()
    {
        Project p;
        put(p.out + QStringLiteral("/1_c/up.sql"), kV1);
        put(p.out + QStringLiteral("/2_a/up.sql"), kV2);
        put(p.out + QStringLiteral("/3_Backfill_names/up.sql"), "SELECT 1;\n");
        TestDatabase db;
        migratedByFlyway(db, "flyway_schema_history", -2102380136, 199491550);
        const Run r = adopt(db, p.out);
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains(QStringLiteral("no folder for version 1.5.3, a Java migration "
                                               "(db.migration.V1_5_3__AddIndex)"))
                     && r.err.contains(QStringLiteral("--java DIR")),
                 qPrintable(r.err));
    }

    // A JDBC row adopts only the stub of its own class: over a SQL folder (Flyway's validate
    // fails the type mismatch) or another class's stub it is refused, naming row, class, folder.
    void javaRowOverASqlFolderRefused()
    {
        Project p;
        const Run imported = p.import();
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.out + imported.err));
        TestDatabase db;
        migratedByFlyway(db, "flyway_schema_history", -2102380136, 199491550);
        exec(db,
             "UPDATE flyway_schema_history SET type = 'JDBC', checksum = NULL, script = "
             "'db.migration.V2__a' WHERE installed_rank = 3;\n"
             "UPDATE flyway_schema_history SET script = 'db.migration.V1_5_3__Other' "
             "WHERE installed_rank = 2;");
        const Run r = adopt(db, p.out, {QStringLiteral("--dry-run")});
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains(QStringLiteral("installed_rank=3: a Java migration's row "
                                               "(db.migration.V2__a), but folder 2_a is SQL")),
                 qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("installed_rank=2: a Java migration's row "
                                               "(db.migration.V1_5_3__Other), but folder "
                                               "1-5-3_AddIndex is the stub of another class "
                                               "(db.migration.V1_5_3__AddIndex)")),
                 qPrintable(r.err));
        QVERIFY2(!r.out.contains(QStringLiteral("db.migration.V2__a, no file to compare")),
                 qPrintable(r.out));
    }

    // Under --java a migration that is no .java or .kt source (Groovy, a compiled class) is
    // named to convert by hand, and a directory linked in from outside is refused: nothing
    // written.
    void javaDirOtherFilesAndLinksOutRefused()
    {
        Project p;
        put(p.java + QStringLiteral("/V5__D.groovy"), "class V5__D {}\n");
        put(p.java + QStringLiteral("/V6__E.class"), "\xca\xfe\xba\xbe");
        QTemporaryDir elsewhere;
        put(elsewhere.filePath(QStringLiteral("V7__F.java")), "public class V7__F {}\n");
        QVERIFY(QFile::link(elsewhere.path(), p.java + QStringLiteral("/linked")));
        const Run r = p.import();
        QCOMPARE(r.exitCode, 3);
        const QString all = r.out + r.err;
        for (const char *name : {"/V5__D.groovy:1: not read: Flyway runs compiled classes; only "
                                 ".java and .kt sources are read: convert by hand",
                                 "/V6__E.class:1: not read: Flyway runs compiled classes"})
            QVERIFY2(all.contains(QLatin1String(name)), qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("/linked:1: a symbolic link that leads outside "))
                     && all.contains(QStringLiteral("(--java): not read")),
                 qPrintable(all));
        QVERIFY(!QFileInfo::exists(p.out));
    }

    void changedSqlStillRefusedAndAcceptanceNamesItsRows()
    {
        Project p;
        const Run imported = p.import();
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.out + imported.err));
        TestDatabase db;
        // both SQL files changed since Flyway ran them
        migratedByFlyway(db, "flyway_schema_history", 7, 12345);
        Run r = adopt(db, p.out);
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains(QStringLiteral("installed_rank=1 (V1__c.sql): Flyway recorded "
                                               "the checksum 7, but 1_c/up.sql has -2102380136"))
                     && r.err.contains(QStringLiteral("installed_rank=3 (V2__a.sql): Flyway "
                                                      "recorded the checksum 12345")),
                 qPrintable(r.err));
        // one named: the other still refused
        r = adopt(db, p.out, {QStringLiteral("--accept-checksum"), QStringLiteral("1")});
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains(QStringLiteral("installed_rank=3 (V2__a.sql)"))
                     && !r.err.contains(QStringLiteral("installed_rank=1 (V1__c.sql)")),
                 qPrintable(r.err));
        // a version that needs no acceptance is a mistake, named
        r = adopt(db, p.out,
                  {QStringLiteral("--accept-checksum"), QStringLiteral("1"),
                   QStringLiteral("--accept-checksum"), QStringLiteral("2"),
                   QStringLiteral("--accept-checksum"), QStringLiteral("1.5.3")});
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains(QStringLiteral("--accept-checksum 1.5.3: no row of "
                                               "public.flyway_schema_history of that version")),
                 qPrintable(r.err));
        r = adopt(db, p.out, {QStringLiteral("--accept-checksums")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("--accept-checksum VERSION")), qPrintable(r.err));
        QCOMPARE(db.scalar("SELECT to_regclass('uaip_ledger.uaip_schema_migrations') IS NULL"),
                 QStringLiteral("t"));

        r = adopt(db, p.out,
                  {QStringLiteral("--accept-checksum"), QStringLiteral("1"),
                   QStringLiteral("--accept-checksum"), QStringLiteral("2")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QVERIFY2(
            r.out.contains(QStringLiteral("checksum accepted: 1_c for installed_rank=1 "
                                          "(recorded 7, the file has -2102380136)"))
                && r.out.contains(QStringLiteral("checksum accepted: 2_a for installed_rank=3")),
            qPrintable(r.out));
        QCOMPARE(pendingCount(db, p.out), 0);
        const Run history = migrate(on(db, p.out) << QStringLiteral("history"));
        QVERIFY2(history.out.contains(QStringLiteral("checksum accepted with --accept-checksum 2: "
                                                     "Flyway recorded 12345, 2_a/up.sql has "
                                                     "199491550")),
                 qPrintable(history.out));
    }

    // Flyway 4's default table: found without --table, adopted, never proposed by diff.
    void schemaVersionFoundAdoptedAndLeftOutOfDiff()
    {
        Project p;
        const Run imported = p.import();
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.out + imported.err));
        TestDatabase db;
        migratedByFlyway(db, "schema_version", -2102380136, 199491550);
        const Run foreign = migrate(on(db, p.out) << QStringLiteral("foreign"));
        QCOMPARE(foreign.exitCode, 0);
        QVERIFY2(foreign.out.contains(QStringLiteral("Flyway history in public.schema_version: 4 "
                                                     "applied of 4 entries")),
                 qPrintable(foreign.out));
        QVERIFY2(foreign.out.contains(QStringLiteral("[Java migration]")), qPrintable(foreign.out));
        const Run adopted = adopt(db, p.out);
        QVERIFY2(adopted.exitCode == 0, qPrintable(adopted.out + adopted.err));
        QCOMPARE(pendingCount(db, p.out), 0);
        // diff runs the migrations on a sandbox database, where a stub refuses to run: a set
        // without Java migrations shows that schema_version is left out
        MigrationFolder plain;
        plain.add(QStringLiteral("1_c"), kV1, "DROP TABLE c;\n");
        TestDatabase other;
        exec(other, QByteArray(kV1));
        exec(other,
             "CREATE TABLE public.schema_version (installed_rank INT NOT NULL, version "
             "VARCHAR(50), description VARCHAR(200) NOT NULL, type VARCHAR(20) NOT NULL, script "
             "VARCHAR(1000) NOT NULL, checksum INTEGER, installed_by VARCHAR(100) NOT NULL, "
             "installed_on TIMESTAMP NOT NULL DEFAULT now(), execution_time INTEGER NOT NULL, "
             "success BOOLEAN NOT NULL);\n"
             "INSERT INTO public.schema_version (installed_rank, version, description, type, "
             "script, checksum, installed_by, execution_time, success) VALUES "
             "(1, '1', 'c', 'SQL', 'V1__c.sql', -2102380136, 'app', 3, true);");
        QCOMPARE(adopt(other, plain.path()).exitCode, 0);
        const Run diff
            = migrate(QStringList{QStringLiteral("--data-dir"), TestCluster::sandbox().rootDir()}
                          + on(other, plain.path())
                      << QStringLiteral("diff") << QStringLiteral("--name") << QStringLiteral("x")
                      << QStringLiteral("--dry-run"));
        QVERIFY2(diff.exitCode == 0, qPrintable(diff.out + diff.err));
        QVERIFY2(diff.out.contains(QStringLiteral("no drift"))
                     && !diff.out.contains(QStringLiteral("CREATE TABLE")),
                 qPrintable(diff.out));
    }

    // A history table of a name of the project's own (Flyway's columns and one more: not found
    // by its shape) is left out of diff when --table names it.
    void diffTakesTheTable()
    {
        MigrationFolder plain;
        plain.add(QStringLiteral("1_c"), kV1, "DROP TABLE c;\n");
        TestDatabase db;
        exec(db,
             QByteArray(kV1)
                 + "CREATE TABLE public.app_history (installed_rank INT NOT NULL, version "
                   "VARCHAR(50), description VARCHAR(200) NOT NULL, type VARCHAR(20) NOT NULL, "
                   "script VARCHAR(1000) NOT NULL, checksum INTEGER, installed_by VARCHAR(100) NOT "
                   "NULL, installed_on TIMESTAMP NOT NULL DEFAULT now(), execution_time INTEGER "
                   "NOT NULL, success BOOLEAN NOT NULL, note text);\n"
                   "INSERT INTO public.app_history (installed_rank, version, description, type, "
                   "script, checksum, installed_by, execution_time, success) VALUES "
                   "(1, '1', 'c', 'SQL', 'V1__c.sql', -2102380136, 'app', 3, true);");
        const QStringList table{QStringLiteral("--table"), QStringLiteral("app_history")};
        QCOMPARE(adopt(db, plain.path(), table).exitCode, 0);
        const auto diff = [&](const QStringList &more) {
            return migrate(
                QStringList{QStringLiteral("--data-dir"), TestCluster::sandbox().rootDir()}
                    + on(db, plain.path())
                << QStringLiteral("diff") << QStringLiteral("--name") << QStringLiteral("x")
                << QStringLiteral("--dry-run") << more);
        };
        Run r = diff({});
        QVERIFY2(r.exitCode == 0 && r.out.contains(QStringLiteral("app_history")),
                 qPrintable(r.out + r.err));
        r = diff(table);
        QVERIFY2(r.exitCode == 0 && r.out.contains(QStringLiteral("no drift")),
                 qPrintable(r.out + r.err));
    }

    // Flyway 3's schema_version (version_rank first), and Flyway's columns under another name.
    void olderAndRenamedShapesFound()
    {
        TestDatabase db;
        exec(db,
             "CREATE TABLE public.schema_version (version_rank integer NOT NULL, installed_rank "
             "integer NOT NULL, version character varying(50) NOT NULL, description character "
             "varying(200) NOT NULL, type character varying(20) NOT NULL, script character "
             "varying(1000) NOT NULL, checksum integer, installed_by character varying(100) NOT "
             "NULL, installed_on timestamp without time zone DEFAULT now() NOT NULL, "
             "execution_time integer NOT NULL, success boolean NOT NULL);\n"
             "INSERT INTO public.schema_version VALUES (1, 1, '1', 'init', 'SQL', 'V1__init.sql', "
             "5, 'app', now(), 1, true);\n"
             "CREATE TABLE public.db_history (\"installed_rank\" INT NOT NULL, \"version\" "
             "VARCHAR(50), \"description\" VARCHAR(200) NOT NULL, \"type\" VARCHAR(20) NOT NULL, "
             "\"script\" VARCHAR(1000) NOT NULL, \"checksum\" INTEGER, \"installed_by\" "
             "VARCHAR(100) NOT NULL, \"installed_on\" TIMESTAMP NOT NULL DEFAULT now(), "
             "\"execution_time\" INTEGER NOT NULL, \"success\" BOOLEAN NOT NULL);\n"
             // a table that only starts like Flyway's is no history
             "CREATE TABLE public.not_flyway (installed_rank integer, note text);\n");
        MigrationFolder none;
        const Run foreign
            = migrate(on(db, none.path()) << QStringLiteral("--json") << QStringLiteral("foreign"));
        QCOMPARE(foreign.exitCode, 0);
        QStringList tables;
        for (const QJsonValue &l : foreign.json().value(QStringLiteral("ledgers")).toArray())
            tables << l[QStringLiteral("tool")].toString() + u' '
                    + l[QStringLiteral("table")].toString();
        tables.sort();
        QCOMPARE(tables, (QStringList{"flyway db_history", "flyway schema_version"}));
        // two in one schema: the advice is --table, not the search path
        const Run both = migrate(on(db, none.path())
                                 << QStringLiteral("adopt") << QStringLiteral("--from")
                                 << QStringLiteral("flyway") << QStringLiteral("--dry-run"));
        QCOMPARE(both.exitCode, 2);
        QVERIFY2(both.err.contains(QStringLiteral("in one schema: name the one to adopt with "
                                                  "--table NAME")),
                 qPrintable(both.err));
        // --table names the one to adopt beside schema_version
        const Run r = migrate(on(db, none.path())
                              << QStringLiteral("adopt") << QStringLiteral("--from")
                              << QStringLiteral("flyway") << QStringLiteral("--table")
                              << QStringLiteral("db_history") << QStringLiteral("--dry-run"));
        QVERIFY2(r.exitCode == 0 && r.out.contains(QStringLiteral("public.db_history")),
                 qPrintable(r.out + r.err));
    }
};

QTEST_GUILESS_MAIN(TestAdoptFlywayJava)
#include "tst_adoptflywayjava.moc"
