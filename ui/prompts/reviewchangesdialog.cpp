#include "reviewchangesdialog.h"

#include "promptdiffview.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace uaip {

ReviewChangesDialog::ReviewChangesDialog(const QString &promptId, const PromptVersionDiff &diff,
                                         const QMap<QString, int> &labels,
                                         const QString &typedDatabase, QWidget *parent)
    : QDialog(parent)
    , m_diff(new PromptDiffView(this))
    , m_labelsNote(new QLabel(this))
    , m_note(new QPlainTextEdit(this))
    , m_expected(typedDatabase)
{
    setWindowTitle(tr("Review changes — %1").arg(promptId));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Saving writes version %1 of %2. Versions are never changed "
                                "afterwards.")
                                 .arg(diff.afterVersion())
                                 .arg(promptId),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    const auto production = labels.constFind(QStringLiteral("production"));
    m_labelsNote->setObjectName(QStringLiteral("labelsNote"));
    m_labelsNote->setText(
        production == labels.constEnd()
            ? tr("Labels that move: none. Only \"latest\" follows the new version; the prompt "
                 "has no production label.")
            : tr("Labels that move: none. \"production\" stays on version %1, which the "
                 "platform keeps serving; only \"latest\" follows the new version. Promote it "
                 "separately (History → Promote to production…).")
                  .arg(production.value()));
    m_labelsNote->setWordWrap(true);
    layout->addWidget(m_labelsNote);
    m_diff->setDiff(diff);
    layout->addWidget(m_diff, 1);
    auto *form = new QFormLayout;
    m_note->setPlaceholderText(tr("What changed and why (required)"));
    m_note->setMaximumHeight(m_note->fontMetrics().lineSpacing() * 4);
    form->addRow(tr("Change note:"), m_note);
    if (!typedDatabase.isEmpty()) {
        m_database = new QLineEdit(this);
        m_database->setPlaceholderText(typedDatabase);
        form->addRow(tr("Production database — type “%1” to confirm:").arg(typedDatabase),
                     m_database);
        connect(m_database, &QLineEdit::textChanged, this, &ReviewChangesDialog::updateSave);
    }
    layout->addLayout(form);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_save = buttons->addButton(tr("Save version %1").arg(diff.afterVersion()),
                                QDialogButtonBox::AcceptRole);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    connect(m_note, &QPlainTextEdit::textChanged, this, &ReviewChangesDialog::updateSave);
    updateSave();
    resize(900, 640);
}

QString ReviewChangesDialog::note() const
{
    return m_note->toPlainText().trimmed();
}

void ReviewChangesDialog::updateSave()
{
    m_save->setEnabled(!note().isEmpty() && (!m_database || m_database->text() == m_expected));
}

} // namespace uaip
