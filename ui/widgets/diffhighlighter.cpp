#include "diffhighlighter.h"

#include "statestyle.h"

#include <QApplication>
#include <QPalette>

namespace uaip {

namespace {

// Block state: -1 outside a hunk; otherwise the column of the hunk's +/-/space markers.
constexpr int kOutside = -1;

qsizetype indentOf(const QString &text)
{
    qsizetype i = 0;
    while (i < text.size() && text[i] == u' ')
        ++i;
    return i;
}

} // namespace

DiffHighlighter::DiffHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
{ }

void DiffHighlighter::highlightBlock(const QString &text)
{
    const qsizetype indent = indentOf(text);
    int column = previousBlockState() < 0 ? kOutside : previousBlockState();
    QChar marker;
    if (text.mid(indent, 3) == QLatin1String("@@ ")) {
        QTextCharFormat header;
        header.setForeground(QApplication::palette().color(QPalette::Link));
        setFormat(0, int(text.size()), header);
        setCurrentBlockState(int(indent));
        return;
    }
    if (column != kOutside && text.size() > column && indent >= column
        && QStringLiteral(" +-").contains(text[column])) {
        marker = text[column]; // a line of the current hunk
    } else {
        column = kOutside; // the hunk is over: a report line, or a +/- list line
        if (indent < text.size())
            marker = text[indent];
    }
    setCurrentBlockState(column);
    if (marker != u'+' && marker != u'-')
        return;
    QTextCharFormat format;
    format.setForeground(marker == u'+' ? StateStyle::success() : StateStyle::danger());
    setFormat(0, int(text.size()), format);
}

} // namespace uaip
