#include "savepreviewdialog.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace uaip {

SavePreviewDialog::SavePreviewDialog(const QString &sql, int changes, QWidget *parent)
    : QDialog(parent)
    , m_text(new QPlainTextEdit(this))
{
    setWindowTitle(tr("Save %n change(s)", nullptr, changes));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("These statements run in one transaction. A row changed by "
                                    "someone else since you loaded it stops the save."),
                                 this));
    m_text->setReadOnly(true);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setPlainText(sql);
    layout->addWidget(m_text, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    resize(fontMetrics().averageCharWidth() * 100, fontMetrics().height() * 25);
}

QString SavePreviewDialog::sql() const
{
    return m_text->toPlainText();
}

} // namespace uaip
