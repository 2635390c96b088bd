#include "importheader.h"

#include <QCryptographicHash>

namespace uaip {

namespace {

const QByteArray kFirst = "-- Imported from ";
const QByteArray kFirstEnd = " by uaip-migrate import-migrations.";
const QByteArray kNoTransaction = "-- uaip:no-transaction";

} // namespace

QString ImportHeader::oneLine(QString text)
{
    return text.replace(u'\n', u'?').replace(u'\r', u'?');
}

QString ImportHeader::sourceChecksum() const
{
    static const QString prefix = QStringLiteral("source checksum ");
    for (const QString &n : notes)
        if (n.startsWith(prefix))
            return n.mid(prefix.size()).section(u' ', 0, 0);
    return {};
}

QString ImportHeader::bodyChecksum() const
{
    static const QString prefix = QStringLiteral("body sha256 ");
    for (const QString &n : notes)
        if (n.startsWith(prefix))
            return n.mid(prefix.size()).section(u' ', 0, 0);
    return {};
}

QString ImportHeader::bodyChecksumNote(const QByteArray &body)
{
    return QStringLiteral("body sha256 ")
        + QString::fromLatin1(QCryptographicHash::hash(body, QCryptographicHash::Sha256).toHex())
        + QStringLiteral(" (of the lines below as imported: the source checksum stands for them "
                         "only while they are unchanged)");
}

QString ImportHeader::sourceChecksumNote(const QString &value, const QString &why)
{
    return QStringLiteral("source checksum ") + value + QStringLiteral(" (") + why + u')';
}

QByteArray ImportHeader::render() const
{
    QByteArray out
        = kFirst + oneLine(toolName).toUtf8() + ' ' + oneLine(file).toUtf8() + kFirstEnd + '\n';
    if (noTransaction)
        out += kNoTransaction + '\n';
    for (const QString &n : notes)
        out += kNotePrefix + oneLine(n).toUtf8() + '\n';
    return out;
}

ImportHeader ImportHeader::parse(const QByteArray &sql, QByteArray *body)
{
    ImportHeader h;
    auto lineAt = [&](qsizetype from, qsizetype *next) {
        const qsizetype nl = sql.indexOf('\n', from);
        *next = nl < 0 ? sql.size() : nl + 1;
        return sql.mid(from, (nl < 0 ? sql.size() : nl) - from);
    };
    qsizetype next = 0;
    const QByteArray first = lineAt(0, &next);
    if (!first.startsWith(kFirst) || !first.endsWith(kFirstEnd)) {
        *body = sql;
        return h;
    }
    const QByteArray what
        = first.mid(kFirst.size(), first.size() - kFirst.size() - kFirstEnd.size());
    const qsizetype space = what.indexOf(' ');
    h.toolName = QString::fromUtf8(what.left(space));
    h.file = space < 0 ? QString() : QString::fromUtf8(what.mid(space + 1));
    qsizetype at = next;
    while (at < sql.size()) {
        const QByteArray line = lineAt(at, &next);
        if (line == kNoTransaction)
            h.noTransaction = true;
        else if (line.startsWith(kNotePrefix))
            h.notes << QString::fromUtf8(line.mid(kNotePrefix.size()));
        else
            break;
        at = next;
    }
    *body = sql.mid(at);
    return h;
}

} // namespace uaip
