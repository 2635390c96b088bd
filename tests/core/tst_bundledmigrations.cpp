// The platform schema shipped in migrations/: every migration round-trips (pg_dump
// --schema-only is the independent witness), and the constraints that fix the original
// schema's defects do their job on a real server.
#include "catalogwitness.h"
#include "db/pgconnection.h"
#include "db/sandbox.h"
#include "ledger/migrationsource.h"
#include "migrate/migrationrunner.h"
#include "serverbuild.h"
#include "testcluster.h"
#include "testdatabase.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QtTest>

using namespace uaip;
using namespace uaip::test;

namespace {

QByteArray schemaDump(const QString &conninfo)
{
    QProcess p;
    p.start(QDir(Sandbox::serverBinDir()).filePath(QStringLiteral("pg_dump")),
            {QStringLiteral("--schema-only"), QStringLiteral("--no-owner"),
             QStringLiteral("--exclude-table=uaip_*"),
             QStringLiteral("--exclude-schema=uaip_ledger"), QStringLiteral("-d"), conninfo});
    if (!p.waitForFinished(60000) || p.exitCode() != 0)
        qFatal("pg_dump failed: %s", p.readAllStandardError().constData());
    // pg_dump 15.14+ brackets the dump with \restrict KEY / \unrestrict KEY, a random key
    QByteArray out;
    for (const QByteArray &line : p.readAllStandardOutput().split('\n'))
        if (!line.startsWith("\\restrict") && !line.startsWith("\\unrestrict"))
            out += line + '\n';
    return out;
}

QString firstDifference(const QByteArray &a, const QByteArray &b)
{
    const QList<QByteArray> la = a.split('\n');
    const QList<QByteArray> lb = b.split('\n');
    for (qsizetype i = 0; i < qMax(la.size(), lb.size()); ++i)
        if (la.value(i) != lb.value(i))
            return QStringLiteral("line %1:\n  before: %2\n  after:  %3")
                .arg(i + 1)
                .arg(QString::fromUtf8(la.value(i)), QString::fromUtf8(lb.value(i)));
    return QString();
}

struct Platform
{
    MigrationSource source;
    PgConnection connection;
    std::unique_ptr<MigrationRunner> runner;

    explicit Platform(const QString &conninfo)
    {
        if (!source.load(MigrationSource::bundledDir()))
            qFatal("bundled migrations: %s", qPrintable(source.errors().join(u'\n')));
        if (!connection.open(conninfo))
            qFatal("%s", qPrintable(connection.connectionError()));
        runner = std::make_unique<MigrationRunner>(connection, source.migrations(),
                                                   MigrationRunner::Options{});
    }
};

// Runs a statement on the witness and returns the SQLSTATE it failed with ("" = success).
QString sqlStateOf(TestDatabase &db, const QByteArray &sql)
{
    PgResult r = db.witness().execScript(sql);
    return r.ok() ? QString() : r.error().sqlState;
}

} // namespace

class TestBundledMigrations : public QObject
{
    Q_OBJECT

private slots:
    void everyMigrationRoundTrips()
    {
        TestDatabase db;
        // the server's pg_dump, or where the server's major has none here (the matrix's 16, 17
        // and 18) the server's own description of its catalog
        const bool withDump = !pgDumpFor(db.witness()).isEmpty();
        const auto schemaOf = [&db, withDump] {
            return withDump ? schemaDump(db.conninfo()) : catalogWitness(db.witness()).toUtf8();
        };
        Platform p(db.conninfo());
        QVERIFY(p.source.migrations().size() >= 12);
        for (const Migration &m : p.source.migrations()) {
            const QByteArray before = schemaOf();
            const RunResult up = p.runner->up(m.version);
            QVERIFY2(up.ok(), qPrintable(up.message));
            const QByteArray applied = schemaOf();
            QVERIFY2(applied != before, qPrintable(m.id() + QStringLiteral(" changed nothing")));
            const RunResult down = p.runner->down({});
            QVERIFY2(down.ok(), qPrintable(down.message));
            const QByteArray after = schemaOf();
            QVERIFY2(after == before,
                     qPrintable(m.id()
                                + QStringLiteral(": down.sql does not restore the "
                                                 "schema, first difference at ")
                                + firstDifference(before, after)));
            QVERIFY(p.runner->up(m.version).ok());
        }
        QVERIFY(p.runner->down({DownTarget::Kind::All, 0, {}}).ok());
        QCOMPARE(
            db.scalar(
                "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                "WHERE n.nspname = 'public' AND c.relname NOT LIKE 'uaip_%'"),
            QStringLiteral("0"));
    }

    void schemaRules()
    {
        TestDatabase db;
        Platform p(db.conninfo());
        QVERIFY(p.runner->up().ok());
        // N16: no timestamp without time zone anywhere
        QCOMPARE(
            db.scalar(
                "SELECT count(*) FROM information_schema.columns WHERE table_schema = 'public' "
                "AND data_type = 'timestamp without time zone'"),
            QStringLiteral("0"));
        // N2: no NOT NULL column whose FK says ON DELETE SET NULL
        QCOMPARE(db.scalar("SELECT count(*) FROM pg_constraint c JOIN pg_attribute a "
                           "ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey) "
                           "WHERE c.contype = 'f' AND c.confdeltype = 'n' AND a.attnotnull"),
                 QStringLiteral("0"));
        // N10: every FK column has its target's type
        QCOMPARE(
            db.scalar("SELECT count(*) FROM pg_constraint c "
                      "JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1] "
                      "JOIN pg_attribute t ON t.attrelid = c.confrelid AND t.attnum = c.confkey[1] "
                      "WHERE c.contype = 'f' AND a.atttypid <> t.atttypid"),
            QStringLiteral("0"));
        // N16: every table with updated_at has the shared trigger
        QCOMPARE(
            db.scalar(
                "SELECT count(*) FROM information_schema.columns col WHERE col.table_schema = "
                "'public' "
                "AND col.column_name = 'updated_at' AND NOT EXISTS (SELECT 1 FROM pg_trigger t "
                "JOIN pg_proc f ON f.oid = t.tgfoid WHERE t.tgrelid = "
                "(quote_ident(col.table_name))::regclass "
                "AND f.proname = 'uaip_set_updated_at')"),
            QStringLiteral("0"));
        // N4: no btree index on a jsonb or array column
        QCOMPARE(
            db.scalar(
                "SELECT count(*) FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid "
                "JOIN pg_am am ON am.oid = ic.relam JOIN pg_attribute a ON a.attrelid = i.indrelid "
                "AND a.attnum = ANY (i.indkey) JOIN pg_type t ON t.oid = a.atttypid "
                "WHERE am.amname = 'btree' AND ic.relnamespace = 'public'::regnamespace "
                "AND (t.typname = 'jsonb' OR t.typcategory = 'A')"),
            QStringLiteral("0"));
        // N7/D7: no two indexes of a table with the same columns and predicate
        QCOMPARE(db.scalar("SELECT count(*) FROM (SELECT indrelid, indkey::text, "
                           "coalesce(pg_get_expr(indpred, indrelid), ''), "
                           "coalesce(pg_get_expr(indexprs, indrelid), '') "
                           "FROM pg_index GROUP BY 1, 2, 3, 4 HAVING count(*) > 1) d"),
                 QStringLiteral("0"));
    }

    void constraintsDoTheirJob()
    {
        TestDatabase db;
        Platform p(db.conninfo());
        QVERIFY(p.runner->up().ok());
        QFile rows(TestCluster::sourceDir() + QStringLiteral("/tests/core/data/platform_rows.sql"));
        QVERIFY(rows.open(QIODevice::ReadOnly));
        PgResult loaded = db.witness().execScript(rows.readAll());
        QVERIFY2(loaded.ok(), qPrintable(loaded.error().toString()));

        // unknown enum values are rejected
        QCOMPARE(sqlStateOf(db, "UPDATE personas SET tone = 'grumpy'"), QStringLiteral("22P02"));
        QCOMPARE(sqlStateOf(db, "UPDATE agents SET api_type = 'mistral'"), QStringLiteral("22P02"));
        // N3: only one system default provider
        QCOMPARE(sqlStateOf(db, "UPDATE llm_providers SET is_system_default = true"), QString());
        QCOMPARE(
            sqlStateOf(
                db,
                "INSERT INTO llm_providers (name, display_name, provider_type, is_system_default) "
                "VALUES ('b', 'B', 'anthropic', true)"),
            QStringLiteral("23505"));
        // the fine-tune quality score is 1..5
        QVERIFY(db.witness()
                    .exec("INSERT INTO ai_interactions (id, session_id, user_input, model_used) "
                          "VALUES ('00000000-0000-0000-0000-0000000000f1', "
                          "'00000000-0000-0000-0000-0000000000e1', 'q', 'm')")
                    .ok());
        QCOMPARE(sqlStateOf(db,
                            "INSERT INTO ai_finetune_datasets (interaction_id, quality_score) "
                            "VALUES ('00000000-0000-0000-0000-0000000000f1', 6)"),
                 QStringLiteral("23514"));
        QCOMPARE(sqlStateOf(db,
                            "INSERT INTO ai_finetune_datasets (interaction_id, quality_score) "
                            "VALUES ('00000000-0000-0000-0000-0000000000f1', 5)"),
                 QString());

        // N2: deleting the user never fails; owned rows cascade, references become NULL
        QCOMPARE(sqlStateOf(db, "DELETE FROM users WHERE email = 'owner@example.org'"), QString());
        QCOMPARE(db.scalar("SELECT count(*) FROM refresh_tokens"), QStringLiteral("0"));
        QCOMPARE(db.scalar("SELECT count(*) FROM user_llm_providers"), QStringLiteral("0"));
        QCOMPARE(db.scalar("SELECT count(*) FROM ai_sessions"), QStringLiteral("0"));
        QCOMPARE(db.scalar("SELECT count(*) FROM ai_finetune_datasets"), QStringLiteral("0"));
        QCOMPARE(db.scalar("SELECT count(*) || ':' || count(created_by) FROM personas"),
                 QStringLiteral("1:0"));
        QCOMPARE(db.scalar("SELECT count(*) || ':' || count(created_by) FROM agents"),
                 QStringLiteral("1:0"));
        QCOMPARE(db.scalar("SELECT count(*) || ':' || count(created_by) FROM discussions"),
                 QStringLiteral("1:0"));
        QCOMPARE(db.scalar("SELECT count(*) || ':' || count(created_by) FROM security_policies"),
                 QStringLiteral("1:0"));
        // a persona still used by an agent cannot disappear under it (RESTRICT)
        // (PostgreSQL 18 reports RESTRICT as such: 23001 restrict_violation)
        QCOMPARE(sqlStateOf(db, "DELETE FROM personas"),
                 db.witness().serverVersion() >= 180000 ? QStringLiteral("23001")
                                                        : QStringLiteral("23503"));
    }

    void messageSearchUsesTheGinIndex()
    {
        TestDatabase db;
        Platform p(db.conninfo());
        QVERIFY(p.runner->up().ok());
        PgResult r = db.witness().execScript(
            "INSERT INTO threads (id, title) VALUES ('00000000-0000-0000-0000-000000000071', 't');"
            "INSERT INTO messages (thread_id, role, content) "
            "SELECT '00000000-0000-0000-0000-000000000071', 'user', "
            "       'message ' || g || ' about ' || "
            "(ARRAY['invoices','travel','payroll','hiring'])[1 + g % 4] "
            "       || CASE WHEN g % 5000 = 0 THEN ' verification of a forged reference' ELSE '' "
            "END "
            "FROM generate_series(1, 20000) g;"
            "ANALYZE messages;");
        QVERIFY2(r.ok(), qPrintable(r.error().toString()));
        QCOMPARE(db.scalar("SELECT count(*) FROM messages WHERE search_vector IS NULL"),
                 QStringLiteral("0"));
        QCOMPARE(db.scalar("SELECT count(*) FROM messages WHERE search_vector @@ "
                           "to_tsquery('english', 'forged & reference')"),
                 QStringLiteral("4"));
        // the trigger keeps the vector current on UPDATE too
        QVERIFY(db.witness()
                    .exec("UPDATE messages SET content = 'completely forged' WHERE content LIKE "
                          "'message 1 %'")
                    .ok());
        QCOMPARE(db.scalar("SELECT count(*) FROM messages WHERE search_vector @@ "
                           "to_tsquery('english', 'forged')"),
                 QStringLiteral("5"));
        PgResult plan = db.witness().execScript(
            "EXPLAIN SELECT id FROM messages "
            "WHERE search_vector @@ to_tsquery('english', 'forged & reference')");
        QString text;
        for (int i = 0; i < plan.rows(); ++i)
            text += plan.value(i, 0) + u'\n';
        QVERIFY2(text.contains(QStringLiteral("idx_messages_search_vector")), qPrintable(text));
    }
};

QTEST_GUILESS_MAIN(TestBundledMigrations)
#include "tst_bundledmigrations.moc"
