#include "textfit.h"

#include <QFontMetrics>
#include <QLayout>
#include <QScreen>
#include <QString>
#include <QStringList>
#include <QStyle>
#include <QWidget>

namespace uaip {

void TextFit::fitDialog(QWidget *dialog, QWidget *view, const QString &text, int extraWidth)
{
    const QFontMetrics fm(view->font());
    QStringList lines = text.split(u'\n');
    if (lines.size() > 1 && lines.last().isEmpty())
        lines.removeLast();
    int widest = 0;
    for (const QString &line : lines)
        widest = qMax(widest, fm.horizontalAdvance(line));
    // The frame, the document margins and a little air around the text.
    const int frame = view->style()->pixelMetric(QStyle::PM_DefaultFrameWidth, nullptr, view) * 2
        + fm.averageCharWidth() * 2;
    const int scrollBar = view->style()->pixelMetric(QStyle::PM_ScrollBarExtent, nullptr, view);
    const QFontMetrics dialogFm(dialog->font());
    const QSize least(dialogFm.horizontalAdvance(QLatin1Char('m')) * 30, fm.lineSpacing() * 3);
    const QSize text0(widest + frame + extraWidth,
                      int(lines.size()) * fm.lineSpacing() + frame + fm.lineSpacing() / 2);
    const QSize content = text0.expandedTo(least);

    // What the dialog needs around the view: lay it out once with the view at that size.
    const QSize oldMin = view->minimumSize();
    const QSize oldMax = view->maximumSize();
    view->setFixedSize(content);
    dialog->layout()->activate();
    QSize wanted = dialog->layout()->sizeHint();
    view->setMinimumSize(oldMin);
    view->setMaximumSize(oldMax);
    dialog->layout()->invalidate();
    dialog->layout()->activate(); // the dialog's minimum size no longer holds the fixed view

    const QRect screen = dialog->screen()->availableGeometry();
    const QSize most = screen.size() * 0.85;
    // A text cut in one direction gets a scroll bar that takes room in the other.
    if (wanted.width() > most.width())
        wanted.rheight() += scrollBar;
    if (wanted.height() > most.height())
        wanted.rwidth() += scrollBar;
    dialog->resize(wanted.boundedTo(most));
}

void TextFit::fitToScreen(QWidget *dialog, int columns, int lines)
{
    const QSize screen = dialog->screen() ? dialog->screen()->availableSize() : QSize(1280, 800);
    dialog->resize(
        std::min(screen.width() * 85 / 100, dialog->fontMetrics().averageCharWidth() * columns),
        std::min(screen.height() * 85 / 100, dialog->fontMetrics().height() * lines));
}

} // namespace uaip
