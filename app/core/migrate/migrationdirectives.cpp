#include "migrationdirectives.h"

#include "util/durationtext.h"

#include <QList>
#include <QRegularExpression>

#include <limits>

namespace uaip {

namespace {

const QByteArray directivePrefix = QByteArrayLiteral("uaip:");

// If the (trimmed) line is a "--" comment, its text after the dashes, trimmed.
std::optional<QByteArray> commentText(const QByteArray &trimmedLine)
{
    if (!trimmedLine.startsWith("--"))
        return std::nullopt;
    qsizetype i = 2;
    while (i < trimmedLine.size() && trimmedLine.at(i) == '-')
        ++i;
    return trimmedLine.sliced(i).trimmed();
}

bool isDirective(const QByteArray &comment)
{
    return comment.size() >= directivePrefix.size()
        && comment.first(directivePrefix.size()).toLower() == directivePrefix;
}

// Parses "5s", "500ms", "2min", "1h" or "250" (milliseconds): DurationText.
std::optional<int> parseDuration(const QString &value, QString *error)
{
    const std::optional<int> ms = DurationText::toMs(value);
    if (!ms)
        *error = QCoreApplication::translate(
                     "uaip::MigrationDirectives",
                     "bad uaip:lock-timeout value \"%1\"; use a whole number with "
                     "ms, s, min or h (a plain number is milliseconds), e.g. "
                     "uaip:lock-timeout=5s")
                     .arg(value);
    return ms;
}

} // namespace

std::optional<MigrationDirectives> MigrationDirectives::parse(const QByteArray &sql, QString *error)
{
    MigrationDirectives directives;
    int lineNumber = 0;
    auto fail = [&](const QString &message) -> std::optional<MigrationDirectives> {
        if (error)
            *error = tr("line %1: %2").arg(lineNumber).arg(message);
        return std::nullopt;
    };

    QByteArray text = sql;
    if (text.startsWith("\xEF\xBB\xBF"))
        text.remove(0, 3);

    bool inHeader = true;
    bool seenLockTimeout = false;
    const QList<QByteArray> lines = text.split('\n');
    for (const QByteArray &rawLine : lines) {
        ++lineNumber;
        const QByteArray line = rawLine.trimmed();
        const std::optional<QByteArray> comment = commentText(line);
        if (!inHeader) {
            if (comment && isDirective(*comment)) {
                return fail(tr("directive \"%1\" comes after the first statement; "
                               "uaip: directives must be in the comment lines at "
                               "the top of the file")
                                .arg(QString::fromUtf8(*comment)));
            }
            continue;
        }
        if (line.isEmpty())
            continue;
        if (!comment) {
            inHeader = false;
            continue;
        }
        if (!isDirective(*comment))
            continue;

        const QString body = QString::fromUtf8(comment->sliced(directivePrefix.size())).trimmed();
        const qsizetype equals = body.indexOf(u'=');
        const bool hasValue = equals >= 0;
        QString writtenName = (hasValue ? body.first(equals) : body).trimmed();
        const QString value = hasValue ? body.sliced(equals + 1).trimmed() : QString();
        QString trailing;
        if (!hasValue) {
            static const QRegularExpression space(QStringLiteral("\\s"));
            const qsizetype at = writtenName.indexOf(space);
            if (at >= 0) {
                trailing = writtenName.sliced(at).trimmed();
                writtenName.truncate(at);
            }
        }
        const QString name = writtenName.toLower();

        if (name == u"no-transaction") {
            if (hasValue || !trailing.isEmpty())
                return fail(tr("uaip:no-transaction takes no value"));
            directives.noTransaction = true;
        } else if (name == u"lock-timeout") {
            if (!hasValue || value.isEmpty()) {
                return fail(tr("uaip:lock-timeout needs a duration, e.g. "
                               "uaip:lock-timeout=5s"));
            }
            if (seenLockTimeout)
                return fail(tr("uaip:lock-timeout is given more than once"));
            QString durationError;
            const std::optional<int> ms = parseDuration(value, &durationError);
            if (!ms)
                return fail(durationError);
            directives.lockTimeoutMs = *ms;
            seenLockTimeout = true;
        } else {
            return fail(tr("unknown directive \"uaip:%1\"; the known directives are "
                           "uaip:no-transaction and uaip:lock-timeout=<duration>")
                            .arg(writtenName.isEmpty() ? body : writtenName));
        }
    }
    return directives;
}

} // namespace uaip
