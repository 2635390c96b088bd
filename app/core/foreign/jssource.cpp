#include "jssource.h"

namespace uaip {

JsSource::JsSource(const QString &text)
    : m_text(text)
    , m_code(text)
{
    for (qsizetype i = 0; i < m_text.size();) {
        const qsizetype after = skipCommentOrString(i);
        if (after == i) {
            ++i;
            continue;
        }
        // a string keeps its quotes; a comment goes entirely
        const bool string = m_text.at(i) != u'/';
        for (qsizetype j = string ? i + 1 : i; j < (string ? after - 1 : after); ++j)
            if (m_code.at(j) != u'\n')
                m_code[j] = u' ';
        i = after;
    }
}

int JsSource::lineAt(qsizetype pos) const
{
    return int(QStringView(m_text).left(pos).count(u'\n')) + 1;
}

qsizetype JsSource::skipCommentOrString(qsizetype i) const
{
    const QString &s = m_text;
    if (QStringView(s).mid(i, 2) == u"//") {
        const qsizetype nl = s.indexOf(u'\n', i);
        return nl < 0 ? s.size() : nl;
    }
    if (QStringView(s).mid(i, 2) == u"/*") {
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

qsizetype JsSource::closingBrace(qsizetype open) const
{
    int d = 0;
    for (qsizetype i = open; i < m_code.size(); ++i) {
        if (m_code.at(i) == u'{')
            ++d;
        else if (m_code.at(i) == u'}' && --d == 0)
            return i;
    }
    return -1;
}

int JsSource::depth(qsizetype from, qsizetype pos) const
{
    int d = 0;
    for (qsizetype i = from; i < pos && i < m_code.size(); ++i)
        d += m_code.at(i) == u'{' ? 1 : m_code.at(i) == u'}' ? -1 : 0;
    return d;
}

namespace {

// The escape sequence whose character after the backslash is at j: its value appended to *out;
// the index of its last character, or nullopt when it is no valid \x, \u or \u{...}.
std::optional<qsizetype> escapeSequence(const QString &s, qsizetype j, QString *out)
{
    const QChar e = s.at(j);
    switch (e.unicode()) {
    case 'n':
        *out += u'\n';
        break;
    case 't':
        *out += u'\t';
        break;
    case 'r':
        *out += u'\r';
        break;
    case 'b':
        *out += u'\b';
        break;
    case 'f':
        *out += u'\f';
        break;
    case 'v':
        *out += u'\v';
        break;
    case '0':
        *out += QChar(0);
        break;
    case '\r': // a line continuation (CR LF or CR)
        if (j + 1 < s.size() && s.at(j + 1) == u'\n')
            ++j;
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
        *out += QString::fromUcs4(&c32, 1);
        j = from + len - 1 + (braced ? 1 : 0);
        break;
    }
    default:
        *out += e; // \' \" \` \\ and any other character as itself
    }
    return j;
}

} // namespace

std::optional<QString> JsSource::literal(qsizetype i, qsizetype *end,
                                         qsizetype *interpolation) const
{
    const QString &s = m_text;
    if (i >= s.size())
        return std::nullopt;
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
        if (q == u'`' && c == u'$' && j + 1 < s.size() && s.at(j + 1) == u'{') {
            if (interpolation)
                *interpolation = j;
            return std::nullopt;
        }
        if (q != u'`' && (c == u'\n' || c == u'\r'))
            return std::nullopt;
        if (q == u'`' && c == u'\r') { // a template's CR LF and CR are LF
            if (j + 1 < s.size() && s.at(j + 1) == u'\n')
                ++j;
            out += u'\n';
            continue;
        }
        if (c != u'\\' || j + 1 >= s.size()) {
            out += c;
            continue;
        }
        const std::optional<qsizetype> last = escapeSequence(s, j + 1, &out);
        if (!last)
            return std::nullopt;
        j = *last;
    }
    return std::nullopt;
}

} // namespace uaip
