#include "promptvariables.h"

namespace uaip {

namespace {

// 1-based line and column (UTF-16 units) of an offset.
void position(const QString &text, int offset, int *line, int *column)
{
    int l = 1;
    int lineStart = 0;
    for (int i = 0; i < offset && i < text.size(); ++i)
        if (text.at(i) == u'\n') {
            ++l;
            lineStart = i + 1;
        }
    *line = l;
    *column = offset - lineStart + 1;
}

} // namespace

QString PromptVariables::Problem::toString() const
{
    return QStringLiteral("%1:%2: %3").arg(line).arg(column).arg(message);
}

bool PromptVariables::isValidName(const QString &name)
{
    const QList<uint> points = name.toUcs4();
    if (points.isEmpty() || !QChar::isLetter(points.first()))
        return false;
    for (uint c : points)
        if (!QChar::isLetterOrNumber(c) && c != u'_')
            return false;
    return true;
}

PromptVariables::PromptVariables(const QString &text)
    : m_text(text)
{
    const int n = int(text.size());
    auto problem = [&](int offset, int length, const QString &message) {
        Problem p;
        p.offset = offset;
        p.length = length;
        position(text, offset, &p.line, &p.column);
        p.message = message;
        m_problems << p;
    };
    int i = 0;
    while (i + 1 < n) {
        if (text.at(i) != u'{' || text.at(i + 1) != u'{') {
            ++i;
            continue;
        }
        const int start = i;
        const int close = int(text.indexOf(QStringLiteral("}}"), start + 2));
        const int newline = int(text.indexOf(u'\n', start + 2));
        if (close < 0) {
            problem(start, 2, tr("unclosed {{"));
            i = start + 2;
            continue;
        }
        if (newline >= 0 && newline < close) {
            const int nextOpen = int(text.indexOf(QStringLiteral("{{"), start + 2));
            if (nextOpen >= 0 && nextOpen < close) {
                // another "{{" comes first: this one is simply unclosed
                problem(start, 2, tr("unclosed {{"));
                i = start + 2;
            } else {
                problem(start, close + 2 - start, tr("a variable must not span lines"));
                i = close + 2;
            }
            continue;
        }
        const QString name = text.mid(start + 2, close - start - 2);
        if (name.isEmpty())
            problem(start, 4, tr("empty {{}}"));
        else if (!isValidName(name))
            problem(start, close + 2 - start,
                    tr("invalid variable name \"%1\" (a letter, then letters, digits "
                       "or '_')")
                        .arg(name));
        else {
            Occurrence o;
            o.name = name;
            o.offset = start;
            o.length = close + 2 - start;
            position(text, start, &o.line, &o.column);
            m_occurrences << o;
        }
        i = close + 2;
    }
}

QStringList PromptVariables::names() const
{
    QStringList out;
    for (const Occurrence &o : m_occurrences)
        if (!out.contains(o.name))
            out << o.name;
    return out;
}

QString PromptVariables::render(const QHash<QString, QString> &values) const
{
    QString out = m_text;
    for (auto it = m_occurrences.crbegin(); it != m_occurrences.crend(); ++it) {
        const auto v = values.constFind(it->name);
        if (v != values.cend())
            out.replace(it->offset, it->length, *v);
    }
    return out;
}

} // namespace uaip
