// Issue 20, point 1 ("disable can finish a mixed state") through uaip-migrate against a real
// database and a real keychain: a database stuck with the encryption off while some system
// prompts (ai_prompts.system_prompt, ai_prompt_versions.system_prompt: what the conversion
// covers) are envelopes, made here as a superuser with the triggers off (as before migration
// 0018, or by someone who disabled them). `prompts encryption status` names that state,
// `disable` repairs it (each envelope opened with the key its id names, plain rows left, the
// state off, an audit row saying it was a repair), a key missing from the keychain is named
// with the text it seals and nothing changes, and "already off" without envelopes stays.
// Needs a Secret Service (dbus-run-session with gnome-keyring unlocked); skipped otherwise.
#include "crypto/contentdigest.h"
#include "crypto/datakeystore.h"
#include "crypto/keychainidentity.h"
#include "crypto/promptenvelope.h"
#include "keychaintestutil.h"
#include "platformdatabase.h"
#include "prompts/promptseeder.h"
#include "prompts/promptseedfile.h"
#include "requireorskip.h"
#include "testcluster.h"
#include "testdatabase.h"
#include "uaipmigratetestutil.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QtTest>

using namespace uaip;
using namespace uaip::test;

namespace {

QStringList encryption(const char *sub, bool json = true)
{
    QStringList out;
    if (json)
        out << QStringLiteral("--json");
    return out << QStringLiteral("prompts") << QStringLiteral("encryption")
               << QString::fromLatin1(sub);
}

// Every system prompt by row ("p:<id>" for ai_prompts, "v:<id>" for versions).
QMap<QString, QString> texts(PgConnection &pg)
{
    QMap<QString, QString> out;
    PgResult r = pg.exec("SELECT 'p:' || id, system_prompt FROM ai_prompts UNION ALL "
                         "SELECT 'v:' || id, system_prompt FROM ai_prompt_versions");
    for (int i = 0; r.ok() && i < r.rows(); ++i)
        out.insert(r.value(i, 0), r.value(i, 1));
    return out;
}

struct Seeded : PlatformDatabase
{
    Seeded()
        : PlatformDatabase(QStringLiteral("tst_promptencryptionrepair"))
    {
        PromptSeedFile file;
        if (!file.load(PromptSeedFile::bundledPath())
            || !PromptSeeder(connection).run(file, PromptSeeder::Options{}).ok())
            qFatal("seed failed");
        originals = texts(db.witness());
    }
    ~Seeded() override
    {
        DataKeyStore store;
        const KeychainIdentity id = KeychainIdentity::read(connection);
        for (const QString &k : used)
            removeKey(store, id.entryFor(k));
    }
    QString keyId() { return db.scalar("SELECT coalesce(key_id, '') FROM ai_prompt_encryption"); }
    // The rows of both prompt tables and the state, as one digest: "nothing changed".
    QString snapshot()
    {
        return db.scalar("SELECT md5((SELECT string_agg(t::text, '|' ORDER BY id) FROM "
                         "ai_prompts t) || (SELECT string_agg(t::text, '|' ORDER BY id) FROM "
                         "ai_prompt_versions t) || (SELECT t::text FROM ai_prompt_encryption t))");
    }
    int envelopes()
    {
        return db
            .scalar("SELECT (SELECT count(*) FROM ai_prompts WHERE system_prompt LIKE "
                    "'uaipenc:%') + (SELECT count(*) FROM ai_prompt_versions WHERE "
                    "system_prompt LIKE 'uaipenc:%')")
            .toInt();
    }

    // The stuck state: enabled with key 1 (uaip-migrate), then, as a superuser with the
    // triggers off, the state set to off, the first two prompts' texts and the first
    // prompt's version put back to plain text, and (secondKey) the last prompt's version
    // re-sealed with a second key of the ring. Left: 2 + 3 = 5 envelopes, 3 plain texts.
    bool makeStuck(bool withSecondKey)
    {
        const Run r = migrate(db.conninfo(), encryption("enable") << QStringLiteral("--no-backup"));
        if (r.exitCode != 0) {
            qWarning("enable: %s", qPrintable(r.err));
            return false;
        }
        key1 = keyId();
        used << key1;
        PgConnection &w = db.witness();
        QStringList plainPrompts;
        PgResult ids = w.exec("SELECT id::text FROM ai_prompts ORDER BY prompt_id LIMIT 2");
        for (int i = 0; i < ids.rows(); ++i)
            plainPrompts << ids.value(i, 0);
        if (plainPrompts.size() != 2 || !w.exec("BEGIN").ok()
            || !w.exec("SET LOCAL session_replication_role = replica").ok()
            || !w.exec("UPDATE ai_prompt_encryption SET enabled = false").ok())
            return false;
        for (const QString &id : plainPrompts)
            if (!w.exec("UPDATE ai_prompts SET system_prompt = $2 WHERE id = $1::uuid",
                        {id, originals.value(QStringLiteral("p:") + id)})
                     .ok())
                return false;
        PgResult first = w.exec("SELECT id::text FROM ai_prompt_versions WHERE prompt_id = "
                                "$1::uuid ORDER BY version_no LIMIT 1",
                                {plainPrompts.first()});
        if (first.rows() != 1
            || !w.exec(
                     "UPDATE ai_prompt_versions SET system_prompt = $2, content_sha256 = "
                     "ai_prompt_content_sha256($2, user_prompt_template) WHERE id = $1::uuid",
                     {first.value(0, 0), originals.value(QStringLiteral("v:") + first.value(0, 0))})
                    .ok())
            return false;
        if (withSecondKey) {
            key2Key = DataKey::generate();
            key2 = key2Key.id();
            used << key2;
            DataKeyStore store;
            const KeychainIdentity id = KeychainIdentity::read(connection);
            if (!writeKey(store, id.entryFor(key2), key2Key))
                return false;
            PgResult last = w.exec("SELECT v.id::text, v.prompt_id::text, v.version_no, "
                                   "v.user_prompt_template IS NULL, v.user_prompt_template "
                                   "FROM ai_prompt_versions v JOIN ai_prompts p ON p.id = "
                                   "v.prompt_id ORDER BY p.prompt_id DESC LIMIT 1");
            if (last.rows() != 1)
                return false;
            const QString plain = originals.value(QStringLiteral("v:") + last.value(0, 0));
            const Result<QString> sealed
                = PromptEnvelope::seal(key2Key, plain, last.value(0, 1), last.value(0, 2).toInt());
            const std::optional<QString> tmpl = last.value(0, 3) == QLatin1String("t")
                ? std::nullopt
                : std::optional<QString>(last.value(0, 4));
            if (!sealed.ok()
                || !w.exec("UPDATE ai_prompt_versions SET system_prompt = $2, content_sha256 = "
                           "$3 WHERE id = $1::uuid",
                           {last.value(0, 0), *sealed, ContentDigest::keyed(key2Key, plain, tmpl)})
                        .ok())
                return false;
            key2Version = last.value(0, 2);
            key2Prompt = last.value(0, 1);
        }
        return w.exec("COMMIT").ok()
            && db.scalar("SELECT enabled::text FROM ai_prompt_encryption") == QLatin1String("false")
            && envelopes() == 5;
    }

    QMap<QString, QString> originals;
    QStringList used;
    QString key1;
    QString key2;
    DataKey key2Key;
    QString key2Prompt; // the version sealed with key 2: its prompt uuid and number
    QString key2Version;
};

} // namespace

class TstPromptEncryptionRepair : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        qRegisterMetaType<DataKeyLookup>();
        if (const Status probe = keychainProblem(); !probe)
            UAIP_REQUIRE_OR_SKIP(QStringLiteral("no Secret Service answered: %1 (run under "
                                                "dbus-run-session with gnome-keyring unlocked)")
                                     .arg(probe.error().toString()));
    }

    // status says "off, but N texts are envelopes: run disable to repair", not just "off"; enable
    // refuses and points at disable.
    void statusNamesTheMixedState()
    {
        Seeded s;
        QVERIFY(s.makeStuck(true));
        Run r = migrate(s.db.conninfo(), encryption("status", false));
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("off, but 5 text(s) are envelopes: run \"prompts "
                                               "encryption disable\" to repair")),
                 qPrintable(r.out));
        r = migrate(s.db.conninfo(), encryption("status"));
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.json().value(QStringLiteral("enabled")).toBool(), false);
        QCOMPARE(r.json().value(QStringLiteral("mixed")).toBool(), true);
        QStringList keys{s.key1, s.key2};
        keys.sort();
        QCOMPARE(r.json().value(QStringLiteral("envelope_key_ids")).toArray().toVariantList(),
                 QVariant(keys).toList());
        // enable refuses there and says what repairs it; nothing changes.
        const QString before = s.snapshot();
        r = migrate(s.db.conninfo(), encryption("enable") << QStringLiteral("--no-backup"));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.json()
                     .value(QStringLiteral("error"))
                     .toString()
                     .contains(QStringLiteral("(a mixed state: disable repairs it)")),
                 qPrintable(r.out));
        QCOMPARE(s.snapshot(), before);
    }

    // disable repairs it: every envelope opened with the key its id names (two keys here),
    // every text equal to the original, each digest the plain SHA-256, the state off with its
    // key id, one audit row saying it was a repair of 5 envelopes. Then status says off.
    void disableRepairsTheMixedState()
    {
        Seeded s;
        QVERIFY(s.makeStuck(true));
        Run r = migrate(s.db.conninfo(), encryption("disable"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.out));
        QCOMPARE(r.json().value(QStringLiteral("already")).toBool(), false);
        QCOMPARE(r.json().value(QStringLiteral("prompts_converted")).toInt(), 2);
        QCOMPARE(r.json().value(QStringLiteral("versions_converted")).toInt(), 3);
        QCOMPARE(s.envelopes(), 0);
        QCOMPARE(texts(s.db.witness()), s.originals);
        QCOMPARE(s.db.scalar("SELECT count(*) FROM ai_prompt_versions WHERE content_sha256 <> "
                             "ai_prompt_content_sha256(system_prompt, user_prompt_template)"),
                 QStringLiteral("0"));
        QCOMPARE(s.db.scalar("SELECT enabled::text || ' ' || key_id FROM ai_prompt_encryption"),
                 QStringLiteral("false ") + s.key1);
        QCOMPARE(s.db.scalar("SELECT count(*) FROM audit_logs WHERE action = "
                             "'ai_prompt.encryption_disable' AND old_values->>'enabled' = "
                             "'false' AND metadata->>'repair' = 'true' AND "
                             "metadata->>'envelopes_opened' = '5' AND "
                             "metadata->>'database_user' = current_user"),
                 QStringLiteral("1"));
        r = migrate(s.db.conninfo(), encryption("status", false));
        QVERIFY2(r.out.contains(QStringLiteral(": off\n")), qPrintable(r.out));
        // And it can be enabled again (it refused while envelopes were left).
        r = migrate(s.db.conninfo(), encryption("enable") << QStringLiteral("--no-backup"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.out));
        QCOMPARE(s.envelopes(), 8);
    }

    // A key the keychain lacks: the repair names it with the text it seals and changes nothing
    // (one transaction); once the key is back, the repair goes through.
    void repairWithoutAKeyChangesNothing()
    {
        Seeded s;
        QVERIFY(s.makeStuck(true));
        DataKeyStore store;
        const KeychainIdentity id = KeychainIdentity::read(s.connection);
        QCOMPARE(failure(removeKey(store, id.entryFor(s.key2))), QString());
        const QString before = s.snapshot();
        const QString audits = s.db.scalar("SELECT count(*) FROM audit_logs");
        Run r = migrate(s.db.conninfo(), encryption("disable"));
        QCOMPARE(r.exitCode, 2);
        for (const QString &part :
             {s.key2, s.key2Prompt, QStringLiteral("version %1").arg(s.key2Version),
              QStringLiteral("not in the keychain"), QStringLiteral("nothing was converted")})
            QVERIFY2(r.json().value(QStringLiteral("error")).toString().contains(part),
                     qPrintable(part + QStringLiteral(" not in: ") + r.out + r.err));
        QCOMPARE(s.snapshot(), before);
        QCOMPARE(s.db.scalar("SELECT count(*) FROM audit_logs"), audits);
        QCOMPARE(s.envelopes(), 5);

        QCOMPARE(failure(writeKey(store, id.entryFor(s.key2), s.key2Key)), QString());
        r = migrate(s.db.conninfo(), encryption("disable"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.out));
        QCOMPARE(texts(s.db.witness()), s.originals);
    }

    // In the database: begin() accepts a disable while the state says off only when envelopes
    // exist, and keeps the state's key id; with none it is "already off" as before.
    void beginAcceptsARepairOnlyWithEnvelopes()
    {
        Seeded s;
        QVERIFY(s.makeStuck(false));
        PgConnection &w = s.db.witness();
        QVERIFY(w.exec("BEGIN").ok());
        PgResult r = w.exec("SELECT ai_prompt_encryption_begin(false, $1)", {s.key1});
        QVERIFY2(r.ok(), qPrintable(r.error().toString()));
        QCOMPARE(
            w.exec("SELECT repair_envelopes FROM ai_prompt_encryption_conversions").value(0, 0),
            QStringLiteral("5"));
        QVERIFY(w.exec("ROLLBACK").ok());
        QVERIFY(w.exec("BEGIN").ok());
        r = w.exec("SELECT ai_prompt_encryption_begin(false, 'aaaaaaaaaaaaaaaa')");
        QVERIFY(!r.ok());
        QVERIFY2(r.error().message.contains(QStringLiteral("a repair keeps it")),
                 qPrintable(r.error().toString()));
        QVERIFY(w.exec("ROLLBACK").ok());
    }

    // Off and no envelope: disable is still "already off" (CLI and database), nothing written.
    void alreadyOffIsStillRefused()
    {
        Seeded s;
        Run r = migrate(s.db.conninfo(), encryption("enable") << QStringLiteral("--no-backup"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        s.used << s.keyId();
        r = migrate(s.db.conninfo(), encryption("disable"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.json().value(QStringLiteral("versions_converted")).toInt(), 4);
        const QString before = s.snapshot();
        const QString audits = s.db.scalar("SELECT count(*) FROM audit_logs");
        r = migrate(s.db.conninfo(), encryption("disable"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.json().value(QStringLiteral("already")).toBool(), true);
        QCOMPARE(r.json().value(QStringLiteral("repaired")).toBool(), false);
        QCOMPARE(s.snapshot(), before);
        QCOMPARE(s.db.scalar("SELECT count(*) FROM audit_logs"), audits);
        PgConnection &w = s.db.witness();
        QVERIFY(w.exec("BEGIN").ok());
        const PgResult begun = w.exec("SELECT ai_prompt_encryption_begin(false, $1)", {s.keyId()});
        QVERIFY(!begun.ok());
        QVERIFY2(begun.error().message.contains(QStringLiteral("already off")),
                 qPrintable(begun.error().toString()));
        QVERIFY(w.exec("ROLLBACK").ok());
    }
};

QTEST_GUILESS_MAIN(TstPromptEncryptionRepair)
#include "tst_promptencryptionrepair.moc"
