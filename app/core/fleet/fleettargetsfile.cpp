#include "fleettargetsfile.h"

#include "db/conninfo.h"
#include "util/visibletext.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QStringDecoder>

#include <algorithm>

namespace uaip {

QString FleetTargetsFile::conninfoProblem(const QString &conninfo)
{
    const Result<ConnInfo> info = ConnInfo::parse(conninfo);
    if (!info)
        return tr("the connection string does not parse: %1").arg(info.error().toString());
    QString problem;
    for (const auto &[keyword, value] : info->options()) {
        if (keyword == "password" && !value.isEmpty())
            problem = tr("a password in the connection string is refused: passwords come "
                         "from .pgpass or PGPASSFILE");
        // every target is connected before any runs: one that waits forever stalls the fleet
        bool isNumber = false;
        if (keyword == "connect_timeout" && value.trimmed().toInt(&isNumber) <= 0 && isNumber)
            problem = tr("connect_timeout=%1 waits forever for an unanswering server and "
                         "would stall the whole fleet: give a number of seconds (default 10)")
                          .arg(value);
    }
    return problem;
}

QString FleetTargetsFile::connectionKey(const QString &conninfo)
{
    const Result<ConnInfo> info = ConnInfo::parse(conninfo);
    if (!info)
        return conninfo;
    // what names the database: the same values, however written (keywords or a URI, in any
    // order), are the same database; what only shapes the session does not count
    QStringList parts;
    for (const auto &[keyword, value] : info->options()) {
        static const QByteArrayList kNaming{"host",   "hostaddr", "port",
                                            "dbname", "user",     "service"};
        if (!value.isEmpty() && kNaming.contains(keyword))
            parts << QString::fromUtf8(keyword) + u'=' + value;
    }
    return parts.join(u'\n');
}

// What parse() keeps from line to line.
struct FleetTargetsFile::ParseState
{
    FleetTargetsResult result;
    QHash<QString, int> seen; // name -> line
    QHash<QString, std::pair<QString, int>> sameConnection; // connectionKey -> name, line
    QString wave;
    bool waveListed = false;
};

FleetTargetsResult FleetTargetsFile::parse(const QByteArray &text, const QString &fileName)
{
    ParseState state;
    FleetTargetsResult &result = state.result;
    // line by line over the text as it is: no list of every line (a 40 MB file of comments
    // made 2.6 million of them, 603 MB)
    qsizetype from = text.startsWith("\xEF\xBB\xBF") ? 3 : 0;
    for (int lineNo = 1; from <= text.size(); ++lineNo) {
        qsizetype end = text.indexOf('\n', from);
        if (end < 0)
            end = text.size();
        QByteArrayView raw(text.constData() + from, end - from);
        from = end + 1;
        if (raw.endsWith('\r'))
            raw.chop(1);
        QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        const QString line = QString(utf8(raw)).trimmed();
        auto refuse = [&](const QString &what) {
            result.problems << QStringLiteral("%1:%2: %3").arg(fileName).arg(lineNo).arg(what);
        };
        // a byte that is not UTF-8 would reach the server as U+FFFD (another database name)
        if (utf8.hasError()) {
            refuse(tr("the line is not UTF-8"));
            continue;
        }
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        const QString problem = line.startsWith(u'[') ? readWaveHeading(line, &state)
                                                      : readTarget(line, lineNo, fileName, &state);
        if (!problem.isEmpty())
            refuse(problem);
    }
    if (result.problems.isEmpty() && result.targets.isEmpty())
        result.problems << tr("%1: no targets").arg(fileName);
    if (!result.problems.isEmpty())
        result.targets.clear();
    return result;
}

QString FleetTargetsFile::readWaveHeading(const QString &line, ParseState *state)
{
    static const QRegularExpression heading(
        QStringLiteral(R"(^\[\s*wave\s+([^\]\s][^\]]*?)\s*\]$)"));
    const auto m = heading.match(line);
    if (!m.hasMatch())
        return tr("not a wave heading: \"%1\" (expected [wave NAME])").arg(line);
    state->wave = m.captured(1);
    state->waveListed = true;
    if (state->result.waves.contains(state->wave))
        return tr("wave \"%1\" is named twice").arg(state->wave);
    state->result.waves << state->wave;
    return QString();
}

QString FleetTargetsFile::readTarget(const QString &line, int lineNo, const QString &fileName,
                                     ParseState *state)
{
    const qsizetype space = line.indexOf(QRegularExpression(QStringLiteral("\\s")));
    if (space < 0)
        return tr("target \"%1\" has no connection string (expected NAME CONNINFO-or-URI)")
            .arg(line);
    FleetTarget t;
    t.name = line.left(space);
    // the name is printed as it is: no terminal escape sequences or other control characters
    if (VisibleText::hasControl(t.name))
        return tr("target name \"%1\" has a control character").arg(VisibleText::escaped(t.name));
    t.conninfo = line.mid(space + 1).trimmed();
    t.wave = state->wave;
    t.sourceFile = fileName;
    t.line = lineNo;
    if (const QString why = conninfoProblem(t.conninfo); !why.isEmpty())
        return tr("target \"%1\": %2").arg(t.name, why);
    // the same connection string twice is one database twice: refused here, before any
    // target is connected (20,000 lines for one database connected 20,000 times first)
    const QString key = connectionKey(t.conninfo);
    if (const auto it = state->sameConnection.constFind(key); it != state->sameConnection.cend())
        return tr("target \"%1\" connects to the same database as \"%2\" (line %3): it would "
                  "run twice")
            .arg(t.name, it->first)
            .arg(it->second);
    state->sameConnection.insert(key, {t.name, lineNo});
    if (state->seen.contains(t.name))
        return tr("target \"%1\" is named twice (first on line %2)")
            .arg(t.name)
            .arg(state->seen.value(t.name));
    state->seen.insert(t.name, lineNo);
    if (!state->waveListed && !state->result.waves.contains(QString()))
        state->result.waves.prepend(QString());
    state->result.targets << t;
    return QString();
}

FleetTargetsResult FleetTargetsFile::read(const QString &path)
{
    // a FIFO, a device or a folder is no targets file: opening a FIFO waits for a writer
    const QFileInfo info(path);
    if (info.exists() && !info.isFile()) {
        FleetTargetsResult result;
        result.problems << tr("%1: not a regular file (a pipe, a device or a folder): a targets "
                              "file is read whole before anything runs")
                               .arg(path);
        return result;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        FleetTargetsResult result;
        result.problems << tr("%1: cannot read the targets file: %2").arg(path, file.errorString());
        return result;
    }
    // read at most kMaxBytes + 1: /dev/zero, a stuck pipe or a wrong file is refused, not
    // read until memory runs out
    QByteArray text;
    while (text.size() <= kMaxBytes) {
        const QByteArray chunk = file.read(std::min<qint64>(1 << 20, kMaxBytes + 1 - text.size()));
        if (chunk.isEmpty())
            break;
        text += chunk;
    }
    if (text.size() > kMaxBytes) {
        FleetTargetsResult result;
        result.problems << tr("%1: the targets file is larger than %2 MiB: not a targets file?")
                               .arg(path)
                               .arg(kMaxBytes >> 20);
        return result;
    }
    if (file.error() != QFileDevice::NoError) {
        FleetTargetsResult result;
        result.problems << tr("%1: cannot read the targets file: %2").arg(path, file.errorString());
        return result;
    }
    return parse(text, path);
}

} // namespace uaip
