#include "platformtemplate.h"

#include "db/pgconnection.h"
#include "ledger/migrationsource.h"
#include "migrate/migrationrunner.h"
#include "testcluster.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

namespace uaip::test {

namespace {

constexpr auto kPrefix = "uaip_tpl_";
// Serialises the template's build between test processes (in the maintenance database).
constexpr auto kLock = "SELECT pg_advisory_lock(hashtext('uaip-test-platform-template'))";
constexpr auto kUnlock = "SELECT pg_advisory_unlock(hashtext('uaip-test-platform-template'))";
constexpr auto kStarted = "SELECT extract(epoch FROM pg_postmaster_start_time())::bigint";
constexpr auto kExists = "SELECT 1 FROM pg_database WHERE datname = $1";
constexpr auto kStale = "SELECT datname FROM pg_database WHERE datname LIKE 'uaip\\_tpl\\_%' "
                        "AND datname NOT LIKE $1 || '%'";
constexpr auto kDrop = "DROP DATABASE IF EXISTS ";
constexpr auto kRename = " RENAME TO ";
constexpr auto kClose = " WITH ALLOW_CONNECTIONS false IS_TEMPLATE true";
constexpr auto kNoConnections = " WITH ALLOW_CONNECTIONS false";
constexpr auto kEndSessions = "SELECT pg_terminate_backend(pid, 10000) FROM pg_stat_activity "
                              "WHERE datname = $1 AND pid <> pg_backend_pid()";
constexpr auto kUnmark = " WITH IS_TEMPLATE false";

void hashTree(QCryptographicHash &hash, const QString &root)
{
    QStringList files;
    QDirIterator it(root, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << it.next();
    files.sort();
    for (const QString &path : std::as_const(files)) {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            qFatal("platform template: cannot read %s", qPrintable(path));
        hash.addData(path.toUtf8());
        hash.addData(f.readAll());
    }
}

void must(const PgResult &r, const char *what)
{
    if (!r.ok())
        qFatal("platform template: %s: %s", what, qPrintable(r.error().toString()));
}

} // namespace

QString PlatformTemplate::name()
{
    static const QString made = [] {
        Sandbox &cluster = TestCluster::sandbox();
        PgConnection c;
        if (!c.open(cluster.conninfo(), QStringLiteral("uaip-test-template")))
            qFatal("platform template: connect: %s", qPrintable(c.connectionError()));
        const QString prefix = QLatin1String(kPrefix) + c.scalar(kStarted) + u'_';

        QCryptographicHash hash(QCryptographicHash::Sha256);
        hashTree(hash, MigrationSource::bundledDir());
        hashTree(hash, QStringLiteral(":/sql"));
        const QFileInfo self(QCoreApplication::applicationFilePath());
        hash.addData(self.absoluteFilePath().toUtf8());
        hash.addData(QByteArray::number(self.lastModified().toMSecsSinceEpoch()));
        const QString name = prefix + QString::fromLatin1(hash.result().toHex().left(16));

        must(c.exec(kLock), "lock");
        if (c.scalar(kExists, {name}).isEmpty()) {
            // Earlier cluster starts' copies: no test of this start uses them.
            PgResult stale = c.exec(kStale, {prefix});
            must(stale, "list old copies");
            for (int i = 0; i < stale.rows(); ++i) {
                const QByteArray old = c.quoteIdentifier(stale.value(i, 0));
                must(c.exec("ALTER DATABASE " + old + kUnmark), "unmark an old copy");
                must(c.exec(kDrop + old), "drop an old copy");
            }
            const QString building = name + QStringLiteral("_b");
            must(c.exec(kDrop + c.quoteIdentifier(building)), "drop a half-built copy");
            if (const Status created
                = cluster.createDatabase(building, QStringLiteral("template0"));
                !created)
                qFatal("platform template: create: %s", qPrintable(created.error().toString()));
            {
                PgConnection target;
                if (!target.open(cluster.conninfo(building), QStringLiteral("uaip-test-template")))
                    qFatal("platform template: connect: %s", qPrintable(target.connectionError()));
                MigrationSource source;
                if (!source.load(MigrationSource::bundledDir()))
                    qFatal("bundled migrations: %s", qPrintable(source.errors().join(u'\n')));
                MigrationRunner runner(target, source.migrations(), MigrationRunner::Options{});
                const RunResult r = runner.up();
                if (!r.ok())
                    qFatal("migrations failed: %s", qPrintable(r.message));
            } // disconnected: a template must have no sessions when it is copied
            // nor may another session hold up the rename: a test's search over every database
            // of the cluster (the Objects view) may have just connected to it
            must(c.exec("ALTER DATABASE " + c.quoteIdentifier(building) + kNoConnections),
                 "refuse connections");
            must(c.exec(kEndSessions, {building}), "end other sessions");
            must(c.exec("ALTER DATABASE " + c.quoteIdentifier(building) + kRename
                        + c.quoteIdentifier(name)),
                 "publish");
            must(c.exec("ALTER DATABASE " + c.quoteIdentifier(name) + kClose), "close");
        }
        must(c.exec(kUnlock), "unlock");
        return name;
    }();
    return made;
}

} // namespace uaip::test
