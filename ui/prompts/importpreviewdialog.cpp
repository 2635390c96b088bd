#include "importpreviewdialog.h"

#include "widgets/dryruntable.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace uaip {

ImportPreviewDialog::ImportPreviewDialog(const PromptImportPlan &plan, const QStringList &problems,
                                         QWidget *parent)
    : QDialog(parent)
    , m_table(new QTableWidget(this))
{
    setWindowTitle(tr("Import prompts — dry run"));
    auto *layout = new QVBoxLayout(this);
    using K = PromptImportItem::Kind;
    const bool bad = !problems.isEmpty();
    auto *intro = new QLabel(
        bad ? tr("%1 has %n problem(s). Nothing was written.", nullptr, int(problems.size()))
                  .arg(plan.file)
            : tr("Dry run of %1 — nothing is written yet: %2 new, %3 changed, %4 metadata "
                 "only, %5 unchanged.")
                  .arg(plan.file)
                  .arg(plan.count(K::New))
                  .arg(plan.count(K::Changed))
                  .arg(plan.count(K::MetadataChanged))
                  .arg(plan.count(K::Unchanged)),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    if (!bad && plan.count(K::Changed) > 0) {
        // An explicit deploy: unlike a save in the editor, it publishes (issue 21, point 6).
        auto *publish = new QLabel(tr("Unlike saving in the editor, an import publishes each "
                                      "changed prompt's new version at once: the production "
                                      "label of an active prompt moves to it and the platform "
                                      "serves it."),
                                   this);
        publish->setObjectName(QStringLiteral("publishNote"));
        publish->setWordWrap(true);
        layout->addWidget(publish);
    }
    if (bad) {
        DryRunTable::showProblems(m_table, problems);
    } else {
        m_table->setColumnCount(4);
        m_table->setHorizontalHeaderLabels(
            {tr("Prompt"), tr("Action"), tr("Versions"), tr("Changed fields")});
        m_table->setRowCount(int(plan.items.size() + plan.newPersonas.size()));
        for (int i = 0; i < plan.items.size(); ++i) {
            const PromptImportItem &item = plan.items[i];
            m_table->setItem(i, 0, new QTableWidgetItem(item.promptId));
            m_table->setItem(i, 1, new QTableWidgetItem(PromptImportItem::kindName(item.kind)));
            const QString versions = item.kind == K::New ? tr("new: v%1").arg(item.toVersion)
                : item.kind == K::Changed
                ? QStringLiteral("v%1 → v%2").arg(item.fromVersion).arg(item.toVersion)
                : QStringLiteral("v%1").arg(item.fromVersion);
            m_table->setItem(i, 2, new QTableWidgetItem(versions));
            m_table->setItem(i, 3,
                             new QTableWidgetItem(item.changedFields.join(QStringLiteral(", "))));
        }
        // Personas of the file that do not exist yet are inserted too (and audited).
        for (int p = 0; p < plan.newPersonas.size(); ++p) {
            const int row = int(plan.items.size()) + p;
            m_table->setItem(row, 0, new QTableWidgetItem(plan.newPersonas[p]));
            m_table->setItem(row, 1, new QTableWidgetItem(tr("new persona")));
        }
    }
    DryRunTable::finish(m_table);
    layout->addWidget(m_table, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    const int writes = plan.count(K::New) + plan.count(K::Changed) + plan.count(K::MetadataChanged);
    if (!bad && writes + plan.newPersonas.size() > 0)
        m_import = buttons->addButton(tr("Import %n prompt(s)", nullptr, writes),
                                      QDialogButtonBox::AcceptRole);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(820, 460);
}

} // namespace uaip
