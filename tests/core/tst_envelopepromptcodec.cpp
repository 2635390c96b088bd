// EnvelopePromptCodec in the prompt core (PromptLister, PromptStore) against a real database
// with encryption on: without the key every prompt is listed and read as locked with the
// reason and cannot be saved; with it the texts read plain, and a saved version is stored as
// an envelope (a second connection finds no plaintext) whose checksum still certifies the
// plain text, so disabling opens it too.
#include "crypto/cryptofailure.h"
#include "crypto/datakey.h"
#include "crypto/envelopepromptcodec.h"
#include "crypto/promptencryption.h"
#include "platformdatabase.h"
#include "prompts/promptlister.h"
#include "prompts/promptseeder.h"
#include "prompts/promptseedfile.h"
#include "prompts/promptstore.h"

#include <QtTest>

using namespace uaip;
using namespace uaip::test;

namespace {

struct Encrypted : PlatformDatabase
{
    DataKey key = DataKey::generate();

    Encrypted()
        : PlatformDatabase(QStringLiteral("tst_envelopepromptcodec"))
    {
        PromptSeedFile file;
        if (!file.load(PromptSeedFile::bundledPath())
            || !PromptSeeder(connection).run(file, PromptSeeder::Options{}).ok())
            qFatal("seed failed");
        plain = db.scalar("SELECT system_prompt FROM ai_prompts WHERE prompt_id = "
                          "'reference-coach-v1'");
        const PromptConversionResult r
            = PromptEncryption(connection).enable(key, {QStringLiteral("t"), QStringLiteral("t")});
        if (!r.ok())
            qFatal("enable: %s", qPrintable(r.message));
    }
    EnvelopePromptCodec codec(const DataKeyLookup &lookup)
    {
        return EnvelopePromptCodec(PromptEncryption(connection).status(), lookup);
    }
    DataKeyLookup withKey() const { return {QStringLiteral("id"), key, true, Status()}; }
    static DataKeyLookup noKey() { return {QStringLiteral("id"), DataKey(), false, Status()}; }

    QString plain;
};

PromptSaveRequest request(const PromptDetail &d, const QString &text)
{
    PromptSaveRequest r;
    r.promptId = d.summary.promptId;
    r.expectedLatestVersion = d.summary.latestVersion;
    r.content = d.version.content;
    r.content.systemPrompt = text;
    r.changeNote = QStringLiteral("encrypted edit");
    return r;
}

} // namespace

class TstEnvelopePromptCodec : public QObject
{
    Q_OBJECT

private slots:
    void withoutTheKeyEverythingIsLocked()
    {
        Encrypted e;
        const EnvelopePromptCodec codec = e.codec(Encrypted::noKey());
        QVERIFY(codec.lockReason().contains(QStringLiteral("key import")));
        const auto list = PromptLister(e.connection, &codec).list();
        QVERIFY2(list.ok(), list.ok() ? "" : qPrintable(list.error().toString()));
        QCOMPARE(list.value().size(), 4);
        for (const PromptSummary &s : list.value()) {
            QVERIFY(s.locked);
            QCOMPARE(s.lockReason, codec.lockReason());
        }
        const auto d = PromptStore(e.connection, &codec).get(QStringLiteral("reference-coach-v1"));
        QVERIFY2(d.ok(), d.ok() ? "" : qPrintable(d.error().toString()));
        QVERIFY(d.value().version.locked);
        QVERIFY(d.value().version.content.systemPrompt.isEmpty());
        const QString before = e.db.scalar("SELECT count(*) FROM ai_prompt_versions");
        const auto saved = PromptStore(e.connection, &codec)
                               .save(request(d.value(), QStringLiteral("overwrite")),
                                     PromptActor::current(QStringLiteral("test")));
        QCOMPARE(saved.error().code(), ErrorCode::Locked);
        QCOMPARE(e.db.scalar("SELECT count(*) FROM ai_prompt_versions"), before);
    }

    void anotherKeyIsLockedWithTheReason()
    {
        Encrypted e;
        const EnvelopePromptCodec codec
            = e.codec({QStringLiteral("id"), DataKey::generate(), true, Status()});
        QVERIFY2(codec.lockReason().contains(e.key.id()), qPrintable(codec.lockReason()));
        const auto list = PromptLister(e.connection, &codec).list();
        QVERIFY(list.ok() && list.value().first().locked);
    }

    void withTheKeyReadAndSaveEncrypted()
    {
        Encrypted e;
        const EnvelopePromptCodec codec = e.codec(e.withKey());
        QVERIFY(codec.lockReason().isEmpty());
        const auto list = PromptLister(e.connection, &codec).list();
        QVERIFY(list.ok());
        for (const PromptSummary &s : list.value())
            QVERIFY2(!s.locked, qPrintable(s.lockReason));
        PromptStore store(e.connection, &codec);
        const auto d = store.get(QStringLiteral("reference-coach-v1"));
        QVERIFY2(d.ok(), d.ok() ? "" : qPrintable(d.error().toString()));
        QVERIFY(!d.value().version.locked);
        QCOMPARE(d.value().version.content.systemPrompt, e.plain);

        const QString edited = e.plain + QStringLiteral("\nAlways cite the referee's exact words.");
        const auto saved
            = store.save(request(d.value(), edited), PromptActor::current(QStringLiteral("test")));
        QVERIFY2(saved.ok(), saved.ok() ? "" : qPrintable(saved.error().toString()));
        QCOMPARE(saved.value().versionNo, 2);
        // Through a second connection: ciphertext in both tables, no plaintext anywhere.
        QCOMPARE(e.db.scalar("SELECT count(*) FROM ai_prompt_versions WHERE version_no = 2 AND "
                             "system_prompt LIKE 'uaipenc:1:' || $1 || ':%'",
                             {e.key.id()}),
                 QStringLiteral("1"));
        QCOMPARE(e.db.scalar("SELECT count(*) FROM ai_prompts t WHERE strpos(t::text, "
                             "'exact words') > 0"),
                 QStringLiteral("0"));
        QCOMPARE(e.db.scalar("SELECT count(*) FROM ai_prompt_versions t WHERE strpos(t::text, "
                             "'exact words') > 0"),
                 QStringLiteral("0"));
        const auto again = store.getLatest(QStringLiteral("reference-coach-v1"));
        QCOMPARE(again.value().version.versionNo, 2);
        QCOMPARE(again.value().version.content.systemPrompt, edited);
        const auto v1 = store.version(QStringLiteral("reference-coach-v1"), 1);
        QCOMPARE(v1.value().content.systemPrompt, e.plain);

        // Without a codec the core refuses to write plain text here, and so does the database.
        const auto plainSave = PromptStore(e.connection)
                                   .save(request(again.value(), QStringLiteral("plain")),
                                         PromptActor::current(QStringLiteral("test")));
        QVERIFY(!plainSave.ok());
        QCOMPARE(e.db.scalar("SELECT max(version_no) FROM ai_prompt_versions v JOIN ai_prompts p "
                             "ON p.id = v.prompt_id WHERE p.prompt_id = 'reference-coach-v1'"),
                 QStringLiteral("2"));

        // Disabling opens the saved version too: its checksum certifies the plain text.
        const PromptConversionResult off
            = PromptEncryption(e.connection)
                  .disable(e.key, {QStringLiteral("t"), QStringLiteral("t")});
        QVERIFY2(off.ok(), qPrintable(off.message));
        QCOMPARE(
            e.db.scalar("SELECT v.system_prompt FROM ai_prompt_versions v JOIN ai_prompts p ON "
                        "p.id = v.prompt_id WHERE p.prompt_id = 'reference-coach-v1' AND "
                        "version_no = 2"),
            edited);
    }

    // decode()'s Error: Locked without the key; with it, an envelope that does not verify (here
    // opened as another version than the one it is bound to) is tampered.
    void decodeSaysLockedOrTampered()
    {
        Encrypted e;
        const QString id
            = e.db.scalar("SELECT id FROM ai_prompts WHERE prompt_id = 'reference-coach-v1'");
        const QString stored
            = e.db.scalar("SELECT system_prompt FROM ai_prompts WHERE id = $1::uuid", {id});
        const int version
            = e.db.scalar("SELECT current_version FROM ai_prompts WHERE id = $1::uuid", {id})
                  .toInt();
        const Result<QString> locked = e.codec(Encrypted::noKey()).decode(stored, id, version);
        QCOMPARE(locked.error().code(), ErrorCode::Locked);
        QVERIFY(!PromptTextCodec::isTampered(locked.error()));
        const EnvelopePromptCodec codec = e.codec(e.withKey());
        const Result<QString> opened = codec.decode(stored, id, version);
        QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(opened.error().toString()));
        QCOMPARE(*opened, e.plain);
        const Result<QString> moved = codec.decode(stored, id, version + 1);
        QVERIFY(!moved.ok());
        QVERIFY(PromptTextCodec::isTampered(moved.error()));
        QCOMPARE(moved.error().code(), ErrorCode::Refused);
        QCOMPARE(CryptoFailure::kindOf(moved.error()),
                 QString(CryptoFailure::kAuthenticationFailed));
    }

    void encryptionOffPassesPlainText()
    {
        Encrypted e;
        QVERIFY(PromptEncryption(e.connection)
                    .disable(e.key, {QStringLiteral("t"), QStringLiteral("t")})
                    .ok());
        const EnvelopePromptCodec codec = e.codec(Encrypted::noKey());
        QVERIFY(!codec.encryptionOn());
        // Whether to encrypt is the store's decision (the state row in its transaction); a
        // codec without the key never seals.
        const Result<QString> r
            = codec.encode(QStringLiteral("plain"), QStringLiteral("p"), 1, e.key.id());
        QCOMPARE(r.error().code(), ErrorCode::Locked);
        const auto list = PromptLister(e.connection, &codec).list();
        QVERIFY(list.ok() && !list.value().first().locked);
    }
};

QTEST_GUILESS_MAIN(TstEnvelopePromptCodec)
#include "tst_envelopepromptcodec.moc"
