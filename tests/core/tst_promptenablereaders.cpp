// Readers of the prompt tables go on while the encryption is enabled (issue 78, point 3; README:
// "enable and disable hold ai_prompts and ai_prompt_versions against writers (readers go
// on)"). A reader of another role, idle in a REPEATABLE READ transaction that read
// ai_prompts, held its ACCESS SHARE lock; the enable's statistics step altered a column's type
// (ACCESS EXCLUSIVE) and failed with 55P03 after the lock timeout. Now the enable converts
// while the reader waits for nothing and loses nothing, and no plain text is left in pg_stats;
// the table rewrite after it (VACUUM FULL, which cannot lock a table a reader holds) names
// the reader that kept it from rewriting: its pid, application and since when.
#include "crypto/datakey.h"
#include "crypto/promptencryption.h"
#include "crypto/prompttablerewrite.h"
#include "promptroletestutil.h"
#include "prompttestutil.h"

#include <QtTest>

using namespace uaip;
using namespace uaip::test;

namespace {

// A prompt whose text the statistics would show while it is plain; analyzed.
void addAnalyzedSecret(PromptDatabase &d)
{
    PgConnection &o = d.db.witness();
    for (const char *sql :
         {"INSERT INTO ai_prompts (prompt_id, name, prompt_type, system_prompt, "
          "model_preference) SELECT 'stat-' || i, 'Stat ' || i, 'verification', "
          "'Zebraword secret ' || (i % 5), 'm' FROM generate_series(1, 50) i",
          "INSERT INTO ai_prompt_versions (prompt_id, version_no, system_prompt, content_sha256) "
          "SELECT id, 1, system_prompt, ai_prompt_content_sha256(system_prompt, NULL) FROM "
          "ai_prompts WHERE prompt_id LIKE 'stat-%'",
          "ANALYZE ai_prompts", "ANALYZE ai_prompt_versions"})
        if (const PgResult r = o.exec(sql); !r.ok())
            qFatal("%s: %s", sql, qPrintable(r.error().message));
}

const QByteArray kLeaks = "SELECT count(*) FROM pg_stats WHERE tablename IN ('ai_prompts', "
                          "'ai_prompt_versions') AND (most_common_vals::text ILIKE '%zebraword%' "
                          "OR histogram_bounds::text ILIKE '%zebraword%' OR "
                          "most_common_elems::text ILIKE '%zebraword%')";

PromptEncryption::Options options(int lockTimeoutMs)
{
    PromptEncryption::Options o;
    o.consoleUser = QStringLiteral("tester");
    o.client = QStringLiteral("tst_promptenablereaders");
    o.lockTimeoutMs = lockTimeoutMs;
    return o;
}

// The reader's session: in its REPEATABLE READ transaction, idle, having read ai_prompts.
QString startReading(Role &reader)
{
    PgConnection &c = reader.c();
    if (!c.exec("SET application_name = 'platform report'").ok()
        || !c.exec("BEGIN ISOLATION LEVEL REPEATABLE READ").ok())
        return QString();
    return c.scalar("SELECT string_agg(system_prompt, '|' ORDER BY prompt_id) FROM ai_prompts");
}

} // namespace

class TestPromptEnableReaders : public QObject
{
    Q_OBJECT

private slots:
    void anIdleRepeatableReadReaderGoesOn()
    {
        PromptDatabase d(QStringLiteral("tst_promptenablereaders"));
        addAnalyzedSecret(d);
        Role reader(d.db, Role::Kind::SelectOnly);
        QVERIFY(reader.c().scalar(kLeaks).toInt() > 0); // the premise: plain text while off
        const QString seen = startReading(reader);
        QVERIFY(seen.contains(QStringLiteral("Zebraword")));
        const QString pid = reader.c().scalar("SELECT pg_backend_pid()");

        const PromptConversionResult on
            = PromptEncryption(d.connection).enable(DataKey::generate(), options(2000));
        QVERIFY2(on.ok(), qPrintable(on.message));
        QCOMPARE(d.db.scalar("SELECT enabled::text FROM ai_prompt_encryption"),
                 QStringLiteral("true"));
        // the reader went on: the same session, still in its transaction, its snapshot whole
        QCOMPARE(d.db.scalar("SELECT state FROM pg_stat_activity WHERE pid = $1", {pid}),
                 QStringLiteral("idle in transaction"));
        QCOMPARE(reader.c().scalar(
                     "SELECT string_agg(system_prompt, '|' ORDER BY prompt_id) FROM ai_prompts"),
                 seen);
        QVERIFY(reader.c().exec("COMMIT").ok());
        // and nothing of the plain texts is left in the statistics, now or after ANALYZE
        QCOMPARE(reader.c().scalar(kLeaks), QStringLiteral("0"));
        QVERIFY(d.db.witness().exec("ANALYZE ai_prompts").ok());
        QVERIFY(d.db.witness().exec("ANALYZE ai_prompt_versions").ok());
        QCOMPARE(reader.c().scalar(kLeaks), QStringLiteral("0"));
        QCOMPARE(d.count("SELECT count(*) FROM ai_prompts WHERE NOT "
                         "ai_prompt_text_is_envelope(system_prompt)"),
                 0);
    }

    // The rewrite cannot lock ai_prompts while the reader holds it, nor make the old row
    // versions go while its snapshot may see them: it says which session, since when, and
    // what to do; the reader is not blocked and goes on.
    void theRewriteNamesTheReaderThatHoldsIt()
    {
        PromptDatabase d(QStringLiteral("tst_promptenablereaders"));
        Role reader(d.db, Role::Kind::SelectOnly);
        QVERIFY(!startReading(reader).isEmpty());
        const QString pid = reader.c().scalar("SELECT pg_backend_pid()");
        QVERIFY(PromptEncryption(d.connection).enable(DataKey::generate(), options(2000)).ok());
        const PromptTableRewrite::RewriteOutcome r = PromptTableRewrite(d.connection).run(300);
        QVERIFY(!r.ok());
        QCOMPARE(r.error.arg(QStringLiteral("table")).toString(), QStringLiteral("ai_prompts"));
        for (const QString &said :
             {QStringLiteral("pid %1").arg(pid), QStringLiteral("\"platform report\""),
              QStringLiteral("role %1").arg(reader.name()),
              QStringLiteral("in a transaction since "),
              QStringLiteral("VACUUM FULL ai_prompts, ai_prompt_versions")})
            QVERIFY2(r.message.contains(said), qPrintable(r.message));
        QCOMPARE(r.error.arg(QStringLiteral("holders")).toList().size(), 1);
        QCOMPARE(d.db.scalar("SELECT state FROM pg_stat_activity WHERE pid = $1", {pid}),
                 QStringLiteral("idle in transaction"));
        QVERIFY(reader.c().exec("COMMIT").ok());
        // the reader gone, the rewrite runs
        const PromptTableRewrite::RewriteOutcome again = PromptTableRewrite(d.connection).run(5000);
        QVERIFY2(again.ok(), qPrintable(again.message));
    }
};

QTEST_GUILESS_MAIN(TestPromptEnableReaders)
#include "tst_promptenablereaders.moc"
