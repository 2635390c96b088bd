// InitialSeeder against a real PostgreSQL: default organisation, permissions, built-in roles
// and their grants, the admin user with a bcrypt hash that verifies, idempotence, password
// rules, and 'uaip-migrate seed initial' as a process (password file, no TTY, short password).
#include "db/pgconnection.h"
#include "ledger/migrationsource.h"
#include "migrate/migrationrunner.h"
#include "platformdatabase.h"
#include "seed/initialseeder.h"
#include "testcluster.h"
#include "testdatabase.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace uaip;
using namespace uaip::test;

namespace {

const QString kPassword = QStringLiteral("correct horse battery staple");

struct Migrated : PlatformDatabase
{
    Migrated()
        : PlatformDatabase(QStringLiteral("tst_initialseeder"))
    { }
    InitialSeedReport seed(const QString &password = kPassword)
    {
        InitialSeeder::Options o;
        o.adminPassword = password;
        return InitialSeeder(connection).run(o);
    }
    // Row counts of every table seed initial writes, as one comparable string.
    QString counts()
    {
        return db.scalar(
            "SELECT concat_ws(',', (SELECT count(*) FROM users), (SELECT count(*) FROM "
            "organizations), "
            "(SELECT count(*) FROM roles), (SELECT count(*) FROM permissions), "
            "(SELECT count(*) FROM role_permissions), (SELECT count(*) FROM user_roles))");
    }
};

struct Run
{
    int exitCode = -1;
    QJsonObject json;
    QString err;
};

Run cli(const TestDatabase &db, const QStringList &args)
{
    QProcess p;
    p.start(TestCluster::migrateBinary(),
            QStringList{QStringLiteral("--db"), db.conninfo(), QStringLiteral("seed"),
                        QStringLiteral("initial")}
                + args);
    p.closeWriteChannel(); // stdin is a pipe, not a terminal
    if (!p.waitForFinished(120000))
        qFatal("uaip-migrate did not finish");
    return {p.exitCode(), QJsonDocument::fromJson(p.readAllStandardOutput()).object(),
            QString::fromUtf8(p.readAllStandardError())};
}

} // namespace

class TestInitialSeeder : public QObject
{
    Q_OBJECT

private slots:
    void createsEverything()
    {
        Migrated m;
        const InitialSeedReport r = m.seed();
        QVERIFY2(r.ok(), qPrintable(r.message));
        QVERIFY(r.adminCreated);
        QVERIFY(r.organizationCreated);
        QCOMPARE(r.rolesInserted, 5);
        QVERIFY(r.permissionsInserted >= 50);
        QVERIFY(r.grantsInserted > r.permissionsInserted);
        QCOMPARE(r.membershipsInserted, 1);
        QCOMPARE(m.db.scalar("SELECT count(*) FROM organizations WHERE slug = 'default'").toInt(),
                 1);
        QCOMPARE(m.db.scalar("SELECT string_agg(name, ',' ORDER BY name) FROM roles WHERE "
                             "organization_id IS NULL "
                             "AND is_system"),
                 QStringLiteral("admin,analyst,manager,operator,viewer"));
        // the admin role holds every permission, the viewer only reads
        QCOMPARE(m.db.scalar(
                     "SELECT count(*) FROM role_permissions rp JOIN roles r ON r.id = rp.role_id "
                     "WHERE r.name = 'admin'"),
                 m.db.scalar("SELECT count(*) FROM permissions"));
        QCOMPARE(
            m.db.scalar(
                    "SELECT count(*) FROM role_permissions rp JOIN roles r ON r.id = rp.role_id "
                    "JOIN permissions p ON p.id = rp.permission_id WHERE r.name = 'viewer' "
                    "AND p.action <> 'read'")
                .toInt(),
            0);
        // bcrypt through pgcrypto, cost 12, and it verifies
        QVERIFY(m.db.scalar("SELECT password_hash FROM users WHERE email = 'admin@uaip.local'")
                    .startsWith(QStringLiteral("$2a$12$")));
        QCOMPARE(m.db.scalar("SELECT crypt($1, password_hash) = password_hash FROM users WHERE "
                             "email = 'admin@uaip.local'",
                             {kPassword}),
                 QStringLiteral("t"));
        QCOMPARE(
            m.db.scalar("SELECT crypt('wrong password!', password_hash) = password_hash FROM users "
                        "WHERE email = 'admin@uaip.local'"),
            QStringLiteral("f"));
        QCOMPARE(m.db.scalar(
                     "SELECT u.role || '/' || r.name || '/' || o.slug FROM user_roles ur JOIN "
                     "users u ON "
                     "u.id = ur.user_id JOIN roles r ON r.id = ur.role_id JOIN organizations o ON "
                     "o.id = ur.organization_id"),
                 QStringLiteral("admin/admin/default"));
    }

    void isIdempotent()
    {
        Migrated m;
        QVERIFY(m.seed().ok());
        const QString before = m.counts();
        const QString hash
            = m.db.scalar("SELECT password_hash FROM users WHERE email = 'admin@uaip.local'");
        // a second run, even with another password, changes nothing (the admin keeps theirs)
        const InitialSeedReport again = m.seed(QStringLiteral("another long password"));
        QVERIFY2(again.ok(), qPrintable(again.message));
        QVERIFY(!again.changedAnything());
        QCOMPARE(m.counts(), before);
        QCOMPARE(m.db.scalar("SELECT password_hash FROM users WHERE email = 'admin@uaip.local'"),
                 hash);
    }

    void passwordRules_data()
    {
        QTest::addColumn<QString>("password");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("short") << QStringLiteral("short") << false;
        QTest::newRow("11 characters") << QStringLiteral("abcdefghijk") << false;
        QTest::newRow("12 characters") << QStringLiteral("abcdefghijkl") << true;
        QTest::newRow("12 characters, not ASCII") << QStringLiteral("pässwörtchen") << true;
        QTest::newRow("72 bytes") << QString(72, u'x') << true;
        QTest::newRow("73 bytes") << QString(73, u'x') << false;
    }

    void passwordRules()
    {
        QFETCH(QString, password);
        QFETCH(bool, accepted);
        QCOMPARE(InitialSeeder::checkPassword(password).isEmpty(), accepted);
        Migrated m;
        const InitialSeedReport r = m.seed(password);
        QCOMPARE(r.ok(), accepted);
        if (!accepted) {
            QCOMPARE(r.outcome, InitialSeedReport::Outcome::BadInput);
            QCOMPARE(m.counts(), QStringLiteral("0,0,0,0,0,0"));
        } else {
            QCOMPARE(m.db.scalar("SELECT crypt($1, password_hash) = password_hash FROM users",
                                 {password}),
                     QStringLiteral("t"));
        }
    }

    void cliPasswordSources()
    {
        Migrated m;
        // no file and no terminal: exit 2, no default password
        Run r = cli(m.db, {QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.json.value(QStringLiteral("code")).toString(), QStringLiteral("bad-input"));
        QCOMPARE(r.json.value(QStringLiteral("args"))
                     .toObject()
                     .value(QStringLiteral("option"))
                     .toString(),
                 QStringLiteral("admin-password-file"));
        QCOMPARE(m.counts(), QStringLiteral("0,0,0,0,0,0"));

        QTemporaryDir dir;
        auto write = [&](const QString &name, const QByteArray &content) {
            QFile f(dir.filePath(name));
            if (!f.open(QIODevice::WriteOnly))
                qFatal("cannot write");
            f.write(content);
            f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
            return f.fileName();
        };
        r = cli(m.db,
                {QStringLiteral("--admin-password-file"),
                 write(QStringLiteral("short"), "too short\n")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("at least 12")), qPrintable(r.err));
        QCOMPARE(m.counts(), QStringLiteral("0,0,0,0,0,0"));

        r = cli(m.db,
                {QStringLiteral("--admin-password-file"), dir.filePath(QStringLiteral("missing"))});
        QCOMPARE(r.exitCode, 2);

        // the trailing newline of the file is not part of the password
        const QString good = write(QStringLiteral("good"), kPassword.toUtf8() + "\n");
        r = cli(m.db, {QStringLiteral("--admin-password-file"), good, QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.json.value(QStringLiteral("command")).toString(),
                 QStringLiteral("seed initial"));
        QCOMPARE(r.json.value(QStringLiteral("admin_created")).toBool(), true);
        QCOMPARE(
            m.db.scalar("SELECT crypt($1, password_hash) = password_hash FROM users", {kPassword}),
            QStringLiteral("t"));
        r = cli(m.db, {QStringLiteral("--admin-password-file"), good, QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.json.value(QStringLiteral("admin_created")).toBool(), false);
        QCOMPARE(r.json.value(QStringLiteral("grants_inserted")).toInt(), 0);
    }

    // On a database without the platform tables the report carries the server's SQLSTATE
    // (42P01), and the CLI advises to migrate first from that code.
    void withoutTheMigrationsTheCliSaysMigrateFirst()
    {
        TestDatabase empty;
        InitialSeeder::Options o;
        o.adminPassword = kPassword;
        const InitialSeedReport report = InitialSeeder(empty.witness()).run(o);
        QCOMPARE(report.outcome, InitialSeedReport::Outcome::Failed);
        QCOMPARE(report.error.sqlState(), QStringLiteral("42P01"));
        QCOMPARE(report.error.code(), ErrorCode::Server);

        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("password")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(kPassword.toUtf8() + "\n");
        file.close();
        QVERIFY(file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
        const Run r = cli(empty, {QStringLiteral("--admin-password-file"), file.fileName()});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("apply the migrations first")), qPrintable(r.err));
    }

    // Issue 57, point 10: a password file others may read is refused (nothing written), and the
    // password never reaches the server: what it stores and what its statements carried is a
    // bcrypt hash made by the client (pg_stat_statements and the activity view hold no password).
    void thePasswordStaysWithTheClient()
    {
        Migrated m;
        QTemporaryDir dir;
        QFile open(dir.filePath(QStringLiteral("open")));
        QVERIFY(open.open(QIODevice::WriteOnly));
        open.write(kPassword.toUtf8() + "\n");
        open.close();
        QVERIFY(open.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner
                                    | QFileDevice::ReadGroup | QFileDevice::ReadOther));
        Run r = cli(
            m.db,
            {QStringLiteral("--admin-password-file"), open.fileName(), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.json.value(QStringLiteral("code")).toString(), QStringLiteral("refused"));
        QCOMPARE(r.json.value(QStringLiteral("args"))
                     .toObject()
                     .value(QStringLiteral("path"))
                     .toString(),
                 open.fileName());
        QCOMPARE(m.counts(), QStringLiteral("0,0,0,0,0,0"));
        QVERIFY(open.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
        // every statement of this database logged with its bound values, in the server's log
        QVERIFY(m.db.witness()
                    .exec("ALTER DATABASE " + m.db.witness().quoteIdentifier(m.db.name())
                          + " SET log_statement = 'all'")
                    .ok());
        r = cli(m.db, {QStringLiteral("--admin-password-file"), open.fileName()});
        QCOMPARE(r.exitCode, 0);
        QFile log(TestCluster::sandbox().logFile());
        QVERIFY2(log.open(QIODevice::ReadOnly), qPrintable(log.fileName()));
        const QByteArray logged = log.readAll();
        QVERIFY(logged.contains("INSERT INTO users"));
        QVERIFY2(!logged.contains(kPassword.toUtf8()), "the password is in the server's log");
        const QString hash = m.db.scalar("SELECT password_hash FROM users");
        QVERIFY2(hash.startsWith(QLatin1String("$2a$12$")), qPrintable(hash));
        QCOMPARE(
            m.db.scalar("SELECT crypt($1, password_hash) = password_hash FROM users", {kPassword}),
            QStringLiteral("t"));
        QCOMPARE(m.db.scalar("SELECT crypt('not the password', password_hash) = password_hash "
                             "FROM users"),
                 QStringLiteral("f"));
    }
};

QTEST_GUILESS_MAIN(TestInitialSeeder)
#include "tst_initialseeder.moc"
