// Issue 20, points 2, 4 (keys), 7 and 8 through uaip-migrate against a real database and a real
// keychain: the key ring keeps every key (an import of another key adds it; the key in use is
// still exported afterwards), a renamed database finds its key, a rotation re-seals every text
// with a new key (none left under the old one), enable refuses to run without a verified key
// file or an explicit --no-backup, the table files hold no plaintext after enable (VACUUM FULL
// as part of the command), and key import/export and decrypted exports are audited. Needs a
// Secret Service (dbus-run-session with gnome-keyring unlocked); skipped with a message
// otherwise.
#include "crypto/contentdigest.h"
#include "crypto/datakeystore.h"
#include "crypto/keychainidentity.h"
#include "crypto/keyfile.h"
#include "crypto/promptenvelope.h"
#include "keychaintestutil.h"
#include "platformdatabase.h"
#include "prompts/promptdigest.h"
#include "prompts/promptseeder.h"
#include "prompts/promptseedfile.h"
#include "requireorskip.h"
#include "testcluster.h"
#include "testdatabase.h"
#include "uaipmigratetestutil.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace uaip;
using namespace uaip::test;

namespace {

QStringList prompts(std::initializer_list<const char *> words)
{
    QStringList out{QStringLiteral("--json"), QStringLiteral("prompts")};
    for (const char *w : words)
        out << QString::fromUtf8(w);
    return out;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

QString keyIdIn(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return QString();
    return QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("key_id")).toString();
}

struct Seeded : PlatformDatabase
{
    Seeded()
        : PlatformDatabase(QStringLiteral("tst_promptkeyring"))
    {
        PromptSeedFile file;
        if (!file.load(PromptSeedFile::bundledPath())
            || !PromptSeeder(connection).run(file, PromptSeeder::Options{}).ok())
            qFatal("seed failed");
        if (!writeFile(dir.filePath(QStringLiteral("pass")), "the right passphrase\n"))
            qFatal("passphrase file");
    }
    QString passFile() const { return dir.filePath(QStringLiteral("pass")); }
    QString keyId() { return db.scalar("SELECT key_id FROM ai_prompt_encryption"); }
    int envelopesOf(const QString &keyId)
    {
        return db
            .scalar("SELECT (SELECT count(*) FROM ai_prompts WHERE system_prompt LIKE "
                    "'uaipenc:1:' || $1 || ':%') + (SELECT count(*) FROM ai_prompt_versions "
                    "WHERE system_prompt LIKE 'uaipenc:1:' || $1 || ':%')",
                    {keyId})
            .toInt();
    }
    // Every key of the ring this test made goes again.
    ~Seeded() override
    {
        DataKeyStore store;
        const KeychainIdentity id = KeychainIdentity::read(connection);
        for (const QString &k : used)
            removeKey(store, id.entryFor(k));
        for (const QString &legacy : id.legacyEntries)
            removeKey(store, legacy);
    }
    QTemporaryDir dir;
    QStringList used;
};

} // namespace

class TstPromptKeyRing : public QObject
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

    // Point 2: enable refuses to start without a verified key file or an explicit --no-backup;
    // with --backup-file the file holds the key (unwrapped with the passphrase) before anything
    // is converted.
    void enableWithoutBackupIsRefused()
    {
        Seeded s;
        Run r = migrate(s.db.conninfo(), prompts({"encryption", "enable"}));
        QCOMPARE(r.exitCode, 2);
        QVERIFY2((r.err + r.out).contains(QStringLiteral("--backup-file")), qPrintable(r.err));
        QCOMPARE(s.envelopesOf(QStringLiteral("%")), 0);
        QCOMPARE(s.db.scalar("SELECT enabled::text FROM ai_prompt_encryption"),
                 QStringLiteral("false"));

        const QString backup = s.dir.filePath(QStringLiteral("backup.json"));
        r = migrate(s.db.conninfo(),
                    prompts({"encryption", "enable"})
                        << QStringLiteral("--backup-file") << backup
                        << QStringLiteral("--passphrase-file") << s.passFile());
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        s.used << s.keyId();
        QCOMPARE(r.json().value(QStringLiteral("backup_file")).toString(), backup);
        QFile file(backup);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
                 QFileDevice::Permissions());
        const Result<QByteArray> back
            = KeyFile::unwrap(file.readAll(), QStringLiteral("the right passphrase"));
        QVERIFY2(back.ok(), qPrintable(back.ok() ? QString() : back.error().toString()));
        QCOMPARE(DataKey::fromBytes(*back).id(), s.keyId());
        QCOMPARE(s.envelopesOf(s.keyId()), 8);

        // --no-backup is explicit and warns.
        Seeded other;
        r = migrate(other.db.conninfo(),
                    prompts({"encryption", "enable"}) << QStringLiteral("--no-backup"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        other.used << other.keyId();
        QVERIFY2(r.err.contains(QStringLiteral("only copy")), qPrintable(r.err));
    }

    // Point 2: importing another key keeps the key of the database (after a disable the state
    // still names it: older dumps and backups need it); export still writes that key.
    void importOfASecondKeyKeepsTheFirst()
    {
        Seeded s;
        Run r = migrate(s.db.conninfo(),
                        prompts({"encryption", "enable"}) << QStringLiteral("--no-backup"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QString first = s.keyId();
        s.used << first;
        r = migrate(s.db.conninfo(), prompts({"encryption", "disable"}));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));

        const DataKey second = DataKey::generate();
        s.used << second.id();
        const Result<QByteArray> wrapped
            = KeyFile::wrap(second, QStringLiteral("the right passphrase"));
        QVERIFY(wrapped.ok());
        const QString secondFile = s.dir.filePath(QStringLiteral("second.json"));
        QVERIFY(writeFile(secondFile, *wrapped));
        r = migrate(s.db.conninfo(),
                    prompts({"key", "import"})
                        << secondFile << QStringLiteral("--passphrase-file") << s.passFile());
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));

        // The first key is still there: exported, and enabling again uses it.
        const QString exported = s.dir.filePath(QStringLiteral("exported.json"));
        r = migrate(s.db.conninfo(),
                    prompts({"key", "export"})
                        << exported << QStringLiteral("--passphrase-file") << s.passFile());
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(keyIdIn(exported), first);
        r = migrate(s.db.conninfo(),
                    prompts({"encryption", "enable"}) << QStringLiteral("--no-backup"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.json().value(QStringLiteral("key_id")).toString(), first);
        QCOMPARE(r.json().value(QStringLiteral("key_generated")).toBool(), false);

        // Point 4: both key commands wrote an audit row with the actor, the database user and
        // the target.
        for (const char *action : {"ai_prompt.key_import", "ai_prompt.key_export"})
            QCOMPARE(s.db.scalar("SELECT count(*) FROM audit_logs WHERE action = $1 AND "
                                 "entity_type = 'ai_prompt_encryption' AND "
                                 "metadata->>'database_user' = current_user AND "
                                 "metadata->>'console_user' <> '' AND "
                                 "metadata->>'application' = 'uaip-migrate' AND "
                                 "metadata->>'profile' <> ''",
                                 {QString::fromLatin1(action)}),
                     QStringLiteral("1"));
        QCOMPARE(s.db.scalar("SELECT new_values->>'key_id' FROM audit_logs WHERE action = "
                             "'ai_prompt.key_import'"),
                 second.id());
    }

    // Point 2: the key ring is named after the database uuid, not its name: after a rename the
    // prompts open with the key found as before.
    void renamedDatabaseFindsItsKey()
    {
        Seeded s;
        Run r = migrate(s.db.conninfo(),
                        prompts({"encryption", "enable"}) << QStringLiteral("--no-backup"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        s.used << r.json().value(QStringLiteral("key_id")).toString();
        const QString renamed = s.db.name() + QStringLiteral("_renamed");
        PgConnection admin;
        QVERIFY(admin.open(TestCluster::sandbox().conninfo()));
        s.connection.close();
        auto rename = [&](const QString &from, const QString &to) {
            PgResult t = admin.exec("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                    "WHERE datname = $1 AND pid <> pg_backend_pid()",
                                    {from});
            // a terminated backend leaves pg_stat_activity as it exits: RENAME needs them gone
            (void)QTest::qWaitFor(
                [&] {
                    return admin.scalar("SELECT count(*) FROM pg_stat_activity WHERE datname = $1 "
                                        "AND pid <> pg_backend_pid()",
                                        {from})
                        == QLatin1String("0");
                },
                20000);
            return admin.exec("ALTER DATABASE " + admin.quoteIdentifier(from) + " RENAME TO "
                              + admin.quoteIdentifier(to));
        };
        PgResult a = rename(s.db.name(), renamed);
        QVERIFY2(a.ok(), qPrintable(a.error().toString()));
        const QString conninfo = TestCluster::sandbox().conninfo(renamed);
        r = migrate(conninfo, prompts({"encryption", "status"}));
        const Run shown = migrate(conninfo, {QStringLiteral("prompts"), QStringLiteral("list")});
        a = rename(renamed, s.db.name());
        QVERIFY2(a.ok(), qPrintable(a.error().toString()));
        QVERIFY(s.connection.open(s.db.conninfo()));
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.json()[QStringLiteral("keychain")][QStringLiteral("found")].toBool(), true);
        QCOMPARE(r.json().value(QStringLiteral("locked")).toBool(), false);
        QCOMPARE(shown.out.count(QStringLiteral("[locked")), 0);
    }

    // Point 2 and 8: rotate re-seals every text with a new key (none left under the old), the
    // digests keyed with the new key; the old key stays in the ring; the rotation is audited.
    void rotateReSealsEveryText()
    {
        Seeded s;
        Run r = migrate(s.db.conninfo(),
                        prompts({"encryption", "enable"}) << QStringLiteral("--no-backup"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QString old = s.keyId();
        s.used << old;
        const QString backup = s.dir.filePath(QStringLiteral("rotated.json"));
        r = migrate(s.db.conninfo(),
                    prompts({"key", "rotate"})
                        << QStringLiteral("--backup-file") << backup
                        << QStringLiteral("--passphrase-file") << s.passFile());
        QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.out));
        const QString fresh = s.keyId();
        s.used << fresh;
        QVERIFY(fresh != old);
        QCOMPARE(r.json().value(QStringLiteral("key_id")).toString(), fresh);
        QCOMPARE(r.json().value(QStringLiteral("versions_converted")).toInt(), 4);
        QCOMPARE(keyIdIn(backup), fresh);
        QCOMPARE(s.envelopesOf(fresh), 8);
        QCOMPARE(s.envelopesOf(old), 0);
        QCOMPARE(s.db.scalar("SELECT count(*) FROM audit_logs WHERE action = "
                             "'ai_prompt.encryption_rotate' AND old_values->>'key_id' = $1 AND "
                             "new_values->>'key_id' = $2",
                             {old, fresh}),
                 QStringLiteral("1"));

        // Every text opens with the new key from the keychain; each digest is the keyed one.
        DataKeyStore store;
        const KeychainIdentity id = KeychainIdentity::read(s.connection);
        const DataKeyLookup key = readKey(store, id.entryFor(fresh));
        QVERIFY(key.found);
        QCOMPARE(readKey(store, id.entryFor(old)).key.id(), old); // the old key stays
        PgResult rows = s.db.witness().exec(
            "SELECT prompt_id::text, version_no, system_prompt, user_prompt_template, "
            "content_sha256 FROM ai_prompt_versions");
        QCOMPARE(rows.rows(), 4);
        for (int i = 0; i < rows.rows(); ++i) {
            const Result<QString> open = PromptEnvelope::open(
                key.key, rows.value(i, 2), rows.value(i, 0), rows.value(i, 1).toInt());
            QVERIFY2(open.ok(), qPrintable(open.ok() ? QString() : open.error().toString()));
            const std::optional<QString> tmpl
                = rows.isNull(i, 3) ? std::nullopt : std::optional<QString>(rows.value(i, 3));
            QCOMPARE(rows.value(i, 4), ContentDigest::keyed(key.key, *open, tmpl));
        }
        r = migrate(s.db.conninfo(), {QStringLiteral("prompts"), QStringLiteral("list")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.out.count(QStringLiteral("[locked")), 0);
        // Back to plain text with the new key: the plain SHA-256 digests return.
        r = migrate(s.db.conninfo(), prompts({"encryption", "disable"}));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        rows = s.db.witness().exec(
            "SELECT system_prompt, user_prompt_template, content_sha256 FROM ai_prompt_versions");
        for (int i = 0; i < rows.rows(); ++i)
            QCOMPARE(rows.value(i, 2),
                     PromptDigest::contentSha256(rows.value(i, 0),
                                                 rows.isNull(i, 1)
                                                     ? std::nullopt
                                                     : std::optional<QString>(rows.value(i, 1))));
    }

    // Point 2: a key stored by an earlier version under "pg:<system id>/<database>" is found and
    // copied into the ring (the old entry stays).
    void keyOfAnEarlierVersionIsCopiedIntoTheRing()
    {
        Seeded s;
        Run r = migrate(s.db.conninfo(),
                        prompts({"encryption", "enable"}) << QStringLiteral("--no-backup"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QString keyId = s.keyId();
        s.used << keyId;
        DataKeyStore store;
        const KeychainIdentity id = KeychainIdentity::read(s.connection);
        const DataKeyLookup key = readKey(store, id.entryFor(keyId));
        QVERIFY(key.found);
        QCOMPARE(failure(writeKey(store, id.legacyEntries.first(), key.key)), QString());
        removeKey(store, id.entryFor(keyId));
        r = migrate(s.db.conninfo(), prompts({"encryption", "status"}));
        QCOMPARE(r.json().value(QStringLiteral("locked")).toBool(), false);
        QCOMPARE(readKey(store, id.entryFor(keyId)).key.bytes(), key.key.bytes());
        QVERIFY(readKey(store, id.legacyEntries.first()).found);
    }

    // Point 7: after enable (with its VACUUM FULL) and a checkpoint, the words of a known
    // system prompt are in none of the files of the prompt tables, their TOAST tables and
    // indexes (the full-text index held its lexemes, dead tuples the text, before).
    void noPlaintextInTheTableFilesAfterEnable()
    {
        Seeded s;
        PgConnection &w = s.db.witness();
        // A long, distinctive phrase of a seeded text and the lexemes the search index holds.
        const QString phrase = s.db.scalar(
            "SELECT substr(system_prompt, 40, 32) FROM ai_prompts ORDER BY prompt_id LIMIT 1");
        // (Only the words of the system prompts: names, descriptions and templates stay plain.)
        PgResult lex
            = w.exec("SELECT lexeme FROM ai_prompts, unnest(to_tsvector('english', system_prompt)) "
                     "WHERE length(lexeme) >= 9 EXCEPT SELECT lexeme FROM ai_prompts p, "
                     "unnest(to_tsvector('english', concat_ws(' ', p.name, p.description, "
                     "p.user_prompt_template, (to_jsonb(p) - 'system_prompt' - "
                     "'search_vector')::text))) EXCEPT SELECT lexeme FROM ai_prompt_versions v, "
                     "unnest(to_tsvector('english', concat_ws(' ', v.user_prompt_template, "
                     "v.change_note))) ORDER BY 1 LIMIT 20");
        QVERIFY(lex.ok() && lex.rows() >= 5);
        QList<QByteArray> needles{phrase.toUtf8()};
        for (int i = 0; i < lex.rows(); ++i)
            needles << lex.value(i, 0).toUtf8();
        // A transaction older than the conversion (a report, an autovacuum ANALYZE) holds a
        // snapshot: VACUUM FULL keeps every row version it may see, the plain ones too. The
        // rewrite waits for it to end first; it ends 1.5 s into the command here.
        PgConnection older;
        QVERIFY(older.open(s.db.conninfo(), QStringLiteral("older-snapshot")));
        QVERIFY(older.exec("BEGIN ISOLATION LEVEL REPEATABLE READ").ok());
        QVERIFY(older.exec("SELECT 1").ok()); // the snapshot; no lock on the prompt tables
        QProcess enable;
        enable.setStandardInputFile(QProcess::nullDevice());
        enable.start(TestCluster::migrateBinary(),
                     QStringList{QStringLiteral("--db"), s.db.conninfo(),
                                 QStringLiteral("--lock-timeout"), QStringLiteral("20s")}
                             + prompts({"encryption", "enable"})
                         << QStringLiteral("--no-backup"));
        QVERIFY(enable.waitForStarted());
        enable.waitForFinished(1500); // the conversion commits; the rewrite waits for `older`
        QVERIFY(older.exec("COMMIT").ok());
        QVERIFY(enable.waitForFinished(60000));
        const Run r{enable.exitCode(), QString::fromUtf8(enable.readAllStandardOutput()),
                    QString::fromUtf8(enable.readAllStandardError())};
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        s.used << s.keyId();
        QVERIFY2(!r.out.contains(QStringLiteral("were still open")), qPrintable(r.out));
        QVERIFY2(r.err.contains(QStringLiteral("ACCESS EXCLUSIVE"))
                     || r.out.contains(QStringLiteral("ACCESS EXCLUSIVE")),
                 qPrintable(r.err));
        QVERIFY(w.exec("CHECKPOINT").ok());
        PgResult files = w.exec(
            "SELECT pg_relation_filepath(c.oid) FROM pg_class c WHERE c.oid IN ("
            "SELECT oid FROM pg_class WHERE relname IN ('ai_prompts', 'ai_prompt_versions') "
            "UNION SELECT reltoastrelid FROM pg_class WHERE relname IN ('ai_prompts', "
            "'ai_prompt_versions') AND reltoastrelid <> 0 "
            "UNION SELECT indexrelid FROM pg_index WHERE indrelid IN (SELECT oid FROM pg_class "
            "WHERE relname IN ('ai_prompts', 'ai_prompt_versions') UNION SELECT reltoastrelid "
            "FROM pg_class WHERE relname IN ('ai_prompts', 'ai_prompt_versions')))");
        QVERIFY2(files.ok() && files.rows() >= 6, qPrintable(files.error().toString()));
        const QString dataDir = s.db.scalar("SHOW data_directory");
        QVERIFY(QDir(dataDir).exists());
        int read = 0;
        for (int i = 0; i < files.rows(); ++i) {
            const QString base = QDir(dataDir).filePath(files.value(i, 0));
            for (int segment = 0;; ++segment) {
                QFile f(segment == 0 ? base : base + QStringLiteral(".%1").arg(segment));
                if (!f.open(QIODevice::ReadOnly))
                    break;
                const QByteArray bytes = f.readAll();
                read += bytes.size();
                for (const QByteArray &needle : needles)
                    QVERIFY2(!bytes.contains(needle),
                             qPrintable(QStringLiteral("\"%1\" found in %2")
                                            .arg(QString::fromUtf8(needle), f.fileName())));
            }
        }
        QVERIFY(read > 0);
    }

    // Point 4: a decrypted export is audited (actor, database user, target).
    void decryptedExportIsAudited()
    {
        Seeded s;
        Run r = migrate(s.db.conninfo(),
                        prompts({"encryption", "enable"}) << QStringLiteral("--no-backup"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        s.used << s.keyId();
        const QString file = s.dir.filePath(QStringLiteral("plain.json"));
        r = migrate(s.db.conninfo(),
                    {QStringLiteral("prompts"), QStringLiteral("export"),
                     QStringLiteral("--decrypt"), QStringLiteral("--file"), file});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(s.db.scalar("SELECT count(*) FROM audit_logs WHERE action = "
                             "'ai_prompt.export_decrypted' AND new_values->>'file' = $1 AND "
                             "(new_values->>'prompts')::int = 4 AND "
                             "metadata->>'database_user' = current_user AND "
                             "metadata->>'console_user' <> '' AND metadata->>'profile' <> ''",
                             {file}),
                 QStringLiteral("1"));
    }
};

QTEST_GUILESS_MAIN(TstPromptKeyRing)
#include "tst_promptkeyring.moc"
