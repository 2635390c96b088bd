#include "valuesyntax.h"

#include "jsonsyntax.h"

#include <QList>

namespace uaip {

namespace {

constexpr int kMaxDimensions = 6; // PostgreSQL's MAXDIM

bool isArraySpace(QChar c)
{
    return c == u' ' || c == u'\t' || c == u'\n' || c == u'\r' || c == u'\v' || c == u'\f';
}

bool isHex(QChar c)
{
    return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F');
}

} // namespace

// Reads an array literal as array_in does: the dimensions, then the braces, recursing at most
// kMaxDimensions deep.
class ValueSyntax::ArrayReader
{
    Q_DECLARE_TR_FUNCTIONS(uaip::ValueSyntax)

public:
    ArrayReader(const QString &text, QChar delimiter)
        : m_t(text)
        , m_delimiter(delimiter)
    { }

    QString run()
    {
        skipSpace();
        if (peek() == u'[' && !dimensions())
            return m_error;
        skipSpace();
        if (peek() != u'{')
            return fail(tr("an array starts with '{'"));
        if (!array(0))
            return m_error;
        skipSpace();
        return atEnd() ? QString() : fail(tr("text after the closing '}'"));
    }

private:
    QChar peek() const { return m_pos < m_t.size() ? m_t.at(m_pos) : QChar(); }
    bool atEnd() const { return m_pos >= m_t.size(); }
    void skipSpace()
    {
        while (!atEnd() && isArraySpace(peek()))
            ++m_pos;
    }
    QString fail(const QString &what)
    {
        m_error = tr("%1 at character %2").arg(what).arg(m_pos + 1);
        return m_error;
    }
    bool dimensions();
    bool array(int depth);
    bool element();
    // An array at depth has count elements: sub-arrays of one level all have the same length.
    bool record(int depth, int count);

    const QString &m_t;
    QChar m_delimiter;
    qsizetype m_pos = 0;
    QList<int> m_lengths; // per depth
    int m_leafDepth = -1; // the depth whose arrays hold the elements
    QString m_error;
};

bool ValueSyntax::ArrayReader::dimensions()
{
    // "[1:3][0:1]=" (the lower bound may be left out)
    while (peek() == u'[') {
        ++m_pos;
        const auto bound = [this] {
            const qsizetype from = m_pos;
            if (peek() == u'-' || peek() == u'+')
                ++m_pos;
            while (!atEnd() && peek().isDigit())
                ++m_pos;
            return m_pos > from && m_t.at(m_pos - 1).isDigit();
        };
        if (!bound() || (peek() == u':' && (++m_pos, !bound())) || peek() != u']') {
            fail(tr("the dimensions are written [lower:upper]"));
            return false;
        }
        ++m_pos;
    }
    skipSpace();
    if (peek() != u'=') {
        fail(tr("'=' is expected after the dimensions"));
        return false;
    }
    ++m_pos;
    return true;
}

bool ValueSyntax::ArrayReader::record(int depth, int count)
{
    if (m_lengths.size() <= depth)
        m_lengths.resize(depth + 1, -1);
    if (m_lengths[depth] >= 0 && m_lengths[depth] != count) {
        fail(tr("sub-arrays of one level must have the same number of elements"));
        return false;
    }
    m_lengths[depth] = count;
    return true;
}

bool ValueSyntax::ArrayReader::element()
{
    if (peek() == u'"') {
        ++m_pos;
        while (!atEnd() && peek() != u'"')
            m_pos += peek() == u'\\' ? 2 : 1;
        if (atEnd()) {
            fail(tr("a quoted element is not closed"));
            return false;
        }
        ++m_pos;
        return true;
    }
    const qsizetype from = m_pos;
    while (!atEnd() && peek() != m_delimiter && peek() != u'}') {
        if (peek() == u'{' || peek() == u'"') {
            fail(tr("'%1' in an element must be quoted or escaped").arg(peek()));
            return false;
        }
        m_pos += peek() == u'\\' ? 2 : 1;
    }
    if (m_pos > m_t.size()) {
        m_pos = m_t.size();
        fail(tr("a backslash at the end"));
        return false;
    }
    if (QStringView(m_t).mid(from, m_pos - from).trimmed().isEmpty()) {
        fail(tr("an element is missing"));
        return false;
    }
    return true;
}

bool ValueSyntax::ArrayReader::array(int depth)
{
    if (depth >= kMaxDimensions) {
        fail(tr("more than %1 dimensions").arg(kMaxDimensions));
        return false;
    }
    ++m_pos; // '{'
    skipSpace();
    if (peek() == u'}') {
        ++m_pos;
        return record(depth, 0);
    }
    int count = 0;
    for (;;) {
        skipSpace();
        const bool sub = peek() == u'{';
        const int leaf = sub ? -1 : depth;
        if (!sub && m_leafDepth >= 0 && m_leafDepth != leaf) {
            fail(tr("elements and sub-arrays are mixed"));
            return false;
        }
        if (!sub)
            m_leafDepth = leaf;
        if (sub ? !array(depth + 1) : !element())
            return false;
        ++count;
        skipSpace();
        if (peek() == m_delimiter) {
            ++m_pos;
            continue;
        }
        if (peek() == u'}') {
            ++m_pos;
            break;
        }
        fail(atEnd() ? tr("the array is not closed with '}'")
                     : tr("'%1' or '}' is expected").arg(m_delimiter));
        return false;
    }
    if (m_leafDepth >= 0 && m_leafDepth < depth) {
        fail(tr("elements and sub-arrays are mixed"));
        return false;
    }
    return record(depth, count);
}

bool ValueSyntax::checks(const ColumnInfo &column)
{
    using K = ColumnInfo::Kind;
    return column.kind == K::Json || column.kind == K::Jsonb || column.kind == K::Array
        || column.baseType == QLatin1String("bytea");
}

QString ValueSyntax::problem(const QString &text, const ColumnInfo &column)
{
    using K = ColumnInfo::Kind;
    if (column.kind == K::Json || column.kind == K::Jsonb) {
        const QString p = JsonSyntax::problem(text, column.kind == K::Jsonb);
        return p.isEmpty() ? p : tr("not valid JSON: %1").arg(p);
    }
    if (column.kind == K::Array) {
        // box is the one built-in type whose delimiter is not a comma
        const QString p
            = arrayProblem(text, column.baseType == QLatin1String("_box") ? u';' : u',');
        return p.isEmpty() ? p : tr("not a valid array literal: %1").arg(p);
    }
    if (column.baseType == QLatin1String("bytea")) {
        const QString p = byteaProblem(text);
        return p.isEmpty() ? p : tr("not a valid bytea value: %1").arg(p);
    }
    return QString();
}

QString ValueSyntax::refusal(const QString &text, const TableInfo &table, int column)
{
    const ColumnInfo &c = table.columns.value(column);
    const QString p = problem(text, c);
    return p.isEmpty() ? p : tr("%1.%2: %3").arg(table.displayName(), c.name, p);
}

QString ValueSyntax::byteaProblem(const QString &text)
{
    if (text.startsWith(QLatin1String("\\x"))) {
        int digits = 0;
        for (qsizetype i = 2; i < text.size(); ++i) {
            const QChar c = text.at(i);
            if (isHex(c))
                ++digits;
            else if ((c == u' ' || c == u'\t' || c == u'\n' || c == u'\r') && digits % 2 == 0)
                continue; // between pairs only
            else
                return tr("'%1' at character %2 is not a hexadecimal digit (hex format \\x…)")
                    .arg(c)
                    .arg(i + 1);
        }
        if (digits % 2 != 0)
            return tr("an odd number of hexadecimal digits (%1): each byte is two").arg(digits);
        return QString();
    }
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) != u'\\')
            continue;
        if (text.mid(i + 1, 1) == QLatin1String("\\")) {
            ++i;
            continue;
        }
        const QString octal = text.mid(i + 1, 3);
        const bool ok = octal.size() == 3 && octal.at(0) >= u'0' && octal.at(0) <= u'3'
            && octal.at(1) >= u'0' && octal.at(1) <= u'7' && octal.at(2) >= u'0'
            && octal.at(2) <= u'7';
        if (!ok)
            return tr("a backslash at character %1 must be followed by another backslash or "
                      "three octal digits (\\000 to \\377), or the value start with \\x")
                .arg(i + 1);
        i += 3;
    }
    return QString();
}

QString ValueSyntax::arrayProblem(const QString &text, QChar delimiter)
{
    return ArrayReader(text, delimiter).run();
}

} // namespace uaip
