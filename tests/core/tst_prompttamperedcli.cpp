// uaip-migrate and a tampered text (issue 20, point 12) and the conversion's announcements
// (point 13), as processes against a real database with the key in a real keychain (Secret
// Service under dbus-run-session with gnome-keyring unlocked; skipped with a message
// otherwise): `encryption enable` says how long it will hold the prompt tables before it does,
// and gives up within --lock-timeout with a message when another session holds them; after the
// served text of a prompt is altered behind the console's back, `prompts list` and `prompts
// show` say TAMPERED (and "tampered": true with --json) and `prompts label` onto a tampered
// version refuses.
#include "crypto/datakeystore.h"
#include "crypto/keychainidentity.h"
#include "keychaintestutil.h"
#include "platformdatabase.h"
#include "prompts/promptseeder.h"
#include "prompts/promptseedfile.h"
#include "requireorskip.h"
#include "testcluster.h"
#include "uaipmigratetestutil.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QtTest>

using namespace uaip;
using namespace uaip::test;

namespace {

struct Seeded : PlatformDatabase
{
    Seeded()
        : PlatformDatabase(QStringLiteral("tst_prompttamperedcli"))
    {
        PromptSeedFile file;
        if (!file.load(PromptSeedFile::bundledPath())
            || !PromptSeeder(connection).run(file, PromptSeeder::Options{}).ok())
            qFatal("seed failed");
    }
    ~Seeded()
    {
        DataKeyStore store;
        removeKey(store, KeychainIdentity::read(connection).identity);
    }
};

const QString kCoach = QStringLiteral("reference-coach-v1");

} // namespace

class TstPromptTamperedCli : public QObject
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

    void enableSaysHowLongAndGivesUpOnABusyTable()
    {
        Seeded s;
        const QString conninfo = s.db.conninfo();
        PgConnection &w = s.db.witness();
        QVERIFY(w.exec("BEGIN").ok());
        QVERIFY(w.exec("UPDATE ai_prompts SET is_active = is_active").ok());
        Run r = migrate(conninfo,
                        {QStringLiteral("--lock-timeout"), QStringLiteral("500ms"),
                         QStringLiteral("prompts"), QStringLiteral("encryption"),
                         QStringLiteral("enable"), QStringLiteral("--no-backup")});
        QVERIFY(w.exec("ROLLBACK").ok());
        QCOMPARE(r.exitCode, 1);
        // Said first (stdout, a progress message), before the tables are asked for.
        QVERIFY2(r.out.contains(QStringLiteral("prompts encryption enable: ai_prompts and "
                                               "ai_prompt_versions are locked against writers "
                                               "(readers go on) for about 1 second(s) (8 texts); "
                                               "the locks are waited for at most 0.5 s")),
                 qPrintable(r.out));
        QVERIFY2(r.err.contains(QStringLiteral("another session holds a lock on ai_prompts or "
                                               "ai_prompt_versions")),
                 qPrintable(r.err));
        // It gave up at its own lock timeout while the other session still held its lock (that
        // session ends only after the command returned): it did not wait for it.
        QVERIFY2(r.err.contains(QStringLiteral("waited 500 ms (the lock timeout) and gave up")),
                 qPrintable(r.err));
        QCOMPARE(s.db.scalar("SELECT enabled::text FROM ai_prompt_encryption"),
                 QStringLiteral("false"));
        // Without the other session it runs.
        r = migrate(conninfo,
                    {QStringLiteral("prompts"), QStringLiteral("encryption"),
                     QStringLiteral("enable"), QStringLiteral("--no-backup")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }

    void tamperedShowsInListAndShowAndRefusesALabel()
    {
        Seeded s;
        const QString conninfo = s.db.conninfo();
        Run r = migrate(conninfo,
                        {QStringLiteral("prompts"), QStringLiteral("encryption"),
                         QStringLiteral("enable"), QStringLiteral("--no-backup")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = migrate(conninfo, {QStringLiteral("prompts"), QStringLiteral("list")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(!r.out.contains(QStringLiteral("TAMPERED")), qPrintable(r.out));
        // The table owner, bypassing the triggers: the coach's served text and its version 1
        // get the analyzer's envelope (valid, but bound to another prompt).
        PgResult t = s.db.witness().execScript(
            "ALTER TABLE ai_prompts DISABLE TRIGGER USER;"
            "ALTER TABLE ai_prompt_versions DISABLE TRIGGER USER;"
            "UPDATE ai_prompts SET system_prompt = (SELECT system_prompt FROM ai_prompts WHERE "
            "prompt_id = 'authenticity-analyzer-v1') WHERE prompt_id = 'reference-coach-v1';"
            "UPDATE ai_prompt_versions SET system_prompt = (SELECT system_prompt FROM ai_prompts "
            "WHERE prompt_id = 'authenticity-analyzer-v1') WHERE prompt_id = (SELECT id FROM "
            "ai_prompts WHERE prompt_id = 'reference-coach-v1');"
            "ALTER TABLE ai_prompts ENABLE TRIGGER USER;"
            "ALTER TABLE ai_prompt_versions ENABLE TRIGGER USER");
        QVERIFY2(t.ok(), qPrintable(t.error().toString()));

        r = migrate(conninfo, {QStringLiteral("prompts"), QStringLiteral("list")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out.count(QStringLiteral("[TAMPERED: tampered: ")), 1);
        const QString coachLine = r.out.split(u'\n').filter(kCoach).value(0);
        QVERIFY2(coachLine.contains(QStringLiteral("[TAMPERED: ")), qPrintable(r.out));
        r = migrate(conninfo,
                    {QStringLiteral("--json"), QStringLiteral("prompts"), QStringLiteral("list")});
        int tampered = 0;
        for (const QJsonValue &p : r.json().value(QStringLiteral("prompts")).toArray())
            if (p[QStringLiteral("tampered")].toBool()) {
                ++tampered;
                QCOMPARE(p[QStringLiteral("prompt_id")].toString(), kCoach);
            }
        QCOMPARE(tampered, 1);

        r = migrate(conninfo, {QStringLiteral("prompts"), QStringLiteral("show"), kCoach});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("system prompt: TAMPERED (tampered: ")),
                 qPrintable(r.out));
        r = migrate(
            conninfo,
            {QStringLiteral("--json"), QStringLiteral("prompts"), QStringLiteral("show"), kCoach});
        QCOMPARE(r.json().value(QStringLiteral("tampered")).toBool(), true);
        QCOMPARE(r.json()[QStringLiteral("version")][QStringLiteral("tampered")].toBool(), true);

        const QString labels = s.db.scalar("SELECT count(*) FROM ai_prompt_labels");
        r = migrate(conninfo,
                    {QStringLiteral("prompts"), QStringLiteral("label"), kCoach,
                     QStringLiteral("staging"), QStringLiteral("1")});
        QVERIFY2(r.exitCode != 0, qPrintable(r.out));
        QVERIFY2(r.err.contains(QStringLiteral("version 1 of \"%1\" is tampered").arg(kCoach)),
                 qPrintable(r.err));
        QCOMPARE(s.db.scalar("SELECT count(*) FROM ai_prompt_labels"), labels);
    }
};

QTEST_MAIN(TstPromptTamperedCli)
#include "tst_prompttamperedcli.moc"
