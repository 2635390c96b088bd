// Another role may read the ledger but never write it: a TRIGGER right on its tables let an
// application role add a trigger after the run read the ledger's owners, which the run's next
// ledger write ran with the console's rights; INSERT, UPDATE or DELETE let it forge the history
// (a REVOKE migration recorded as applied without running). The ledger the console makes keeps
// nothing of what the owner's default privileges gave beyond reading (ledger_private.sql); a
// ledger given such a right later is refused before anything of it is read or written, with the
// REVOKE that takes it back (ledger_trust.sql). Nor may another role's code be left on it,
// which a REVOKE does not take back: a trigger whose WHEN calls its function, a foreign key
// that blocks every rollback, a table inheriting from a ledger table (its rows are read as the
// ledger's), a rule, a CHECK or an index expression a former owner left.
#include "ledger/migrationversion.h"
#include "migrationrunnertestutil.h"

#include <QScopeGuard>

#include <tuple>

using namespace uaip;
using namespace uaip::test;

namespace {

// A role of a hostile name ('"', ';', a line break) that the console's role is no member of.
QString makeRole(TestDatabase &db, const QString &suffix)
{
    const QString role = QStringLiteral("tst app\"%1;\n%2").arg(suffix, db.name());
    PgConnection &w = db.witness();
    if (!w.exec("CREATE ROLE " + w.quoteIdentifier(role) + " NOLOGIN").ok())
        qFatal("cannot make the role");
    return role;
}

void dropRole(TestDatabase &db, const QString &role)
{
    PgConnection &w = db.witness();
    w.exec("RESET ROLE");
    w.exec("DROP OWNED BY " + w.quoteIdentifier(role));
    w.exec("DROP ROLE " + w.quoteIdentifier(role));
}

} // namespace

class TestLedgerPrivileges : public QObject
{
    Q_OBJECT

private slots:
    void defaultPrivilegesGiveOnlyReading()
    {
        TestDatabase db;
        const QString role = makeRole(db, QStringLiteral("d"));
        const auto cleanup = qScopeGuard([&] { dropRole(db, role); });
        PgConnection &w = db.witness();
        const QByteArray quoted = w.quoteIdentifier(role);
        QVERIFY(w.exec("ALTER DEFAULT PRIVILEGES GRANT ALL ON TABLES TO " + quoted).ok());
        QVERIFY(w.exec("ALTER DEFAULT PRIVILEGES GRANT ALL ON SEQUENCES TO " + quoted).ok());
        QVERIFY(w.exec("ALTER DEFAULT PRIVILEGES GRANT ALL ON SCHEMAS TO " + quoted).ok());
        // an expand keeps the workload's counters in uaip_ledger.uaip_online_baselines, made
        // by its first run
        QVERIFY(w.exec("CREATE EXTENSION IF NOT EXISTS pg_stat_statements").ok());
        MigrationFolder f;
        addThree(f);
        f.add(QStringLiteral("0004_expand"),
              "-- uaip:expand\nALTER TABLE users ADD COLUMN full_name text;\n",
              "ALTER TABLE users DROP COLUMN full_name;\n");
        Engine e(f.path(), db.conninfo());
        const RunResult up = e.runner->up();
        QVERIFY2(up.ok(), qPrintable(describe(up)));
        QCOMPARE(db.scalar("SELECT to_regclass('uaip_ledger.uaip_online_baselines') IS NOT NULL"),
                 QStringLiteral("t"));
        // the migrations' own table keeps what the default privileges gave
        QCOMPARE(db.scalar("SELECT has_table_privilege($1, 'public.users', 'INSERT')", {role}),
                 QStringLiteral("t"));
        for (const char *table : {"uaip_schema_migrations", "uaip_migration_events",
                                  "uaip_ledger_info", "uaip_online_baselines"}) {
            const QString t = QStringLiteral("uaip_ledger.") + QLatin1String(table);
            QCOMPARE(db.scalar("SELECT has_table_privilege($1, $2, 'SELECT')", {role, t}),
                     QStringLiteral("t"));
            for (const char *right :
                 {"INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER"})
                QVERIFY2(db.scalar("SELECT has_table_privilege($1, $2, $3)",
                                   {role, t, QString::fromLatin1(right)})
                             == QLatin1String("f"),
                         qPrintable(t + u' ' + QLatin1String(right)));
        }
        QCOMPARE(db.scalar("SELECT has_schema_privilege($1, 'uaip_ledger', 'CREATE')", {role}),
                 QStringLiteral("f"));
        // as the application role itself: refused by the server
        QVERIFY(w.exec("SET ROLE " + quoted).ok());
        const PgResult forged = w.exec("INSERT INTO uaip_ledger.uaip_schema_migrations "
                                       "(version, name, checksum) VALUES ('0009', 'x', 'x')");
        QCOMPARE(forged.error().sqlState, QStringLiteral("42501"));
        QVERIFY(w.exec("RESET ROLE").ok());
        // and the next run finds the ledger its own
        const RunResult again = e.runner->up();
        QVERIFY2(again.ok(), qPrintable(describe(again)));
    }

    void aLedgerGivenMoreThanReadingIsRefusedWithTheRevoke()
    {
        TestDatabase db;
        const QString role = makeRole(db, QStringLiteral("g"));
        const auto cleanup = qScopeGuard([&] { dropRole(db, role); });
        PgConnection &w = db.witness();
        const QByteArray quoted = w.quoteIdentifier(role);
        MigrationFolder f;
        addThree(f);
        Engine e(f.path(), db.conninfo());
        const RunResult first = e.runner->up(*MigrationVersion::parse(QStringLiteral("0001")));
        QVERIFY2(first.ok(), qPrintable(describe(first)));
        const QList<QByteArray> grants{
            "GRANT INSERT, TRIGGER ON uaip_ledger.uaip_schema_migrations TO " + quoted,
            "GRANT UPDATE (checksum) ON uaip_ledger.uaip_schema_migrations TO PUBLIC",
            "GRANT CREATE ON SCHEMA uaip_ledger TO " + quoted,
            "GRANT UPDATE ON SEQUENCE uaip_ledger.uaip_migration_events_id_seq TO " + quoted};
        for (const QByteArray &grant : grants)
            QVERIFY(w.exec(grant).ok());
        // all at once: one refusal names each grant, and its REVOKEs, pasted, end it
        const RunResult refused = e.runner->up();
        QCOMPARE(refused.outcome, RunResult::Outcome::BadInput);
        QVERIFY2(refused.steps.isEmpty(), qPrintable(describe(refused)));
        const QString message = refused.message;
        for (const char *said :
             {"not this role's alone to write",
              "holds INSERT, TRIGGER on relation "
              "uaip_ledger.uaip_schema_migrations",
              "PUBLIC holds UPDATE on relation "
              "uaip_ledger.uaip_schema_migrations",
              "holds CREATE on schema uaip_ledger",
              "holds UPDATE on relation uaip_ledger.uaip_migration_events_id_seq"})
            QVERIFY2(message.contains(QLatin1String(said)), qPrintable(message));
        const int at = message.indexOf(QStringLiteral("Take it back: "));
        QVERIFY2(at >= 0, qPrintable(message));
        const QString revokes = message.mid(at + 14);
        QCOMPARE(revokes.count(QStringLiteral("REVOKE ")), 4);
        const QStringList commands = revokes.split(QStringLiteral("; REVOKE "));
        for (qsizetype k = 0; k < commands.size(); ++k) {
            QString command = commands[k];
            if (k > 0)
                command.prepend(QStringLiteral("REVOKE "));
            if (command.endsWith(u';'))
                command.chop(1);
            QVERIFY2(w.exec(command.toUtf8()).ok(), qPrintable(command));
        }
        const RunResult rest = e.runner->up();
        QVERIFY2(rest.ok() && rest.steps.size() == 2, qPrintable(describe(rest)));
        QCOMPARE(db.scalar("SELECT count(*) FROM uaip_ledger.uaip_schema_migrations"),
                 QStringLiteral("3"));
    }

    void codeLeftOnTheLedgerIsRefused_data()
    {
        QTest::addColumn<QByteArray>("setup"); // %R: the other role
        QTest::addColumn<QString>("said");
        QTest::newRow("a trigger's WHEN, after REVOKE TRIGGER")
            << QByteArray("GRANT USAGE ON SCHEMA uaip_ledger TO %R; GRANT TRIGGER ON "
                          "uaip_ledger.uaip_migration_events TO %R; SET ROLE %R; CREATE TRIGGER zz "
                          "AFTER INSERT ON uaip_ledger.uaip_migration_events FOR EACH ROW WHEN "
                          "(ev.spy()) EXECUTE FUNCTION pg_catalog.suppress_redundant_updates_"
                          "trigger(); RESET ROLE; REVOKE TRIGGER ON uaip_ledger.uaip_migration_"
                          "events FROM %R; REVOKE USAGE ON SCHEMA uaip_ledger FROM %R")
            << QStringLiteral("function ev.spy() (run by trigger zz on table "
                              "uaip_ledger.uaip_migration_events) is owned by role");
        QTest::newRow("a foreign key, after REVOKE REFERENCES")
            << QByteArray(
                   "GRANT USAGE ON SCHEMA uaip_ledger TO %R; GRANT REFERENCES ON "
                   "uaip_ledger.uaip_schema_migrations TO %R; SET ROLE %R; CREATE TABLE "
                   "ev.pin (v text REFERENCES uaip_ledger.uaip_schema_migrations (version)); "
                   "RESET ROLE; REVOKE REFERENCES ON uaip_ledger.uaip_schema_migrations FROM "
                   "%R; REVOKE USAGE ON SCHEMA uaip_ledger FROM %R")
            << QStringLiteral("foreign key pin_v_fkey on ev.pin (it references "
                              "uaip_ledger.uaip_schema_migrations) is owned by role");
        QTest::newRow("an inheriting table")
            << QByteArray("CREATE TABLE ev.kid () INHERITS (uaip_ledger.uaip_migration_events); "
                          "ALTER TABLE ev.kid OWNER TO %R")
            << QStringLiteral("relation ev.kid is owned by role");
        for (const auto &[name, code, by] :
             {std::tuple{"a rule",
                         "CREATE RULE r AS ON INSERT TO uaip_ledger.uaip_ledger_info DO "
                         "ALSO SELECT ev.spy()",
                         "rule r on table"},
              std::tuple{"a CHECK",
                         "ALTER TABLE uaip_ledger.uaip_ledger_info ADD CONSTRAINT ck "
                         "CHECK (ev.spy() IS NOT NULL)",
                         "constraint ck on table"},
              std::tuple{"an index expression",
                         "CREATE INDEX ix ON uaip_ledger.uaip_ledger_info "
                         "((ev.same(key)))",
                         "index"}})
            QTest::newRow(name) << "GRANT USAGE, CREATE ON SCHEMA uaip_ledger TO %R; ALTER TABLE "
                                   "uaip_ledger.uaip_ledger_info OWNER TO %R; SET ROLE %R; "
                    + QByteArray(code)
                    + "; RESET ROLE; ALTER TABLE uaip_ledger.uaip_ledger_info OWNER TO "
                      "CURRENT_USER; REVOKE CREATE, USAGE ON SCHEMA uaip_ledger FROM %R"
                                << QStringLiteral("(run by %1").arg(QLatin1String(by));
    }

    // Refused with what is left named; gone, the run goes on.
    void codeLeftOnTheLedgerIsRefused()
    {
        QFETCH(QByteArray, setup);
        QFETCH(QString, said);
        TestDatabase db;
        const QString role = makeRole(db, QStringLiteral("c"));
        PgConnection &w = db.witness();
        const auto cleanup = qScopeGuard([&] {
            w.exec("RESET ROLE");
            w.exec("DROP SCHEMA IF EXISTS ev CASCADE");
            dropRole(db, role);
        });
        const QByteArray quoted = w.quoteIdentifier(role);
        MigrationFolder f;
        addThree(f);
        Engine e(f.path(), db.conninfo());
        QVERIFY(e.runner->up(*MigrationVersion::parse(QStringLiteral("0001"))).ok());
        QVERIFY(w.exec("CREATE SCHEMA ev AUTHORIZATION " + quoted).ok());
        QVERIFY(w.exec("SET ROLE " + quoted).ok());
        QVERIFY(
            w.exec("CREATE FUNCTION ev.spy() RETURNS boolean LANGUAGE sql AS 'SELECT false'").ok());
        QVERIFY(w.exec("CREATE FUNCTION ev.same(text) RETURNS text LANGUAGE sql IMMUTABLE AS "
                       "'SELECT $1'")
                    .ok());
        QVERIFY(w.exec("RESET ROLE").ok());
        for (QByteArray sql : setup.split(';')) // the role's name holds a ';'
            QVERIFY2(w.exec(sql.replace("%R", quoted)).ok(), sql.constData());
        const RunResult refused = e.runner->up();
        QCOMPARE(refused.outcome, RunResult::Outcome::BadInput);
        QVERIFY2(refused.steps.isEmpty() && refused.message.contains(said),
                 qPrintable(refused.message));
        QVERIFY(w.exec("DROP SCHEMA ev CASCADE").ok());
        const RunResult rest = e.runner->up();
        QVERIFY2(rest.ok() && rest.steps.size() == 2, qPrintable(describe(rest)));
    }

    // What a former owner of a ledger table (or a superuser) left on it that runs, or changes
    // its rows, when the console writes, reads or analyzes it (issue 78): each refused, naming
    // what and where and its owner; the planted function (it records its call and makes its
    // owner a superuser) never runs with the console's rights.
    void codeAFormerOwnerLeftNeverRuns_data()
    {
        QTest::addColumn<QByteArray>("setup"); // %R: the other role
        QTest::addColumn<QByteArray>("teardown"); // keeps the ledger whole when ev is dropped
        QTest::addColumn<QString>("said");
        // as the table's former owner: the table handed to %R and back
        const auto left = [](const char *table, const QByteArray &code,
                             const QByteArray &after = QByteArray()) {
            const QByteArray t = QByteArray("uaip_ledger.") + table;
            return "GRANT USAGE, CREATE ON SCHEMA uaip_ledger TO %R; ALTER TABLE " + t
                + " OWNER TO %R; SET ROLE %R; " + code + "; RESET ROLE; ALTER TABLE " + t
                + " OWNER TO CURRENT_USER; REVOKE CREATE, USAGE ON SCHEMA uaip_ledger FROM %R"
                + (after.isEmpty() ? QByteArray() : "; " + after);
        };
        const QByteArray nameBack = "ALTER TABLE uaip_ledger.uaip_schema_migrations ALTER COLUMN "
                                    "name TYPE text";
        const QByteArray migrations = "uaip_schema_migrations";
        QTest::newRow("a domain's CHECK")
            << left(migrations,
                    "CREATE DOMAIN ev.d AS text CHECK (ev.log()); ALTER TABLE "
                    "uaip_ledger.uaip_schema_migrations ALTER COLUMN name TYPE ev.d")
            << nameBack
            << QStringLiteral("type ev.d (the type of column "
                              "uaip_ledger.uaip_schema_migrations.name) is owned by role");
        QTest::newRow("a domain over another role's domain")
            << left(migrations,
                    "CREATE DOMAIN ev.d0 AS text CHECK (ev.log()); CREATE DOMAIN ev.d AS ev.d0; "
                    "ALTER TABLE uaip_ledger.uaip_schema_migrations ALTER COLUMN name TYPE ev.d",
                    "ALTER DOMAIN ev.d OWNER TO CURRENT_USER")
            << nameBack
            << QStringLiteral("type ev.d0 (the type of column "
                              "uaip_ledger.uaip_schema_migrations.name) is owned by role");
        QTest::newRow("an array of a domain handed over, its CHECK's function not")
            << left(migrations,
                    "CREATE DOMAIN ev.d0 AS text CHECK (ev.log()); ALTER TABLE "
                    "uaip_ledger.uaip_schema_migrations ADD COLUMN tags ev.d0[] DEFAULT "
                    "ARRAY['x']",
                    "ALTER DOMAIN ev.d0 OWNER TO CURRENT_USER")
            << QByteArray("ALTER TABLE uaip_ledger.uaip_schema_migrations DROP COLUMN tags")
            << QStringLiteral("function ev.log() (run by constraint d0_check on domain ev.d0, "
                              "the type of column uaip_ledger.uaip_schema_migrations.tags) is "
                              "owned by role");
        QTest::newRow("a composite of a domain")
            << left(migrations,
                    "CREATE DOMAIN ev.d0 AS text CHECK (ev.log()); CREATE TYPE ev.c AS (v ev.d0); "
                    "ALTER TABLE uaip_ledger.uaip_schema_migrations ADD COLUMN extra ev.c "
                    "DEFAULT ROW('x')")
            << QByteArray("ALTER TABLE uaip_ledger.uaip_schema_migrations DROP COLUMN extra")
            << QStringLiteral("type ev.c (the type of column "
                              "uaip_ledger.uaip_schema_migrations.extra) is owned by role");
        QTest::newRow("a default from another role's sequence")
            << left("uaip_migration_events",
                    "CREATE SEQUENCE ev.seq START 1000; ALTER TABLE "
                    "uaip_ledger.uaip_migration_events "
                    "ALTER COLUMN id SET DEFAULT nextval('ev.seq')")
            << QByteArray("ALTER TABLE uaip_ledger.uaip_migration_events ALTER COLUMN id SET "
                          "DEFAULT nextval('uaip_ledger.uaip_migration_events_id_seq')")
            << QStringLiteral("relation ev.seq (used by default value for column id of table "
                              "uaip_ledger.uaip_migration_events) is owned by role");
        QTest::newRow("a default calling another role's function")
            << left("uaip_migration_events",
                    "ALTER TABLE uaip_ledger.uaip_migration_events ALTER COLUMN client SET "
                    "DEFAULT ev.log()::text")
            << QByteArray()
            << QStringLiteral("function ev.log() (run by default value for column client of "
                              "table uaip_ledger.uaip_migration_events) is owned by role");
        QTest::newRow("inheriting from another role's table")
            << left("uaip_ledger_info",
                    "CREATE TABLE ev.base (key text); ALTER TABLE uaip_ledger.uaip_ledger_info "
                    "INHERIT ev.base")
            << QByteArray("ALTER TABLE uaip_ledger.uaip_ledger_info NO INHERIT ev.base")
            << QStringLiteral("relation ev.base (uaip_ledger.uaip_ledger_info inherits from it) "
                              "is owned by role");
        QTest::newRow("a partition of a partition of another role's table")
            << left("uaip_ledger_info",
                    "CREATE TABLE ev.top (key text, value text) PARTITION BY LIST (key); CREATE "
                    "TABLE ev.mid PARTITION OF ev.top DEFAULT PARTITION BY LIST (key); ALTER "
                    "TABLE ev.mid ATTACH PARTITION uaip_ledger.uaip_ledger_info DEFAULT",
                    "ALTER TABLE ev.mid OWNER TO CURRENT_USER")
            << QByteArray("ALTER TABLE ev.mid DETACH PARTITION uaip_ledger.uaip_ledger_info")
            << QStringLiteral("relation ev.top (ev.mid is a partition of it) is owned by role");
        QTest::newRow("extended statistics on an expression")
            << left("uaip_ledger_info",
                    "CREATE STATISTICS ev.st ON (ev.same(key)) FROM uaip_ledger.uaip_ledger_info")
            << QByteArray()
            << QStringLiteral("statistics object ev.st (on uaip_ledger.uaip_ledger_info) is "
                              "owned by role");
        QTest::newRow("extended statistics handed over, their function not")
            << left("uaip_ledger_info",
                    "CREATE STATISTICS ev.st ON (ev.same(key)) FROM uaip_ledger.uaip_ledger_info",
                    "ALTER STATISTICS ev.st OWNER TO CURRENT_USER")
            << QByteArray()
            << QStringLiteral("function ev.same(text) (run by statistics object ev.st) is owned "
                              "by role");
        QTest::newRow("a foreign key out to another role's table")
            << left(migrations,
                    "CREATE TABLE ev.v (v text PRIMARY KEY); INSERT INTO ev.v VALUES ('0001'), "
                    "('0002'), ('0003'); ALTER TABLE uaip_ledger.uaip_schema_migrations ADD "
                    "CONSTRAINT v_fk FOREIGN KEY (version) REFERENCES ev.v (v)")
            << QByteArray()
            << QStringLiteral("relation ev.v (used by constraint v_fk on table "
                              "uaip_ledger.uaip_schema_migrations) is owned by role");
        QTest::newRow("a foreign key out ON DELETE CASCADE, to the console's table")
            << "CREATE TABLE public.pin (v text PRIMARY KEY); INSERT INTO public.pin VALUES "
               "('0001'), ('0002'), ('0003'); GRANT REFERENCES, DELETE ON public.pin TO %R; "
                + left(migrations,
                       "ALTER TABLE uaip_ledger.uaip_schema_migrations ADD CONSTRAINT pin_fk "
                       "FOREIGN KEY (version) REFERENCES public.pin (v) ON DELETE CASCADE")
            << QByteArray("DROP TABLE IF EXISTS public.pin CASCADE")
            << QStringLiteral("foreign key pin_fk on uaip_ledger.uaip_schema_migrations (FOREIGN "
                              "KEY (version) REFERENCES pin(v) ON DELETE CASCADE) lets whoever "
                              "may update or delete the rows of the table it references");
    }

    void codeAFormerOwnerLeftNeverRuns()
    {
        QFETCH(QByteArray, setup);
        QFETCH(QByteArray, teardown);
        QFETCH(QString, said);
        TestDatabase db;
        const QString role = makeRole(db, QStringLiteral("f"));
        PgConnection &w = db.witness();
        const QByteArray quoted = w.quoteIdentifier(role);
        // each statement; the first failure as "statement: error", or empty
        const auto run = [&](const QByteArray &sqls) {
            for (QByteArray sql : sqls.split(';')) { // the role's name holds a ';'
                if (sql.trimmed().isEmpty())
                    continue;
                const PgResult r = w.exec(sql.replace("%R", quoted));
                if (!r.ok())
                    return QString::fromUtf8(sql) + QStringLiteral(": ") + r.error().message;
            }
            return QString();
        };
        const auto cleanup = qScopeGuard([&] {
            w.exec("RESET ROLE");
            run(teardown);
            w.exec("DROP SCHEMA IF EXISTS ev CASCADE");
            dropRole(db, role);
        });
        MigrationFolder f;
        addThree(f);
        Engine e(f.path(), db.conninfo());
        QVERIFY(e.runner->up(*MigrationVersion::parse(QStringLiteral("0001"))).ok());
        // the role's code: it records each call and, run by a superuser, makes the role one
        for (const char *sql :
             {"CREATE TABLE ev.ran (who text)", "GRANT USAGE ON SCHEMA ev TO PUBLIC",
              "GRANT INSERT ON ev.ran TO PUBLIC",
              "CREATE FUNCTION ev.log() RETURNS boolean LANGUAGE plpgsql AS $$ BEGIN INSERT INTO "
              "ev.ran VALUES (current_user); BEGIN EXECUTE pg_catalog.format('ALTER ROLE %I "
              "SUPERUSER', (SELECT r.rolname FROM pg_catalog.pg_roles r JOIN pg_catalog.pg_proc p "
              "ON p.proowner = r.oid WHERE p.oid = 'ev.log()'::regprocedure)); EXCEPTION WHEN "
              "insufficient_privilege THEN NULL; END; RETURN true; END $$",
              "CREATE FUNCTION ev.same(text) RETURNS text LANGUAGE sql IMMUTABLE AS 'SELECT $1'"}) {
            QVERIFY(w.exec("CREATE SCHEMA IF NOT EXISTS ev AUTHORIZATION " + quoted).ok());
            QVERIFY(w.exec("SET ROLE " + quoted).ok());
            QVERIFY2(w.exec(sql).ok(), sql);
            QVERIFY(w.exec("RESET ROLE").ok());
        }
        const QString setUp = run(setup);
        QVERIFY2(setUp.isEmpty(), qPrintable(setUp));
        QVERIFY(w.exec("TRUNCATE ev.ran").ok()); // what the setup ran as the role itself
        const RunResult refused = e.runner->up();
        // the planted code never ran as the console, whose session goes on
        QCOMPARE(db.scalar("SELECT string_agg(who, ', ') FROM ev.ran"), QString());
        QCOMPARE(db.scalar("SELECT rolsuper FROM pg_roles WHERE rolname = $1", {role}),
                 QStringLiteral("f"));
        QVERIFY(e.connection.exec("SELECT 1").ok());
        QVERIFY2(refused.outcome == RunResult::Outcome::BadInput && refused.steps.isEmpty()
                     && refused.message.contains(said),
                 qPrintable(describe(refused)));
        const QString tornDown = run(teardown);
        QVERIFY2(tornDown.isEmpty(), qPrintable(tornDown));
        QVERIFY(w.exec("DROP SCHEMA ev CASCADE").ok());
        const RunResult rest = e.runner->up();
        QVERIFY2(rest.ok() && rest.steps.size() == 2, qPrintable(describe(rest)));
    }

    // The read runs under the session's search_path (a first-format ledger is found through
    // it): a closer unnest(text[]) or an =(oid, integer) put first on it is never called.
    void theReadCallsNothingOnTheSearchPath()
    {
        TestDatabase db;
        PgConnection &w = db.witness();
        for (const char *sql :
             {"CREATE TABLE public.called (what text)",
              "CREATE FUNCTION public.unnest(text[]) RETURNS SETOF text LANGUAGE sql AS "
              "$$ INSERT INTO public.called VALUES ('unnest'); SELECT pg_catalog.unnest($1) $$",
              "CREATE FUNCTION public.oid_int_eq(oid, integer) RETURNS boolean LANGUAGE sql AS "
              "$$ INSERT INTO public.called VALUES ('='); SELECT $1::int = $2 $$",
              "CREATE OPERATOR public.= (LEFTARG = oid, RIGHTARG = integer, FUNCTION = "
              "public.oid_int_eq)",
              "CREATE FUNCTION public.concat(VARIADIC text[]) RETURNS text LANGUAGE sql AS "
              "$$ INSERT INTO public.called VALUES ('concat'); SELECT '' $$"})
            QVERIFY2(w.exec(sql).ok(), sql);
        MigrationFolder f;
        addThree(f);
        Engine e(f.path(), db.conninfo());
        QVERIFY(e.connection.exec("SET search_path = public, pg_catalog").ok());
        const RunResult up = e.runner->up();
        QVERIFY2(up.ok(), qPrintable(describe(up)));
        QVERIFY(e.runner->status());
        QCOMPARE(db.scalar("SELECT count(*) FROM public.called"), QStringLiteral("0"));
    }

    // pg_write_all_data writes every table, the ledger's among them.
    void aMemberOfWriteAllDataIsRefused()
    {
        TestDatabase db;
        const QString role = makeRole(db, QStringLiteral("w"));
        const auto cleanup = qScopeGuard([&] { dropRole(db, role); });
        PgConnection &w = db.witness();
        MigrationFolder f;
        addThree(f);
        Engine e(f.path(), db.conninfo());
        QVERIFY(e.runner->up(*MigrationVersion::parse(QStringLiteral("0001"))).ok());
        QVERIFY(w.exec("GRANT pg_write_all_data TO " + w.quoteIdentifier(role)).ok());
        const RunResult refused = e.runner->up();
        QCOMPARE(refused.outcome, RunResult::Outcome::BadInput);
        QVERIFY2(refused.message.contains(QStringLiteral("every table (pg_write_all_data)"))
                     && refused.message.contains(QStringLiteral("REVOKE pg_write_all_data FROM ")),
                 qPrintable(refused.message));
        QVERIFY(w.exec("REVOKE pg_write_all_data FROM " + w.quoteIdentifier(role)).ok());
        const RunResult rest = e.runner->up();
        QVERIFY2(rest.ok() && rest.steps.size() == 2, qPrintable(describe(rest)));
    }
};

QTEST_GUILESS_MAIN(TestLedgerPrivileges)
#include "tst_ledgerprivileges.moc"
