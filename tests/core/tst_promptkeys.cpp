// The data key in the OS keychain and on the command line: DataKeyStore under two service
// names (two keychains) with a key file between them; 'uaip-migrate prompts encryption
// enable|status|disable' and 'prompts key export|import' as processes against a real database,
// checked through a second connection: no plaintext while encrypted, locked without the key,
// nothing converted without a keychain or with a wrong passphrase. Needs a Secret Service
// (run under dbus-run-session with gnome-keyring unlocked, as packaging/bootstrap.sh does);
// skipped with a message otherwise.
#include "crypto/datakeystore.h"
#include "crypto/keychainidentity.h"
#include "crypto/keyfile.h"
#include "crypto/promptenvelope.h"
#include "keychaintestutil.h"
#include "platformdatabase.h"
#include "prompts/promptseeder.h"
#include "prompts/promptseedfile.h"
#include "requireorskip.h"
#include "testcluster.h"
#include "testdatabase.h"
#include "uaipmigratetestutil.h"

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

QString randomService()
{
    return QStringLiteral("uaip-admin-test-%1").arg(QRandomGenerator::global()->generate());
}

struct Seeded : PlatformDatabase
{
    Seeded()
        : PlatformDatabase(QStringLiteral("tst_promptkeys"))
    {
        PromptSeedFile file;
        if (!file.load(PromptSeedFile::bundledPath())
            || !PromptSeeder(connection).run(file, PromptSeeder::Options{}).ok())
            qFatal("seed failed");
    }
    QString plainCount()
    {
        return db.scalar("SELECT (SELECT count(*) FROM ai_prompts WHERE NOT "
                         "ai_prompt_text_is_envelope(system_prompt)) + (SELECT count(*) FROM "
                         "ai_prompt_versions WHERE NOT ai_prompt_text_is_envelope(system_prompt))");
    }
    // Rows of the prompt tables whose text form (every column) holds s.
    int rowsContaining(const QString &s)
    {
        return db
            .scalar("SELECT (SELECT count(*) FROM ai_prompts t WHERE strpos(t::text, $1) > 0) + "
                    "(SELECT count(*) FROM ai_prompt_versions t WHERE strpos(t::text, $1) > 0)",
                    {s})
            .toInt();
    }
};

// The exported key file: the owner's only, its key id in it, the key in no form.
void checkExportedFile(const QString &keyFile, const DataKeyLookup &key)
{
    QFile exported(keyFile);
    QVERIFY(exported.open(QIODevice::ReadOnly));
    const QByteArray bytes = exported.readAll();
    QCOMPARE(exported.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
             QFileDevice::Permissions());
    for (const QByteArray &form :
         {key.key.bytes().toHex(), key.key.bytes().toBase64(),
          key.key.bytes().toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals)})
        QVERIFY(!bytes.contains(form));
    QVERIFY(bytes.contains(key.key.id().toLatin1()));
}

} // namespace

class TstPromptKeys : public QObject
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

    // Two keychains (two service names): the key leaves one only as a key file and arrives in
    // the other whole; what one sealed, the other opens.
    void keyFileBetweenTwoKeychains()
    {
        DataKeyStore a(randomService());
        DataKeyStore b(randomService());
        const QString identity = QStringLiteral("pg:1/db");
        const DataKey key = DataKey::generate();
        QCOMPARE(failure(writeKey(a, identity, key)), QString());
        QVERIFY(!readKey(b, identity).found);
        const DataKeyLookup fromA = readKey(a, identity);
        QVERIFY(fromA.ok() && fromA.found);
        QCOMPARE(fromA.key.id(), key.id());
        const QString pass = QStringLiteral("a long enough passphrase");
        const Result<QByteArray> file = KeyFile::wrap(fromA.key, pass);
        QVERIFY2(file.ok(), qPrintable(file.ok() ? QString() : file.error().toString()));
        const Result<QByteArray> back = KeyFile::unwrap(*file, pass);
        QVERIFY2(back.ok(), qPrintable(back.ok() ? QString() : back.error().toString()));
        QCOMPARE(failure(writeKey(b, identity, DataKey::fromBytes(*back))), QString());
        const DataKeyLookup fromB = readKey(b, identity);
        QVERIFY(fromB.ok() && fromB.found);
        const QString env
            = PromptEnvelope::seal(fromA.key, QStringLiteral("moved"), QStringLiteral("p"), 1)
                  .value();
        QCOMPARE(PromptEnvelope::open(fromB.key, env, QStringLiteral("p"), 1).value(),
                 QStringLiteral("moved"));
        QCOMPARE(failure(removeKey(a, identity)), QString());
        QVERIFY(!readKey(a, identity).found);
        QVERIFY(readKey(b, identity).found); // the other keychain is another place
        removeKey(b, identity);
    }

    void cliEnableStatusDisable()
    {
        Seeded s;
        const QString conninfo = s.db.conninfo();
        const QString secret = s.db.scalar("SELECT substr(system_prompt, 100, 60) FROM ai_prompts "
                                           "ORDER BY prompt_id LIMIT 1");
        QCOMPARE(s.rowsContaining(secret), 2);
        Run r = migrate(conninfo,
                        {QStringLiteral("--json"), QStringLiteral("prompts"),
                         QStringLiteral("encryption"), QStringLiteral("status")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.json().value(QStringLiteral("enabled")).toBool(), false);
        QCOMPARE(r.json()[QStringLiteral("keychain")][QStringLiteral("found")].toBool(), false);

        r = migrate(conninfo,
                    {QStringLiteral("--json"), QStringLiteral("prompts"),
                     QStringLiteral("encryption"), QStringLiteral("enable"),
                     QStringLiteral("--no-backup")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.json().value(QStringLiteral("key_generated")).toBool(), true);
        QCOMPARE(r.json().value(QStringLiteral("versions_converted")).toInt(), 4);
        const QString keyId = r.json().value(QStringLiteral("key_id")).toString();
        QCOMPARE(s.plainCount(), QStringLiteral("0"));
        QCOMPARE(s.rowsContaining(secret), 0);

        r = migrate(conninfo,
                    {QStringLiteral("--json"), QStringLiteral("prompts"),
                     QStringLiteral("encryption"), QStringLiteral("status")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.json().value(QStringLiteral("enabled")).toBool(), true);
        QCOMPARE(r.json().value(QStringLiteral("key_id")).toString(), keyId);
        QCOMPARE(r.json().value(QStringLiteral("locked")).toBool(), false);
        QCOMPARE(
            r.json()[QStringLiteral("ai_prompt_versions")][QStringLiteral("encrypted")].toInt(), 4);

        // The prompt commands read through the codec: plain with the key in the keychain,
        // locked with the reason without one.
        const QString promptKey
            = s.db.scalar("SELECT prompt_id FROM ai_prompts ORDER BY prompt_id LIMIT 1");
        r = migrate(conninfo, {QStringLiteral("prompts"), QStringLiteral("show"), promptKey});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(secret));
        QProcessEnvironment noBus = QProcessEnvironment::systemEnvironment();
        noBus.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                     QStringLiteral("unix:path=/nonexistent/uaip-test-bus"));
        r = migrate(conninfo, {QStringLiteral("prompts"), QStringLiteral("show"), promptKey},
                    noBus);
        QVERIFY(!r.out.contains(secret));
        QVERIFY2(r.out.contains(QStringLiteral("locked")), qPrintable(r.out));
        r = migrate(conninfo, {QStringLiteral("prompts"), QStringLiteral("list")}, noBus);
        QCOMPARE(r.out.count(QStringLiteral("[locked: ")), 4);

        r = migrate(
            conninfo,
            {QStringLiteral("prompts"), QStringLiteral("encryption"), QStringLiteral("disable")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QStringLiteral("decrypted 4 prompt text(s) and 4 version text(s)")));
        QCOMPARE(s.rowsContaining(secret), 2);
        QCOMPARE(s.db.scalar("SELECT count(*) FROM audit_logs WHERE entity_type = "
                             "'ai_prompt_encryption' AND metadata->>'client' LIKE 'uaip-migrate%'"),
                 QStringLiteral("2"));
        DataKeyStore store;
        removeKey(store, KeychainIdentity::read(s.connection).entryFor(keyId));
    }

    // A passphrase file in dir; empty when it could not be written.
    static QString passphraseFile(const QTemporaryDir &dir, const char *name, const char *text)
    {
        const QString path = dir.filePath(QLatin1String(name));
        QFile f(path);
        return f.open(QIODevice::WriteOnly) && f.write(text) > 0 ? path : QString();
    }

    void cliKeyExportImport()
    {
        Seeded s;
        const QString conninfo = s.db.conninfo();
        QTemporaryDir dir;
        const QString keyFile = dir.filePath(QStringLiteral("prompt-key.json"));
        const QString passFile = passphraseFile(dir, "pass", "the right passphrase\n");
        const QString wrongFile = passphraseFile(dir, "wrong", "the wrong passphrase\n");
        QVERIFY(!passFile.isEmpty() && !wrongFile.isEmpty());
        QCOMPARE(migrate(conninfo,
                         {QStringLiteral("prompts"), QStringLiteral("encryption"),
                          QStringLiteral("enable"), QStringLiteral("--no-backup")})
                     .exitCode,
                 0);
        const QString identity
            = KeychainIdentity::read(s.connection)
                  .entryFor(s.db.scalar("SELECT key_id FROM ai_prompt_encryption"));
        DataKeyStore store;
        const DataKeyLookup key = readKey(store, identity);
        QVERIFY(key.found);

        // The passphrase never comes from an argument; without a terminal or file: refused.
        Run r = migrate(
            conninfo,
            {QStringLiteral("prompts"), QStringLiteral("key"), QStringLiteral("export"), keyFile});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("--passphrase-file")), qPrintable(r.err));
        QVERIFY(!QFile::exists(keyFile));
        r = migrate(conninfo,
                    {QStringLiteral("prompts"), QStringLiteral("key"), QStringLiteral("export"),
                     keyFile, QStringLiteral("--passphrase-file"), passFile});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        checkExportedFile(keyFile, key);
        if (QTest::currentTestFailed())
            return;

        // Without the key in the keychain: locked, and nothing converts.
        QCOMPARE(failure(removeKey(store, identity)), QString());
        r = migrate(conninfo,
                    {QStringLiteral("--json"), QStringLiteral("prompts"),
                     QStringLiteral("encryption"), QStringLiteral("status")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.json().value(QStringLiteral("locked")).toBool(), true);
        r = migrate(
            conninfo,
            {QStringLiteral("prompts"), QStringLiteral("encryption"), QStringLiteral("disable")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("key import")), qPrintable(r.err));
        QCOMPARE(s.plainCount(), QStringLiteral("0"));

        // A wrong passphrase imports nothing; the right one brings the key back.
        r = migrate(conninfo,
                    {QStringLiteral("prompts"), QStringLiteral("key"), QStringLiteral("import"),
                     keyFile, QStringLiteral("--passphrase-file"), wrongFile});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("wrong passphrase")), qPrintable(r.err));
        QVERIFY(!readKey(store, identity).found);
        r = migrate(conninfo,
                    {QStringLiteral("--json"), QStringLiteral("prompts"), QStringLiteral("key"),
                     QStringLiteral("import"), keyFile, QStringLiteral("--passphrase-file"),
                     passFile});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.json().value(QStringLiteral("key_id")).toString(), key.key.id());
        QCOMPARE(readKey(store, identity).key.bytes(), key.key.bytes());
        r = migrate(
            conninfo,
            {QStringLiteral("prompts"), QStringLiteral("encryption"), QStringLiteral("disable")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(s.db.scalar("SELECT count(*) FROM ai_prompt_versions WHERE "
                             "ai_prompt_text_is_envelope(system_prompt)"),
                 QStringLiteral("0"));
        // An existing key file is never overwritten.
        r = migrate(conninfo,
                    {QStringLiteral("prompts"), QStringLiteral("key"), QStringLiteral("export"),
                     keyFile, QStringLiteral("--passphrase-file"), passFile});
        QCOMPARE(r.exitCode, 2);
        removeKey(store, identity);
    }

    void cliWithoutKeychainConvertsNothing()
    {
        Seeded s;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                   QStringLiteral("unix:path=/nonexistent/uaip-test-bus"));
        const Run r = migrate(s.db.conninfo(),
                              {QStringLiteral("prompts"), QStringLiteral("encryption"),
                               QStringLiteral("enable"), QStringLiteral("--no-backup")},
                              env);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("nothing was converted")), qPrintable(r.err));
        QCOMPARE(s.plainCount(), QStringLiteral("8"));
        QCOMPARE(s.db.scalar("SELECT enabled::text FROM ai_prompt_encryption"),
                 QStringLiteral("false"));
    }

    void cliOnADatabaseWithoutTheMigrations()
    {
        TestDatabase empty;
        for (const char *sub : {"status", "enable"}) {
            QStringList args{QStringLiteral("prompts"), QStringLiteral("encryption"),
                             QLatin1String(sub)};
            if (QLatin1String(sub) == QLatin1String("enable"))
                args << QStringLiteral("--no-backup");
            const Run r = migrate(empty.conninfo(), args);
            QCOMPARE(r.exitCode, 2);
            QVERIFY2(r.err.contains(QStringLiteral("apply the migrations first")),
                     qPrintable(r.err));
        }
    }
};

QTEST_GUILESS_MAIN(TstPromptKeys)
#include "tst_promptkeys.moc"
