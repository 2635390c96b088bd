#pragma once

#include <QLabel>

namespace uaip {

// A one-line label for text of any length (a status message, a connection's state): it never
// asks for more width than a few characters, so a long message never widens the window; where
// its text does not fit it shows the beginning with an ellipsis ("…") and the whole text in its
// tool tip. text() stays the whole text. Plain text only (rich text is shown as QLabel does).
class ElidingLabel : public QLabel
{
    Q_OBJECT
public:
    explicit ElidingLabel(QWidget *parent = nullptr);

    QSize minimumSizeHint() const override;
    // What is painted: text(), or its elided beginning when it does not fit.
    QString shownText() const;
    bool isElided() const { return shownText() != text(); }

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;
};

} // namespace uaip
