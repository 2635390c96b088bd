// Seeding and importing while encryption at rest is on, and a tampered text (issue 20, points
// 12 and 13), against a real PostgreSQL with the real envelope codec (the key given directly,
// no keychain): stored envelopes are compared decrypted (the bundled prompts seeded again are
// "unchanged"), what is written is sealed for its prompt and version, a run without the key
// fails naming it; an envelope altered behind the console's back (triggers disabled by the
// table owner) is listed and shown as tampered and a label cannot point at it; the conversion
// says how long it holds the tables and gives up within its lock timeout with a message.
#include "crypto/datakey.h"
#include "crypto/envelopepromptcodec.h"
#include "crypto/promptconversionestimate.h"
#include "crypto/promptencryption.h"
#include "prompts/promptexporter.h"
#include "prompts/promptimporter.h"
#include "prompts/promptlabels.h"
#include "prompts/promptlister.h"
#include "prompts/promptstore.h"
#include "prompttestutil.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace uaip;
using namespace uaip::test;

namespace {

const QString kCoach = QStringLiteral("reference-coach-v1");
const QString kAnalyzer = QStringLiteral("authenticity-analyzer-v1");

struct Encrypted : PromptDatabase
{
    Encrypted()
        : PromptDatabase(QStringLiteral("tst_promptencryptedwrites"))
    {
        PromptEncryption::Options o;
        o.consoleUser = QStringLiteral("tester");
        o.client = QStringLiteral("tst_promptencryptedwrites");
        const PromptConversionResult r = PromptEncryption(connection).enable(key, o);
        if (!r.ok())
            qFatal("enable: %s", qPrintable(r.message));
        DataKeyLookup lookup;
        lookup.identity = QStringLiteral("test");
        lookup.key = key;
        lookup.found = true;
        codec
            = std::make_unique<EnvelopePromptCodec>(PromptEncryption(connection).status(), lookup);
    }
    int plainRows()
    {
        return count("SELECT (SELECT count(*) FROM ai_prompts WHERE NOT "
                     "ai_prompt_text_is_envelope(system_prompt)) + (SELECT count(*) FROM "
                     "ai_prompt_versions WHERE NOT ai_prompt_text_is_envelope(system_prompt))");
    }
    QString uuidOf(const QString &promptId)
    {
        return db.scalar("SELECT id::text FROM ai_prompts WHERE prompt_id = $1", {promptId});
    }
    // The decrypted text of a version row (or, versionNo 0, of the served ai_prompts row).
    QString opened(const QString &promptId, int versionNo = 0)
    {
        const QString id = uuidOf(promptId);
        const QString stored = versionNo
            ? db.scalar("SELECT system_prompt FROM ai_prompt_versions WHERE prompt_id = $1::uuid "
                        "AND version_no = $2",
                        {id, versionNo})
            : db.scalar("SELECT system_prompt FROM ai_prompts WHERE id = $1::uuid", {id});
        const int bound = versionNo
            ? versionNo
            : db.scalar("SELECT current_version FROM ai_prompts WHERE id = $1::uuid", {id}).toInt();
        const Result<QString> r = codec->decode(stored, id, bound);
        return r.ok() ? *r : QStringLiteral("<%1>").arg(r.error().text());
    }
    // Bypassing the triggers as the table owner: the served text of `victim` becomes the
    // (valid, but bound to another prompt) envelope of `donor`.
    void tamperServed(const QString &victim, const QString &donor)
    {
        PgResult t = db.witness().execScript(
            "ALTER TABLE ai_prompts DISABLE TRIGGER USER;"
            "UPDATE ai_prompts SET system_prompt = (SELECT system_prompt FROM ai_prompts WHERE "
            "prompt_id = '"
            + donor.toUtf8() + "') WHERE prompt_id = '" + victim.toUtf8()
            + "';"
              "ALTER TABLE ai_prompts ENABLE TRIGGER USER");
        if (!t.ok())
            qFatal("tamper: %s", qPrintable(t.error().toString()));
    }
    PromptSeedReport seed(const PromptSeedFile &file, bool update, bool dryRun,
                          const PromptTextCodec *withCodec)
    {
        PromptSeeder::Options o;
        o.update = update;
        o.dryRun = dryRun;
        o.actor = actor();
        o.codec = withCodec;
        return PromptSeeder(connection).run(file, o);
    }

    DataKey key = DataKey::generate();
    std::unique_ptr<EnvelopePromptCodec> codec;
};

QByteArray bundled()
{
    QFile f(PromptSeedFile::bundledPath());
    if (!f.open(QIODevice::ReadOnly))
        qFatal("bundled seed file");
    return f.readAll();
}

// The bundled file with the coach's text replaced and one more prompt.
PromptSeedFile changedFile(const QString &coachText, const QString &newId)
{
    QJsonObject root = QJsonDocument::fromJson(bundled()).object();
    QJsonArray prompts = root.value(QStringLiteral("prompts")).toArray();
    for (int i = 0; i < prompts.size(); ++i) {
        QJsonObject p = prompts.at(i).toObject();
        if (p.value(QStringLiteral("prompt_id")).toString() != kCoach)
            continue;
        p.insert(QStringLiteral("system_prompt"), coachText);
        prompts.replace(i, p);
        p.insert(QStringLiteral("prompt_id"), newId);
        prompts.append(p);
        break;
    }
    root.insert(QStringLiteral("prompts"), prompts);
    PromptSeedFile file;
    if (!file.parse(QJsonDocument(root).toJson(), QStringLiteral("changed.json")))
        qFatal("changed file: %s", qPrintable(file.errorText()));
    return file;
}

int countOf(const PromptSeedReport &r, SeedAction::Kind kind)
{
    return r.count(QStringLiteral("prompt"), kind);
}

} // namespace

class TstPromptEncryptedWrites : public QObject
{
    Q_OBJECT

private slots:
    void seedingWhileEncryptedComparesDecryptedAndSealsWhatItWrites()
    {
        Encrypted s;
        QCOMPARE(s.plainRows(), 0);
        PromptSeedFile file;
        QVERIFY(file.load(PromptSeedFile::bundledPath()));
        const int versions = s.count("SELECT count(*) FROM ai_prompt_versions");
        for (const bool dryRun : {true, false}) {
            const PromptSeedReport r = s.seed(file, true, dryRun, s.codec.get());
            QVERIFY2(r.ok(), qPrintable(r.message));
            QCOMPARE(countOf(r, SeedAction::Kind::Unchanged), 4);
            QCOMPARE(countOf(r, SeedAction::Kind::NewVersion), 0);
        }
        QCOMPARE(s.count("SELECT count(*) FROM ai_prompt_versions"), versions);

        const QString text = QStringLiteral("A sealed coach text for {{seeker_name}}.");
        const PromptSeedReport r = s.seed(changedFile(text, QStringLiteral("sealed-new-v1")), true,
                                          false, s.codec.get());
        QVERIFY2(r.ok(), qPrintable(r.message));
        QCOMPARE(countOf(r, SeedAction::Kind::NewVersion), 1);
        QCOMPARE(countOf(r, SeedAction::Kind::Insert), 1);
        QCOMPARE(countOf(r, SeedAction::Kind::Unchanged), 3);
        QCOMPARE(s.plainRows(), 0); // everything written is an envelope
        QCOMPARE(s.count("SELECT count(*) FROM ai_prompt_versions WHERE strpos(system_prompt, "
                         "'sealed coach') > 0"),
                 0);
        QCOMPARE(s.opened(kCoach, 2), text);
        QCOMPARE(s.opened(kCoach), text);
        QCOMPARE(s.opened(QStringLiteral("sealed-new-v1"), 1), text);
        QCOMPARE(s.opened(QStringLiteral("sealed-new-v1")), text);
        // The store reads them back as plain text.
        const auto detail = PromptStore(s.connection, s.codec.get()).get(kCoach);
        QVERIFY(detail.ok());
        QCOMPARE(detail.value().version.content.systemPrompt, text);
    }

    void seedingWhileEncryptedWithoutTheKeyFailsNamingIt()
    {
        Encrypted s;
        PromptSeedFile file;
        QVERIFY(file.load(PromptSeedFile::bundledPath()));
        const PromptSeedReport r = s.seed(file, true, true, nullptr);
        QCOMPARE(r.outcome, PromptSeedReport::Outcome::Failed);
        QVERIFY2(
            r.message.contains(
                QStringLiteral("encryption is on (key %1) and no key is loaded").arg(s.key.id())),
            qPrintable(r.message));
    }

    void importWhileEncryptedComparesDecryptedAndSeals()
    {
        Encrypted s;
        const auto exported = PromptExporter(s.connection, s.codec.get()).exportJson({}, true);
        QVERIFY2(exported.ok(), exported.ok() ? "" : qPrintable(exported.error().toString()));
        PromptImporter importer(s.connection, s.codec.get());
        auto r
            = importer.importJson(exported.value(), QStringLiteral("all.json"), false, s.actor());
        QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().toString()));
        QCOMPARE(r.value().count(PromptImportItem::Kind::Unchanged), 4);
        const QString text = QStringLiteral("An imported, sealed coach text for {{seeker_name}}.");
        PromptSeedFile changed = changedFile(text, QStringLiteral("imported-new-v1"));
        r = importer.importSeedFile(changed, false, s.actor());
        QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().toString()));
        QCOMPARE(r.value().count(PromptImportItem::Kind::Changed), 1);
        QCOMPARE(r.value().count(PromptImportItem::Kind::New), 1);
        QCOMPARE(s.plainRows(), 0);
        QCOMPARE(s.opened(kCoach, 2), text);
        QCOMPARE(s.opened(QStringLiteral("imported-new-v1")), text);
    }

    void aTamperedServedTextIsListedAndShownAsTampered()
    {
        Encrypted s;
        s.tamperServed(kCoach, kAnalyzer);
        const auto list = PromptLister(s.connection, s.codec.get()).list();
        QVERIFY(list.ok());
        int tampered = 0;
        for (const PromptSummary &p : list.value()) {
            if (p.promptId == kCoach) {
                QVERIFY(p.tampered);
                QVERIFY(p.locked);
                QVERIFY2(p.lockReason.startsWith(QStringLiteral("tampered: ")),
                         qPrintable(p.lockReason));
            }
            tampered += p.tampered;
        }
        QCOMPARE(tampered, 1);
        const auto detail = PromptStore(s.connection, s.codec.get()).get(kCoach);
        QVERIFY(detail.ok());
        QVERIFY(detail.value().summary.tampered);
        QVERIFY2(detail.value().summary.lockReason.contains(QStringLiteral("served text")),
                 qPrintable(detail.value().summary.lockReason));
        QVERIFY(!detail.value().version.tampered); // its version row is intact
        // Seeding compares decrypted: the tampered served text cannot be compared.
        PromptSeedFile file;
        QVERIFY(file.load(PromptSeedFile::bundledPath()));
        const PromptSeedReport r = s.seed(file, true, true, s.codec.get());
        QCOMPARE(r.outcome, PromptSeedReport::Outcome::Failed);
        QVERIFY2(r.message.contains(QStringLiteral("tampered")), qPrintable(r.message));
    }

    void aLabelCannotPointAtATamperedVersion()
    {
        Encrypted s;
        const QString id = s.uuidOf(kAnalyzer);
        // Version 1 of the analyzer gets the coach's envelope (bound to another prompt).
        PgResult t = s.db.witness().execScript(
            "ALTER TABLE ai_prompt_versions DISABLE TRIGGER USER;"
            "UPDATE ai_prompt_versions SET system_prompt = (SELECT v.system_prompt FROM "
            "ai_prompt_versions v JOIN ai_prompts p ON p.id = v.prompt_id WHERE p.prompt_id = "
            "'reference-coach-v1' AND v.version_no = 1) WHERE prompt_id = '"
            + id.toUtf8()
            + "'::uuid AND version_no = 1;"
              "ALTER TABLE ai_prompt_versions ENABLE TRIGGER USER");
        QVERIFY2(t.ok(), t.ok() ? "" : qPrintable(t.error().toString()));
        const auto version = PromptStore(s.connection, s.codec.get()).version(kAnalyzer, 1);
        QVERIFY(version.ok());
        QVERIFY(version.value().tampered);
        const int labels = s.count("SELECT count(*) FROM ai_prompt_labels");
        PromptLabels::Move move;
        move.promptId = kAnalyzer;
        move.label = QStringLiteral("staging");
        move.versionNo = 1;
        const auto r = PromptLabels(s.connection, s.codec.get()).move(move, s.actor());
        QCOMPARE(r.error().code(), ErrorCode::Locked);
        QVERIFY2(r.error().toString().contains(
                     QStringLiteral("version 1 of \"%1\" is tampered").arg(kAnalyzer)),
                 qPrintable(r.error().toString()));
        QCOMPARE(s.count("SELECT count(*) FROM ai_prompt_labels"), labels);
        // An intact version takes the label.
        move.promptId = kCoach;
        QVERIFY(PromptLabels(s.connection, s.codec.get()).move(move, s.actor()).ok());
    }

    void theConversionSaysHowLongAndGivesUpOnABusyTable()
    {
        PromptDatabase s(QStringLiteral("tst_promptencryptedwrites"));
        const PromptEncryptionStatus status = PromptEncryption(s.connection).status();
        const PromptConversionEstimate e = PromptConversionEstimate::of(status, 400);
        QCOMPARE(e.texts, 8); // 4 prompts + 4 versions
        QCOMPARE(e.text(),
                 QStringLiteral("ai_prompts and ai_prompt_versions are locked against writers "
                                "(readers go on) for about 1 second(s) (8 texts); the locks are "
                                "waited for at most 0.4 s"));
        // Another session holds a row lock on ai_prompts (an open transaction that wrote it).
        PgConnection &w = s.db.witness();
        QVERIFY(w.exec("BEGIN").ok());
        QVERIFY(w.exec("UPDATE ai_prompts SET is_active = is_active WHERE prompt_id = $1", {kCoach})
                    .ok());
        PromptEncryption::Options o;
        o.lockTimeoutMs = 400;
        const PromptConversionResult r
            = PromptEncryption(s.connection).enable(DataKey::generate(), o);
        QVERIFY(w.exec("ROLLBACK").ok());
        QCOMPARE(r.outcome, PromptConversionResult::Outcome::Failed);
        QVERIFY2(r.message.startsWith(QStringLiteral("another session holds a lock on ai_prompts "
                                                     "or ai_prompt_versions")),
                 qPrintable(r.message));
        // It gave up at its own lock timeout (lock_not_available), while the other session
        // still held its lock: it did not wait for that session to end.
        QCOMPARE(r.error.sqlState(), QStringLiteral("55P03"));
        QVERIFY2(r.message.contains(QStringLiteral("waited 400 ms (the lock timeout) and gave up")),
                 qPrintable(r.message));
        QCOMPARE(s.db.scalar("SELECT enabled::text FROM ai_prompt_encryption"),
                 QStringLiteral("false"));
    }
};

QTEST_GUILESS_MAIN(TstPromptEncryptedWrites)
#include "tst_promptencryptedwrites.moc"
