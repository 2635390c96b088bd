#pragma once

// A role of the cluster for one test (the application role, the same with a schema of its
// own, or a SELECT-only role), connected to the test database with its own libpq session;
// dropped afterwards. Shared by the prompt-rule tests that attack as a non-owner.
#include "db/pgconnection.h"
#include "prompts/promptstore.h"
#include "prompttestutil.h"
#include "testdatabase.h"

#include <QRandomGenerator>

#include <memory>

namespace uaip::test {

// Version 2 of the reference coach saved, not published: "production" stays on version 1.
inline void saveDraftOfTheCoach(PromptDatabase &d)
{
    PromptSaveRequest r;
    r.promptId = QStringLiteral("reference-coach-v1");
    r.expectedLatestVersion = 1;
    r.content.systemPrompt = QStringLiteral("version two");
    r.content.modelPreference = QStringLiteral("claude-sonnet-4-5");
    r.changeNote = QStringLiteral("note");
    if (const auto s = PromptStore(d.connection).save(r, PromptDatabase::actor()); !s.ok())
        qFatal("save: %s", qPrintable(s.error().toString()));
}

// Runs sql and returns the server's message ("" = accepted).
inline QString refusal(PgConnection &c, const QByteArray &sql, const QVariantList &params = {})
{
    PgResult r = c.exec(sql, params);
    return r.ok() ? QString() : r.error().message;
}

class Role
{
public:
    enum class Kind { Application, OwnSchema, SelectOnly };

    Role(TestDatabase &db, Kind kind)
        : m_db(db)
        , m_name(QStringLiteral("uaip_r31_%1").arg(QRandomGenerator::global()->generate()))
    {
        PgConnection &o = db.witness();
        const QByteArray q = o.quoteIdentifier(m_name);
        run("CREATE ROLE " + q
            + " LOGIN PASSWORD 'uaip-test-login'"); // TestCluster::loginPassword()
        run("GRANT USAGE ON SCHEMA public TO " + q);
        if (kind == Kind::SelectOnly) {
            run("GRANT SELECT ON ALL TABLES IN SCHEMA public TO " + q);
        } else {
            run("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO " + q);
            run("GRANT SELECT, UPDATE, USAGE ON ALL SEQUENCES IN SCHEMA public TO " + q);
        }
        if (kind == Kind::OwnSchema)
            run("CREATE SCHEMA sneaky AUTHORIZATION " + q);
        m_connection = std::make_unique<PgConnection>();
        if (!m_connection->open(db.conninfo() + QStringLiteral(" user=") + m_name,
                                QStringLiteral("tst_promptrulesroles")))
            qFatal("role connection: %s", qPrintable(m_connection->connectionError()));
    }
    ~Role()
    {
        m_connection->exec("ROLLBACK");
        m_connection->exec("DISCARD TEMP");
        m_connection.reset();
        const QByteArray q = m_db.witness().quoteIdentifier(m_name);
        m_db.witness().exec("DROP OWNED BY " + q);
        m_db.witness().exec("DROP ROLE " + q);
    }
    Role(const Role &) = delete;
    Role &operator=(const Role &) = delete;

    PgConnection &c() { return *m_connection; }
    QString name() const { return m_name; }
    QByteArray quoted() { return m_db.witness().quoteIdentifier(m_name); }
    void run(const QByteArray &sql)
    {
        PgResult r = m_db.witness().execScript(sql);
        if (!r.ok())
            qFatal("%s: %s", sql.constData(), qPrintable(r.error().message));
    }

    // The trigger-depth trick: body runs inside the trigger of a temporary table (depth 2).
    QString viaTrigger(const QByteArray &body)
    {
        const QByteArray n = QByteArray::number(++m_tricks);
        for (const QByteArray &sql :
             {"CREATE FUNCTION pg_temp.f" + n + "() RETURNS trigger LANGUAGE plpgsql AS $f$BEGIN "
                  + body + "; RETURN NULL; END$f$",
              "CREATE TEMP TABLE go" + n + " (x int)",
              "CREATE TRIGGER t AFTER INSERT ON go" + n + " FOR EACH ROW EXECUTE FUNCTION pg_temp.f"
                  + n + "()"}) {
            if (const QString why = refusal(c(), sql); !why.isEmpty())
                qFatal("%s: %s", sql.constData(), qPrintable(why));
        }
        return refusal(c(), "INSERT INTO go" + n + " VALUES (1)");
    }

private:
    TestDatabase &m_db;
    QString m_name;
    std::unique_ptr<PgConnection> m_connection;
    int m_tricks = 0;
};

} // namespace uaip::test
