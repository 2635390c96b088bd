#include "definitiondiff.h"

#include "sqlliteralmask.h"

namespace uaip {

namespace {

// At most this many literal changes are spelled out in summary().
constexpr int kSummaryLiterals = 3;

} // namespace

DefinitionDiff::DefinitionDiff(const QString &before, const QString &after, int context,
                               Literals literals)
    : m_diff(LineDiff::splitLines(before), LineDiff::splitLines(after), context)
{
    if (m_diff.identical() || literals == Literals::Significant)
        return;
    bool literalOnly = true;
    QList<LiteralChange> changes;
    // Each run of changed lines: its removed lines pair up in order with its added ones.
    auto pairUp = [&](const QStringList &removed, const QStringList &added) {
        if (removed.size() != added.size()) {
            literalOnly = false;
            return;
        }
        for (qsizetype k = 0; k < removed.size() && literalOnly; ++k) {
            const SqlLiteralMask a(removed[k]);
            const SqlLiteralMask b(added[k]);
            if (a.masked() != b.masked()) {
                literalOnly = false;
                return;
            }
            for (qsizetype n = 0; n < a.literals().size(); ++n) {
                const LiteralChange change{a.literals()[n], b.literals()[n]};
                if (change.before != change.after && !changes.contains(change))
                    changes << change;
            }
        }
    };
    for (const LineDiff::Hunk &hunk : m_diff.hunks()) {
        QStringList removed;
        QStringList added;
        for (const LineDiff::Line &line : hunk.lines) {
            if (line.kind == LineDiff::Line::Kind::Removed) {
                removed << line.text;
            } else if (line.kind == LineDiff::Line::Kind::Added) {
                added << line.text;
            } else if (!removed.isEmpty() || !added.isEmpty()) {
                pairUp(removed, added);
                removed.clear();
                added.clear();
            }
        }
        if (!removed.isEmpty() || !added.isEmpty())
            pairUp(removed, added);
    }
    // Lines that differ only where the masker sees nothing (no literal changed) are not
    // a literal difference.
    m_literalOnly = literalOnly && !changes.isEmpty();
    if (m_literalOnly)
        m_literalChanges = changes;
}

QString DefinitionDiff::summary() const
{
    if (m_diff.identical())
        return tr("no line differs");
    if (m_literalOnly) {
        QStringList shown;
        for (qsizetype k = 0; k < m_literalChanges.size() && k < kSummaryLiterals; ++k)
            shown << m_literalChanges[k].before + QStringLiteral(" -> ")
                    + m_literalChanges[k].after;
        const QString list = shown.join(QStringLiteral(", "));
        if (m_literalChanges.size() > kSummaryLiterals)
            return tr("only literal values differ: %1 and %2 more")
                .arg(list)
                .arg(m_literalChanges.size() - kSummaryLiterals);
        return tr("only literal values differ: %1").arg(list);
    }
    return tr("%1 line(s) removed, %2 added").arg(m_diff.removedCount()).arg(m_diff.addedCount());
}

} // namespace uaip
