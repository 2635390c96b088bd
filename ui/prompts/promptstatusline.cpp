#include "promptstatusline.h"

#include "widgets/statestyle.h"

#include <QHBoxLayout>
#include <QLabel>

namespace uaip {

PromptStatusLine::PromptStatusLine(QWidget *parent)
    : QWidget(parent)
    , m_status(new QLabel(this))
    , m_encryption(new QLabel(this))
{
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_encryption->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_status, 1);
    layout->addWidget(m_encryption);
}

void PromptStatusLine::setStatus(const QString &text, bool error)
{
    m_status->setText(text);
    m_status->setStyleSheet(error ? QStringLiteral("color:%1").arg(StateStyle::danger().name())
                                  : QString());
}

void PromptStatusLine::setEncryption(const QString &text)
{
    m_encryption->setText(text);
}

QString PromptStatusLine::status() const
{
    return m_status->text();
}

QString PromptStatusLine::encryption() const
{
    return m_encryption->text();
}

} // namespace uaip
