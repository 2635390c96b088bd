// Issue 19, the start-up of uaip-migrate: QtKeychain (and with it QtDBus, libdbus, GLib,
// systemd, libgcrypt) is a module loaded only by what uses a key, and libpg_query is linked
// in; a missing module is named with where it was looked for, and nothing is changed.
#include "platformdatabase.h"
#include "testcluster.h"
#include "uaipmigratetestutil.h"

#include <QProcess>
#include <QProcessEnvironment>
#include <QtTest>

using namespace uaip;
using namespace uaip::test;

class TstKeychainModule : public QObject
{
    Q_OBJECT

private slots:
    // The loader's own account of the libraries it maps (LD_DEBUG=files), for a command that
    // reads the folder and the ledger: none of the keychain's, and no libpg_query.so.
    void startLoadsNoKeychainLibraries()
    {
        PlatformDatabase p(QStringLiteral("tst_keychainmodule"));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("LD_DEBUG"), QStringLiteral("files"));
        const Run r = migrate(p.db.conninfo(), {QStringLiteral("status")}, env);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err.right(2000)));
        QVERIFY2(r.err.contains(QLatin1String("libQt6Core.so")), "LD_DEBUG said nothing");
        for (const char *library : {"libqt6keychain", "libQt6DBus", "libdbus-1", "libgcrypt",
                                    "libsystemd", "libpg_query.so", "uaip_keychain"})
            QVERIFY2(!r.err.contains(QLatin1String(library)),
                     qPrintable(QStringLiteral("status loaded %1").arg(library)));
    }

    // Enabling encryption without the module: refused before anything is written, naming
    // the file it looked for.
    void aMissingModuleIsNamedAndChangesNothing()
    {
        PlatformDatabase p(QStringLiteral("tst_keychainmodule"));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        const QString missing = QStringLiteral("/nonexistent/uaip_keychain.so");
        env.insert(QStringLiteral("UAIP_KEYCHAIN_MODULE"), missing);
        const Run r = migrate(p.db.conninfo(),
                              {QStringLiteral("prompts"), QStringLiteral("encryption"),
                               QStringLiteral("enable"), QStringLiteral("--no-backup")},
                              env);
        QVERIFY2(r.exitCode != 0, qPrintable(r.out + r.err));
        QVERIFY2(r.err.contains(missing) && r.err.contains(QLatin1String("keychain module")),
                 qPrintable(r.err));
        QCOMPARE(p.db.scalar("SELECT enabled::text FROM ai_prompt_encryption"),
                 QStringLiteral("false"));
        QCOMPARE(p.db.scalar("SELECT count(*) FROM ai_prompt_versions "
                             "WHERE system_prompt LIKE 'uaipenc:%'"),
                 QStringLiteral("0"));
    }
};

QTEST_GUILESS_MAIN(TstKeychainModule)
#include "tst_keychainmodule.moc"
