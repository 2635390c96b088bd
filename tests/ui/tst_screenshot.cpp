// Runs `uaip-admin --sandbox --screenshot DIR` on the test sandbox and checks the pictures, and
// that the run renders from a scratch database of its own: the sandbox's database is left as it
// was, the scratch databases are gone after the run (issue 60, point 3).
#include "db/pgconnection.h"
#include "platformtemplate.h"
#include "requireorskip.h"
#include "shell/screenshotscratch.h"
#include "testcluster.h"

#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using uaip::PgConnection;
using uaip::PgResult;
using uaip::test::TestCluster;

namespace {

QString adminBinary()
{
    const QString migrate = TestCluster::migrateBinary();
    const QString admin = QFileInfo(migrate).dir().filePath(QStringLiteral("uaip-admin"));
    return migrate.isEmpty() || !QFileInfo::exists(admin) ? QString() : admin;
}

QProcessEnvironment offscreen(const QTemporaryDir &config)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), config.path());
    return env;
}

// Every relation of the database's own schemas (tables, partitioned tables, sequences, views,
// with their columns and types) and the rows of every table and sequence, as one line per
// relation: equal before and after means nothing was written (a change of an indexed value, a
// new row, a new table, a sequence's step).
QStringList fingerprint(PgConnection &c)
{
    const PgResult relations = c.exec(
        "SELECT format('%I.%I', n.nspname, k.relname) AS name, k.relkind::text AS kind,"
        "       (SELECT string_agg(format('%s %s', a.attname, format_type(a.atttypid,"
        "                                  a.atttypmod)), ', ' ORDER BY a.attnum)"
        "          FROM pg_catalog.pg_attribute a"
        "         WHERE a.attrelid = k.oid AND a.attnum > 0 AND NOT a.attisdropped) AS columns"
        "  FROM pg_catalog.pg_class k JOIN pg_catalog.pg_namespace n ON n.oid = k.relnamespace"
        " WHERE k.relkind IN ('r', 'p', 'S', 'v', 'm', 'i')"
        "   AND n.nspname NOT IN ('pg_catalog', 'information_schema')"
        "   AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'"
        " ORDER BY 1");
    if (!relations.ok() || relations.rows() == 0)
        return {QStringLiteral("no relations: ") + c.lastLibpqMessage()};
    QStringList lines;
    for (int i = 0; i < relations.rows(); ++i) {
        const QString name = relations.value(i, "name");
        const QString kind = relations.value(i, "kind");
        QString rows;
        if (kind == u"r" || kind == u"p" || kind == u"m")
            rows = c.scalar("SELECT count(*) || ' ' || coalesce(md5(string_agg(t::text, ',' "
                            "ORDER BY t::text)), '-') FROM "
                            + name.toUtf8() + " t");
        else if (kind == u"S")
            rows = c.scalar("SELECT last_value || ' ' || is_called FROM " + name.toUtf8());
        lines << name + u' ' + kind + u' ' + relations.value(i, "columns") + u' ' + rows;
    }
    return lines;
}

// The first picture of a view that is missing, not 1280x800 or blank ("" when all are right).
QString badPicture(const QTemporaryDir &out)
{
    for (const char *name :
         {"migrations", "entities", "prompts", "prompts-diff", "prompts-labels", "analytics", "sql",
          "objects", "activity", "fleet", "rollback-preview"}) {
        const QString path = out.filePath(QLatin1String(name) + QStringLiteral(".png"));
        const QImage image(path);
        if (image.isNull() || image.size() != QSize(1280, 800))
            return path + QStringLiteral(": missing or not 1280x800");
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 7)
            for (int x = 0; x < image.width(); x += 7)
                colours.insert(image.pixel(x, y));
        if (colours.size() <= 8)
            return path + QStringLiteral(" looks blank");
    }
    return {};
}

// The first line two fingerprints differ in ("" when none).
QString firstDifference(const QStringList &before, const QStringList &after)
{
    for (qsizetype i = 0; i < std::max(before.size(), after.size()); ++i)
        if (before.value(i) != after.value(i))
            return QStringLiteral("before: %1\nafter:  %2").arg(before.value(i), after.value(i));
    return {};
}

// The whole log (QVERIFY2 cuts its message), without the offscreen plugin's noise.
void printWhole(const QString &log)
{
    QStringList lines = log.split(u'\n');
    lines.removeIf([](const QString &l) { return l.contains(u"propagateSizeHints"); });
    qWarning().noquote() << lines.join(u'\n');
}

} // namespace

class TestScreenshot : public QObject
{
    Q_OBJECT

private slots:
    void screenshotsOfEveryView()
    {
        const QString admin = adminBinary();
        if (admin.isEmpty())
            UAIP_REQUIRE_OR_SKIP(QStringLiteral("uaip-admin not found next to UAIP_MIGRATE_BIN"));
        const QString sandbox = TestCluster::sandbox().rootDir();
        // The user's sandbox database: the bundled migrations applied and a row of the user's.
        // The run must leave it as it is, exactly.
        const QString own = QStringLiteral("uaip");
        QVERIFY(TestCluster::sandbox().dropDatabase(own).ok());
        QVERIFY(
            TestCluster::sandbox().createDatabase(own, uaip::test::PlatformTemplate::name()).ok());
        PgConnection user;
        QVERIFY2(user.open(TestCluster::conninfo(own)), qPrintable(user.connectionError()));
        QVERIFY2(user.exec("INSERT INTO personas (name, role, description, background, "
                           "system_prompt) VALUES ('The user''s own', 'dba', 'kept', 'kept', "
                           "'kept')")
                     .ok(),
                 qPrintable(user.lastLibpqMessage()));
        const QStringList before = fingerprint(user);
        QVERIFY2(before.size() > 50, qPrintable(before.join(u'\n')));

        QTemporaryDir out;
        QTemporaryDir config;
        QProcess p;
        p.setProcessEnvironment(offscreen(config));
        p.start(admin,
                {QStringLiteral("--sandbox"), QStringLiteral("--sandbox-dir"), sandbox,
                 QStringLiteral("--screenshot"), out.path()});
        QVERIFY(p.waitForFinished(300000));
        const QString log = QString::fromUtf8(p.readAllStandardError());
        if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
            printWhole(log);
        QVERIFY2(p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0,
                 qPrintable(log.section(QStringLiteral("screenshot failed"), 1).left(600)));

        // Nothing of the user's changed; the run's scratch database (and its Fleet tenants) went
        // at its end.
        const QStringList after = fingerprint(user);
        const QString changed = firstDifference(before, after);
        QVERIFY2(changed.isEmpty(), qPrintable(changed));
        const QRegularExpressionMatch scratch
            = QRegularExpression(
                  QStringLiteral("rendering from the scratch database (uaip_screenshot_\\w+)"))
                  .match(log);
        QVERIFY2(scratch.hasMatch(), qPrintable(log));
        QVERIFY2(
            log.contains(QStringLiteral("dropped the scratch database ") + scratch.captured(1)),
            qPrintable(log));
        const QStringList made = QStringList{scratch.captured(1)}
            + uaip::ScreenshotScratch::tenants(scratch.captured(1));
        QCOMPARE(made.size(), 4);
        QCOMPARE(user.scalar("SELECT count(*) FROM pg_catalog.pg_database"
                             " WHERE datname = ANY (string_to_array($1, ','))",
                             {made.join(u',')}),
                 QStringLiteral("0"));
        // The Entities picture lists the tables as they are after the migrations and the demo
        // data (the tree is listed again): every platform table, personas with its rows.
        const QRegularExpressionMatch listed
            = QRegularExpression(QStringLiteral("entities: (\\d+) tables listed, personas (\\S+)"))
                  .match(log);
        QVERIFY2(listed.hasMatch(), qPrintable(log));
        QVERIFY2(listed.captured(1).toInt() >= 50, qPrintable(log));
        QVERIFY2(listed.captured(2).startsWith(u'~') && listed.captured(2) != QStringLiteral("~0"),
                 qPrintable(log));
        // Issue 33, point 5: every session the views opened is a QSqlDatabase connection (the
        // project's driver, issue 58), and the server sees no uaip-admin backend that is not one.
        const QRegularExpressionMatch sessions
            = QRegularExpression(QStringLiteral("sessions: (\\d+) open through QSqlDatabase, "
                                                "(\\d+) uaip-admin backends"))
                  .match(log);
        QVERIFY2(sessions.hasMatch(), qPrintable(log));
        QVERIFY2(sessions.captured(1).toInt() >= 5, qPrintable(log));
        QVERIFY2(sessions.captured(2) == sessions.captured(1),
                 qPrintable(log.section(QStringLiteral("sessions:"), 1).left(600)));
        // The Prompts view with a draft in the editor, the diff and the label history; its
        // review dialog at its own size.
        QVERIFY(!QImage(out.filePath(QStringLiteral("prompts-review.png"))).isNull());
        // The Activity view with a real lock chain of three sessions.
        QVERIFY2(!log.contains(QStringLiteral("no lock chain")), qPrintable(log));
        const QString picture = badPicture(out);
        QVERIFY2(picture.isEmpty(), qPrintable(picture));
    }

    void scratchDroppedWhenTheRunFails()
    {
        // The folder cannot be made: the run fails at once, while the sandbox starts and makes
        // the scratch database. It is dropped all the same, after the run's sessions and jobs.
        const QString admin = adminBinary();
        if (admin.isEmpty())
            UAIP_REQUIRE_OR_SKIP(QStringLiteral("uaip-admin not found next to UAIP_MIGRATE_BIN"));
        QTemporaryDir config;
        QProcess p;
        p.setProcessEnvironment(offscreen(config));
        p.start(admin,
                {QStringLiteral("--sandbox"), QStringLiteral("--sandbox-dir"),
                 TestCluster::sandbox().rootDir(), QStringLiteral("--screenshot"),
                 QStringLiteral("/dev/null/pictures")});
        QVERIFY(p.waitForFinished(120000));
        const QString log = QString::fromUtf8(p.readAllStandardError());
        QCOMPARE(p.exitCode(), 1);
        QVERIFY2(log.contains(QStringLiteral("screenshot failed: cannot create")), qPrintable(log));
        const QRegularExpressionMatch dropped
            = QRegularExpression(
                  QStringLiteral("dropped the scratch database (uaip_screenshot_\\w+)"))
                  .match(log);
        QVERIFY2(dropped.hasMatch(), qPrintable(log));
        const QStringList made = QStringList{dropped.captured(1)}
            + uaip::ScreenshotScratch::tenants(dropped.captured(1));
        PgConnection server;
        QVERIFY(server.open(TestCluster::conninfo(QStringLiteral("postgres"))));
        QCOMPARE(server.scalar("SELECT count(*) FROM pg_catalog.pg_database"
                               " WHERE datname = ANY (string_to_array($1, ','))",
                               {made.join(u',')}),
                 QStringLiteral("0"));
    }

    void refusedWithoutTheSandbox()
    {
        // With a profile (not --sandbox) the run would write into a database it did not make:
        // refused at once, nothing rendered, and --help says so.
        const QString admin = adminBinary();
        if (admin.isEmpty())
            UAIP_REQUIRE_OR_SKIP(QStringLiteral("uaip-admin not found next to UAIP_MIGRATE_BIN"));
        QTemporaryDir out;
        QTemporaryDir config;
        QProcess p;
        p.setProcessEnvironment(offscreen(config));
        p.start(admin, {QStringLiteral("--screenshot"), out.path()});
        QVERIFY(p.waitForFinished(60000));
        const QString log = QString::fromUtf8(p.readAllStandardError());
        QCOMPARE(p.exitCode(), 2);
        QVERIFY2(log.contains(QStringLiteral("--screenshot needs --sandbox")), qPrintable(log));
        QVERIFY(QDir(out.path()).entryList(QDir::Files).isEmpty());

        QProcess help;
        help.setProcessEnvironment(offscreen(config));
        help.start(admin, {QStringLiteral("--help")});
        QVERIFY(help.waitForFinished(60000));
        const QString text = QString::fromUtf8(help.readAllStandardOutput()).simplified();
        QVERIFY2(text.contains(QStringLiteral("scratch database of its own on the sandbox")),
                 qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Refused without --sandbox")), qPrintable(text));
    }
};

QTEST_MAIN(TestScreenshot)
#include "tst_screenshot.moc"
