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
    , m_cascade(new QLabel(this))
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
    m_cascade->setObjectName(QStringLiteral("saveCascade"));
    m_cascade->setWordWrap(true);
    m_cascade->setTextFormat(Qt::RichText);
    m_cascade->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_cascade->hide();
    layout->addWidget(m_cascade);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_save = buttons->button(QDialogButtonBox::Save);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    resize(fontMetrics().averageCharWidth() * 100, fontMetrics().height() * 25);
}

void SavePreviewDialog::setCounting()
{
    m_counting = true;
    m_save->setEnabled(false);
    m_cascade->setText(tr("Counting the rows of other tables that these statements delete or "
                          "change through foreign keys (CASCADE, SET NULL, SET DEFAULT)…"));
    m_cascade->show();
}

void SavePreviewDialog::setCascade(const CascadeReport &cascade, bool changedSincePreview)
{
    m_counting = false;
    m_refused = cascade.refusal.has_value();
    m_save->setEnabled(!m_refused);
    if (m_refused) {
        // Refused before anything is sent: the server would stop the save at this statement.
        m_save->setToolTip(tr("The server would refuse this save; nothing can be saved as it is."));
        m_cascade->setText(
            QStringLiteral("<b>%1</b><br>%2")
                .arg(cascade.refusalText().toHtmlEscaped(),
                     tr("Nothing is saved. Cancel, then delete or change the referencing rows "
                        "first, or revert this change.")));
        m_cascade->show();
        return;
    }
    m_save->setToolTip(QString());
    QStringList text;
    if (changedSincePreview)
        text << tr("<b>What the save cascades to changed since the last preview</b> (someone "
                   "else changed the data); it was not saved. Counted again in the save's own "
                   "transaction:");
    if (cascade.tables.isEmpty() && !cascade.bounded) {
        text << tr("Nothing else: no row of another table is deleted or changed through a "
                   "foreign key.");
    } else {
        if (!changedSincePreview)
            text << (cascade.bounded
                         ? tr("These statements also delete or change rows of other tables "
                              "(foreign keys with CASCADE, SET NULL, SET DEFAULT); the count "
                              "stopped early, so these are lower bounds:")
                         : tr("These statements also delete or change rows of other tables "
                              "(foreign keys with CASCADE, SET NULL, SET DEFAULT), counted in a "
                              "transaction that was rolled back:"));
        QStringList lines;
        for (const QString &line : cascade.lines())
            lines << QStringLiteral("• ") + line.toHtmlEscaped();
        if (!lines.isEmpty())
            text << lines.join(QStringLiteral("<br>"));
        if (cascade.bounded)
            text << tr("Not counted to the end: %1").arg(cascade.boundReason.toHtmlEscaped());
        text << tr("The save counts again in its own transaction and stops if the numbers "
                   "differ.");
    }
    m_cascade->setText(text.join(QStringLiteral("<br>")));
    m_cascade->show();
}

QString SavePreviewDialog::cascadeText() const
{
    return m_cascade->text();
}

void SavePreviewDialog::accept()
{
    if (m_counting || m_refused)
        return;
    QDialog::accept();
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
