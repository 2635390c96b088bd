// Another role may read the ledger but never write it: a TRIGGER right on its tables let an
// application role add a trigger after the run read the ledger's owners, which the run's next
// ledger write ran with the console's rights; INSERT, UPDATE or DELETE let it forge the history
// (a REVOKE migration recorded as applied without running). The ledger the console makes keeps
// nothing of what the owner's default privileges gave beyond reading (ledger_private.sql); a
// ledger given such a right later is refused before anything of it is read or written, with the
// REVOKE that takes it back (ledger_trust.sql).
#include "ledger/migrationversion.h"
#include "migrationrunnertestutil.h"

#include <QScopeGuard>

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
