#include "savepreviewdialog.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace uaip {

SavePreviewDialog::SavePreviewDialog(const QString &sql, int changes, const QString &target,
                                     QWidget *parent)
    : QDialog(parent)
    , m_text(new QPlainTextEdit(this))
    , m_target(target)
{
    setWindowTitle(tr("Save %n change(s)", nullptr, changes));
    auto *layout = new QVBoxLayout(this);
    auto *where = new QLabel(tr("Target: <b>%1</b>").arg(target.toHtmlEscaped()), this);
    where->setObjectName(QStringLiteral("saveTarget"));
    where->setWordWrap(true);
    where->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(where);
    auto *note = new QLabel(tr("These statements run in one transaction. A row changed by "
                               "someone else since you loaded it stops the save."),
                            this);
    note->setWordWrap(true);
    layout->addWidget(note);
    m_text->setReadOnly(true);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    // Wrapped: a long UPDATE is read whole, never cut at the edge.
    m_text->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_text->setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
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

QString SavePreviewDialog::target() const
{
    return m_target;
}

} // namespace uaip
