#include "visiblesql.h"

#include "pgtokens.h"

#include "util/visibletext.h"

namespace uaip {

namespace {

bool identifierChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
        || c == '$' || (c & 0x80) != 0;
}

} // namespace

bool VisibleSql::acts(const QString &text, qsizetype i)
{
    const QChar c = text.at(i);
    if (c.category() != QChar::Other_Control && c.category() != QChar::Other_Format)
        return false;
    // a CR acts even before a line feed: the output holds no C0 byte but \n and \t
    return c != u'\n' && c != u'\t';
}

bool VisibleSql::anyActs(const QString &text)
{
    for (qsizetype i = 0; i < text.size(); ++i)
        if (acts(text, i))
            return true;
    return false;
}

VisibleSql::Printable VisibleSql::of(const QString &sql)
{
    if (!anyActs(sql))
        return {sql, false, true};
    const Printable unsafe{VisibleText::escapedKeepingLines(sql), true, false};
    const QByteArray bytes = sql.toUtf8();
    const PgTokens tokens(bytes);
    if (!tokens.ok())
        return unsafe;
    QString out;
    int at = 0;
    for (size_t i = 0; i < tokens.size(); ++i) {
        const PgQuery__ScanToken &t = tokens.at(i);
        const QString gap = QString::fromUtf8(bytes.mid(at, t.start - at));
        const QString token = QString::fromUtf8(bytes.mid(t.start, t.end - t.start));
        at = t.end;
        if (anyActs(gap))
            return unsafe;
        out += gap;
        if (!anyActs(token)) {
            out += token;
            continue;
        }
        // a prefix glued to the literal (N'...', U&'...'): no E'' can follow it
        const bool glued = t.start > 0 && identifierChar(bytes.at(t.start - 1));
        QString escaped;
        if (t.token == PG_QUERY__TOKEN__IDENT && token.startsWith(u'"')) {
            escaped = quotedIdentifier(token);
            if (!out.isEmpty() && out.back().unicode() < 0x80
                && identifierChar(char(out.back().unicode())))
                out += u' ';
        } else if (t.token == PG_QUERY__TOKEN__SCONST && !glued) {
            escaped = token.startsWith(u'$')                       ? dollarString(token)
                : token.startsWith(u'\'')                          ? plainString(token)
                : token.startsWith(u'E') || token.startsWith(u'e') ? extendedString(token)
                                                                   : QString();
        } else if (t.token == PG_QUERY__TOKEN__SQL_COMMENT
                   || t.token == PG_QUERY__TOKEN__C_COMMENT) {
            escaped = comment(token);
        }
        if (escaped.isEmpty())
            return unsafe;
        out += escaped;
    }
    const QString tail = QString::fromUtf8(bytes.mid(at));
    out += tail;
    if (anyActs(out))
        return unsafe;
    return {out, true, true};
}

QString VisibleSql::escape(char32_t c, bool identifier)
{
    if (identifier)
        return c <= 0xFFFF ? QStringLiteral("\\%1").arg(uint(c), 4, 16, QChar(u'0'))
                           : QStringLiteral("\\+%1").arg(uint(c), 6, 16, QChar(u'0'));
    return c < 0x80   ? QStringLiteral("\\x%1").arg(uint(c), 2, 16, QChar(u'0'))
        : c <= 0xFFFF ? QStringLiteral("\\u%1").arg(uint(c), 4, 16, QChar(u'0'))
                      : QStringLiteral("\\U%1").arg(uint(c), 8, 16, QChar(u'0'));
}

QString VisibleSql::quotedIdentifier(const QString &token)
{
    if (token.size() < 2 || !token.endsWith(u'"'))
        return {};
    // U&"...": the quoted identifier's own text ("" a quote), a backslash doubled, a control
    // character as \XXXX
    QString out = QStringLiteral("U&\"");
    const QString inner = token.mid(1, token.size() - 2);
    for (qsizetype i = 0; i < inner.size(); ++i)
        out += inner.at(i) == u'\\' ? QStringLiteral("\\\\")
            : acts(inner, i)        ? escape(inner.at(i).unicode(), true)
                                    : QString(inner.at(i));
    return out + u'"';
}

QString VisibleSql::extendedBody(const QString &value)
{
    QString out;
    for (qsizetype i = 0; i < value.size(); ++i)
        out += value.at(i) == u'\\' ? QStringLiteral("\\\\")
            : value.at(i) == u'\''  ? QStringLiteral("''")
            : acts(value, i)        ? escape(value.at(i).unicode(), false)
                                    : QString(value.at(i));
    return out;
}

QString VisibleSql::plainString(const QString &token)
{
    // '...' (with '' for a quote), maybe continued after white space holding a line break
    QString value;
    bool inQuote = false;
    for (qsizetype i = 0; i < token.size(); ++i) {
        const QChar c = token.at(i);
        if (!inQuote && c == u'\'')
            inQuote = true;
        else if (!inQuote && !c.isSpace())
            return {};
        else if (inQuote && c == u'\'' && i + 1 < token.size() && token.at(i + 1) == u'\'')
            value += token.at(++i);
        else if (inQuote && c == u'\'')
            inQuote = false;
        else if (inQuote)
            value += c;
    }
    return inQuote ? QString() : QStringLiteral("E'") + extendedBody(value) + u'\'';
}

QString VisibleSql::extendedString(const QString &token)
{
    // E'...' kept as written, each control character (and one after a backslash, which stands
    // for itself) written as its escape
    QString out(token.at(0));
    bool inQuote = false;
    for (qsizetype i = 1; i < token.size(); ++i) {
        const QChar c = token.at(i);
        if (!inQuote) {
            if (c != u'\'' && !c.isSpace())
                return {};
            inQuote = c == u'\'';
            out += c;
        } else if (c == u'\\' && i + 1 < token.size()) {
            ++i;
            out += acts(token, i) ? escape(token.at(i).unicode(), false) : QString(c) + token.at(i);
        } else if (c == u'\'' && i + 1 < token.size() && token.at(i + 1) == u'\'') {
            out += QStringLiteral("''");
            ++i;
        } else {
            inQuote = c != u'\'';
            out += acts(token, i) ? escape(c.unicode(), false) : QString(c);
        }
    }
    return inQuote ? QString() : out;
}

QString VisibleSql::dollarString(const QString &token)
{
    const qsizetype tagEnd = token.indexOf(u'$', 1);
    if (tagEnd < 0)
        return {};
    const QString tag = token.left(tagEnd + 1);
    if (token.size() < 2 * tag.size() || !token.endsWith(tag))
        return {};
    return QStringLiteral("E'") + extendedBody(token.mid(tag.size(), token.size() - 2 * tag.size()))
        + u'\'';
}

QString VisibleSql::comment(const QString &token)
{
    QString out;
    for (qsizetype i = 0; i < token.size(); ++i)
        out += acts(token, i)
            ? QStringLiteral("\\u%1").arg(token.at(i).unicode(), 4, 16, QChar(u'0'))
            : QString(token.at(i));
    return out;
}

} // namespace uaip
