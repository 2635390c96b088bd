#include "objectname.h"

#include "routinearguments.h"

namespace uaip {

namespace {

QString foldAscii(const QString &text)
{
    QString out = text;
    for (QChar &c : out)
        if (c >= u'A' && c <= u'Z')
            c = QChar(c.unicode() + (u'a' - u'A'));
    return out;
}

// Quoted unless it is a plain lower-case identifier.
QString quotedIfNeeded(const QString &name)
{
    bool plain = !name.isEmpty() && !name.front().isDigit();
    for (const QChar c : name)
        plain = plain && ((c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'_');
    if (plain)
        return name;
    QString q = name;
    q.replace(u'"', QStringLiteral("\"\""));
    return u'"' + q + u'"';
}

} // namespace

Result<QString> ObjectName::identifier(const QString &text, qsizetype *pos)
{
    qsizetype i = *pos;
    if (i < text.size() && text.at(i) == u'"') {
        QString out;
        for (++i; i < text.size(); ++i) {
            if (text.at(i) != u'"') {
                out += text.at(i);
            } else if (i + 1 < text.size() && text.at(i + 1) == u'"') {
                out += u'"';
                ++i;
            } else {
                break;
            }
        }
        if (i >= text.size())
            return Error(ErrorCode::BadInput, tr("a quoted name has no closing double quote"));
        *pos = i + 1;
        if (out.isEmpty())
            return Error(ErrorCode::BadInput, tr("a quoted name is empty"));
        return out;
    }
    const qsizetype start = i;
    while (i < text.size() && text.at(i) != u'.' && text.at(i) != u'(' && text.at(i) != u'"')
        ++i;
    *pos = i;
    const QString out = text.mid(start, i - start).trimmed();
    if (out.isEmpty())
        return Error(ErrorCode::BadInput, tr("a part of the name is empty"));
    return foldAscii(out);
}

QString ObjectName::truncated(const QString &part, QStringList *notes)
{
    if (part.toUtf8().size() <= kMaxIdentifierBytes)
        return part;
    QString out;
    qsizetype bytes = 0;
    for (qsizetype i = 0; i < part.size();) {
        const qsizetype width = part.at(i).isHighSurrogate() && i + 1 < part.size() ? 2 : 1;
        const qsizetype size = part.mid(i, width).toUtf8().size();
        if (bytes + size > kMaxIdentifierBytes)
            break;
        out += part.mid(i, width);
        bytes += size;
        i += width;
    }
    //: as the server's NOTICE says it; %1 the name as given, %2 as truncated
    notes->append(tr("identifier \"%1\" will be truncated to \"%2\"").arg(part, out));
    return out;
}

Result<ObjectName> ObjectName::parse(const QString &text)
{
    const auto bad = [&text](const QString &why) {
        return Error(ErrorCode::BadInput, why, {{QStringLiteral("name"), text}});
    };
    QStringList parts;
    qsizetype pos = 0;
    ObjectName out;
    while (true) {
        const Result<QString> part = identifier(text, &pos);
        if (!part)
            return part.error().with(QStringLiteral("name"), text);
        parts << truncated(*part, &out.notes);
        if (pos < text.size() && text.at(pos) == u'.') {
            ++pos;
            continue;
        }
        break;
    }
    if (pos < text.size() && text.at(pos) == u'(') {
        if (!text.endsWith(u')'))
            return bad(tr("the argument types have no closing parenthesis"));
        out.arguments = text.mid(pos + 1, text.size() - pos - 2).trimmed();
        if (const Result<RoutineArguments> a = RoutineArguments::parse(*out.arguments); !a)
            return a.error().with(QStringLiteral("name"), text);
        pos = text.size();
    }
    if (pos != text.size())
        return bad(tr("unexpected \"%1\" after the name").arg(text.mid(pos)));
    if (parts.size() > 3)
        return bad(tr("more than schema, table and name"));
    if (parts.size() == 3 && out.arguments)
        return bad(tr("a table's part has no argument types"));
    out.name = parts.last();
    if (parts.size() >= 2)
        out.schema = parts.first();
    if (parts.size() == 3)
        out.table = parts.at(1);
    return out;
}

QString ObjectName::display() const
{
    QString out = quotedIfNeeded(name);
    if (table)
        out = quotedIfNeeded(*table) + u'.' + out;
    if (schema)
        out = quotedIfNeeded(*schema) + u'.' + out;
    if (arguments)
        out += u'(' + *arguments + u')';
    return out;
}

} // namespace uaip
