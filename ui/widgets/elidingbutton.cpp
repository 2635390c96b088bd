#include "elidingbutton.h"

#include <QStyle>
#include <QStyleOptionButton>

namespace uaip {

ElidingButton::ElidingButton(const QString &text, QWidget *parent)
    : QPushButton(text, parent)
    , m_full(text)
{
    setToolTip(text);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
}

QSize ElidingButton::sizeFor(const QString &text) const
{
    QStyleOptionButton option;
    initStyleOption(&option);
    option.text = text;
    const QFontMetrics fm = fontMetrics();
    QSize contents(fm.horizontalAdvance(text), fm.height());
    if (!icon().isNull())
        contents.rwidth() += iconSize().width() + 4;
    return style()->sizeFromContents(QStyle::CT_PushButton, &option, contents, this);
}

QSize ElidingButton::sizeHint() const
{
    return sizeFor(m_full);
}

QSize ElidingButton::minimumSizeHint() const
{
    return sizeFor(QStringLiteral("→ …"));
}

void ElidingButton::resizeEvent(QResizeEvent *event)
{
    QPushButton::resizeEvent(event);
    elide();
}

void ElidingButton::elide()
{
    // The room for the text: the width less what the style adds around an empty label.
    const int frame = sizeFor(QString()).width();
    const QString shown
        = fontMetrics().elidedText(m_full, Qt::ElideMiddle, qMax(0, width() - frame));
    if (shown != text())
        setText(shown);
}

} // namespace uaip
