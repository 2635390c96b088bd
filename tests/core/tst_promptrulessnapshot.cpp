// Issue 57, points 7 and 9 and the low item on the served settings (migration 0023): what the
// application role (a non-owner with DML on every table, its own libpq session) can no longer
// do against the prompt rules:
//  - write plain text after `prompts encryption enable` committed, from a REPEATABLE READ
//    transaction whose snapshot was taken before it (the rules read the state through a row
//    lock the conversion takes too: the write fails with a serialization failure, nothing plain
//    is stored); a READ COMMITTED writer that holds its write when the enable starts makes the
//    enable wait, and its text is converted with the others;
//  - forge a version's author and creation time (the session's login role and the transaction's
//    time are stored, the claim kept apart, and `prompts history` marks it);
//  - change the served model_preference, temperature or max_tokens without a version.
#include "crypto/datakey.h"
#include "crypto/promptencryption.h"
#include "promptroletestutil.h"
#include "prompttestutil.h"
#include "uaipmigratetestutil.h"
#include "waitfor.h"

#include <QJsonArray>

#include <thread>

using namespace uaip;
using namespace uaip::test;

namespace {

const QString kCoach = QStringLiteral("reference-coach-v1");

struct Db : PromptDatabase
{
    Db()
        : PromptDatabase(QStringLiteral("tst_promptrulessnapshot"))
    {
        saveDraftOfTheCoach(*this);
    }
    PromptEncryption::Options options() const
    {
        PromptEncryption::Options o{QStringLiteral("t"), QStringLiteral("t")};
        o.lockTimeoutMs = 60000; // the writer, not the timeout, decides when the enable goes on
        return o;
    }
    // The texts stored plain in both tables, and whether the encryption is on.
    QString plainLeft()
    {
        return db.scalar(
            "SELECT (SELECT count(*) FROM ai_prompts WHERE NOT "
            "ai_prompt_text_is_envelope(system_prompt)) || '/' || (SELECT count(*) FROM "
            "ai_prompt_versions WHERE NOT ai_prompt_text_is_envelope(system_prompt)) || '/' || "
            "(SELECT enabled::text FROM ai_prompt_encryption)");
    }
    QString settings()
    {
        return db.scalar("SELECT model_preference || '|' || temperature || '|' || max_tokens "
                         "|| '|' || current_version FROM ai_prompts WHERE prompt_id = $1",
                         {kCoach});
    }
};

const QByteArray kPlainPrompt
    = "INSERT INTO ai_prompts (prompt_id, name, prompt_type, system_prompt, model_preference) "
      "VALUES ($1, 'Snapshot', 'verification', 'PLAIN SECRET', 'm')";
const QByteArray kPlainVersion
    = "INSERT INTO ai_prompt_versions (prompt_id, version_no, system_prompt, model_preference, "
      "content_sha256) SELECT id, $2, 'PLAIN SECRET', 'm', ai_prompt_content_sha256('PLAIN "
      "SECRET', NULL) FROM ai_prompts WHERE prompt_id = $1";

// The version's author, whether created_at is the writer's transaction time, and its claims.
const QByteArray kInsertClaiming
    = "INSERT INTO ai_prompt_versions (prompt_id, version_no, system_prompt, content_sha256, "
      "author, created_at) SELECT id, 3, 'version three', ai_prompt_content_sha256('version "
      "three', NULL), 'uaip_owner', '2020-01-01 00:00:00+00' FROM ai_prompts WHERE prompt_id = "
      "$1 RETURNING (created_at = now())::text";
const QByteArray kAuthorOf = "SELECT v.author || '|' || coalesce(v.claimed_author, '-') || '|' "
                             "|| coalesce((v.claimed_created_at = '2020-01-01 00:00:00+00')::text, "
                             "'-') FROM ai_prompt_versions v JOIN ai_prompts p ON p.id = "
                             "v.prompt_id WHERE p.prompt_id = $1 AND v.version_no = $2";

} // namespace

class TestPromptRulesSnapshot : public QObject
{
    Q_OBJECT

private slots:
    // Point 7: transactions whose snapshot predates the enable write nothing plain after it.
    void repeatableReadSnapshotMeetsTheEnable()
    {
        Db d;
        Role prompts(d.db, Role::Kind::Application);
        Role versions(d.db, Role::Kind::Application);
        for (Role *r : {&prompts, &versions}) {
            QVERIFY(r->c().exec("BEGIN ISOLATION LEVEL REPEATABLE READ").ok());
            // the snapshot: taken by the first statement, the encryption off in it
            QCOMPARE(r->c().scalar("SELECT enabled::text FROM ai_prompt_encryption"),
                     QStringLiteral("false"));
        }
        const PromptConversionResult on
            = PromptEncryption(d.connection).enable(DataKey::generate(), d.options());
        QVERIFY2(on.ok(), qPrintable(on.message));
        QCOMPARE(d.plainLeft(), QStringLiteral("0/0/true"));

        PgResult p = prompts.c().exec(kPlainPrompt, {QStringLiteral("snapshot-leak")});
        const QString pState = p.ok() ? QString() : p.error().sqlState;
        const QString pWhy = p.ok() ? QString() : p.error().message;
        prompts.c().exec("COMMIT");
        PgResult v = versions.c().exec(kPlainVersion, {kCoach, 3});
        const QString vState = v.ok() ? QString() : v.error().sqlState;
        const QString vWhy = v.ok() ? QString() : v.error().message;
        versions.c().exec("COMMIT");
        QVERIFY2(!pState.isEmpty(), "a plain prompt was written after the enable committed");
        QVERIFY2(pState == QLatin1String("40001"), qPrintable(pState + u' ' + pWhy));
        QVERIFY2(!vState.isEmpty(), "a plain version was written after the enable committed");
        QVERIFY2(vState == QLatin1String("40001"), qPrintable(vState + u' ' + vWhy));
        QCOMPARE(d.plainLeft(), QStringLiteral("0/0/true"));
        QCOMPARE(d.count("SELECT count(*) FROM ai_prompts WHERE prompt_id = 'snapshot-leak'"), 0);

        // Retried (a snapshot taken after the enable), the rule itself refuses it.
        QVERIFY(prompts.c().exec("BEGIN ISOLATION LEVEL REPEATABLE READ").ok());
        const QString why = refusal(prompts.c(), kPlainPrompt, {QStringLiteral("snapshot-leak")});
        prompts.c().exec("ROLLBACK");
        QVERIFY2(why.contains(QLatin1String("encryption is on"))
                     && why.contains(QLatin1String("snapshot-leak")),
                 qPrintable(why));
        QCOMPARE(d.plainLeft(), QStringLiteral("0/0/true"));
    }

    // Point 7, the lock order: a READ COMMITTED writer holding its write when the enable starts
    // makes the enable wait; after the writer's COMMIT the enable converts its text too.
    void readCommittedWriterFirstIsConverted()
    {
        Db d;
        Role app(d.db, Role::Kind::Application);
        QVERIFY(app.c().exec("BEGIN").ok());
        QVERIFY(app.c().exec(kPlainPrompt, {QStringLiteral("early")}).ok());
        QVERIFY(app.c().exec(kPlainVersion, {QStringLiteral("early"), 1}).ok());
        const int owner = d.connection.backendPid();
        const DataKey key = DataKey::generate();
        const PromptEncryption::Options options = d.options();
        PromptConversionResult on;
        std::thread enabling([&] { on = PromptEncryption(d.connection).enable(key, options); });
        // (No QVERIFY until the thread is joined.)
        const bool waited = waitFor(
            [&] {
                return d.db.scalar("SELECT count(*) FROM pg_stat_activity WHERE pid = $1 AND "
                                   "wait_event_type = 'Lock'",
                                   {owner})
                    == QLatin1String("1");
            },
            30000);
        const bool committed = app.c().exec("COMMIT").ok();
        enabling.join();
        QVERIFY2(waited, "the enable did not wait for the writer's lock");
        QVERIFY(committed);
        QVERIFY2(on.ok(), qPrintable(on.message));
        QCOMPARE(d.plainLeft(), QStringLiteral("0/0/true"));
        QCOMPARE(d.count("SELECT count(*) FROM ai_prompts WHERE prompt_id = 'early'"), 1);
    }

    // Point 9: the author and the time are the session's; what the row said is a claim, and
    // `prompts history` marks it. Versions stay immutable, claims included.
    void forgedAuthorAndTimeAreKeptAsAClaim()
    {
        Db d;
        Role app(d.db, Role::Kind::Application);
        QCOMPARE(app.c().scalar(kInsertClaiming, {kCoach}), QStringLiteral("true"));
        QCOMPARE(d.db.scalar(kAuthorOf, {kCoach, 3}),
                 app.name() + QStringLiteral("|uaip_owner|true"));
        // claiming nothing: no claim
        QVERIFY(app.c()
                    .exec("INSERT INTO ai_prompt_versions (prompt_id, version_no, system_prompt, "
                          "content_sha256) SELECT id, 4, 'four', ai_prompt_content_sha256('four', "
                          "NULL) FROM ai_prompts WHERE prompt_id = $1",
                          {kCoach})
                    .ok());
        QCOMPARE(d.db.scalar(kAuthorOf, {kCoach, 4}), app.name() + QStringLiteral("|-|-"));
        // immutable: neither the author, the time nor the claim changes
        for (const QByteArray &set :
             {QByteArray("author = 'uaip_owner'"), QByteArray("created_at = '2020-01-01'"),
              QByteArray("claimed_author = NULL, claimed_created_at = NULL")}) {
            const QString why = refusal(app.c(),
                                        "UPDATE ai_prompt_versions v SET " + set
                                            + " FROM ai_prompts p WHERE p.id = v.prompt_id AND "
                                              "p.prompt_id = $1 AND v.version_no = 3",
                                        {kCoach});
            QVERIFY2(why.contains(QLatin1String("immutable")), qPrintable(set + ": " + why));
        }
        QCOMPARE(d.db.scalar(kAuthorOf, {kCoach, 3}),
                 app.name() + QStringLiteral("|uaip_owner|true"));
        // the owner (here the superuser) stays outside: an import keeps its history's authors
        QVERIFY(d.db.witness()
                    .exec("INSERT INTO ai_prompt_versions (prompt_id, version_no, system_prompt, "
                          "content_sha256, author) SELECT id, 5, 'five', "
                          "ai_prompt_content_sha256('five', NULL), 'imported-alice' FROM "
                          "ai_prompts WHERE prompt_id = $1",
                          {kCoach})
                    .ok());
        QCOMPARE(d.db.scalar(kAuthorOf, {kCoach, 5}), QStringLiteral("imported-alice|-|-"));

        Run r = migrate(d.db.conninfo(),
                        {QStringLiteral("prompts"), QStringLiteral("history"), kCoach});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        // "  N    <created> <author> <checksum> <note>[ (claimed: ...)]"
        const auto versionLine = [&r](int no) {
            const QString head = QStringLiteral("  ") + QString::number(no).leftJustified(4) + u' ';
            for (const QString &line : r.out.split(u'\n'))
                if (line.startsWith(head))
                    return line;
            return QString();
        };
        QVERIFY2(versionLine(3).contains(app.name())
                     && versionLine(3).contains(QLatin1String(
                         "(claimed: author uaip_owner, created 2020-01-01 00:00:00 UTC)")),
                 qPrintable(r.out));
        QVERIFY2(versionLine(4).contains(app.name())
                     && !versionLine(4).contains(QLatin1String("claimed")),
                 qPrintable(r.out));
        QVERIFY2(versionLine(5).contains(QLatin1String("imported-alice"))
                     && !versionLine(5).contains(QLatin1String("claimed")),
                 qPrintable(r.out));
        r = migrate(d.db.conninfo(),
                    {QStringLiteral("--json"), QStringLiteral("prompts"), QStringLiteral("history"),
                     kCoach});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        int seen = 0;
        for (const QJsonValue &v : r.json().value(QStringLiteral("versions")).toArray()) {
            const QJsonObject o = v.toObject();
            const int no = o.value(QStringLiteral("version")).toInt();
            if (no == 3) {
                ++seen;
                QCOMPARE(o.value(QStringLiteral("author")).toString(), app.name());
                QCOMPARE(o.value(QStringLiteral("claimed_author")).toString(),
                         QStringLiteral("uaip_owner"));
                QCOMPARE(o.value(QStringLiteral("claimed_created_at")).toString(),
                         QStringLiteral("2020-01-01T00:00:00Z"));
            } else if (no == 4) {
                ++seen;
                QVERIFY(o.value(QStringLiteral("claimed_author")).isNull());
                QVERIFY(o.value(QStringLiteral("claimed_created_at")).isNull());
            }
        }
        QCOMPARE(seen, 2);
    }

    // The low item: the served settings change only with a version, as the texts.
    void servedSettingsChangeOnlyWithAVersion()
    {
        Db d;
        Role app(d.db, Role::Kind::Application);
        const QString before = d.settings();
        const QList<QPair<QByteArray, QString>> attacks{
            {"model_preference = 'evil-model'", QStringLiteral("ai_prompts.model_preference")},
            {"temperature = 1", QStringLiteral("ai_prompts.temperature")},
            {"max_tokens = 7", QStringLiteral("ai_prompts.max_tokens")}};
        for (const auto &[set, column] : attacks) {
            const QString why = refusal(
                app.c(), "UPDATE ai_prompts SET " + set + " WHERE prompt_id = $1", {kCoach});
            QVERIFY2(why.contains(kCoach) && why.contains(column), qPrintable(set + ": " + why));
        }
        QCOMPARE(d.settings(), before);
        // the platform's counters pass
        QVERIFY(app.c()
                    .exec("UPDATE ai_prompts SET usage_count = usage_count + 1 WHERE prompt_id "
                          "= $1",
                          {kCoach})
                    .ok());
        // through a version, published with its texts and settings: passes
        QVERIFY(app.c().exec("BEGIN").ok());
        QVERIFY(app.c()
                    .exec("INSERT INTO ai_prompt_versions (prompt_id, version_no, system_prompt, "
                          "model_preference, temperature, max_tokens, content_sha256) SELECT id, "
                          "3, 'three', 'other-model', 0.2, 1000, ai_prompt_content_sha256('three', "
                          "NULL) FROM ai_prompts WHERE prompt_id = $1",
                          {kCoach})
                    .ok());
        QVERIFY(app.c()
                    .exec("UPDATE ai_prompts SET system_prompt = 'three', user_prompt_template = "
                          "NULL, model_preference = 'other-model', temperature = 0.2, max_tokens = "
                          "1000, current_version = 3 WHERE prompt_id = $1",
                          {kCoach})
                    .ok());
        const QString why = refusal(app.c(), "COMMIT");
        QVERIFY2(why.isEmpty(), qPrintable(why));
        QCOMPARE(d.settings(), QStringLiteral("other-model|0.20|1000|3"));
        // a version's texts served with another version's settings: refused
        QVERIFY(app.c().exec("BEGIN").ok());
        QVERIFY(app.c()
                    .exec("UPDATE ai_prompts p SET system_prompt = v.system_prompt, "
                          "user_prompt_template = v.user_prompt_template, current_version = 1 "
                          "FROM ai_prompt_versions v WHERE v.prompt_id = p.id AND v.version_no = 1 "
                          "AND p.prompt_id = $1",
                          {kCoach})
                    .ok());
        const QString mixed = refusal(app.c(), "COMMIT");
        QVERIFY2(mixed.contains(kCoach) && mixed.contains(QLatin1String("ai_prompts.")),
                 qPrintable(mixed));
        QCOMPARE(d.settings(), QStringLiteral("other-model|0.20|1000|3"));
        // with encryption on, too (the settings are never sealed); the counters still pass
        QVERIFY(PromptEncryption(d.connection).enable(DataKey::generate(), d.options()).ok());
        const QString sealed = refusal(
            app.c(), "UPDATE ai_prompts SET max_tokens = 7 WHERE prompt_id = $1", {kCoach});
        QVERIFY2(sealed.contains(kCoach) && sealed.contains(QLatin1String("ai_prompts.max_tokens")),
                 qPrintable(sealed));
        QVERIFY(app.c().exec("UPDATE ai_prompts SET usage_count = usage_count + 1").ok());
        QCOMPARE(d.settings(), QStringLiteral("other-model|0.20|1000|3"));
    }
};

QTEST_GUILESS_MAIN(TestPromptRulesSnapshot)
#include "tst_promptrulessnapshot.moc"
