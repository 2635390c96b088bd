#include "typeormextractor.h"

#include <QRegularExpression>

#include <optional>

namespace uaip {

namespace {

int lineAt(const QString &text, qsizetype pos)
{
    return int(QStringView(text).left(pos).count(u'\n')) + 1;
}

// Skips a comment or string literal starting at i; returns the index after it (i when none).
qsizetype skipCommentOrString(const QString &s, qsizetype i)
{
    if (s.mid(i, 2) == QLatin1String("//")) {
        const qsizetype nl = s.indexOf(u'\n', i);
        return nl < 0 ? s.size() : nl;
    }
    if (s.mid(i, 2) == QLatin1String("/*")) {
        const qsizetype end = s.indexOf(QLatin1String("*/"), i + 2);
        return end < 0 ? s.size() : end + 2;
    }
    const QChar q = s.at(i);
    if (q != u'\'' && q != u'"' && q != u'`')
        return i;
    qsizetype j = i + 1;
    int depth = 0; // ${ ... } inside a template
    while (j < s.size()) {
        const QChar c = s.at(j);
        if (c == u'\\') {
            j += 2;
            continue;
        }
        if (q == u'`' && depth == 0 && c == u'$' && j + 1 < s.size() && s.at(j + 1) == u'{') {
            depth = 1;
            j += 2;
            continue;
        }
        if (depth > 0) {
            depth += c == u'{' ? 1 : c == u'}' ? -1 : 0;
            ++j;
            continue;
        }
        if (c == q)
            return j + 1;
        ++j;
    }
    return s.size();
}

// The index of the brace closing the one at open.
qsizetype closingBrace(const QString &s, qsizetype open)
{
    int depth = 0;
    for (qsizetype i = open; i < s.size();) {
        const qsizetype after = skipCommentOrString(s, i);
        if (after != i) {
            i = after;
            continue;
        }
        if (s.at(i) == u'{')
            ++depth;
        else if (s.at(i) == u'}' && --depth == 0)
            return i;
        ++i;
    }
    return -1;
}

// A string literal at i, unescaped as JavaScript does; nullopt when it is none or a template
// with ${}.
std::optional<QString> literal(const QString &s, qsizetype i, qsizetype *end)
{
    const QChar q = s.at(i);
    if (q != u'\'' && q != u'"' && q != u'`')
        return std::nullopt;
    QString out;
    for (qsizetype j = i + 1; j < s.size(); ++j) {
        const QChar c = s.at(j);
        if (c == q) {
            *end = j + 1;
            return out;
        }
        if (q == u'`' && c == u'$' && j + 1 < s.size() && s.at(j + 1) == u'{')
            return std::nullopt;
        if (q != u'`' && c == u'\n')
            return std::nullopt;
        if (c != u'\\' || j + 1 >= s.size()) {
            out += c;
            continue;
        }
        const QChar e = s.at(++j);
        switch (e.unicode()) {
        case 'n':
            out += u'\n';
            break;
        case 't':
            out += u'\t';
            break;
        case 'r':
            out += u'\r';
            break;
        case 'b':
            out += u'\b';
            break;
        case 'f':
            out += u'\f';
            break;
        case 'v':
            out += u'\v';
            break;
        case '0':
            out += QChar(0);
            break;
        case '\n': // a line continuation
            break;
        case 'x':
        case 'u': {
            const bool braced = e == u'u' && j + 1 < s.size() && s.at(j + 1) == u'{';
            const qsizetype from = j + 1 + (braced ? 1 : 0);
            const qsizetype len = braced ? s.indexOf(u'}', from) - from : e == u'x' ? 2 : 4;
            bool ok = false;
            const uint code = s.mid(from, len).toUInt(&ok, 16);
            if (!ok || len <= 0)
                return std::nullopt;
            const char32_t c32 = code;
            out += QString::fromUcs4(&c32, 1);
            j = from + len - 1 + (braced ? 1 : 0);
            break;
        }
        default:
            out += e; // \' \" \` \\ and any other character as itself
        }
    }
    return std::nullopt;
}

// The statements of one method body: every `<runner>.query(<literal>)` (awaited or not, with
// its ';'); anything else refuses the migration.
bool queries(const QString &s, qsizetype from, qsizetype to, const QString &runner, QString *sql,
             int *line, QString *why)
{
    const QRegularExpression call(QStringLiteral(R"(\G\s*(?:await\s+)?)")
                                  + QRegularExpression::escape(runner)
                                  + QStringLiteral(R"(\s*\.\s*query\s*\(\s*)"));
    qsizetype i = from;
    while (i < to) {
        // blanks and comments between statements
        const qsizetype after = skipCommentOrString(s, i);
        if (after != i && (s.at(i) == u'/')) {
            i = after;
            continue;
        }
        if (s.at(i).isSpace() || s.at(i) == u';') {
            ++i;
            continue;
        }
        const QRegularExpressionMatch m = call.match(s, i);
        if (!m.hasMatch()) {
            *line = lineAt(s, i);
            *why = TypeOrmExtractor::tr("not a %1.query() with a string literal").arg(runner);
            return false;
        }
        qsizetype end = 0;
        const qsizetype at = m.capturedEnd();
        const std::optional<QString> text = literal(s, at, &end);
        static const QRegularExpression close(QStringLiteral(R"(\G\s*\)\s*;?)"));
        const QRegularExpressionMatch c = text ? close.match(s, end) : QRegularExpressionMatch();
        if (!text || !c.hasMatch()) {
            *line = lineAt(s, at);
            *why = TypeOrmExtractor::tr("%1.query() with SQL built at run time or with "
                                        "parameters")
                       .arg(runner);
            return false;
        }
        QString statement = text->trimmed();
        if (!statement.endsWith(u';'))
            statement += u';';
        *sql += statement + u'\n';
        i = c.capturedEnd();
    }
    return true;
}

} // namespace

TypeOrmExtractor::Result TypeOrmExtractor::extract(const QString &source)
{
    Result r;
    static const QRegularExpression cls(QStringLiteral(R"(\bclass\s+([A-Za-z_$][\w$]*))"));
    const QRegularExpressionMatch c = cls.match(source);
    if (!c.hasMatch()) {
        r.line = 1;
        r.why = tr("no migration class");
        return r;
    }
    r.className = c.captured(1);
    for (const bool isUp : {true, false}) {
        const QRegularExpression method(
            QStringLiteral(R"((?:^|[\s;}])(?:public\s+)?(?:async\s+)?%1\s*\(\s*([A-Za-z_$][\w$]*))")
                .arg(isUp ? QStringLiteral("up") : QStringLiteral("down")));
        const QRegularExpressionMatch m = method.match(source, c.capturedEnd());
        if (!m.hasMatch()) {
            if (isUp) {
                r.line = lineAt(source, c.capturedStart());
                r.why = tr("no up(queryRunner) method in class %1").arg(r.className);
                return r;
            }
            continue;
        }
        const qsizetype open = source.indexOf(u'{', m.capturedEnd());
        const qsizetype close = open < 0 ? -1 : closingBrace(source, open);
        if (close < 0) {
            r.line = lineAt(source, m.capturedStart(1));
            r.why = tr("the body of %1() does not end").arg(isUp ? "up" : "down");
            return r;
        }
        QString &sql = isUp ? r.up : r.down;
        if (!queries(source, open + 1, close, m.captured(1), &sql, &r.line, &r.why))
            return r;
        if (!isUp)
            r.hasDown = !sql.isEmpty();
    }
    r.ok = true;
    return r;
}

} // namespace uaip
