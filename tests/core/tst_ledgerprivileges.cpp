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
        MigrationFolder f;
        addThree(f);
        Engine e(f.path(), db.conninfo());
        const RunResult up = e.runner->up();
        QVERIFY2(up.ok(), qPrintable(describe(up)));
        // the migrations' own table keeps what the default privileges gave
        QCOMPARE(db.scalar("SELECT has_table_privilege($1, 'public.users', 'INSERT')", {role}),
                 QStringLiteral("t"));
        for (const char *table :
             {"uaip_schema_migrations", "uaip_migration_events", "uaip_ledger_info"}) {
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
        for (const QByteArray &grant : grants) {
            QVERIFY(w.exec(grant).ok());
            // each is refused, naming the grantee, what it holds and the REVOKE
            int refusals = 0;
            for (;; ++refusals) {
                const RunResult refused = e.runner->up();
                if (refused.ok())
                    break;
                QCOMPARE(refused.outcome, RunResult::Outcome::BadInput);
                const int at = refused.message.indexOf(QStringLiteral("take it back ("));
                QVERIFY2(at >= 0
                             && refused.message.contains(QStringLiteral("not this role's "
                                                                        "alone to write")),
                         qPrintable(describe(refused)));
                QVERIFY2(refused.steps.isEmpty(), qPrintable(describe(refused)));
                const QString revoke
                    = refused.message.mid(at + 14).section(QStringLiteral("), or make"), 0, 0);
                QVERIFY2(revoke.startsWith(QStringLiteral("REVOKE ")), qPrintable(revoke));
                QVERIFY2(w.exec(revoke.toUtf8()).ok(), qPrintable(revoke));
            }
            QVERIFY2(refusals == 1 || (refusals == 2 && grant.startsWith("GRANT INSERT")),
                     grant.constData());
        }
        QCOMPARE(db.scalar("SELECT count(*) FROM uaip_ledger.uaip_schema_migrations"),
                 QStringLiteral("3"));
    }
};

QTEST_GUILESS_MAIN(TestLedgerPrivileges)
#include "tst_ledgerprivileges.moc"
