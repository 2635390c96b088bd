// Issue 41, points 1, 3 and 5 (migration 0022): what the application role (a non-owner with DML
// on every table) can no longer do, each tried from its own libpq session:
//  - replace the text the platform serves without a version (plain: refused at COMMIT, naming
//    the prompt; encrypted: a junk envelope, another prompt's envelope, a version of its own
//    are refused at once), while publishing a version and the platform's own counters pass;
//  - forge the audit's author (metadata.database_user is the session's login role, and
//    `prompts history` says so);
//  - wedge `prompts encryption enable` with a version whose digest is not its text's.
#include "crypto/datakey.h"
#include "crypto/promptencryption.h"
#include "promptroletestutil.h"
#include "prompts/promptlabels.h"
#include "prompts/promptstore.h"
#include "prompttestutil.h"
#include "uaipmigratetestutil.h"

using namespace uaip;
using namespace uaip::test;

namespace {

const QString kCoach = QStringLiteral("reference-coach-v1");

struct Db : PromptDatabase
{
    Db()
        : PromptDatabase(QStringLiteral("tst_prompttrust"))
    {
        saveDraftOfTheCoach(*this);
    }
    QString served()
    {
        return db.scalar("SELECT md5(system_prompt) || current_version FROM "
                         "ai_prompts WHERE prompt_id = 'reference-coach-v1'");
    }
    PromptEncryption::Options options() const { return {QStringLiteral("t"), QStringLiteral("t")}; }
};

} // namespace

class TestPromptTrust : public QObject
{
    Q_OBJECT

private slots:
    // Point 1, encryption off: the served text is a version's, at every COMMIT.
    void servedTextIsAVersion()
    {
        Db d;
        Role app(d.db, Role::Kind::Application);
        const QString before = d.served();
        QString why = refusal(app.c(),
                              "UPDATE ai_prompts SET system_prompt = 'EVIL served text, no "
                              "version' WHERE prompt_id = $1",
                              {kCoach});
        QVERIFY2(why.contains(kCoach) && why.contains(QLatin1String("not its version 1")),
                 qPrintable(why));
        // pointing at an existing version without its text
        why = refusal(app.c(), "UPDATE ai_prompts SET current_version = 2 WHERE prompt_id = $1",
                      {kCoach});
        QVERIFY2(why.contains(kCoach), qPrintable(why));
        // a version that does not exist
        why = refusal(app.c(), "UPDATE ai_prompts SET current_version = 9 WHERE prompt_id = $1",
                      {kCoach});
        QVERIFY2(why.contains(QLatin1String("not one of its versions")), qPrintable(why));
        // two prompts renamed into each other's keys (each row its own versions')
        QVERIFY(app.c().exec("BEGIN").ok());
        why = refusal(app.c(),
                      "UPDATE ai_prompts SET prompt_id = prompt_id || '-x' WHERE prompt_id = $1",
                      {kCoach});
        app.c().exec("ROLLBACK");
        QVERIFY2(why.contains(QLatin1String("key of prompt")), qPrintable(why));
        // in a transaction: the COMMIT is refused, nothing stays
        QVERIFY(app.c().exec("BEGIN").ok());
        QVERIFY(
            app.c()
                .exec("UPDATE ai_prompts SET system_prompt = 'EVIL' WHERE prompt_id = $1", {kCoach})
                .ok());
        QVERIFY(!refusal(app.c(), "COMMIT").isEmpty());
        QCOMPARE(d.served(), before);
        // what passes: the platform's counters, and publishing version 2 with its text (and,
        // since migration 0023, its settings)
        QVERIFY(app.c()
                    .exec("UPDATE ai_prompts SET usage_count = usage_count + 1 WHERE prompt_id "
                          "= $1",
                          {kCoach})
                    .ok());
        why = refusal(app.c(),
                      "UPDATE ai_prompts p SET system_prompt = v.system_prompt, "
                      "user_prompt_template = v.user_prompt_template, model_preference = "
                      "v.model_preference, temperature = v.temperature, max_tokens = "
                      "v.max_tokens, current_version = 2 FROM ai_prompt_versions v WHERE "
                      "v.prompt_id = p.id AND v.version_no = 2 AND p.prompt_id = $1",
                      {kCoach});
        QVERIFY2(why.isEmpty(), qPrintable(why));
        QCOMPARE(d.db.scalar("SELECT system_prompt FROM ai_prompts WHERE prompt_id = $1", {kCoach}),
                 QStringLiteral("version two"));
    }

    // Point 1, encryption on: a sealed text cannot be checked, so the role writes none.
    void sealedTextsOnlyFromTheOwner()
    {
        Db d;
        const DataKey key = DataKey::generate();
        const PromptConversionResult on = PromptEncryption(d.connection).enable(key, d.options());
        QVERIFY2(on.ok(), qPrintable(on.message));
        Role app(d.db, Role::Kind::Application);
        const QString before = d.served();
        const QString junk
            = QStringLiteral("uaipenc:1:%1:AAAAAAAAAAAAAAAA::AAAAAAAAAAAAAAAAAAAAAA").arg(key.id());
        QString why
            = refusal(app.c(), "UPDATE ai_prompts SET system_prompt = $1 WHERE prompt_id = $2",
                      {junk, kCoach});
        QVERIFY2(why.contains(QLatin1String("encryption is on")), qPrintable(why));
        why = refusal(app.c(),
                      "UPDATE ai_prompts SET system_prompt = (SELECT system_prompt FROM "
                      "ai_prompts WHERE prompt_id <> $1 LIMIT 1) WHERE prompt_id = $1",
                      {kCoach});
        QVERIFY2(why.contains(QLatin1String("encryption is on")), qPrintable(why));
        why = refusal(app.c(),
                      "INSERT INTO ai_prompt_versions (prompt_id, version_no, system_prompt, "
                      "content_sha256) SELECT id, 3, $1, repeat('ab', 32) FROM ai_prompts WHERE "
                      "prompt_id = $2",
                      {junk, kCoach});
        QVERIFY2(why.contains(QLatin1String("encryption is on")), qPrintable(why));
        QCOMPARE(d.served(), before);
        QVERIFY(app.c().exec("UPDATE ai_prompts SET usage_count = usage_count + 1").ok());
    }

    // A prompt with a protected label is not deleted by the role (then inserted again under
    // the same key with any text).
    void protectedPromptNotDeletedByTheRole()
    {
        Db d;
        PromptLabels::Move m;
        m.promptId = kCoach;
        m.label = QStringLiteral("staging");
        m.versionNo = 1;
        m.setProtected = true;
        QVERIFY(PromptLabels(d.connection).move(m, d.actor()).ok());
        Role app(d.db, Role::Kind::Application);
        const QString why
            = refusal(app.c(), "DELETE FROM ai_prompts WHERE prompt_id = $1", {kCoach});
        QVERIFY2(why.contains(QLatin1String("protected label")), qPrintable(why));
        QCOMPARE(d.count("SELECT count(*) FROM ai_prompts WHERE prompt_id = 'reference-coach-v1'"),
                 1);
    }

    // Point 5: a plain version whose digest is not its text's is refused when written, so
    // enable is never wedged by one; a certified version of the role's goes through enable.
    void noVersionWedgesEnable()
    {
        Db d;
        Role app(d.db, Role::Kind::Application);
        const QString why = refusal(app.c(),
                                    "INSERT INTO ai_prompt_versions (prompt_id, version_no, "
                                    "system_prompt, content_sha256) SELECT id, 3, 'x', "
                                    "repeat('ab', 32) FROM ai_prompts WHERE prompt_id = $1",
                                    {kCoach});
        QVERIFY2(why.contains(QLatin1String("content_sha256")), qPrintable(why));
        QVERIFY(app.c()
                    .exec("INSERT INTO ai_prompt_versions (prompt_id, version_no, system_prompt, "
                          "content_sha256) SELECT id, 3, 'x', ai_prompt_content_sha256('x', "
                          "NULL) FROM ai_prompts WHERE prompt_id = $1",
                          {kCoach})
                    .ok());
        const PromptConversionResult on
            = PromptEncryption(d.connection).enable(DataKey::generate(), d.options());
        QVERIFY2(on.ok(), qPrintable(on.message));
    }

    // Point 3: the audit's author is the session's, whatever the row says; the label
    // history's console user is a claim, shown as one.
    void auditAuthorFromTheSession()
    {
        Db d;
        Role app(d.db, Role::Kind::Application);
        QVERIFY(app.c()
                    .exec("INSERT INTO audit_logs (actor_type, action, entity_type, entity_id, "
                          "severity, metadata) SELECT 'user', 'ai_prompt.label_confirmed', "
                          "'ai_prompts', id, 'high', '{\"database_user\": \"uaip_owner\", "
                          "\"console_user\": \"alice\"}' FROM ai_prompts WHERE prompt_id = $1",
                          {kCoach})
                    .ok());
        QCOMPARE(d.db.scalar("SELECT metadata->>'database_user' || '|' || (metadata->>'role') "
                             "|| '|' || (metadata->>'console_user') FROM audit_logs WHERE action "
                             "= 'ai_prompt.label_confirmed'"),
                 app.name() + u'|' + app.name() + QStringLiteral("|alice"));
        // what the row said is kept, as a claim
        QCOMPARE(d.db.scalar("SELECT metadata->>'claimed_database_user' FROM audit_logs WHERE "
                             "action = 'ai_prompt.label_confirmed'"),
                 QStringLiteral("uaip_owner"));
        const Run r = migrate(d.db.conninfo(),
                              {QStringLiteral("prompts"), QStringLiteral("history"), kCoach});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("ai_prompt.label_confirmed by ") + app.name()),
                 qPrintable(r.out));
        QVERIFY2(!r.out.contains(QLatin1String("uaip_owner")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QLatin1String("claimed")), qPrintable(r.out));
    }
};

QTEST_GUILESS_MAIN(TestPromptTrust)
#include "tst_prompttrust.moc"
