// Issue 13: translations/uaip_<lang>.ts hold every user-visible string, all translated. lupdate
// (translations/update-ts.sh: the sources of both binaries, -no-obsolete) runs on a copy of each
// committed .ts; the test lists every message that is new (in the sources, not in the committed
// file), unfinished, or has an empty translation or numerus form — with context, file and line.
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

namespace {

struct Message
{
    QString context;
    QString source;
    QString comment;
    QString location; // file:line, file relative to the source folder
    bool numerus = false;
    bool finished = true;
    bool empty = false; // an empty translation or numerus form
    QStringList texts; // the translation, or each numerus form

    QString key() const { return context + u'\x1f' + source + u'\x1f' + comment; }
    QString describe() const
    {
        return QStringLiteral("%1 [%2] \"%3\"%4")
            .arg(location.isEmpty() ? QStringLiteral("?") : location, context, source,
                 comment.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(comment));
    }
};

QString sourceDir()
{
    return QDir(qEnvironmentVariable("UAIP_SOURCE_DIR")).absolutePath();
}

// The messages of a .ts file. Locations are resolved as lupdate writes them with
// -locations relative: file names relative to the .ts, line="+N" relative to the previous
// location of that file in the same context.
QList<Message> readTs(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    const QDir tsDir = QFileInfo(path).absoluteDir();
    QList<Message> out;
    QXmlStreamReader xml(&file);
    QString context;
    QHash<QString, int> lines;
    QString currentFile;
    Message m;
    bool inMessage = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == u"context") {
                context.clear();
                lines.clear();
                currentFile.clear();
            } else if (name == u"name" && !inMessage) {
                context = xml.readElementText();
            } else if (name == u"message") {
                m = Message{};
                m.context = context;
                m.numerus = xml.attributes().value(QLatin1String("numerus")) == u"yes";
                inMessage = true;
            } else if (name == u"location" && inMessage) {
                const auto attributes = xml.attributes();
                if (attributes.hasAttribute(QLatin1String("filename")))
                    currentFile = attributes.value(QLatin1String("filename")).toString();
                const QString line = attributes.value(QLatin1String("line")).toString();
                int &at = lines[currentFile];
                at = line.startsWith(u'+') || line.startsWith(u'-') ? at + line.toInt()
                                                                    : line.toInt();
                if (m.location.isEmpty()) {
                    const QString absolute = QDir::cleanPath(tsDir.absoluteFilePath(currentFile));
                    m.location = QStringLiteral("%1:%2").arg(
                        QDir(sourceDir()).relativeFilePath(absolute), QString::number(at));
                }
            } else if (name == u"source" && inMessage) {
                m.source = xml.readElementText();
            } else if (name == u"comment" && inMessage) {
                m.comment = xml.readElementText();
            } else if (name == u"translation" && inMessage) {
                const auto type = xml.attributes().value(QLatin1String("type"));
                m.finished = type.isEmpty();
                if (type == u"vanished" || type == u"obsolete")
                    m.finished = true; // not in the sources any more: not asked for
                if (!m.numerus) {
                    m.texts << xml.readElementText();
                    m.empty = m.texts.last().isEmpty();
                }
            } else if (name == u"numerusform" && inMessage) {
                m.texts << xml.readElementText();
                if (m.texts.last().isEmpty())
                    m.empty = true;
            }
        } else if (xml.isEndElement() && xml.name() == u"message") {
            out << m;
            inMessage = false;
        }
    }
    if (xml.hasError())
        *error = QStringLiteral("%1:%2: %3")
                     .arg(path, QString::number(xml.lineNumber()), xml.errorString());
    return out;
}

} // namespace

class TestComplete : public QObject
{
    Q_OBJECT

private slots:
    void complete_data()
    {
        QTest::addColumn<QString>("ts");
        const QDir dir(sourceDir() + QStringLiteral("/translations"));
        const QStringList files = dir.entryList({QStringLiteral("uaip_*.ts")}, QDir::Files);
        QVERIFY2(!files.isEmpty(), qPrintable(dir.path()));
        for (const QString &f : files)
            QTest::newRow(qPrintable(f)) << dir.filePath(f);
    }

    // Issue 21, point 12: a German count reads "3 Zeilen" or "Zeilen: 3", never "3 Zeile(n)":
    // a count of one thing in the text is a numerus form (tr with %n), several counts in one
    // message are "label: count" pairs.
    void noParenthesisedPlurals_data() { complete_data(); }
    void noParenthesisedPlurals()
    {
        QFETCH(QString, ts);
        QString error;
        const QList<Message> messages = readTs(ts, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        static const QRegularExpression plural(QStringLiteral("\\w\\((n|en|e|s|er|in|innen)\\)"));
        QStringList found;
        for (const Message &m : messages)
            for (const QString &text : m.texts)
                if (const auto match = plural.match(text); match.hasMatch())
                    found << QStringLiteral("%1: \"%2\" in \"%3\"")
                                 .arg(m.describe(), match.captured(0), text);
        for (const QString &f : found)
            qWarning("parenthesised plural: %s", qPrintable(f));
        QVERIFY2(found.isEmpty(),
                 qPrintable(QStringLiteral("%1: %2 translations with a "
                                           "parenthesised plural (listed above)")
                                .arg(QFileInfo(ts).fileName())
                                .arg(found.size())));
    }

    void complete()
    {
        QFETCH(QString, ts);
        QString error;
        const QList<Message> committed = readTs(ts, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(!committed.isEmpty());

        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString copy = tmp.filePath(QFileInfo(ts).fileName());
        QVERIFY(QFile::copy(ts, copy));
        QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
        QProcess lupdate;
        lupdate.setProcessChannelMode(QProcess::MergedChannels);
        lupdate.start(QStringLiteral("bash"),
                      {sourceDir() + QStringLiteral("/translations/update-ts.sh"), copy});
        QVERIFY(lupdate.waitForFinished(300000));
        const QString log = QString::fromUtf8(lupdate.readAll());
        QVERIFY2(lupdate.exitStatus() == QProcess::NormalExit && lupdate.exitCode() == 0,
                 qPrintable(log));
        const QList<Message> updated = readTs(copy, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(!updated.isEmpty());

        QSet<QString> known;
        for (const Message &m : committed)
            known.insert(m.key());
        QStringList fresh, unfinished, empty;
        for (const Message &m : updated) {
            if (!known.contains(m.key()))
                fresh << m.describe();
            else if (!m.finished)
                unfinished << m.describe();
            else if (m.empty)
                empty << m.describe();
        }
        const auto list = [](const char *what, const QStringList &messages) {
            for (const QString &m : messages)
                qWarning("%s: %s", what, qPrintable(m));
        };
        list("not in the .ts file (run translations/update-ts.sh)", fresh);
        list("unfinished", unfinished);
        list("empty translation", empty);
        qInfo("%s: %lld messages, %lld new, %lld unfinished, %lld empty", qPrintable(ts),
              qlonglong(updated.size()), qlonglong(fresh.size()), qlonglong(unfinished.size()),
              qlonglong(empty.size()));
        QVERIFY2(fresh.isEmpty() && unfinished.isEmpty() && empty.isEmpty(),
                 qPrintable(QStringLiteral("%1: %2 new, %3 unfinished, %4 empty (listed above)")
                                .arg(QFileInfo(ts).fileName())
                                .arg(fresh.size())
                                .arg(unfinished.size())
                                .arg(empty.size())));
    }
};

QTEST_GUILESS_MAIN(TestComplete)
#include "tst_complete.moc"
