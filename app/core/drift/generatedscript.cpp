#include "generatedscript.h"

#include <QStringList>

namespace uaip {

int GeneratedScript::heldBackCount() const
{
    int n = 0;
    for (const DdlStep &s : steps)
        n += s.heldBack ? 1 : 0;
    return n;
}

QString GeneratedScript::render(const QString &header) const
{
    QStringList out;
    if (noTransaction)
        out << QStringLiteral("-- uaip:no-transaction");
    for (const QString &line : header.split(u'\n'))
        out << (line.isEmpty() ? QStringLiteral("--") : QStringLiteral("-- ") + line);
    for (const GeneratorNote &n : notes)
        out << QStringLiteral("-- REVIEW (%1): %2").arg(n.kindText(), n.message);
    bool functionBodies = false;
    for (const DdlStep &s : steps)
        functionBodies = functionBodies
            || (!s.heldBack && s.key.startsWith(u"function ") && s.sql.startsWith(u"CREATE"));
    out << QString();
    // Function bodies may name tables created further down (pg_dump does the same).
    if (functionBodies && !noTransaction)
        out << QStringLiteral("SET LOCAL check_function_bodies = off;") << QString();
    for (const DdlStep &s : steps) {
        if (!s.heldBack) {
            out << s.sql;
            continue;
        }
        out << QStringLiteral("-- HELD BACK: %1").arg(s.reason);
        for (const QString &line : s.sql.split(u'\n'))
            out << QStringLiteral("-- ") + line;
    }
    if (steps.size() == heldBackCount())
        out << QString()
            << QStringLiteral("SELECT 1; -- no step above runs until you uncomment it");
    return out.join(u'\n') + u'\n';
}

} // namespace uaip
