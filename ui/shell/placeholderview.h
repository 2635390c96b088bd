#pragma once

#include <QWidget>

namespace uaip {

// A view that is not in this release yet: its name, what it will do, and that it is coming.
class PlaceholderView : public QWidget
{
    Q_OBJECT
public:
    PlaceholderView(const QString &title, const QString &description, const QIcon &icon,
                    QWidget *parent = nullptr);
};

} // namespace uaip
