#pragma once

#include <QWidget>

class QLabel;

namespace uaip {

// The line under the Prompts view: what the view last did or found (word-wrapped, in the
// danger colour for an error) and, beside it, the encryption state of the database's prompts.
// Both can be selected with the mouse (to copy a message).
class PromptStatusLine : public QWidget
{
    Q_OBJECT
public:
    explicit PromptStatusLine(QWidget *parent);

    void setStatus(const QString &text, bool error);
    void setEncryption(const QString &text);
    QString status() const;
    QString encryption() const;

private:
    QLabel *m_status;
    QLabel *m_encryption;
};

} // namespace uaip
