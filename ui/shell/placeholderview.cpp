#include "placeholderview.h"

#include <QIcon>
#include <QLabel>
#include <QVBoxLayout>

namespace uaip {

PlaceholderView::PlaceholderView(const QString &title, const QString &description,
                                 const QIcon &icon, QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->addStretch(1);
    const int size = fontMetrics().height() * 4;
    auto *image = new QLabel(this);
    image->setPixmap(icon.pixmap(size, size));
    image->setAlignment(Qt::AlignCenter);
    layout->addWidget(image);
    auto *heading = new QLabel(QStringLiteral("<h1>%1</h1>").arg(title.toHtmlEscaped()), this);
    heading->setAlignment(Qt::AlignCenter);
    layout->addWidget(heading);
    auto *coming = new QLabel(tr("<h3>Coming in a later release</h3>"), this);
    coming->setObjectName(QStringLiteral("comingSoon"));
    coming->setAlignment(Qt::AlignCenter);
    layout->addWidget(coming);
    auto *text = new QLabel(description, this);
    text->setWordWrap(true);
    text->setAlignment(Qt::AlignCenter);
    text->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(text);
    layout->addStretch(2);
}

} // namespace uaip
