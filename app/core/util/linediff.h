#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace uaip {

// A line-by-line difference of two texts, grouped into unified-diff hunks with context
// lines (as `diff -u` prints them). The shortest edit script comes from dtl; the hunks are
// built here, so hunk ranges follow GNU diff exactly and the context size is a parameter.
class LineDiff
{
public:
    struct Line
    {
        enum class Kind { Context, Removed, Added };
        Kind kind;
        QString text;
        QChar marker() const; // ' ', '-' or '+'
        bool operator==(const Line &) const = default;
    };

    struct Hunk
    {
        int oldStart = 0; // 1-based first line; the line before the hunk when oldCount is 0
        int oldCount = 0;
        int newStart = 0;
        int newCount = 0;
        QList<Line> lines;
        QString header() const; // "@@ -3,7 +3,8 @@"
        bool operator==(const Hunk &) const = default;
    };

    // A word-level difference inside one changed line pair: both sides as segments, each
    // kept (Context), or removed (old side) / added (new side). Tokens are runs of letters
    // or digits, runs of spaces, and single other characters.
    struct Segment
    {
        Line::Kind kind;
        QString text;
        bool operator==(const Segment &) const = default;
    };
    struct WordDiff
    {
        QList<Segment> before;
        QList<Segment> after;
    };

    // One row of a side-by-side view. Within a hunk, the n-th removed line of a run of
    // changes is paired with the n-th added one (Changed, with a word diff); the rest are
    // Removed (right side empty) or Added (left side empty). Rows of separate hunks are
    // separated by a Gap row.
    struct Row
    {
        enum class Kind { Context, Changed, Removed, Added, Gap };
        Kind kind = Kind::Context;
        int oldNo = 0; // 1-based, 0 = no line on this side
        int newNo = 0;
        QString oldText;
        QString newText;
        WordDiff words; // Changed only
    };

    LineDiff(const QStringList &before, const QStringList &after, int context = 3);

    static WordDiff wordDiff(const QString &before, const QString &after);

    // Lines of a text: split at '\n'; a final '\n' ends the last line, it does not open one.
    // An empty text has no lines.
    static QStringList splitLines(const QString &text);

    bool identical() const { return m_hunks.isEmpty(); }
    const QList<Hunk> &hunks() const { return m_hunks; }
    int removedCount() const { return m_removed; }
    int addedCount() const { return m_added; }

    // Hunk headers and marked lines, without the "---"/"+++" file header.
    QStringList unifiedLines() const;
    QString unifiedText() const; // unifiedLines(), each ended by '\n'
    QList<Row> sideBySide() const;

private:
    QList<Hunk> m_hunks;
    int m_removed = 0;
    int m_added = 0;
};

} // namespace uaip
