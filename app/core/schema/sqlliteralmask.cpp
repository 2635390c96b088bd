#include "sqlliteralmask.h"

#include <QRegularExpression>

namespace uaip {

namespace {

// Stands for one literal in masked(); a control character never printed in a definition.
constexpr QChar kPlaceholder = u'\x01';

bool isIdentChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_' || c == u'$';
}

// End (one past) of a quoted run starting at the opening quote 'at'. A doubled quote is
// part of the text; with backslashes, '\x' escapes x. Unterminated: the end of the line.
qsizetype quotedEnd(const QString &s, qsizetype at, QChar quote, bool backslashes)
{
    qsizetype i = at + 1;
    while (i < s.size()) {
        if (backslashes && s[i] == u'\\') {
            i += 2;
            continue;
        }
        if (s[i] == quote) {
            if (i + 1 < s.size() && s[i + 1] == quote) {
                i += 2;
                continue;
            }
            return i + 1;
        }
        ++i;
    }
    return s.size();
}

// A dollar quote "$tag$" at 'at': the tag's length with both dollars, or 0.
qsizetype dollarTag(const QString &s, qsizetype at)
{
    qsizetype i = at + 1;
    if (i < s.size() && s[i].isDigit())
        return 0; // $1: a parameter
    while (i < s.size() && (s[i].isLetterOrNumber() || s[i] == u'_'))
        ++i;
    return i < s.size() && s[i] == u'$' ? i + 1 - at : 0;
}

qsizetype numberEnd(const QString &s, qsizetype at)
{
    qsizetype i = at;
    auto digits = [&]() {
        while (i < s.size() && (s[i].isDigit() || s[i] == u'_'))
            ++i;
    };
    if (s[i] == u'0' && i + 1 < s.size()
        && QStringLiteral("xXoObB").contains(s[i + 1])) { // 0x1F, 0o17, 0b101
        i += 2;
        while (i < s.size() && (s[i].isLetterOrNumber() || s[i] == u'_'))
            ++i;
        return i;
    }
    digits();
    if (i < s.size() && s[i] == u'.' && !(i + 1 < s.size() && s[i + 1] == u'.')) {
        ++i;
        digits();
    }
    if (i < s.size() && (s[i] == u'e' || s[i] == u'E')) {
        qsizetype e = i + 1;
        if (e < s.size() && (s[e] == u'+' || s[e] == u'-'))
            ++e;
        if (e < s.size() && s[e].isDigit()) {
            i = e;
            digits();
        }
    }
    return i;
}

} // namespace

SqlLiteralMask::SqlLiteralMask(const QString &line)
{
    const QString &s = line;
    m_masked.reserve(s.size());
    qsizetype i = 0;
    auto literal = [&](qsizetype from, qsizetype to) {
        m_literals << s.mid(from, to - from);
        m_masked += kPlaceholder;
        i = to;
    };
    while (i < s.size()) {
        const QChar c = s[i];
        const bool wordStart = i == 0 || !isIdentChar(s[i - 1]);
        if (c == u'-' && i + 1 < s.size() && s[i + 1] == u'-') {
            m_masked += s.mid(i); // a comment: kept as written
            break;
        }
        if (c == u'"') { // a quoted identifier
            const qsizetype end = quotedEnd(s, i, u'"', false);
            m_masked += s.mid(i, end - i);
            i = end;
            continue;
        }
        if (c == u'\'') {
            literal(i, quotedEnd(s, i, u'\'', false));
            continue;
        }
        if (wordStart && i + 1 < s.size() && s[i + 1] == u'\''
            && QStringLiteral("eEbBxXnN").contains(c)) {
            const bool escapes = c == u'e' || c == u'E';
            literal(i, quotedEnd(s, i + 1, u'\'', escapes));
            continue;
        }
        if (wordStart && (c == u'u' || c == u'U') && s.mid(i + 1, 2) == QLatin1String("&'")) {
            literal(i, quotedEnd(s, i + 2, u'\'', false));
            continue;
        }
        if (c == u'$' && wordStart) {
            const qsizetype tag = dollarTag(s, i);
            if (tag > 0) {
                const qsizetype close = s.indexOf(s.mid(i, tag), i + tag);
                if (close >= 0) {
                    literal(i, close + tag);
                    continue;
                }
                m_masked += s.mid(i, tag); // a body opens here and ends on another line
                i += tag;
                continue;
            }
        }
        if (c == u'(' && i > 0 && isIdentChar(s[i - 1])) {
            // A type modifier such as varchar(255) or numeric(10,2) is part of the type.
            static const QRegularExpression typmod(QStringLiteral("\\(\\d+(, ?\\d+)*\\)"));
            const auto m = typmod.match(s, i, QRegularExpression::NormalMatch,
                                        QRegularExpression::AnchorAtOffsetMatchOption);
            if (m.hasMatch()) {
                m_masked += m.captured();
                i += m.capturedLength();
                continue;
            }
        }
        if (c == u'#') { // "#3": a column's position in a snapshot, not a value
            qsizetype end = i + 1;
            while (end < s.size() && s[end].isDigit())
                ++end;
            m_masked += s.mid(i, end - i);
            i = end;
            continue;
        }
        const bool dotNumber = c == u'.' && i + 1 < s.size() && s[i + 1].isDigit()
            && !(i > 0 && isIdentChar(s[i - 1]));
        if (wordStart && (c.isDigit() || dotNumber)) {
            literal(i, dotNumber ? numberEnd(s, i + 1) : numberEnd(s, i));
            continue;
        }
        m_masked += c;
        ++i;
    }
}

} // namespace uaip
