// PromptStore and PromptLister against a real PostgreSQL, checked through a second
// connection: the list (labels, latest, usage from ai_interactions, filters, full-text
// search), reading versions, saving a new version (one transaction: version row and audit
// row; no label moves, the served row stays), the concurrent-save conflict, a connection lost
// mid-save, bad fields, restore, and encrypted rows with and without a codec.
#include "prompts/promptdigest.h"
#include "prompts/promptexporter.h"
#include "prompts/promptlister.h"
#include "prompts/promptstore.h"
#include "prompttestutil.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace uaip;
using namespace uaip::test;

namespace {

const QString kCoach = QStringLiteral("reference-coach-v1");

struct Db : PromptDatabase
{
    Db()
        : PromptDatabase(QStringLiteral("tst_promptstore"))
    { }
    int versions() { return count("SELECT count(*) FROM ai_prompt_versions"); }
    int current(const QString &key = kCoach)
    {
        return count("SELECT current_version FROM ai_prompts WHERE prompt_id = $1", {key});
    }
    // Beyond the rows of the fixture's seeding.
    int audits() { return count("SELECT count(*) FROM audit_logs WHERE action NOT LIKE '%.seed'"); }
    PromptSaveRequest request(const QString &text, int expected = 1)
    {
        PromptSaveRequest r;
        r.promptId = kCoach;
        r.expectedLatestVersion = expected;
        r.content.systemPrompt = text;
        r.content.modelPreference = QStringLiteral("claude-sonnet-4-5");
        r.content.temperature = 0.4;
        r.content.maxTokens = 2048;
        r.changeNote = QStringLiteral("tighter wording");
        return r;
    }
};

const PromptSummary *find(const QList<PromptSummary> &list, const QString &key)
{
    for (const PromptSummary &s : list)
        if (s.promptId == key)
            return &s;
    return nullptr;
}

} // namespace

class TestPromptStore : public QObject
{
    Q_OBJECT

private slots:
    void listShowsLabelsAndUsage()
    {
        Db s;
        // Three interactions of the coach within the period (2 successful, 100 and 300 ms),
        // one outside it.
        QVERIFY(s.db.witness()
                    .exec("INSERT INTO users (email, role, password_hash) "
                          "VALUES ('u@x.org', 'user', 'x')")
                    .ok());
        QVERIFY(s.db.witness()
                    .exec("INSERT INTO ai_sessions (agent_id, user_id, session_type) "
                          "SELECT gen_random_uuid(), id, 'reference_coach' FROM users")
                    .ok());
        PgResult ins = s.db.witness().exec(
            "INSERT INTO ai_interactions (session_id, prompt_id, user_input, model_used, "
            "interaction_id, success, response_time_ms, created_at) "
            "SELECT (SELECT id FROM ai_sessions), p.id, 'q', 'm', 'int_' || n, n <> 3, n * 100, "
            "       CASE WHEN n = 4 THEN now() - interval '90 days' ELSE now() END "
            "FROM ai_prompts p, generate_series(1, 4) n WHERE p.prompt_id = $1",
            {kCoach});
        QVERIFY2(ins.ok(), ins.ok() ? "" : qPrintable(ins.error().toString()));
        const auto r = PromptLister(s.connection).list();
        QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().toString()));
        QCOMPARE(r.value().size(), 4);
        const PromptSummary *coach = find(r.value(), kCoach);
        QVERIFY(coach);
        QCOMPARE(coach->promptType, QStringLiteral("reference_coach"));
        QCOMPARE(coach->currentVersion, 1);
        QCOMPARE(coach->latestVersion, 1);
        QVERIFY(coach->isActive);
        QCOMPARE(coach->labels, (QMap<QString, int>{{QStringLiteral("production"), 1}}));
        QCOMPARE(coach->interactions, 3);
        QVERIFY(coach->successRate);
        QVERIFY(qAbs(*coach->successRate - 2.0 / 3.0) < 1e-9);
        QCOMPARE(*coach->meanLatencyMs, 200.0);
        const PromptSummary *other = find(r.value(), QStringLiteral("authenticity-analyzer-v1"));
        QCOMPARE(other->interactions, 0);
        QVERIFY(!other->successRate);
        QVERIFY(!coach->locked);
    }

    void listFiltersAndSearches()
    {
        Db s;
        PromptLister lister(s.connection);
        auto keys = [&](const PromptListFilter &f) {
            const auto r = lister.list(f);
            if (!r.ok())
                qFatal("%s", qPrintable(r.error().toString()));
            QStringList out;
            for (const PromptSummary &p : r.value())
                out << p.promptId;
            return out;
        };
        PromptListFilter f;
        f.search = QStringLiteral("authenticity");
        QVERIFY(keys(f).contains(QStringLiteral("authenticity-analyzer-v1")));
        f.search = QStringLiteral("job seekers"); // words of system prompts, stemmed
        QVERIFY(keys(f).contains(kCoach));
        QVERIFY(!keys(f).contains(QStringLiteral("authenticity-analyzer-v1")));
        // #21.13: a word being typed matches as a prefix, also past the stored stem
        // ('orchestr': the typed word's last few truncations match as whole lexemes)
        f.search = QStringLiteral("orchestrat");
        QVERIFY2(keys(f).contains(QStringLiteral("verification-orchestrator-v1")),
                 qPrintable(keys(f).join(u' ')));
        f.search = QStringLiteral("Orchestr");
        QVERIFY(keys(f).contains(QStringLiteral("verification-orchestrator-v1")));
        f.search = QStringLiteral("seeke");
        QVERIFY(keys(f).contains(kCoach));
        f.search = QStringLiteral("xorchestrat"); // a prefix, not a part
        QVERIFY(!keys(f).contains(QStringLiteral("verification-orchestrator-v1")));
        f.search = QStringLiteral("o'rchestrat"); // not one word: a web search, no prefix
        QCOMPARE(keys(f), QStringList{});
        f.search = QStringLiteral("reference-co"); // the start of an id
        QCOMPARE(keys(f), QStringList{kCoach});
        f.search = QStringLiteral("reference-c_ach"); // LIKE characters are literal
        QCOMPARE(keys(f), QStringList{});
        f = {};
        f.promptType = QStringLiteral("verification");
        QCOMPARE(keys(f), QStringList{QStringLiteral("verification-orchestrator-v1")});
        f = {};
        f.label = QStringLiteral("staging");
        QCOMPARE(keys(f), QStringList{});
        f.label = QStringLiteral("production");
        QCOMPARE(keys(f).size(), 4);
        f = {};
        f.active = false;
        QCOMPARE(keys(f), QStringList{});
    }

    void usageCanFollowTheList()
    {
        Db s;
        QVERIFY(s.db.witness()
                    .exec("INSERT INTO users (email, role, password_hash) "
                          "VALUES ('u@x.org', 'user', 'x')")
                    .ok());
        QVERIFY(s.db.witness()
                    .exec("INSERT INTO ai_sessions (agent_id, user_id, session_type) "
                          "SELECT gen_random_uuid(), id, 'reference_coach' FROM users")
                    .ok());
        QVERIFY(s.db.witness()
                    .exec("INSERT INTO ai_interactions (session_id, prompt_id, user_input, "
                          "model_used, interaction_id, success, response_time_ms) "
                          "SELECT (SELECT id FROM ai_sessions), id, 'q', 'm', 'i1', true, 40 "
                          "FROM ai_prompts WHERE prompt_id = $1",
                          {kCoach})
                    .ok());
        PromptLister lister(s.connection);
        PromptListFilter f;
        f.withUsage = false;
        const auto list = lister.list(f);
        const PromptSummary *coach = find(list.value(), kCoach);
        QCOMPARE(coach->interactions, 0); // not aggregated
        const auto usage = lister.usage(f);
        QVERIFY(usage.ok());
        QCOMPARE(usage.value().size(), 1);
        QCOMPARE(usage.value().value(coach->id).interactions, 1);
        QCOMPARE(*usage.value().value(coach->id).meanLatencyMs, 40.0);
    }

    void getAndVersions()
    {
        Db s;
        PromptStore store(s.connection);
        const auto d = store.get(kCoach);
        QVERIFY2(d.ok(), d.ok() ? "" : qPrintable(d.error().toString()));
        QCOMPARE(d.value().version.versionNo, 1);
        QVERIFY(d.value().version.content.systemPrompt.startsWith(
            QStringLiteral("You are the Reference Coach")));
        QCOMPARE(d.value().versions.size(), 1);
        QCOMPARE(d.value().version.checksum,
                 PromptDigest::contentSha256(d.value().version.content.systemPrompt,
                                             d.value().version.content.userPromptTemplate));
        const auto missing = store.get(QStringLiteral("no-such-prompt"));
        QCOMPARE(missing.error().code(), ErrorCode::NotFound);
        QCOMPARE(missing.error().toString(),
                 QStringLiteral("no prompt with id \"no-such-prompt\""));
        const auto v9 = store.get(kCoach, 9);
        QCOMPARE(v9.error().code(), ErrorCode::NotFound);
        QCOMPARE(v9.error().toString(),
                 QStringLiteral("prompt \"reference-coach-v1\" has no version 9"));
    }

    void saveWritesOneVersionInOneTransaction()
    {
        Db s;
        PromptStore store(s.connection);
        const QString served
            = s.db.scalar("SELECT system_prompt FROM ai_prompts WHERE prompt_id = $1", {kCoach});
        const auto r = store.save(s.request(QStringLiteral("New text for {{seeker_name}}.")),
                                  Db::actor(QStringLiteral("alice")));
        QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().toString()));
        QCOMPARE(r.value().fromVersion, 1);
        QCOMPARE(r.value().versionNo, 2);
        // Checked through the witness.
        PgResult v = s.db.witness().exec(
            "SELECT v.author, v.change_note, v.content_sha256, v.system_prompt, v.temperature, "
            "       p.current_version, p.system_prompt, p.version, v.author = current_user "
            "FROM ai_prompt_versions v JOIN ai_prompts p ON p.id = v.prompt_id "
            "WHERE p.prompt_id = $1 AND v.version_no = 2",
            {kCoach});
        QCOMPARE(v.rows(), 1);
        QCOMPARE(v.value(0, 1), QStringLiteral("tighter wording"));
        QCOMPARE(v.value(0, 2),
                 PromptDigest::contentSha256(QStringLiteral("New text for {{seeker_name}}."), {}));
        QCOMPARE(v.value(0, 3), QStringLiteral("New text for {{seeker_name}}."));
        QCOMPARE(v.value(0, 4), QStringLiteral("0.40"));
        // Saving does not publish: the row the platform serves, its current_version and semver
        // label stay on version 1; the new version is only "latest".
        QCOMPARE(v.value(0, 5), QStringLiteral("1"));
        QCOMPARE(v.value(0, 6), served);
        QCOMPARE(v.value(0, 7), QStringLiteral("1.0.0"));
        QCOMPARE(v.value(0, 8), QStringLiteral("t"));
        QCOMPARE(store.get(kCoach).value().summary.latestVersion, 2);
        QCOMPARE(store.getLatest(kCoach).value().version.versionNo, 2);
        QCOMPARE(store.get(kCoach).value().version.versionNo, 1);
        // No label moved: production stays on 1, and the label history has no move.
        QCOMPARE(s.db.scalar("SELECT l.version_no FROM ai_prompt_labels l JOIN ai_prompts p "
                             "ON p.id = l.prompt_id WHERE p.prompt_id = $1 "
                             "AND l.label = 'production'",
                             {kCoach}),
                 QStringLiteral("1"));
        QCOMPARE(s.count("SELECT count(*) FROM ai_prompt_label_history "
                         "WHERE from_version IS NOT NULL"),
                 0);
        // (the seeding's own label rows name the seeder's OS account and the reason "seed")
        QCOMPARE(s.count("SELECT count(*) FROM ai_prompt_label_history WHERE reason = 'seed' "
                         "AND console_user IS NOT NULL AND from_version IS NULL"),
                 4);
        // audit_logs: who (database and console user), what
        PgResult a = s.db.witness().exec(
            "SELECT action, metadata ->> 'console_user', metadata ->> 'database_user' = "
            "current_user, new_values ->> 'version', old_values ->> 'version', "
            "new_values ->> 'note' FROM audit_logs WHERE action NOT LIKE '%.seed'");
        QCOMPARE(a.rows(), 1);
        QCOMPARE(a.value(0, 0), QStringLiteral("ai_prompt.version"));
        QCOMPARE(a.value(0, 1), QStringLiteral("alice"));
        QCOMPARE(a.value(0, 2), QStringLiteral("t"));
        QCOMPARE(a.value(0, 3), QStringLiteral("2"));
        QCOMPARE(a.value(0, 4), QStringLiteral("1"));
        QCOMPARE(a.value(0, 5), QStringLiteral("tighter wording"));
    }

    void badInputWritesNothing_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("note");
        QTest::addColumn<QString>("message");
        QTest::newRow("no note") << QStringLiteral("fine") << QString()
                                 << "prompt \"reference-coach-v1\": change note: required";
        QTest::newRow("unbalanced")
            << QStringLiteral("Hello\n{{name") << "n"
            << "prompt \"reference-coach-v1\": system_prompt:2:1: unclosed {{";
        QTest::newRow("NUL") << QStringLiteral("a") + QChar(u'\0') << "n"
                             << "prompt \"reference-coach-v1\": system_prompt: contains a NUL "
                                "character at position 2 (PostgreSQL text cannot hold it)";
        QTest::newRow("over 1 MiB")
            << QString(1024 * 1024 + 1, u'x') << "n"
            << "prompt \"reference-coach-v1\": system_prompt: 1048577 bytes, more than the limit "
               "of 1 MiB (1048576 bytes)";
    }

    void badInputWritesNothing()
    {
        QFETCH(QString, text);
        QFETCH(QString, note);
        QFETCH(QString, message);
        Db s;
        PromptSaveRequest req = s.request(text);
        req.changeNote = note;
        const auto r = PromptStore(s.connection).save(req, Db::actor());
        QCOMPARE(r.error().code(), ErrorCode::BadInput);
        QCOMPARE(r.error().toString(), message);
        QCOMPARE(s.versions(), 4);
        QCOMPARE(s.current(), 1);
        QCOMPARE(s.audits(), 0);
    }

    void secondConsoleGetsAConflict()
    {
        Db s;
        PgConnection other;
        QVERIFY(other.open(s.db.conninfo(), QStringLiteral("second console")));
        // Both consoles opened version 1; the first saves.
        QVERIFY(
            PromptStore(s.connection).save(s.request(QStringLiteral("first")), Db::actor()).ok());
        const auto r = PromptStore(other).save(s.request(QStringLiteral("second")),
                                               Db::actor(QStringLiteral("bob")));
        QCOMPARE(r.error().code(), ErrorCode::Conflict);
        QCOMPARE(r.error().toString(),
                 QStringLiteral("prompt \"reference-coach-v1\" was changed meanwhile: its newest "
                                "version is now 2, not 1 as when editing started. Nothing was "
                                "written; compare with version 2 and save again."));
        QCOMPARE(s.versions(), 5);
        QCOMPARE(s.db.scalar("SELECT v.system_prompt FROM ai_prompt_versions v JOIN ai_prompts p "
                             "ON p.id = v.prompt_id WHERE p.prompt_id = $1 AND v.version_no = 2",
                             {kCoach}),
                 QStringLiteral("first"));
        QCOMPARE(s.audits(), 1);
        // The second console's session is usable: from version 2 it saves version 3.
        const auto again = PromptStore(other).save(s.request(QStringLiteral("second"), 2),
                                                   Db::actor(QStringLiteral("bob")));
        QVERIFY2(again.ok(), again.ok() ? "" : qPrintable(again.error().toString()));
        QCOMPARE(again.value().versionNo, 3);
    }

    void lostConnectionMidSaveWritesNothing()
    {
        Db s;
        // The server ends the session of application "victim" as its version row arrives.
        QVERIFY(
            s.db.witness()
                .execScript("CREATE FUNCTION tst_kill() RETURNS trigger LANGUAGE plpgsql AS $$ "
                            "BEGIN IF current_setting('application_name') = 'victim' THEN "
                            "PERFORM pg_terminate_backend(pg_backend_pid()); PERFORM pg_sleep(5); "
                            "END IF; RETURN NEW; END $$")
                .ok());
        QVERIFY(s.db.witness()
                    .exec("CREATE TRIGGER tst_kill BEFORE INSERT ON ai_prompt_versions "
                          "FOR EACH ROW EXECUTE FUNCTION tst_kill()")
                    .ok());
        PgConnection victim;
        QVERIFY(victim.open(s.db.conninfo(), QStringLiteral("victim")));
        const auto r = PromptStore(victim).save(s.request(QStringLiteral("lost")), Db::actor());
        QCOMPARE(r.error().code(), ErrorCode::Connection);
        QVERIFY2(!r.error().toString().isEmpty(), "the loss is reported");
        QCOMPARE(s.versions(), 4);
        QCOMPARE(s.current(), 1);
        QCOMPARE(s.audits(), 0);
        QCOMPARE(s.count("SELECT count(*) FROM ai_prompt_label_history"), 4); // seeding's only
    }

    void restoreIsANewVersion()
    {
        Db s;
        PromptStore store(s.connection);
        const QString v1 = store.get(kCoach).value().version.content.systemPrompt;
        QVERIFY(store.save(s.request(QStringLiteral("changed")), Db::actor()).ok());
        const auto r = store.restore(kCoach, 1, 2, QString(), Db::actor());
        QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().toString()));
        QCOMPARE(r.value().versionNo, 3);
        QCOMPARE(s.current(), 1); // a restore is a save: nothing promoted
        const auto d = store.getLatest(kCoach);
        QCOMPARE(d.value().version.versionNo, 3);
        QCOMPARE(d.value().version.content.systemPrompt, v1);
        QCOMPARE(d.value().version.changeNote, QStringLiteral("restore of version 1"));
        QCOMPARE(d.value().version.checksum, store.version(kCoach, 1).value().checksum);
        QCOMPARE(d.value().versions.size(), 3); // history never rewritten
        QCOMPARE(s.db.scalar("SELECT action || ' ' || (new_values ->> 'restored_from') "
                             "FROM audit_logs ORDER BY created_at DESC, id LIMIT 1"),
                 QStringLiteral("ai_prompt.restore 1"));
    }

    void encryptedRowsWithoutACodecAreLocked()
    {
        Db s;
        // A row as the encryption helper stores it (an envelope), written behind our back (and
        // behind migration 0018's trigger, which refuses an envelope while encryption is off).
        QVERIFY(s.db.witness().exec("SET session_replication_role = replica").ok());
        QVERIFY(s.db.witness()
                    .exec("UPDATE ai_prompts SET system_prompt = 'uaipenc:v1:opaque' "
                          "WHERE prompt_id = 'reference-coach-v1'")
                    .ok());
        QVERIFY(s.db.witness().exec("SET session_replication_role = origin").ok());
        const auto list = PromptLister(s.connection).list();
        const PromptSummary *coach = find(list.value(), kCoach);
        QVERIFY(coach->locked);
        QCOMPARE(coach->lockReason, QStringLiteral("encrypted; no key loaded"));
        const auto save
            = PromptStore(s.connection).save(s.request(QStringLiteral("x")), Db::actor());
        QCOMPARE(save.error().code(), ErrorCode::Locked);
        QCOMPARE(s.versions(), 4);
        const auto exp = PromptExporter(s.connection).exportJson({kCoach}, true);
        QCOMPARE(exp.error().code(), ErrorCode::Locked);
        QCOMPARE(
            exp.error().toString(),
            QStringLiteral("prompt \"reference-coach-v1\" is locked: encrypted; no key loaded"));
        // With a codec that has no key: locked with its reason.
        ReversingCodec noKey;
        noKey.m_lockReason = QStringLiteral("no key for this database in the keychain");
        const auto locked = PromptLister(s.connection, &noKey).list();
        QCOMPARE(find(locked.value(), kCoach)->lockReason, noKey.m_lockReason);
    }

    void codecDecodesOnRead()
    {
        Db s;
        ReversingCodec codec;
        PromptStore store(s.connection, &codec);
        // Encryption is off in the database: a save stores the plain text whatever the codec
        // would do (tst_promptrules: the decision is the state row's, in the transaction).
        const auto r = store.save(s.request(QStringLiteral("secret plan")), Db::actor());
        QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().toString()));
        const QString id = r.value().id;
        QCOMPARE(s.db.scalar("SELECT system_prompt FROM ai_prompt_versions WHERE version_no = 2 "
                             "AND prompt_id = $1::uuid",
                             {id}),
                 QStringLiteral("secret plan"));
        // Envelopes (as the codec writes them) planted behind the triggers: read decoded.
        QVERIFY(s.db.witness().exec("SET session_replication_role = replica").ok());
        QVERIFY(s.db.witness()
                    .exec("UPDATE ai_prompts SET system_prompt = $2 WHERE id = $1::uuid",
                          {id, QStringLiteral("uaipenc:%1:2:nalp terces").arg(id)})
                    .ok());
        QVERIFY(s.db.witness()
                    .exec("UPDATE ai_prompt_versions SET system_prompt = $2 "
                          "WHERE prompt_id = $1::uuid AND version_no = 2",
                          {id, QStringLiteral("uaipenc:%1:2:nalp terces").arg(id)})
                    .ok());
        QVERIFY(s.db.witness().exec("SET session_replication_role = origin").ok());
        const auto d = store.getLatest(kCoach);
        QVERIFY(!d.value().version.locked);
        QCOMPARE(d.value().version.content.systemPrompt, QStringLiteral("secret plan"));
        // The checksum is of the plain text.
        QCOMPARE(d.value().version.checksum,
                 PromptDigest::contentSha256(QStringLiteral("secret plan"), {}));
        QVERIFY(s.db.witness().exec("SET session_replication_role = replica").ok());
        // A codec that cannot decode (tampered / bound elsewhere) leaves it locked with why.
        QVERIFY(s.db.witness()
                    .exec("UPDATE ai_prompts SET system_prompt = 'uaipenc:other:2:x' "
                          "WHERE id = $1",
                          {id})
                    .ok());
        QVERIFY(s.db.witness().exec("SET session_replication_role = origin").ok());
        const auto bad = PromptStore(s.connection, &codec).get(kCoach, {});
        QVERIFY(!bad.value().version.locked); // the version row itself is intact
        const auto exp = PromptExporter(s.connection, &codec).exportJson({kCoach}, true);
        QCOMPARE(exp.error().toString(),
                 QStringLiteral("prompt \"reference-coach-v1\": envelope bound elsewhere"));
        const auto plain = PromptExporter(s.connection, &codec).exportJson({kCoach}, false);
        QCOMPARE(plain.error().toString(),
                 QStringLiteral("prompt \"reference-coach-v1\" is encrypted; export it decrypted "
                                "only on purpose (--decrypt)"));
    }
};

QTEST_GUILESS_MAIN(TestPromptStore)
#include "tst_promptstore.moc"
