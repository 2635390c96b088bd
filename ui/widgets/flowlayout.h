#pragma once

#include <QLayout>
#include <QList>

namespace uaip {

// A row of widgets that wraps onto further rows when the width runs out, like words in a line
// of text: a bar of filters and buttons whose labels are longer in another language never
// widens the window (its minimum width is its widest item's), it grows downwards instead.
// Items keep their size hint's width (at most the whole width) and the row's height.
class FlowLayout : public QLayout
{
public:
    explicit FlowLayout(QWidget *parent = nullptr);
    ~FlowLayout() override;

    void addItem(QLayoutItem *item) override;
    int count() const override;
    QLayoutItem *itemAt(int index) const override;
    QLayoutItem *takeAt(int index) override;
    Qt::Orientations expandingDirections() const override;
    bool hasHeightForWidth() const override;
    int heightForWidth(int width) const override;
    QSize minimumSize() const override;
    QSize sizeHint() const override;
    void setGeometry(const QRect &rect) override;

private:
    // Lays the items out in rect (moves them only when apply); returns the height used.
    int arrange(const QRect &rect, bool apply) const;

    QList<QLayoutItem *> m_items;
};

} // namespace uaip
