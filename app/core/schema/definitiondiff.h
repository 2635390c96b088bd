#pragma once

#include "util/linediff.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace uaip {

// How one object's definition (a view's query, a function, a trigger, a column with its
// default, a constraint, an index) changed: a unified line diff, and whether the only
// differences are literal values, such as a timestamp PostgreSQL froze into a view.
// A changed line pair is literal-only when both lines are equal once their SQL literals
// (quoted strings, numbers) are masked; the whole change is when every changed line pairs
// up that way. Only where PostgreSQL can freeze a value into the stored text (views,
// functions) is that worth saying: for a default, a CHECK or an index predicate a changed
// literal is the change itself, and Literals::Significant reports it as any other.
class DefinitionDiff
{
    Q_DECLARE_TR_FUNCTIONS(uaip::DefinitionDiff)

public:
    enum class Literals {
        MayBeFrozen, // a change of literals only is recognised and said so
        Significant, // a changed literal is a change like any other
    };

    struct LiteralChange
    {
        QString before;
        QString after;
        bool operator==(const LiteralChange &) const = default;
    };

    DefinitionDiff(const QString &before, const QString &after, int context = 3,
                   Literals literals = Literals::MayBeFrozen);

    const LineDiff &lines() const { return m_diff; }
    const QList<LineDiff::Hunk> &hunks() const { return m_diff.hunks(); }
    bool literalOnly() const { return m_literalOnly; }
    // Distinct literal changes in order of appearance (only when literalOnly()).
    const QList<LiteralChange> &literalChanges() const { return m_literalChanges; }

    // One line: "only literal values differ: '2024-01-01' -> '2024-02-01'" or
    // "2 line(s) removed, 3 added".
    QString summary() const;

private:
    LineDiff m_diff;
    bool m_literalOnly = false;
    QList<LiteralChange> m_literalChanges;
};

} // namespace uaip
