// PromptEncryption against a real PostgreSQL: enabling seals every stored system prompt
// (ai_prompts and ai_prompt_versions) in one transaction without new versions, and a second
// connection finds no plaintext in any column of the prompt tables; disabling restores the
// exact texts; the state and an audit_logs row per change are recorded; a wrong key, a
// tampered ciphertext or a failure in the middle of the conversion writes nothing; migration
// 0014 keeps versions immutable for everything but the conversion and refuses plaintext while
// the encryption is on.
#include "crypto/cryptofailure.h"
#include "crypto/datakey.h"
#include "crypto/keychainidentity.h"
#include "crypto/promptencryption.h"
#include "crypto/promptenvelope.h"
#include "platformdatabase.h"
#include "prompts/promptdigest.h"
#include "prompts/promptseeder.h"
#include "prompts/promptseedfile.h"

#include <QRandomGenerator>
#include <QScopeGuard>
#include <QtTest>

using namespace uaip;
using namespace uaip::test;

namespace {

PromptEncryption::Options options()
{
    return {QStringLiteral("tester"), QStringLiteral("tst_promptencryption")};
}

// A migrated database with the bundled prompts, each with a second version.
struct Prompts : PlatformDatabase
{
    Prompts()
        : PlatformDatabase(QStringLiteral("tst_promptencryption"))
    {
        PromptSeedFile file;
        if (!file.load(PromptSeedFile::bundledPath()))
            qFatal("seed file");
        const PromptSeedReport r = PromptSeeder(connection).run(file, PromptSeeder::Options{});
        if (!r.ok())
            qFatal("seed: %s", qPrintable(r.message));
        // A second version per prompt, as the prompt editor writes it.
        PgResult rows = db.witness().exec(
            "SELECT id::text, system_prompt, user_prompt_template FROM ai_prompts");
        for (int i = 0; i < rows.rows(); ++i) {
            const QString text = rows.value(i, 1) + QStringLiteral("\nSecond edition %1.").arg(i);
            const std::optional<QString> tpl
                = rows.isNull(i, 2) ? std::nullopt : std::optional<QString>(rows.value(i, 2));
            PgResult w = db.witness().exec(
                "INSERT INTO ai_prompt_versions (prompt_id, version_no, system_prompt, "
                "user_prompt_template, content_sha256) VALUES ($1::uuid, 2, $2, $3, $4)",
                {rows.value(i, 0), text, tpl ? QVariant(*tpl) : QVariant(),
                 PromptDigest::contentSha256(text, tpl)});
            if (!w.ok())
                qFatal("version 2: %s", qPrintable(w.error().toString()));
            w = db.witness().exec(
                "UPDATE ai_prompts SET system_prompt = $2, current_version = 2 WHERE id = $1::uuid",
                {rows.value(i, 0), text});
            if (!w.ok())
                qFatal("current 2: %s", qPrintable(w.error().toString()));
        }
    }

    // table -> every row as text, ordered: what the database holds, compared before/after.
    QStringList snapshot()
    {
        QStringList out;
        for (const char *q :
             {"SELECT id, system_prompt, current_version, updated_at FROM ai_prompts ORDER BY id",
              "SELECT t::text FROM ai_prompt_versions t ORDER BY id",
              "SELECT t::text FROM ai_prompt_encryption t", "SELECT count(*) FROM audit_logs"}) {
            PgResult r = db.witness().exec(q);
            for (int i = 0; i < r.rows(); ++i) {
                QStringList row;
                for (int c = 0; c < r.columns(); ++c)
                    row << r.value(i, c);
                out << row.join(u'|');
            }
        }
        return out;
    }

    // Plain system texts by table, keyed by row id.
    QMap<QString, QString> texts(const char *table)
    {
        QMap<QString, QString> m;
        PgResult r
            = db.witness().execScript(QByteArray("SELECT id::text, system_prompt FROM ") + table);
        for (int i = 0; i < r.rows(); ++i)
            m.insert(r.value(i, 0), r.value(i, 1));
        return m;
    }

    // Rows of the prompt tables whose text form (every column, the tsvector too) contains s.
    int rowsContaining(const QString &s)
    {
        return db
            .scalar("SELECT (SELECT count(*) FROM ai_prompts t WHERE strpos(t::text, $1) > 0) + "
                    "(SELECT count(*) FROM ai_prompt_versions t WHERE strpos(t::text, $1) > 0)",
                    {s})
            .toInt();
    }
};

} // namespace

class TstPromptEncryption : public QObject
{
    Q_OBJECT

private slots:
    void enableDisableRoundTrip()
    {
        Prompts p;
        const auto prompts = p.texts("ai_prompts");
        const auto versions = p.texts("ai_prompt_versions");
        QCOMPARE(prompts.size(), 4);
        QCOMPARE(versions.size(), 8);
        const QString checksums = p.db.scalar(
            "SELECT string_agg(content_sha256, ',' ORDER BY id) FROM ai_prompt_versions");
        const DataKey key = DataKey::generate();

        PromptEncryption enc(p.connection);
        const PromptConversionResult on = enc.enable(key, options());
        QVERIFY2(on.ok(), qPrintable(on.message));
        QCOMPARE(on.promptsConverted, 4);
        QCOMPARE(on.versionsConverted, 8);

        // Through a second connection: no plaintext of any prompt text anywhere in the rows.
        for (const QString &text : versions) {
            for (int at = 0; at + 40 <= text.size(); at += 200)
                QCOMPARE(p.rowsContaining(text.mid(at, 40)), 0);
            QCOMPARE(p.rowsContaining(text.section(u'\n', -1)), 0); // "Second edition i."
        }
        QCOMPARE(p.db.scalar("SELECT count(*) FROM ai_prompt_versions WHERE system_prompt NOT LIKE "
                             "'uaipenc:1:' || $1 || ':%'",
                             {key.id()}),
                 QStringLiteral("0"));
        QCOMPARE(p.db.scalar("SELECT count(*) FROM ai_prompts WHERE system_prompt NOT LIKE "
                             "'uaipenc:1:' || $1 || ':%'",
                             {key.id()}),
                 QStringLiteral("0"));
        // No new versions; each digest keyed (none left as the plain SHA-256, migration 0019);
        // each envelope opens to its own text.
        QCOMPARE(p.db.scalar("SELECT count(*) FROM ai_prompt_versions WHERE content_sha256 = ANY "
                             "(string_to_array($1, ','))",
                             {checksums}),
                 QStringLiteral("0"));
        PgResult sealed = p.db.witness().exec(
            "SELECT id::text, prompt_id::text, version_no, system_prompt FROM ai_prompt_versions");
        for (int i = 0; i < sealed.rows(); ++i) {
            const Result<QString> open = PromptEnvelope::open(
                key, sealed.value(i, 3), sealed.value(i, 1), sealed.value(i, 2).toInt());
            QVERIFY2(open.ok(), qPrintable(open.ok() ? QString() : open.error().toString()));
            QCOMPARE(*open, versions.value(sealed.value(i, 0)));
        }
        QCOMPARE(p.db.scalar("SELECT enabled::text || ' ' || key_id FROM ai_prompt_encryption"),
                 QStringLiteral("true ") + key.id());
        QCOMPARE(p.db.scalar("SELECT count(*) FROM audit_logs WHERE action = "
                             "'ai_prompt.encryption_enable' AND new_values->>'key_id' = $1 AND "
                             "metadata->>'console_user' = 'tester' AND "
                             "(metadata->>'versions_converted')::int = 8 AND "
                             "metadata->>'database_user' = current_user",
                             {key.id()}),
                 QStringLiteral("1"));
        const PromptEncryptionStatus s = enc.status();
        QVERIFY(s.ok());
        QVERIFY(s.enabled);
        QCOMPARE(s.keyId, key.id());
        QCOMPARE(s.encryptedVersions, 8);
        QCOMPARE(s.plainVersions, 0);

        // Enabling again is nothing to do; another key is refused.
        const PromptConversionResult again = enc.enable(key, options());
        QVERIFY(again.ok() && again.alreadyInState);
        QCOMPARE(enc.enable(DataKey::generate(), options()).outcome,
                 PromptConversionResult::Outcome::WrongKey);

        const PromptConversionResult off = enc.disable(key, options());
        QVERIFY2(off.ok(), qPrintable(off.message));
        QCOMPARE(off.versionsConverted, 8);
        QCOMPARE(p.texts("ai_prompts"), prompts);
        QCOMPARE(p.db.scalar("SELECT string_agg(content_sha256, ',' ORDER BY id) FROM "
                             "ai_prompt_versions"),
                 checksums); // the plain SHA-256 again
        QCOMPARE(p.texts("ai_prompt_versions"), versions);
        QCOMPARE(p.db.scalar("SELECT count(*) FROM ai_prompt_versions"), QStringLiteral("8"));
        QCOMPARE(p.db.scalar("SELECT enabled::text FROM ai_prompt_encryption"),
                 QStringLiteral("false"));
        QCOMPARE(p.db.scalar("SELECT count(*) FROM audit_logs WHERE action = "
                             "'ai_prompt.encryption_disable' AND old_values->>'enabled' = 'true'"),
                 QStringLiteral("1"));
        // The full-text search works on the plain text again.
        QCOMPARE(p.db.scalar("SELECT count(*) FROM ai_prompts WHERE search_vector @@ "
                             "plainto_tsquery('english', 'edition')"),
                 QStringLiteral("4"));
    }

    void disableWithTheWrongKeyWritesNothing()
    {
        Prompts p;
        const DataKey key = DataKey::generate();
        PromptEncryption enc(p.connection);
        QVERIFY(enc.enable(key, options()).ok());
        const QStringList before = p.snapshot();
        const PromptConversionResult r = enc.disable(DataKey::generate(), options());
        QCOMPARE(r.outcome, PromptConversionResult::Outcome::WrongKey);
        QVERIFY2(r.message.contains(key.id()), qPrintable(r.message));
        QCOMPARE(p.snapshot(), before);
    }

    void tamperedCiphertextWritesNothing()
    {
        Prompts p;
        const DataKey key = DataKey::generate();
        PromptEncryption enc(p.connection);
        QVERIFY(enc.enable(key, options()).ok());
        // Someone moves version 1's envelope onto version 2 of the same prompt (same key,
        // valid envelope, wrong associated data). Only possible bypassing the triggers.
        PgResult t = p.db.witness().execScript(
            "ALTER TABLE ai_prompt_versions DISABLE TRIGGER USER;"
            "UPDATE ai_prompt_versions v SET system_prompt = o.system_prompt "
            "FROM ai_prompt_versions o WHERE o.prompt_id = v.prompt_id AND o.version_no = 1 "
            "AND v.version_no = 2 AND v.id = (SELECT min(id::text)::uuid FROM ai_prompt_versions "
            "WHERE version_no = 2);"
            "ALTER TABLE ai_prompt_versions ENABLE TRIGGER USER");
        QVERIFY2(t.ok(), qPrintable(t.error().toString()));
        const QStringList before = p.snapshot();
        const PromptConversionResult r = enc.disable(key, options());
        QCOMPARE(r.outcome, PromptConversionResult::Outcome::Failed);
        QCOMPARE(CryptoFailure::kindOf(r.error), QString(CryptoFailure::kAuthenticationFailed));
        QCOMPARE(r.error.code(), ErrorCode::Refused);
        QVERIFY2(r.message.contains(QStringLiteral("version 2")), qPrintable(r.message));
        QCOMPARE(p.snapshot(), before);
    }

    void failureMidConversionWritesNothing()
    {
        Prompts p;
        // The server refuses the update of the 6th version, after 4 prompts and 5 versions.
        const QString victim = p.db.scalar("SELECT id::text FROM ai_prompt_versions ORDER BY "
                                           "prompt_id, version_no OFFSET 5 LIMIT 1");
        PgResult t = p.db.witness().execScript(
            QStringLiteral("CREATE FUNCTION fail_once() RETURNS trigger LANGUAGE plpgsql AS $$ "
                           "BEGIN RAISE EXCEPTION 'disk on fire' USING ERRCODE = '58030'; END $$;"
                           "CREATE TRIGGER zz_fail BEFORE UPDATE ON ai_prompt_versions FOR EACH "
                           "ROW WHEN (NEW.id = '%1') EXECUTE FUNCTION fail_once()")
                .arg(victim)
                .toUtf8());
        QVERIFY2(t.ok(), qPrintable(t.error().toString()));
        const QStringList before = p.snapshot();
        const PromptConversionResult r
            = PromptEncryption(p.connection).enable(DataKey::generate(), options());
        QCOMPARE(r.outcome, PromptConversionResult::Outcome::Failed);
        QCOMPARE(r.error.sqlState(), QStringLiteral("58030"));
        QVERIFY2(r.message.contains(victim), qPrintable(r.message));
        QCOMPARE(p.snapshot(), before);
        QCOMPARE(p.db.scalar("SELECT count(*) FROM ai_prompt_versions WHERE "
                             "ai_prompt_text_is_envelope(system_prompt)"),
                 QStringLiteral("0"));
        // The connection is usable again, and without the saboteur it works.
        QVERIFY(p.db.witness().exec("DROP TRIGGER zz_fail ON ai_prompt_versions").ok());
        QVERIFY(PromptEncryption(p.connection).enable(DataKey::generate(), options()).ok());
    }

    // A writer in the middle of a transaction on the prompt tables: the conversion waits at
    // most lockTimeoutMs, then gives up having written nothing.
    void busyTablesTimeOut()
    {
        Prompts p;
        PgConnection &w = p.db.witness();
        QVERIFY(w.exec("BEGIN").ok());
        QVERIFY(w.exec("UPDATE ai_prompts SET is_active = is_active").ok());
        PromptEncryption::Options o = options();
        o.lockTimeoutMs = 300;
        const PromptConversionResult r
            = PromptEncryption(p.connection).enable(DataKey::generate(), o);
        QCOMPARE(r.outcome, PromptConversionResult::Outcome::Failed);
        QCOMPARE(r.error.sqlState(), QStringLiteral("55P03"));
        QVERIFY(w.exec("ROLLBACK").ok());
        QCOMPARE(p.db.scalar("SELECT enabled::text FROM ai_prompt_encryption"),
                 QStringLiteral("false"));
        QCOMPARE(p.db.scalar("SELECT count(*) FROM ai_prompt_versions WHERE "
                             "ai_prompt_text_is_envelope(system_prompt)"),
                 QStringLiteral("0"));
    }

    void versionsStayImmutable()
    {
        Prompts p;
        PgConnection &w = p.db.witness();
        // Outside a conversion: refused.
        PgResult r = w.exec("UPDATE ai_prompt_versions SET system_prompt = 'uaipenc:1:x' WHERE "
                            "version_no = 1");
        QCOMPARE(r.error().sqlState, QStringLiteral("23001"));
        QVERIFY(w.exec("BEGIN").ok());
        QVERIFY(w.exec("SELECT ai_prompt_encryption_begin(true, '0123456789abcdef')").ok());
        // Inside one (migration 0018), but another column changes too: refused.
        r = w.exec("UPDATE ai_prompt_versions SET change_note = 'x' WHERE version_no = 1");
        QCOMPARE(r.error().sqlState, QStringLiteral("23001"));
        QVERIFY(w.exec("ROLLBACK").ok());
        // The digest alone (migration 0019 lets it change only with the text): refused.
        QVERIFY(w.exec("BEGIN").ok());
        QVERIFY(w.exec("SELECT ai_prompt_encryption_begin(true, '0123456789abcdef')").ok());
        r = w.exec("UPDATE ai_prompt_versions SET content_sha256 = repeat('b', 64) WHERE "
                   "version_no = 1");
        QCOMPARE(r.error().sqlState, QStringLiteral("23001"));
        QVERIFY(w.exec("ROLLBACK").ok());
        // Encryption on: a plain text is refused in both tables, an envelope accepted.
        const DataKey key = DataKey::generate();
        QVERIFY(PromptEncryption(p.connection).enable(key, options()).ok());
        const QString prompt = p.db.scalar("SELECT id::text FROM ai_prompts LIMIT 1");
        r = w.exec("INSERT INTO ai_prompt_versions (prompt_id, version_no, system_prompt, "
                   "content_sha256) VALUES ($1::uuid, 3, 'plain', repeat('a', 64))",
                   {prompt});
        QCOMPARE(r.error().sqlState, QStringLiteral("23514"));
        r = w.exec("UPDATE ai_prompts SET system_prompt = 'plain' WHERE id = $1::uuid", {prompt});
        QCOMPARE(r.error().sqlState, QStringLiteral("23514"));
        const QString sealed
            = PromptEnvelope::seal(key, QStringLiteral("third"), prompt, 3).value();
        r = w.exec(
            "INSERT INTO ai_prompt_versions (prompt_id, version_no, system_prompt, "
            "content_sha256) VALUES ($1::uuid, 3, $2, $3)",
            {prompt, sealed, PromptDigest::contentSha256(QStringLiteral("third"), std::nullopt)});
        QVERIFY2(r.ok(), qPrintable(r.error().toString()));
        // Disabling then needs the third version to open too: it does.
        const PromptConversionResult off = PromptEncryption(p.connection).disable(key, options());
        QVERIFY2(off.ok(), qPrintable(off.message));
        QCOMPARE(p.db.scalar("SELECT system_prompt FROM ai_prompt_versions WHERE version_no = 3"),
                 QStringLiteral("third"));
        // Encryption off: plain text is accepted again.
        r = w.exec("UPDATE ai_prompts SET system_prompt = 'plain again' WHERE id = $1::uuid",
                   {prompt});
        QVERIFY2(r.ok(), qPrintable(r.error().toString()));
    }

    // Point 8 of issue 20: hashing the bundled seed file matches no encrypted row: the digest
    // of a sealed version is keyed (HMAC under a key derived from the data key).
    void seedFileDigestsMatchNoEncryptedRow()
    {
        Prompts p;
        PromptSeedFile file;
        QVERIFY(file.load(PromptSeedFile::bundledPath()));
        QStringList digests;
        for (const PromptSeed &seed : file.prompts())
            digests << PromptDigest::contentSha256(seed.systemPrompt, seed.userPromptTemplate);
        QCOMPARE(digests.size(), 4);
        const QByteArray matches = "SELECT count(*) FROM ai_prompt_versions WHERE content_sha256 "
                                   "= ANY (string_to_array($1, ','))";
        QCOMPARE(p.db.scalar(matches, {digests.join(u',')}), QStringLiteral("4")); // plain: all
        QVERIFY(PromptEncryption(p.connection).enable(DataKey::generate(), options()).ok());
        QCOMPARE(p.db.scalar(matches, {digests.join(u',')}), QStringLiteral("0"));
    }

    // The key ring is named after the database uuid (migration 0014), which stays with the
    // database through a rename or a restore; the name of earlier versions is still listed.
    void identityNamesTheDatabase()
    {
        Prompts p;
        const KeychainIdentity id = KeychainIdentity::read(p.connection);
        QVERIFY2(id.ok(), qPrintable(id.error.toString()));
        QCOMPARE(id.source, QStringLiteral("database_uuid"));
        QCOMPARE(id.identity,
                 QStringLiteral("uaip-db:")
                     + p.db.scalar("SELECT database_uuid::text FROM ai_prompt_encryption"));
        QCOMPARE(id.entryFor(QStringLiteral("0123456789abcdef")),
                 id.identity + QStringLiteral("/key/0123456789abcdef"));
        QCOMPARE(id.legacyEntries.size(), 2);
        QVERIFY(id.legacyEntries.first().startsWith(QStringLiteral("pg:")));
        QVERIFY(id.legacyEntries.first().endsWith(u'/' + p.db.name()));
        QCOMPARE(id.legacyEntries.last(), id.identity);
    }

    // A role without any privilege names the same ring; where a server revoked
    // pg_control_system(), only the legacy name of that kind is missing.
    void identityForAPlainRole()
    {
        Prompts p;
        const QString role
            = QStringLiteral("uaip_plain_%1").arg(QRandomGenerator::global()->generate());
        PgConnection &w = p.db.witness();
        QVERIFY(
            w.exec("CREATE ROLE " + w.quoteIdentifier(role) + " LOGIN PASSWORD 'uaip-test-login'")
                .ok());
        QVERIFY(w.exec("GRANT SELECT ON ai_prompt_encryption TO " + w.quoteIdentifier(role)).ok());
        auto cleanup = qScopeGuard([&] {
            w.exec("GRANT EXECUTE ON FUNCTION pg_control_system() TO PUBLIC");
            w.exec("REVOKE ALL ON ai_prompt_encryption FROM " + w.quoteIdentifier(role));
            w.exec("DROP ROLE " + w.quoteIdentifier(role));
        });
        const KeychainIdentity super = KeychainIdentity::read(p.connection);
        QVERIFY(w.exec("REVOKE EXECUTE ON FUNCTION pg_control_system() FROM PUBLIC").ok());
        PgConnection plain;
        QVERIFY(plain.open(p.db.conninfo() + QStringLiteral(" user=") + role));
        const KeychainIdentity id = KeychainIdentity::read(plain);
        QVERIFY2(id.ok(), qPrintable(id.error.toString()));
        QCOMPARE(id.identity, super.identity);
        QCOMPARE(id.legacyEntries, QStringList{id.identity});
        // Inside a transaction the refusal does not abort it.
        QVERIFY(plain.exec("BEGIN").ok());
        QCOMPARE(KeychainIdentity::read(plain).identity, id.identity);
        QVERIFY(plain.exec("SELECT 1").ok());
        QVERIFY(plain.exec("ROLLBACK").ok());
    }
};

QTEST_GUILESS_MAIN(TstPromptEncryption)
#include "tst_promptencryption.moc"
