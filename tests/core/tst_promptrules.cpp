// The prompt rules of migration 0018 and the core paths that meet them, against a real
// PostgreSQL. Every attack comes from a plain second connection (the witness), as psql, the
// Entities grid or the platform would send it:
//  - protected labels move, vanish or lose their protection only with the transaction's
//    confirmation (ai_prompt_label_move(), migration 0021), and "production" always agrees with the
//    row the platform serves (is_active, current_version);
//  - seeding (--update) refuses to move a protected "production" unless confirmed, naming the
//    prompt, and writes audit rows (prompts and personas); an import reports and audits the
//    personas it inserts and refuses a text that looks like an envelope;
//  - the text conversion cannot be opened by a session setting, only by the SECURITY DEFINER
//    functions, and only for well-formed envelopes of the key being enabled;
//  - while encryption is off no stored system prompt may start with "uaipenc:";
//  - audit_logs is append-only and ai_prompt_encryption changes only through the conversion;
//  - a save decides encrypt-or-not from the state row in its own transaction;
//  - exports are created 0600 with O_EXCL | O_NOFOLLOW (PrivateFile).
#include "crypto/datakey.h"
#include "crypto/envelopepromptcodec.h"
#include "crypto/promptencryption.h"
#include "prompts/promptactor.h"
#include "prompts/promptexporter.h"
#include "prompts/promptimporter.h"
#include "prompts/promptlabels.h"
#include "prompts/promptstore.h"
#include "prompttestutil.h"
#include "util/privatefile.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QTemporaryDir>

#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace uaip;
using namespace uaip::test;

namespace {

const QString kCoach = QStringLiteral("reference-coach-v1");
// The owner's confirmed move (migration 0021): this transaction may move the coach's
// protected "production".
const char *const kConfirmProduction
    = "SELECT ai_prompt_label_move('reference-coach-v1', 'production', NULL, NULL, "
      "current_database(), '{}')";

struct Db : PromptDatabase
{
    Db()
        : PromptDatabase(QStringLiteral("tst_promptrules"))
    { }
    PgConnection &w() { return db.witness(); }
    QString production()
    {
        return db.scalar("SELECT l.version_no::text || '/' || l.is_protected::text FROM "
                         "ai_prompt_labels l JOIN ai_prompts p ON p.id = l.prompt_id "
                         "WHERE p.prompt_id = $1 AND l.label = 'production'",
                         {kCoach});
    }
    QString current()
    {
        return db.scalar("SELECT current_version::text FROM ai_prompts WHERE prompt_id = $1",
                         {kCoach});
    }
    QString uuid()
    {
        return db.scalar("SELECT id::text FROM ai_prompts WHERE prompt_id = $1", {kCoach});
    }
    PromptSaveRequest request(const QString &text, int expected)
    {
        PromptSaveRequest r;
        r.promptId = kCoach;
        r.expectedLatestVersion = expected;
        r.content.systemPrompt = text;
        r.content.modelPreference = QStringLiteral("claude-sonnet-4-5");
        r.changeNote = QStringLiteral("note");
        return r;
    }
    // Saves version 2, promotes it and protects "production".
    void protectProduction()
    {
        const auto s
            = PromptStore(connection).save(request(QStringLiteral("version two"), 1), actor());
        if (!s.ok())
            qFatal("save: %s", qPrintable(s.error().toString()));
        PromptLabels::Move m;
        m.promptId = kCoach;
        m.label = PromptLabel::production();
        m.versionNo = 2;
        m.setProtected = true;
        const auto r = PromptLabels(connection).move(m, actor());
        if (!r.ok())
            qFatal("protect: %s", qPrintable(r.error().toString()));
    }
    // The bundled seed file with the coach's system prompt changed (and optionally a persona).
    QByteArray seedJson(const QString &coachText, const QString &newPersona = {})
    {
        QFile f(PromptSeedFile::bundledPath());
        if (!f.open(QIODevice::ReadOnly))
            qFatal("seed file");
        QJsonObject root = QJsonDocument::fromJson(f.readAll()).object();
        QJsonArray prompts = root.value(QStringLiteral("prompts")).toArray();
        for (int i = 0; i < prompts.size(); ++i) {
            QJsonObject p = prompts.at(i).toObject();
            if (p.value(QStringLiteral("prompt_id")).toString() == kCoach) {
                p.insert(QStringLiteral("system_prompt"), coachText);
                prompts.replace(i, p);
            }
        }
        root.insert(QStringLiteral("prompts"), prompts);
        if (!newPersona.isEmpty()) {
            QJsonArray personas = root.value(QStringLiteral("personas")).toArray();
            QJsonObject p = personas.at(0).toObject();
            p.insert(QStringLiteral("name"), newPersona);
            personas.append(p);
            root.insert(QStringLiteral("personas"), personas);
        }
        return QJsonDocument(root).toJson();
    }
};

// Runs sql on the witness and returns the server's message ("" = accepted).
QString refusal(PgConnection &c, const QByteArray &sql, const QVariantList &params = {})
{
    PgResult r = c.exec(sql, params);
    return r.ok() ? QString() : r.error().message;
}

// Runs sql on the witness and returns the server's SQLSTATE ("" = accepted).
QString refusalState(PgConnection &c, const QByteArray &sql)
{
    PgResult r = c.exec(sql);
    return r.ok() ? QString() : r.error().sqlState;
}

} // namespace

class TestPromptRules : public QObject
{
    Q_OBJECT

private slots:
    // Point 3: the database refuses what the console refuses.
    void protectedLabelRefusedFromPlainSql()
    {
        Db d;
        d.protectProduction();
        QCOMPARE(d.production(), QStringLiteral("2/true"));
        const QVariantList coach{d.uuid()};
        // The review's attack: move it back and unprotect it in one statement.
        QString why = refusal(d.w(),
                              "UPDATE ai_prompt_labels SET version_no = 1, is_protected = false "
                              "WHERE prompt_id = $1::uuid",
                              coach);
        QVERIFY2(why.contains(QStringLiteral("is protected")), qPrintable(why));
        QVERIFY2(why.contains(kCoach), qPrintable(why));
        why = refusal(d.w(),
                      "UPDATE ai_prompt_labels SET is_protected = false WHERE prompt_id = $1::uuid",
                      coach);
        QVERIFY2(why.contains(QStringLiteral("is protected")), qPrintable(why));
        why = refusal(d.w(), "DELETE FROM ai_prompt_labels WHERE prompt_id = $1::uuid", coach);
        QVERIFY2(why.contains(QStringLiteral("is protected")), qPrintable(why));
        // Through the prompt row: publishing another version or deactivating moves/removes it.
        why = refusal(d.w(), "UPDATE ai_prompts SET current_version = 1 WHERE prompt_id = $1",
                      {kCoach});
        QVERIFY2(why.contains(QStringLiteral("is protected")), qPrintable(why));
        why = refusal(d.w(), "UPDATE ai_prompts SET is_active = false WHERE prompt_id = $1",
                      {kCoach});
        QVERIFY2(why.contains(QStringLiteral("is protected")), qPrintable(why));
        QVERIFY(!refusal(d.w(), "TRUNCATE ai_prompt_labels").isEmpty());
        QCOMPARE(d.production(), QStringLiteral("2/true"));
        QCOMPARE(d.current(), QStringLiteral("2"));
        // With the confirmation, "production" still moves only with the row it mirrors.
        QVERIFY(d.w().exec("BEGIN").ok());
        QVERIFY(d.w().exec(kConfirmProduction).ok());
        why = refusal(
            d.w(), "UPDATE ai_prompt_labels SET version_no = 1 WHERE prompt_id = $1::uuid", coach);
        QVERIFY2(why.contains(QStringLiteral("follows ai_prompts")), qPrintable(why));
        QVERIFY(d.w().exec("ROLLBACK").ok());
        QVERIFY(d.w().exec("BEGIN").ok());
        QVERIFY(d.w().exec(kConfirmProduction).ok());
        QCOMPARE(refusal(d.w(), "UPDATE ai_prompts SET current_version = 1 WHERE prompt_id = $1",
                         {kCoach}),
                 QString());
        QVERIFY(d.w().exec("COMMIT").ok());
        QCOMPARE(d.production(), QStringLiteral("1/true"));
        QCOMPARE(d.current(), QStringLiteral("1"));
        // A protected staging label: the same rule; the core passes with its confirmation.
        PromptLabels::Move m;
        m.promptId = kCoach;
        m.label = QStringLiteral("staging");
        m.versionNo = 2;
        m.setProtected = true;
        QVERIFY(PromptLabels(d.connection).move(m, Db::actor()).ok());
        why = refusal(d.w(), "UPDATE ai_prompt_labels SET version_no = 1 WHERE label = 'staging'");
        QVERIFY2(why.contains(QStringLiteral("\"staging\"")), qPrintable(why));
        m.versionNo = 1;
        m.setProtected.reset();
        QCOMPARE(PromptLabels(d.connection).move(m, Db::actor()).error().code(),
                 ErrorCode::NeedsConfirmation);
        m.confirmProtected = true;
        QVERIFY(PromptLabels(d.connection).move(m, Db::actor()).ok());
        // An unprotected "production" cannot be pointed elsewhere than current_version either.
        QCOMPARE(refusal(d.w(),
                         "SELECT ai_prompt_label_move('reference-coach-v1', 'production', NULL, "
                         "false, current_database(), '{}')"),
                 QString());
        why = refusal(d.w(),
                      "UPDATE ai_prompt_labels SET version_no = 2 WHERE label = "
                      "'production'");
        QVERIFY2(why.contains(QStringLiteral("follows ai_prompts")), qPrintable(why));
        // Deleting the prompt takes its labels with it.
        QCOMPARE(refusal(d.w(), "DELETE FROM ai_prompts WHERE prompt_id = $1", {kCoach}),
                 QString());
    }

    void seedUpdateRefusesProtectedProduction()
    {
        Db d;
        d.protectProduction();
        PromptSeedFile file;
        QVERIFY(file.parse(d.seedJson(QStringLiteral("A seeded text.")), QStringLiteral("s.json")));
        PromptSeeder::Options o;
        o.update = true;
        o.actor = Db::actor(QStringLiteral("seeder"));
        const PromptSeedReport refused = PromptSeeder(d.connection).run(file, o);
        QCOMPARE(refused.outcome, PromptSeedReport::Outcome::NeedsConfirmation);
        QVERIFY2(refused.message.contains(kCoach), qPrintable(refused.message));
        QCOMPARE(d.production(), QStringLiteral("2/true"));
        QCOMPARE(d.count("SELECT count(*) FROM ai_prompt_versions v JOIN ai_prompts p ON "
                         "p.id = v.prompt_id WHERE p.prompt_id = $1",
                         {kCoach}),
                 2);
        o.confirmProtected = true;
        const PromptSeedReport done = PromptSeeder(d.connection).run(file, o);
        QVERIFY2(done.ok(), qPrintable(done.message));
        QCOMPARE(d.production(), QStringLiteral("3/true"));
        QCOMPARE(d.current(), QStringLiteral("3"));
        QCOMPARE(d.count("SELECT count(*) FROM audit_logs WHERE action = 'ai_prompt.seed' "
                         "AND entity_id = $1::uuid AND new_values->>'version' = '3' "
                         "AND metadata->>'console_user' = 'seeder'",
                         {d.uuid()}),
                 1);
        QCOMPARE(d.db.scalar("SELECT console_user FROM ai_prompt_label_history WHERE "
                             "to_version = 3 AND label = 'production'"),
                 QStringLiteral("seeder"));
    }

    // Point 4: seeding and importing leave an audit trail; the actor is the OS account.
    void seedingAndImportAreAudited()
    {
        Db d; // seeded the bundled file with the default options
        const int prompts = d.count("SELECT count(*) FROM ai_prompts");
        const int personas = d.count("SELECT count(*) FROM personas");
        QVERIFY(prompts > 0 && personas > 0);
        QCOMPARE(d.count("SELECT count(*) FROM audit_logs WHERE action = 'ai_prompt.seed' "
                         "AND entity_type = 'ai_prompts'"),
                 prompts);
        QCOMPARE(d.count("SELECT count(*) FROM audit_logs WHERE action = 'persona.seed' "
                         "AND entity_type = 'personas'"),
                 personas);
        const auto r = PromptImporter(d.connection)
                           .importJson(d.seedJson(QStringLiteral("Imported text."),
                                                  QStringLiteral("Newcomer")),
                                       QStringLiteral("i.json"), false, Db::actor());
        QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().toString()));
        QCOMPARE(r.value().newPersonas, QStringList{QStringLiteral("Newcomer")});
        QCOMPARE(d.count("SELECT count(*) FROM audit_logs a JOIN personas p ON p.id = a.entity_id "
                         "WHERE a.action = 'persona.import' AND p.name = 'Newcomer' "
                         "AND a.metadata->>'console_user' = 'alice'"),
                 1);
        QCOMPARE(d.count("SELECT count(*) FROM audit_logs WHERE action = 'ai_prompt.import'"), 1);
    }

    void actorIsTheOsAccount()
    {
        const QByteArray saved = qgetenv("USER");
        auto restore = qScopeGuard([&] { qputenv("USER", saved); });
        qputenv("USER", "anyone");
        const passwd *pw = getpwuid(geteuid());
        QVERIFY(pw);
        QCOMPARE(PromptActor::current().consoleUser, QString::fromLocal8Bit(pw->pw_name));
    }

    void auditLogsAreAppendOnly()
    {
        Db d;
        QVERIFY(d.count("SELECT count(*) FROM audit_logs") > 0);
        QString why = refusal(d.w(), "DELETE FROM audit_logs");
        QVERIFY2(why.contains(QStringLiteral("append-only")), qPrintable(why));
        why = refusal(d.w(), "UPDATE audit_logs SET action = 'nothing happened'");
        QVERIFY2(why.contains(QStringLiteral("append-only")), qPrintable(why));
        why = refusal(d.w(), "TRUNCATE audit_logs");
        QVERIFY2(why.contains(QStringLiteral("append-only")), qPrintable(why));
    }

    void encryptionStateOnlyThroughTheConversion()
    {
        Db d;
        QString why = refusal(d.w(),
                              "UPDATE ai_prompt_encryption SET enabled = true, "
                              "key_id = '0123456789abcdef'");
        QVERIFY2(why.contains(QStringLiteral("ai_prompt_encryption changes only")),
                 qPrintable(why));
        why = refusal(d.w(), "DELETE FROM ai_prompt_encryption");
        QVERIFY2(!why.isEmpty(), "DELETE accepted");
        why = refusal(d.w(), "TRUNCATE ai_prompt_encryption");
        QVERIFY2(!why.isEmpty(), "TRUNCATE accepted");
        // Through the core: on, audited, off again.
        const DataKey key = DataKey::generate();
        QVERIFY(PromptEncryption(d.connection)
                    .enable(key, {QStringLiteral("t"), QStringLiteral("t")})
                    .ok());
        why = refusal(d.w(), "UPDATE ai_prompt_encryption SET enabled = false");
        QVERIFY2(why.contains(QStringLiteral("ai_prompt_encryption changes only")),
                 qPrintable(why));
        QCOMPARE(d.count("SELECT count(*) FROM audit_logs WHERE action = "
                         "'ai_prompt.encryption_enable' AND metadata->>'console_user' = 't'"),
                 1);
        QVERIFY(PromptEncryption(d.connection)
                    .disable(key, {QStringLiteral("t"), QStringLiteral("t")})
                    .ok());
        QCOMPARE(d.db.scalar("SELECT enabled::text FROM ai_prompt_encryption"),
                 QStringLiteral("false"));
    }

    // Point 5: a session setting no longer opens immutable versions.
    void conversionSettingCannotRewriteVersions()
    {
        Db d;
        QVERIFY(d.w().exec("SET uaip.prompt_text_conversion = 'on'").ok());
        QString why = refusal(d.w(),
                              "UPDATE ai_prompt_versions SET system_prompt = "
                              "'uaipenc:history rewritten' WHERE version_no = 1");
        QVERIFY2(!why.isEmpty(), "the version was rewritten");
        QVERIFY(d.w().exec("RESET uaip.prompt_text_conversion").ok());
        QCOMPARE(d.count("SELECT count(*) FROM ai_prompt_versions WHERE system_prompt LIKE "
                         "'uaipenc:%'"),
                 0);
        // Inside a conversion: only a well-formed envelope of the key being enabled.
        QVERIFY(d.w().exec("BEGIN").ok());
        QVERIFY(d.w().exec("SELECT ai_prompt_encryption_begin(true, '0123456789abcdef')").ok());
        why = refusal(d.w(),
                      "UPDATE ai_prompt_versions SET system_prompt = "
                      "'uaipenc:1:0123456789abcdef:forged' WHERE version_no = 1");
        QVERIFY2(!why.isEmpty(), "a malformed envelope was accepted");
        QVERIFY(d.w().exec("ROLLBACK").ok());
        // Begun, not finished: nothing commits.
        QVERIFY(d.w().exec("BEGIN").ok());
        QVERIFY(d.w().exec("SELECT ai_prompt_encryption_begin(true, '0123456789abcdef')").ok());
        why = refusal(d.w(), "COMMIT");
        QVERIFY2(why.contains(QStringLiteral("not finished")), qPrintable(why));
        // A role without the owner's rights cannot forge the marker, even granted every table.
        const QString role
            = QStringLiteral("uaip_rules_%1").arg(QRandomGenerator::global()->generate());
        const QByteArray q = d.w().quoteIdentifier(role);
        QVERIFY(d.w().exec("CREATE ROLE " + q).ok());
        auto cleanup = qScopeGuard([&] {
            d.w().exec("RESET ROLE");
            d.w().exec("REVOKE ALL ON ALL TABLES IN SCHEMA public FROM " + q);
            d.w().exec("DROP ROLE " + q);
        });
        QVERIFY(d.w().exec("GRANT ALL ON ALL TABLES IN SCHEMA public TO " + q).ok());
        QVERIFY(d.w().exec("SET ROLE " + q).ok());
        why = refusal(d.w(),
                      "INSERT INTO ai_prompt_encryption_conversions (enabling, key_id) "
                      "VALUES (true, '0123456789abcdef')");
        QVERIFY2(why.contains(QStringLiteral("written only by")), qPrintable(why));
        // insufficient_privilege
        QCOMPARE(refusalState(d.w(), "SELECT ai_prompt_encryption_begin(true, '0123456789abcdef')"),
                 QStringLiteral("42501"));
    }

    // Point 6: nothing plain may look like an envelope while encryption is off.
    void envelopeLookingTextRefusedWhileOff()
    {
        Db d;
        QString why = refusal(d.w(),
                              "UPDATE ai_prompts SET system_prompt = 'uaipenc:not really' "
                              "WHERE prompt_id = $1",
                              {kCoach});
        QVERIFY2(why.contains(QStringLiteral("encryption is off")), qPrintable(why));
        const auto r = PromptImporter(d.connection)
                           .importJson(d.seedJson(QStringLiteral("uaipenc:1:abc")),
                                       QStringLiteral("i.json"), false, Db::actor());
        QCOMPARE(r.error().code(), ErrorCode::BadInput);
        QVERIFY2(r.error().toString().contains(kCoach), qPrintable(r.error().toString()));
        QVERIFY2(r.error().toString().contains(QStringLiteral("uaipenc:")),
                 qPrintable(r.error().toString()));
        // Enabling works afterwards (nothing wedged it).
        QVERIFY(PromptEncryption(d.connection)
                    .enable(DataKey::generate(), {QStringLiteral("t"), QStringLiteral("t")})
                    .ok());
    }

    // Point 1: encrypt or not is decided in the write transaction.
    void saveFollowsTheStateNotTheCodec()
    {
        Db d;
        // A codec that always "encrypts", while the database says off: the text stays plain.
        ReversingCodec always;
        const auto s = PromptStore(d.connection, &always)
                           .save(d.request(QStringLiteral("plain while off"), 1), Db::actor());
        QVERIFY2(s.ok(), s.ok() ? "" : qPrintable(s.error().toString()));
        QCOMPARE(d.db.scalar("SELECT system_prompt FROM ai_prompt_versions WHERE version_no = 2 "
                             "AND prompt_id = $1::uuid",
                             {d.uuid()}),
                 QStringLiteral("plain while off"));
        // The review's race: this console's codec was built while encryption was on; another
        // console disables it; the next save here stores plain text, and enable works again.
        const DataKey key = DataKey::generate();
        const PromptEncryption::Options o{QStringLiteral("t"), QStringLiteral("t")};
        QVERIFY(PromptEncryption(d.connection).enable(key, o).ok());
        DataKeyLookup lookup;
        lookup.found = true;
        lookup.key = key;
        const EnvelopePromptCodec stale(PromptEncryption(d.connection).status(), lookup);
        QVERIFY(stale.encryptionOn());
        QVERIFY(PromptEncryption(d.w()).disable(key, o).ok());
        const auto after
            = PromptStore(d.connection, &stale)
                  .save(d.request(QStringLiteral("after the disable"), 2), Db::actor());
        QVERIFY2(after.ok(), after.ok() ? "" : qPrintable(after.error().toString()));
        QCOMPARE(d.db.scalar("SELECT system_prompt FROM ai_prompt_versions WHERE version_no = 3 "
                             "AND prompt_id = $1::uuid",
                             {d.uuid()}),
                 QStringLiteral("after the disable"));
        QCOMPARE(d.count("SELECT count(*) FROM ai_prompts WHERE system_prompt LIKE 'uaipenc:%'"),
                 0);
        const PromptConversionResult again = PromptEncryption(d.connection).enable(key, o);
        QVERIFY2(again.ok(), qPrintable(again.message));
        // And while on, the same stale-off codec seals with the key the state names.
        const auto sealed = PromptStore(d.connection, &stale)
                                .save(d.request(QStringLiteral("while on"), 3), Db::actor());
        QVERIFY2(sealed.ok(), sealed.ok() ? "" : qPrintable(sealed.error().toString()));
        QVERIFY(d.db.scalar("SELECT system_prompt FROM ai_prompt_versions WHERE version_no = 4 "
                            "AND prompt_id = $1::uuid",
                            {d.uuid()})
                    .startsWith(QStringLiteral("uaipenc:1:") + key.id()));
        // Without a codec while on: refused, nothing written.
        const auto none
            = PromptStore(d.connection).save(d.request(QStringLiteral("x"), 4), Db::actor());
        QCOMPARE(none.error().code(), ErrorCode::Locked);
    }

    // Point 9: exported prompt texts are owner-only files, never over a file or a symlink.
    void exportsArePrivateFiles()
    {
        Db d;
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("prompts.json"));
        const mode_t old = ::umask(0022);
        auto restore = qScopeGuard([old] { ::umask(old); });
        const auto r = PromptExporter(d.connection).exportFile({}, false, path);
        QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().toString()));
        struct stat st;
        QCOMPARE(::lstat(QFile::encodeName(path).constData(), &st), 0);
        QCOMPARE(int(st.st_mode & 0777), 0600);
        // An existing file is not overwritten.
        const auto again = PromptExporter(d.connection).exportFile({}, false, path);
        QVERIFY2(again.error().toString().contains(QStringLiteral("never overwritten")),
                 qPrintable(again.error().toString()));
        // A dangling symlink is refused, and its target is not created.
        const QString link = dir.filePath(QStringLiteral("link.json"));
        const QString target = dir.filePath(QStringLiteral("target.json"));
        QVERIFY(QFile::link(target, link));
        const auto linked = PromptExporter(d.connection).exportFile({}, false, link);
        QVERIFY2(!linked.ok(), "a symlink was followed");
        QVERIFY(!QFile::exists(target));
        // The helper itself: the same for any bytes.
        QVERIFY(!PrivateFile::write(link, "x").isEmpty());
        QCOMPARE(PrivateFile::write(dir.filePath(QStringLiteral("k")), "key"), QString());
        QCOMPARE(::stat(QFile::encodeName(dir.filePath(QStringLiteral("k"))).constData(), &st), 0);
        QCOMPARE(int(st.st_mode & 0777), 0600);
    }
};

QTEST_GUILESS_MAIN(TestPromptRules)
#include "tst_promptrules.moc"
