#include "jsonsyntax.h"

#include "error/status.h"

#include <QList>

namespace uaip {

namespace {

bool isDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

int hexValue(QChar c)
{
    if (isDigit(c))
        return c.unicode() - u'0';
    if (c >= u'a' && c <= u'f')
        return c.unicode() - u'a' + 10;
    if (c >= u'A' && c <= u'F')
        return c.unicode() - u'A' + 10;
    return -1;
}

} // namespace

// One pass over the text: a value, nested through an explicit stack of the open containers
// ('{' or '['), so that deep nesting never deepens the C++ stack.
class JsonSyntax::Scanner
{
    Q_DECLARE_TR_FUNCTIONS(uaip::JsonSyntax)

public:
    Scanner(const QString &text, bool jsonb)
        : m_t(text)
        , m_jsonb(jsonb)
    { }

    QString run();

private:
    QChar peek() const { return m_pos < m_t.size() ? m_t.at(m_pos) : QChar(); }
    bool atEnd() const { return m_pos >= m_t.size(); }
    void skipSpace()
    {
        while (!atEnd()
               && (peek() == u' ' || peek() == u'\t' || peek() == u'\n' || peek() == u'\r'))
            ++m_pos;
    }
    QString at(const QString &what) const
    {
        return tr("%1 at character %2").arg(what).arg(m_pos + 1);
    }
    // BadInput: what is wrong, at the character where it was found ("position", 1-based).
    Error fail(const QString &what) const
    {
        return Error(ErrorCode::BadInput, at(what), {{QStringLiteral("position"), m_pos + 1}});
    }
    Status string();
    Status escape();
    Status number();
    Status word();
    // A member's name and its colon, after '{' or ','.
    Status memberName();

    const QString &m_t;
    bool m_jsonb;
    qsizetype m_pos = 0;
};

Status JsonSyntax::Scanner::escape()
{
    // at the character after the backslash
    const QChar c = peek();
    if (QStringLiteral("\"\\/bfnrt").contains(c) && !c.isNull()) {
        ++m_pos;
        return {};
    }
    if (c != u'u')
        return fail(tr("invalid escape \\%1").arg(c));
    const auto code = [this](qsizetype at) {
        int v = 0;
        for (qsizetype i = at; i < at + 4; ++i) {
            const int h = i < m_t.size() ? hexValue(m_t.at(i)) : -1;
            if (h < 0)
                return -1;
            v = v * 16 + h;
        }
        return v;
    };
    const int v = code(m_pos + 1);
    if (v < 0)
        return fail(tr("\\u needs four hexadecimal digits"));
    if (v == 0 && m_jsonb)
        return fail(tr("\\u0000 cannot be stored in jsonb"));
    m_pos += 5;
    if (v >= 0xDC00 && v <= 0xDFFF)
        return fail(tr("a low surrogate \\u%1 without its high surrogate").arg(v, 4, 16));
    if (v >= 0xD800 && v <= 0xDBFF) {
        const bool pair = m_t.mid(m_pos, 2) == QLatin1String("\\u") && code(m_pos + 2) >= 0xDC00
            && code(m_pos + 2) <= 0xDFFF;
        if (!pair)
            return fail(tr("a high surrogate \\u%1 without its low surrogate").arg(v, 4, 16));
        m_pos += 6;
    }
    return {};
}

Status JsonSyntax::Scanner::string()
{
    ++m_pos; // the opening quote
    while (!atEnd()) {
        const QChar c = m_t.at(m_pos);
        if (c == u'"') {
            ++m_pos;
            return {};
        }
        if (c.unicode() < 0x20)
            return fail(tr("a control character (U+%1) must be escaped in a string")
                            .arg(c.unicode(), 4, 16, QLatin1Char('0')));
        ++m_pos;
        if (c == u'\\') {
            if (Status escaped = escape(); !escaped)
                return escaped;
        }
    }
    return fail(tr("the string is not closed"));
}

Status JsonSyntax::Scanner::number()
{
    const qsizetype start = m_pos;
    const auto digits = [this] {
        const qsizetype from = m_pos;
        while (!atEnd() && isDigit(peek()))
            ++m_pos;
        return m_pos > from;
    };
    if (peek() == u'-')
        ++m_pos;
    const bool leadingZero = peek() == u'0';
    bool ok = digits() && !(leadingZero && m_pos - start > (m_t.at(start) == u'-' ? 2 : 1));
    if (ok && peek() == u'.') {
        ++m_pos;
        ok = digits();
    }
    if (ok && (peek() == u'e' || peek() == u'E')) {
        ++m_pos;
        if (peek() == u'+' || peek() == u'-')
            ++m_pos;
        ok = digits();
    }
    if (!ok)
        return fail(tr("invalid number \"%1\"").arg(m_t.mid(start, m_pos - start + 1)));
    return {};
}

Status JsonSyntax::Scanner::word()
{
    for (const QLatin1String w :
         {QLatin1String("true"), QLatin1String("false"), QLatin1String("null")}) {
        if (QStringView(m_t).mid(m_pos, w.size()) == w) {
            m_pos += w.size();
            return {};
        }
    }
    return peek().isNull() ? fail(tr("a value is missing"))
                           : fail(tr("unexpected character '%1'").arg(peek()));
}

Status JsonSyntax::Scanner::memberName()
{
    skipSpace();
    if (peek() != u'"')
        return fail(tr("a member name in double quotes is expected"));
    if (Status named = string(); !named)
        return named;
    skipSpace();
    if (peek() != u':')
        return fail(tr("':' is expected after a member name"));
    ++m_pos;
    return {};
}

QString JsonSyntax::Scanner::run()
{
    QList<QChar> open;
    for (;;) {
        // a value
        skipSpace();
        const QChar c = peek();
        Status read;
        bool opened = false;
        if (c == u'{' || c == u'[') {
            ++m_pos;
            skipSpace();
            if (peek() == (c == u'{' ? u'}' : u']')) {
                ++m_pos; // empty
            } else {
                open << c;
                opened = true;
                if (c == u'{')
                    read = memberName();
            }
        } else if (c == u'"') {
            read = string();
        } else if (c == u'-' || isDigit(c)) {
            read = number();
        } else {
            read = word();
        }
        if (!read)
            return read.error().text();
        if (opened)
            continue;
        // after a value: the next member or element, or the end of containers
        for (;;) {
            skipSpace();
            if (open.isEmpty())
                return atEnd() ? QString() : at(tr("text after the value"));
            const QChar close = open.last() == u'{' ? u'}' : u']';
            if (peek() == close) {
                ++m_pos;
                open.removeLast();
                continue;
            }
            if (peek() != u',')
                return at(tr("',' or '%1' is expected").arg(close));
            ++m_pos;
            if (open.last() == u'{') {
                if (Status named = memberName(); !named)
                    return named.error().text();
            }
            break;
        }
    }
}

QString JsonSyntax::problem(const QString &text, bool jsonb)
{
    return Scanner(text, jsonb).run();
}

QString JsonSyntax::pretty(const QString &text)
{
    if (!problem(text).isEmpty())
        return text;
    QString out;
    int depth = 0;
    const auto newline = [&out, &depth] { out += u'\n' + QString(depth * 4, u' '); };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == u'"') { // a string as written, escapes included
            const qsizetype start = i++;
            while (text.at(i) != u'"')
                i += text.at(i) == u'\\' ? 2 : 1;
            out += QStringView(text).mid(start, i - start + 1);
        } else if (c == u'{' || c == u'[') {
            // an empty container stays on its line
            qsizetype next = i + 1;
            while (text.at(next).isSpace())
                ++next;
            if (text.at(next) == (c == u'{' ? u'}' : u']')) {
                out += c + QString(text.at(next));
                i = next;
                continue;
            }
            out += c;
            ++depth;
            newline();
        } else if (c == u'}' || c == u']') {
            --depth;
            newline();
            out += c;
        } else if (c == u',') {
            out += c;
            newline();
        } else if (c == u':') {
            out += QStringLiteral(": ");
        } else if (c != u' ' && c != u'\t' && c != u'\n' && c != u'\r') {
            out += c; // numbers and words, digit by digit
        }
    }
    return out;
}

} // namespace uaip
