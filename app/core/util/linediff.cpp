#include "linediff.h"

#include <QHash>
#include <algorithm>
#include <dtl/dtl.hpp>
#include <vector>

namespace uaip {

namespace {

struct Op
{
    LineDiff::Line::Kind kind;
    int oldIndex; // lines of 'before' consumed before this one
    int newIndex;
    QString text;
};

// dtl's shortest edit script over line ids, with each run of changes put in the order diff
// prints it: every removed line first, then every added one.
std::vector<Op> editScript(const QStringList &before, const QStringList &after)
{
    QHash<QString, int> ids;
    // Equal lines share one id, so dtl compares ints.
    auto intern = [&ids](const QStringList &lines) {
        std::vector<int> out;
        out.reserve(size_t(lines.size()));
        for (const QString &l : lines) {
            auto it = ids.constFind(l);
            if (it == ids.cend())
                it = ids.insert(l, int(ids.size()));
            out.push_back(it.value());
        }
        return out;
    };
    const std::vector<int> a = intern(before);
    const std::vector<int> b = intern(after);
    dtl::Diff<int> diff(a, b, true);
    diff.compose();

    std::vector<Op> ops;
    ops.reserve(a.size() + b.size());
    int i = 0;
    int j = 0;
    std::vector<Op> removed;
    std::vector<Op> added;
    auto flush = [&]() {
        ops.insert(ops.end(), removed.begin(), removed.end());
        ops.insert(ops.end(), added.begin(), added.end());
        removed.clear();
        added.clear();
    };
    for (const auto &[id, info] : diff.getSes().getSequence()) {
        Q_UNUSED(id);
        if (info.type == dtl::SES_COMMON) {
            flush();
            ops.push_back({LineDiff::Line::Kind::Context, i, j, before[i]});
            ++i;
            ++j;
        } else if (info.type == dtl::SES_DELETE) {
            removed.push_back({LineDiff::Line::Kind::Removed, i, j, before[i]});
            ++i;
        } else {
            added.push_back({LineDiff::Line::Kind::Added, i, j, after[j]});
            ++j;
        }
    }
    flush();
    // Positions inside a reordered run: recount so each op knows what came before it.
    i = 0;
    j = 0;
    for (Op &op : ops) {
        op.oldIndex = i;
        op.newIndex = j;
        if (op.kind != LineDiff::Line::Kind::Added)
            ++i;
        if (op.kind != LineDiff::Line::Kind::Removed)
            ++j;
    }
    return ops;
}

// Words (runs of letters or digits), runs of white space, and single other characters.
QStringList tokens(const QString &text)
{
    QStringList out;
    int i = 0;
    const int n = int(text.size());
    while (i < n) {
        const QChar c = text.at(i);
        int j = i + 1;
        if (c.isLetterOrNumber() || c.isSurrogate())
            while (j < n && (text.at(j).isLetterOrNumber() || text.at(j).isSurrogate()))
                ++j;
        else if (c.isSpace())
            while (j < n && text.at(j).isSpace())
                ++j;
        out << text.mid(i, j - i);
        i = j;
    }
    return out;
}

void append(QList<LineDiff::Segment> *segments, LineDiff::Line::Kind kind, const QString &text)
{
    if (!segments->isEmpty() && segments->last().kind == kind)
        segments->last().text += text;
    else
        segments->append({kind, text});
}

} // namespace

LineDiff::WordDiff LineDiff::wordDiff(const QString &before, const QString &after)
{
    const QStringList a = tokens(before);
    const QStringList b = tokens(after);
    QHash<QString, int> ids;
    auto intern = [&ids](const QStringList &list) {
        std::vector<int> out;
        out.reserve(size_t(list.size()));
        for (const QString &t : list) {
            auto it = ids.constFind(t);
            if (it == ids.cend())
                it = ids.insert(t, int(ids.size()));
            out.push_back(it.value());
        }
        return out;
    };
    const std::vector<int> ia = intern(a);
    const std::vector<int> ib = intern(b);
    dtl::Diff<int> diff(ia, ib);
    diff.compose();
    WordDiff out;
    int i = 0;
    int j = 0;
    for (const auto &[id, info] : diff.getSes().getSequence()) {
        Q_UNUSED(id);
        if (info.type == dtl::SES_COMMON) {
            append(&out.before, Line::Kind::Context, a[i++]);
            append(&out.after, Line::Kind::Context, b[j++]);
        } else if (info.type == dtl::SES_DELETE) {
            append(&out.before, Line::Kind::Removed, a[i++]);
        } else {
            append(&out.after, Line::Kind::Added, b[j++]);
        }
    }
    return out;
}

QList<LineDiff::Row> LineDiff::sideBySide() const
{
    QList<Row> rows;
    for (const Hunk &h : m_hunks) {
        if (!rows.isEmpty())
            rows << Row{Row::Kind::Gap, 0, 0, {}, {}, {}};
        int oldNo = h.oldCount ? h.oldStart : h.oldStart + 1;
        int newNo = h.newCount ? h.newStart : h.newStart + 1;
        QList<QString> removed;
        QList<QString> added;
        auto flush = [&]() {
            const qsizetype pairs = std::min(removed.size(), added.size());
            for (qsizetype k = 0; k < std::max(removed.size(), added.size()); ++k) {
                Row r;
                if (k < pairs) {
                    r.kind = Row::Kind::Changed;
                    r.oldNo = oldNo++;
                    r.newNo = newNo++;
                    r.oldText = removed[k];
                    r.newText = added[k];
                    r.words = wordDiff(r.oldText, r.newText);
                } else if (k < removed.size()) {
                    r.kind = Row::Kind::Removed;
                    r.oldNo = oldNo++;
                    r.oldText = removed[k];
                } else {
                    r.kind = Row::Kind::Added;
                    r.newNo = newNo++;
                    r.newText = added[k];
                }
                rows << r;
            }
            removed.clear();
            added.clear();
        };
        for (const Line &l : h.lines) {
            if (l.kind == Line::Kind::Removed) {
                if (!added.isEmpty())
                    flush();
                removed << l.text;
            } else if (l.kind == Line::Kind::Added) {
                added << l.text;
            } else {
                flush();
                rows << Row{Row::Kind::Context, oldNo++, newNo++, l.text, l.text, {}};
            }
        }
        flush();
    }
    return rows;
}

QChar LineDiff::Line::marker() const
{
    switch (kind) {
    case Kind::Context:
        return u' ';
    case Kind::Removed:
        return u'-';
    case Kind::Added:
        return u'+';
    }
    return u' ';
}

QString LineDiff::Hunk::header() const
{
    auto range = [](int start, int count) {
        return count == 1 ? QString::number(start) : QStringLiteral("%1,%2").arg(start).arg(count);
    };
    return QStringLiteral("@@ -%1 +%2 @@")
        .arg(range(oldStart, oldCount), range(newStart, newCount));
}

LineDiff::LineDiff(const QStringList &before, const QStringList &after, int context)
{
    context = std::max(context, 0);
    const std::vector<Op> ops = editScript(before, after);
    const int n = int(ops.size());
    auto isChange = [&ops](int k) { return ops[size_t(k)].kind != Line::Kind::Context; };
    int k = 0;
    while (k < n) {
        while (k < n && !isChange(k))
            ++k;
        if (k == n)
            break;
        const int start = std::max(0, k - context);
        int end = k; // one past the last change of this hunk
        for (;;) {
            while (end < n && isChange(end))
                ++end;
            int common = end;
            while (common < n && !isChange(common))
                ++common;
            if (common == n || common - end > 2 * context)
                break;
            end = common; // the next change is close enough: same hunk
        }
        const int stop = std::min(n, end + context);
        Hunk hunk;
        for (int m = start; m < stop; ++m) {
            const Op &op = ops[size_t(m)];
            hunk.lines << Line{op.kind, op.text};
            if (op.kind != Line::Kind::Added)
                ++hunk.oldCount;
            if (op.kind != Line::Kind::Removed)
                ++hunk.newCount;
            if (op.kind == Line::Kind::Removed)
                ++m_removed;
            else if (op.kind == Line::Kind::Added)
                ++m_added;
        }
        const Op &first = ops[size_t(start)];
        hunk.oldStart = first.oldIndex + (hunk.oldCount ? 1 : 0);
        hunk.newStart = first.newIndex + (hunk.newCount ? 1 : 0);
        m_hunks << hunk;
        k = stop;
    }
}

QStringList LineDiff::splitLines(const QString &text)
{
    if (text.isEmpty())
        return {};
    QStringList lines = text.split(u'\n');
    if (text.endsWith(u'\n'))
        lines.removeLast();
    return lines;
}

QStringList LineDiff::unifiedLines() const
{
    QStringList out;
    for (const Hunk &h : m_hunks) {
        out << h.header();
        for (const Line &l : h.lines)
            out << l.marker() + l.text;
    }
    return out;
}

QString LineDiff::unifiedText() const
{
    QString out;
    for (const QString &l : unifiedLines())
        out += l + u'\n';
    return out;
}

} // namespace uaip
