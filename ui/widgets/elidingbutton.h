#pragma once

#include <QPushButton>

namespace uaip {

// A push button whose text is shortened in the middle ("→ public.per…(persona_id)") when the
// layout gives it less than its whole text needs, and shown whole again when there is room.
// Its size hint is the whole text's; its minimum width is a few characters, so a long label
// never widens the panel (and the window) it is in. The whole text is its tool tip.
class ElidingButton : public QPushButton
{
    Q_OBJECT
public:
    explicit ElidingButton(const QString &text, QWidget *parent = nullptr);

    QString fullText() const { return m_full; }
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void elide();
    QSize sizeFor(const QString &text) const;

    QString m_full;
};

} // namespace uaip
