#include "elidinglabel.h"

#include <QHelpEvent>
#include <QPainter>
#include <QStyle>
#include <QToolTip>

namespace uaip {

namespace {
constexpr int kMinimumChars = 8;
}

ElidingLabel::ElidingLabel(QWidget *parent)
    : QLabel(parent)
{
    setTextFormat(Qt::PlainText);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
}

QSize ElidingLabel::minimumSizeHint() const
{
    const QSize hint = QLabel::minimumSizeHint();
    const QMargins m = contentsMargins();
    return {fontMetrics().averageCharWidth() * kMinimumChars + m.left() + m.right() + 2 * margin(),
            hint.height()};
}

QString ElidingLabel::shownText() const
{
    const QString whole = text();
    const int room = contentsRect().width() - 2 * margin() - (indent() > 0 ? indent() : 0);
    if (whole.contains(u'\n') || fontMetrics().horizontalAdvance(whole) <= room)
        return whole;
    return fontMetrics().elidedText(whole, Qt::ElideRight, room);
}

void ElidingLabel::paintEvent(QPaintEvent *event)
{
    const QString shown = shownText();
    if (shown == text())
        return QLabel::paintEvent(event);
    QPainter painter(this);
    drawFrame(&painter);
    const QRect r = contentsRect().adjusted(margin(), margin(), -margin(), -margin());
    style()->drawItemText(&painter, r, int(alignment()), palette(), isEnabled(), shown,
                          foregroundRole());
}

bool ElidingLabel::event(QEvent *event)
{
    // The whole text as tool tip where it is cut (a tool tip of its own wins).
    if (event->type() == QEvent::ToolTip && toolTip().isEmpty() && isElided()) {
        QToolTip::showText(static_cast<QHelpEvent *>(event)->globalPos(), text(), this);
        return true;
    }
    return QLabel::event(event);
}

} // namespace uaip
