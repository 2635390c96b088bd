// The migration ledger against a real PostgreSQL: status without a ledger, the server's errors
// kept whole, baseline, the ledger found whatever the search path, the format-1 ledger upgraded,
// and ledgers (or users) it must refuse.
#include "ledger/ledger.h"
#include "migrationrunnertestutil.h"

using namespace uaip;
using namespace uaip::test;

namespace {

// The ledger as the first format created it (app/core/ledger/sql/ledger_create.sql before
// the ledger moved into its own schema), wherever search_path pointed.
const char *const kLedgerFormat1
    = R"sql(-- The migration ledger: what is applied now, and every event that ever happened.
CREATE TABLE IF NOT EXISTS uaip_ledger_info (
    key   text PRIMARY KEY,
    value text NOT NULL
);
INSERT INTO uaip_ledger_info (key, value) VALUES ('format', '1') ON CONFLICT (key) DO NOTHING;

CREATE TABLE IF NOT EXISTS uaip_schema_migrations (
    version       text PRIMARY KEY,
    name          text NOT NULL,
    checksum      text NOT NULL,
    down_checksum text,
    applied_at    timestamptz NOT NULL DEFAULT now(),
    applied_by    text NOT NULL DEFAULT current_user,
    client        text,
    duration_ms   integer,
    state         text NOT NULL DEFAULT 'applied' CHECK (state IN ('applied', 'dirty')),
    error         text
);

CREATE TABLE IF NOT EXISTS uaip_migration_events (
    id          bigserial PRIMARY KEY,
    version     text,
    name        text,
    action      text NOT NULL CHECK (action IN ('apply', 'rollback', 'baseline', 'repair')),
    outcome     text NOT NULL CHECK (outcome IN ('ok', 'failed', 'cancelled')),
    happened_at timestamptz NOT NULL DEFAULT now(),
    actor       text NOT NULL DEFAULT current_user,
    client      text,
    duration_ms integer,
    checksum    text,
    error       text
);
CREATE INDEX IF NOT EXISTS uaip_migration_events_version_idx
    ON uaip_migration_events (version, happened_at);
)sql";

} // namespace

class TestMigrationLedger : public QObject
{
    Q_OBJECT

private slots:
    // Issue 32, P11: creating the ledger on a first run prints nothing of its own (its
    // idempotent DROP CONSTRAINT IF EXISTS used to show as NOTICEs among the steps).
    void aFirstRunPrintsNoLedgerNotices()
    {
        TestDatabase db;
        MigrationFolder f;
        addThree(f);
        Engine e(f.path(), db.conninfo());
        QStringList messages;
        QObject::connect(e.runner.get(), &MigrationRunner::message,
                         [&](const QString &text) { messages << text; });
        const RunResult up = e.runner->up();
        QVERIFY2(up.ok(), qPrintable(describe(up)));
        QVERIFY2(!messages.join(u'\n').contains(QStringLiteral("skipping")),
                 qPrintable(messages.join(u'\n')));
    }

    void statusWithoutLedgerCreatesNothing()
    {
        TestDatabase db;
        MigrationFolder f;
        addThree(f);
        Engine e(f.path(), db.conninfo());
        const auto statuses = e.runner->status();
        QVERIFY2(statuses, qPrintable(why(statuses)));
        QCOMPARE(statuses.value().size(), 3);
        for (const auto &s : statuses.value())
            QCOMPARE(s.state, MigrationState::Pending);
        QVERIFY(!tableExists(db, "uaip_ledger.uaip_schema_migrations"));
    }

    // A ledger that cannot be read: the server's error comes back whole (SQLSTATE, position).
    void statusKeepsTheServersError()
    {
        TestDatabase db;
        MigrationFolder f;
        addThree(f);
        Engine e(f.path(), db.conninfo());
        QVERIFY2(e.runner->up().ok(), "up");
        QVERIFY(db.witness()
                    .exec("ALTER TABLE uaip_ledger.uaip_schema_migrations "
                          "RENAME COLUMN checksum TO other")
                    .ok());
        const auto statuses = e.runner->status();
        QVERIFY(!statuses);
        QCOMPARE(statuses.error().sqlState(), QStringLiteral("42703"));
        QVERIFY2(statuses.error().toString().contains(QStringLiteral("checksum")),
                 qPrintable(statuses.error().toString()));
        QVERIFY(statuses.error().server().value().statementPosition > 0);
    }

    // The ledger's reads and writes return the server's error whole (SQLSTATE, constraint).
    void ledgerKeepsTheServersError()
    {
        TestDatabase db;
        MigrationFolder f;
        addThree(f);
        Engine e(f.path(), db.conninfo());
        QVERIFY2(e.runner->up().ok(), "up");
        PgConnection &w = db.witness();
        QVERIFY(w.exec("ALTER TABLE uaip_ledger.uaip_migration_events "
                       "ADD CONSTRAINT tst_no_events CHECK (false) NOT VALID")
                    .ok());
        QVERIFY(w.exec("ALTER TABLE uaip_ledger.uaip_schema_migrations "
                       "ADD CONSTRAINT tst_no_x CHECK (version <> '9999') NOT VALID")
                    .ok());
        Ledger ledger(e.connection, QStringLiteral("tst_migrationrunner"));
        const Result<bool> exists = ledger.exists();
        QVERIFY(exists && exists.value());
        const Status event = ledger.addEvent({0,
                                              QStringLiteral("0001"),
                                              QStringLiteral("users"),
                                              QStringLiteral("repair"),
                                              QStringLiteral("ok"),
                                              {},
                                              {},
                                              {},
                                              0,
                                              {},
                                              {},
                                              {}});
        QVERIFY(!event);
        QCOMPARE(event.error().sqlState(), QStringLiteral("23514"));
        QCOMPARE(event.error().server().value().constraint, QStringLiteral("tst_no_events"));
        LedgerEntry entry;
        entry.version = QStringLiteral("9999");
        entry.name = QStringLiteral("x");
        entry.checksum = QStringLiteral("0");
        const Status recorded = ledger.record(entry);
        QVERIFY(!recorded);
        QCOMPARE(recorded.error().sqlState(), QStringLiteral("23514"));
        QCOMPARE(recorded.error().server().value().constraint, QStringLiteral("tst_no_x"));
        QVERIFY(w.exec("ALTER TABLE uaip_ledger.uaip_migration_events "
                       "RENAME COLUMN happened_at TO other")
                    .ok());
        const auto events = ledger.events(QString(), 10);
        QVERIFY(!events);
        QCOMPARE(events.error().sqlState(), QStringLiteral("42703"));
        QCOMPARE(ledgerCount(db), 3);
    }

    // ensure(): a server error keeps its SQLSTATE; a ledger of a newer format is refused
    // without one (no server error) and left as it is.
    void ensureSaysWhyItRefuses()
    {
        TestDatabase db;
        MigrationFolder f;
        addThree(f);
        Engine e(f.path(), db.conninfo());
        QVERIFY2(e.runner->up().ok(), "up");
        PgConnection &w = db.witness();
        QVERIFY(w.exec("UPDATE uaip_ledger.uaip_ledger_info SET value = '99' WHERE key = 'format'")
                    .ok());
        Ledger ledger(e.connection, QStringLiteral("tst_migrationrunner"));
        const Status newer = ledger.ensure();
        QVERIFY(!newer);
        QCOMPARE(newer.error().code(), ErrorCode::Refused);
        QVERIFY2(newer.error().toString().contains(QStringLiteral("format 99")),
                 qPrintable(newer.error().toString()));
        QVERIFY(w.exec("UPDATE uaip_ledger.uaip_ledger_info SET value = '1' WHERE key = 'format'")
                    .ok());
        QVERIFY(e.connection.exec("SET lock_timeout = '1ms'").ok());
        QVERIFY(w.exec("BEGIN").ok());
        QVERIFY(w.exec("LOCK TABLE uaip_ledger.uaip_ledger_info IN ACCESS EXCLUSIVE MODE").ok());
        const Status upgrade = ledger.ensure();
        QVERIFY(w.exec("ROLLBACK").ok());
        QVERIFY(!upgrade);
        QCOMPARE(upgrade.error().sqlState(), QStringLiteral("55P03"));
        QVERIFY2(upgrade.error().toString().startsWith(QStringLiteral("cannot ")),
                 qPrintable(upgrade.error().toString()));
    }

    void baselineMarksWithoutRunning()
    {
        TestDatabase db;
        MigrationFolder f;
        addThree(f);
        // the database already has what 0001 creates, made by hand
        QVERIFY(db.witness().execScript(kUsersUp).ok());
        Engine e(f.path(), db.conninfo());
        const RunResult b = e.runner->baseline(*MigrationVersion::parse(QStringLiteral("1")));
        QVERIFY2(b.ok(), qPrintable(b.message));
        QCOMPARE(b.steps.size(), 1);
        QCOMPARE(db.scalar("SELECT action FROM uaip_ledger.uaip_migration_events"),
                 QStringLiteral("baseline"));
        QVERIFY(e.runner->up().ok());
        QCOMPARE(ledgerCount(db), 3);
        QCOMPARE(db.scalar("SELECT count(*) FROM users"), QStringLiteral("1")); // not re-run
        QCOMPARE(e.runner->baseline(*MigrationVersion::parse(QStringLiteral("0"))).outcome,
                 RunResult::Outcome::BadInput);
    }

    void ledgerFoundWhateverTheSearchPath()
    {
        TestDatabase db;
        MigrationFolder f;
        addThree(f);
        {
            Engine e(f.path(), db.conninfo());
            QVERIFY(e.runner->up(*MigrationVersion::parse(QStringLiteral("2"))).ok());
        }
        QVERIFY(db.witness().exec("CREATE SCHEMA elsewhere").ok());
        Engine other(f.path(),
                     db.conninfo() + QStringLiteral(" options='-c search_path=elsewhere'"));
        const auto statuses = other.runner->status();
        QVERIFY2(statuses, qPrintable(why(statuses)));
        QCOMPARE(statuses.value().at(0).state, MigrationState::Applied);
        QCOMPARE(statuses.value().at(1).state, MigrationState::Applied);
        QCOMPARE(statuses.value().at(2).state, MigrationState::Pending);
        QCOMPARE(db.scalar("SELECT value FROM uaip_ledger.uaip_ledger_info WHERE key = 'schema'"),
                 QStringLiteral("uaip_ledger"));
        QCOMPARE(
            db.scalar("SELECT count(*) FROM pg_class WHERE relname = 'uaip_schema_migrations'"),
            QStringLiteral("1"));
    }

    // A role whose search_path puts its own schema before pg_catalog: the ledger it creates
    // still has pg_catalog's now() as its defaults (they are bound for good when created).
    void ledgerCreatedUnderAShadowingSearchPathBindsPgCatalog()
    {
        TestDatabase db;
        MigrationFolder f;
        addThree(f);
        QVERIFY(db.witness().exec("CREATE SCHEMA shadow").ok());
        QVERIFY(db.witness()
                    .exec("CREATE FUNCTION shadow.now() RETURNS timestamptz LANGUAGE sql "
                          "AS 'SELECT pg_catalog.now()'")
                    .ok());
        Engine e(f.path(),
                 db.conninfo() + QStringLiteral(" options='-c search_path=shadow,pg_catalog'"));
        const RunResult up = e.runner->up();
        QVERIFY2(up.ok(), qPrintable(describe(up)));
        QCOMPARE(db.scalar("SELECT string_agg(pg_get_expr(d.adbin, d.adrelid), ',') "
                           "FROM pg_attrdef d JOIN pg_class c ON c.oid = d.adrelid "
                           "WHERE c.relnamespace = 'uaip_ledger'::regnamespace "
                           "AND pg_get_expr(d.adbin, d.adrelid) LIKE '%shadow%'"),
                 QString());
    }

    void upgradesTheLandedLedgerFormat()
    {
        TestDatabase db;
        MigrationFolder f;
        addThree(f);
        // 0001 applied by the landed engine: its ledger in public, format 1
        QVERIFY(db.witness().execScript(kLedgerFormat1).ok());
        QVERIFY(db.witness().execScript(kUsersUp).ok());
        MigrationSource source;
        QVERIFY(source.load(f.path()));
        const Migration &m1 = source.migrations().first();
        QVERIFY(db.witness()
                    .exec("INSERT INTO uaip_schema_migrations (version, name, checksum, "
                          "down_checksum) VALUES ('0001', 'users', $1, $2)",
                          {m1.upChecksum, m1.downChecksum})
                    .ok());
        QVERIFY(db.witness()
                    .exec("INSERT INTO uaip_migration_events (version, name, action, outcome) "
                          "VALUES ('0001', 'users', 'apply', 'ok')")
                    .ok());
        Engine e(f.path(), db.conninfo());
        const auto statuses = e.runner->status(); // read-only: reads format 1 where it is
        QVERIFY2(statuses, qPrintable(why(statuses)));
        QCOMPARE(statuses.value().at(0).state, MigrationState::Applied);
        QCOMPARE(statuses.value().at(1).state, MigrationState::Pending);
        QCOMPARE(db.scalar("SELECT to_regclass('public.uaip_schema_migrations') IS NOT NULL"),
                 QStringLiteral("t"));
        // a closer format(text, regclass) on the search_path the move runs under: not called
        for (const char *sql :
             {"CREATE TABLE public.called (what text)",
              "CREATE FUNCTION public.format(text, regclass) RETURNS text LANGUAGE sql AS "
              "$$ INSERT INTO public.called VALUES ('format'); SELECT pg_catalog.format($1, $2) "
              "$$"})
            QVERIFY2(db.witness().exec(sql).ok(), sql);

        const RunResult up = e.runner->up();
        QVERIFY2(up.ok(), qPrintable(up.message));
        QCOMPARE(db.scalar("SELECT count(*) FROM public.called"), QStringLiteral("0"));
        QCOMPARE(up.steps.size(), 2); // 0001 was not run again
        QCOMPARE(db.scalar("SELECT to_regclass('public.uaip_schema_migrations') IS NULL"),
                 QStringLiteral("t"));
        QCOMPARE(db.scalar("SELECT to_regclass('public.uaip_ledger_info') IS NULL"),
                 QStringLiteral("t"));
        QCOMPARE(ledgerCount(db), 3);
        QCOMPARE(db.scalar("SELECT value FROM uaip_ledger.uaip_ledger_info WHERE key = 'format'"),
                 QString::number(Ledger::kFormat));
        QCOMPARE(db.scalar("SELECT string_agg(version || ':' || action, ',' ORDER BY id) "
                           "FROM uaip_ledger.uaip_migration_events"),
                 QStringLiteral("0001:apply,0002:apply,0003:apply"));
        QVERIFY(e.runner->down({DownTarget::Kind::All, 0, {}}).ok());
        QVERIFY(!tableExists(db, "users"));
    }

    void refusesLedgerFromNewerVersion()
    {
        TestDatabase db;
        MigrationFolder f;
        addThree(f);
        Engine e(f.path(), db.conninfo());
        QVERIFY(e.runner->up(*MigrationVersion::parse(QStringLiteral("1"))).ok());
        QVERIFY(
            db.witness()
                .exec("UPDATE uaip_ledger.uaip_ledger_info SET value = '99' WHERE key = 'format'")
                .ok());
        const RunResult r = e.runner->up();
        QCOMPARE(r.outcome, RunResult::Outcome::BadInput);
        QVERIFY2(r.message.contains(QStringLiteral("newer")), qPrintable(r.message));
        QCOMPARE(ledgerCount(db), 1);
    }

    void userWithoutDdlRights()
    {
        TestDatabase db;
        MigrationFolder f;
        addThree(f);
        const QString role = QStringLiteral("r_") + db.name();
        QVERIFY(db.witness()
                    .exec("CREATE ROLE " + db.witness().quoteIdentifier(role)
                          + " LOGIN PASSWORD 'uaip-test-login'")
                    .ok());
        Engine e(f.path(), db.conninfo() + QStringLiteral(" user=") + role);
        const RunResult r = e.runner->up();
        // the server refused (42501): a server failure, exit 1, its error kept whole
        QCOMPARE(r.outcome, RunResult::Outcome::Failed);
        QCOMPARE(r.error().code(), ErrorCode::Server);
        QCOMPARE(r.error().sqlState(), QStringLiteral("42501")); // insufficient_privilege
        QVERIFY(!tableExists(db, "uaip_ledger.uaip_schema_migrations"));
        e.connection.close();
        db.witness().exec("DROP ROLE " + db.witness().quoteIdentifier(role));
    }
};

QTEST_GUILESS_MAIN(TestMigrationLedger)
#include "tst_migrationledger.moc"
