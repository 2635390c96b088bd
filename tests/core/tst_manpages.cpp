// The man pages say what the binaries do: every command, sub-command, option and exit code
// printed by `uaip-migrate --help` appears in packaging/man/uaip-migrate.1, every option of
// `uaip-admin --help` in uaip-admin.1, and both binaries and the built pages carry one version.
#include "testcluster.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

using uaip::test::TestCluster;

namespace {

QString binary(const QString &name)
{
    return QFileInfo(TestCluster::migrateBinary()).dir().filePath(name);
}

QString run(const QString &program, const QStringList &args)
{
    QProcess p;
    p.start(program, args);
    if (!p.waitForFinished(60000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        qFatal("%s %s failed: %s", qPrintable(program), qPrintable(args.join(u' ')),
               p.readAllStandardError().constData());
    return QString::fromUtf8(p.readAllStandardOutput());
}

// The man page's source as plain text lines: font escapes gone, "\-" a hyphen, macro names
// (.B, .BR, .TP, ...) kept at the start of their lines.
QStringList manLines(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    QString text = QString::fromUtf8(f.readAll());
    text.remove(QRegularExpression(QStringLiteral(R"(\\f[BIRP])")));
    text.replace(QStringLiteral("\\-"), QStringLiteral("-"));
    text.replace(QStringLiteral("\\(dq"), QStringLiteral("\""));
    return text.split(u'\n');
}

// The lines of section NAME (from ".SH NAME" to the next ".SH").
QStringList section(const QStringList &lines, const QString &name)
{
    const qsizetype start = lines.indexOf(QStringLiteral(".SH ") + name);
    if (start < 0)
        return {};
    QStringList out;
    for (qsizetype i = start + 1; i < lines.size() && !lines[i].startsWith(u".SH "); ++i)
        out << lines[i];
    return out;
}

// The tag lines of a section's .TP paragraphs, without macro names and quotes.
QStringList tags(const QStringList &lines)
{
    static const QRegularExpression macro(QStringLiteral(R"(^\.[A-Z]{1,2} )"));
    QStringList out;
    for (qsizetype i = 0; i + 1 < lines.size(); ++i)
        if (lines[i] == QLatin1String(".TP"))
            out << QString(lines[i + 1]).remove(macro).remove(u'"');
    return out;
}

// "--name" options of a QCommandLineParser help text.
QStringList helpOptions(const QString &help)
{
    QStringList out;
    static const QRegularExpression option(
        QStringLiteral(R"(^\s+(?:-[a-zA-Z?], )*--([a-z][a-z-]*))"),
        QRegularExpression::MultilineOption);
    for (auto it = option.globalMatch(help); it.hasNext();)
        out << QStringLiteral("--") + it.next().captured(1);
    return out;
}

} // namespace

class TestManPages : public QObject
{
    Q_OBJECT

private slots:
    void migrateHelpIsInTheManPage()
    {
        const QString help = run(TestCluster::migrateBinary(), {QStringLiteral("--help")});
        const QStringList man
            = manLines(TestCluster::sourceDir() + QStringLiteral("/packaging/man/uaip-migrate.1"));
        const QStringList commandTags = tags(section(man, QStringLiteral("COMMANDS")));
        const QStringList optionTags = tags(section(man, QStringLiteral("OPTIONS")));
        QVERIFY(!commandTags.isEmpty() && !optionTags.isEmpty());

        // Commands: the lines of the "Commands:" block that start with a command word.
        const qsizetype from = help.indexOf(QStringLiteral("Commands:"));
        const qsizetype to = help.indexOf(QStringLiteral("Exit codes:"));
        QVERIFY(from > 0 && to > from);
        static const QRegularExpression command(
            QStringLiteral(R"(^  ([a-z][a-z-]*)(?: ([a-z|]+)(?= |$))?)"),
            QRegularExpression::MultilineOption);
        const QString block = help.mid(from, to - from);
        int commands = 0;
        for (auto it = command.globalMatch(block); it.hasNext(); ++commands) {
            const auto m = it.next();
            const QString name = m.captured(1);
            const QStringList subs = m.captured(2).split(u'|', Qt::SkipEmptyParts);
            const bool hasSubs = !subs.isEmpty()
                && (name == u"seed" || name == u"sandbox" || name == u"prompts"
                    || name == u"activity" || name == u"insights");
            // a command with sub-commands: the paragraph of that sub-command
            const auto tag
                = std::find_if(commandTags.cbegin(), commandTags.cend(), [&](const QString &t) {
                      return t == name
                          || (hasSubs ? t.simplified().startsWith(name + u' ' + subs.first())
                                      : t.startsWith(name + u' '));
                  });
            QVERIFY2(tag != commandTags.cend(),
                     qPrintable(QStringLiteral("command \"%1\" is not in uaip-migrate.1")
                                    .arg(m.captured(0).trimmed())));
            for (const QString &sub : hasSubs ? subs : QStringList())
                QVERIFY2(tag->contains(sub),
                         qPrintable(
                             QStringLiteral("\"%1 %2\" is not in uaip-migrate.1").arg(name, sub)));
            // The options the help shows with the command are in its paragraph's tag too.
            static const QRegularExpression inline_(QStringLiteral(R"(--[a-z-]+)"));
            // (the synopsis part of the line, before the description's column)
            const QString line = block.mid(m.capturedStart())
                                     .section(u'\n', 0, 0)
                                     .trimmed()
                                     .section(QStringLiteral("  "), 0, 0);
            for (auto o = inline_.globalMatch(line); o.hasNext();) {
                const QString opt = o.next().captured(0);
                QVERIFY2(tag->contains(opt),
                         qPrintable(QStringLiteral("\"%1\" of \"%2\" is not in uaip-migrate.1")
                                        .arg(opt, name)));
            }
        }
        QVERIFY(commands >= 12);

        // Options: every --name of the help has its own paragraph.
        const QStringList options = helpOptions(help);
        QVERIFY(options.size() >= 20);
        for (const QString &option : options)
            QVERIFY2(std::any_of(optionTags.cbegin(), optionTags.cend(),
                                 [&](const QString &t) {
                                     return t.contains(option + u' ') || t.endsWith(option);
                                 }),
                     qPrintable(option + QStringLiteral(" is not in uaip-migrate.1")));

        // Exit codes: each one the help names is in EXIT STATUS.
        static const QRegularExpression code(QStringLiteral(R"((?:^|[ ,:])(\d) [a-z])"));
        const QStringList exitTags = tags(section(man, QStringLiteral("EXIT STATUS")));
        int codes = 0;
        for (auto it = code.globalMatch(help.mid(to).section(QStringLiteral("\n\n"), 0, 0));
             it.hasNext(); ++codes) {
            const QString c = it.next().captured(1);
            QVERIFY2(exitTags.contains(c),
                     qPrintable(QStringLiteral("exit code %1 is not in uaip-migrate.1").arg(c)));
        }
        QCOMPARE(codes, 5);
    }

    void adminHelpIsInTheManPage()
    {
        const QString help = run(binary(QStringLiteral("uaip-admin")), {QStringLiteral("--help")});
        const QStringList optionTags = tags(section(
            manLines(TestCluster::sourceDir() + QStringLiteral("/packaging/man/uaip-admin.1")),
            QStringLiteral("OPTIONS")));
        const QStringList options = helpOptions(help);
        QVERIFY(options.contains(QStringLiteral("--screenshot")));
        for (const QString &option : options)
            QVERIFY2(std::any_of(optionTags.cbegin(), optionTags.cend(),
                                 [&](const QString &t) {
                                     return t.contains(option + u' ') || t.endsWith(option);
                                 }),
                     qPrintable(option + QStringLiteral(" is not in uaip-admin.1")));
    }

    void oneVersion()
    {
        const QString migrate
            = run(TestCluster::migrateBinary(), {QStringLiteral("--version")}).trimmed();
        const QString admin
            = run(binary(QStringLiteral("uaip-admin")), {QStringLiteral("--version")}).trimmed();
        QVERIFY2(migrate.startsWith(QStringLiteral("uaip-migrate ")), qPrintable(migrate));
        const QString version = migrate.section(u' ', 1);
        QVERIFY(!version.isEmpty());
        QCOMPARE(admin, QStringLiteral("uaip-admin ") + version);
        // The built (configured) pages carry the same version in their header.
        for (const char *page : {"uaip-migrate.1", "uaip-admin.1"}) {
            const QString path = QFileInfo(TestCluster::migrateBinary())
                                     .dir()
                                     .filePath(QStringLiteral("../man/") + QLatin1String(page));
            const QStringList lines = manLines(path);
            const auto th = std::find_if(lines.cbegin(), lines.cend(), [](const QString &l) {
                return l.startsWith(QStringLiteral(".TH "));
            });
            QVERIFY2(th != lines.cend(), qPrintable(path));
            QVERIFY2(th->contains(QStringLiteral("\"uaip-admin ") + version + u'"'),
                     qPrintable(*th));
        }
    }
};

QTEST_GUILESS_MAIN(TestManPages)
#include "tst_manpages.moc"
