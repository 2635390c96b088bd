#include "seedpreviewdialog.h"

#include "widgets/dryruntable.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace uaip {

SeedPreviewDialog::SeedPreviewDialog(const PromptSeedReport &plan, const QStringList &problems,
                                     QWidget *parent)
    : QDialog(parent)
    , m_table(new QTableWidget(this))
{
    setWindowTitle(plan.update ? tr("Update prompts from the seed file — dry run")
                               : tr("Seed prompts — dry run"));
    auto *layout = new QVBoxLayout(this);
    using K = SeedAction::Kind;
    const QString p = QStringLiteral("prompt");
    const QString pe = QStringLiteral("persona");
    const bool bad = !problems.isEmpty();
    const int writes = plan.writes();
    auto *intro = new QLabel(
        bad ? tr("%1 has %n problem(s). Nothing was written.", nullptr, int(problems.size()))
                  .arg(plan.file)
            : tr("Dry run of %1 — nothing is written yet. Prompts: %2 inserted, %3 new "
                 "version(s), %4 metadata update(s), %5 unchanged, %6 differ (left alone); "
                 "personas: %7 inserted, %8 existing.")
                  .arg(plan.file)
                  .arg(plan.count(p, K::Insert))
                  .arg(plan.count(p, K::NewVersion))
                  .arg(plan.count(p, K::UpdateMetadata))
                  .arg(plan.count(p, K::Unchanged))
                  .arg(plan.count(p, K::Differs))
                  .arg(plan.count(pe, K::Insert))
                  .arg(plan.count(pe, K::Exists)),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    if (!bad && plan.count(p, K::NewVersion) > 0) {
        // An explicit deploy: unlike a save in the editor, it publishes (issue 21, point 6).
        auto *publish = new QLabel(tr("Unlike saving in the editor, updating from the seed file "
                                      "publishes each new version at once: the production "
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
        m_table->setHorizontalHeaderLabels({tr("Kind"), tr("Name"), tr("Action"), tr("Details")});
        m_table->setRowCount(int(plan.actions.size()));
        for (int i = 0; i < plan.actions.size(); ++i) {
            const SeedAction &a = plan.actions[i];
            m_table->setItem(i, 0,
                             new QTableWidgetItem(a.entity == p ? tr("prompt") : tr("persona")));
            m_table->setItem(i, 1, new QTableWidgetItem(a.key));
            m_table->setItem(i, 2, new QTableWidgetItem(SeedAction::kindName(a.kind)));
            m_table->setItem(i, 3, new QTableWidgetItem(describe(a)));
        }
    }
    DryRunTable::finish(m_table);
    layout->addWidget(m_table, 1);
    if (!bad && writes == 0) {
        auto *nothing = new QLabel(plan.count(p, K::Differs) > 0 && !plan.update
                                       ? tr("Nothing to write: the prompts that differ are left "
                                            "alone; \"Update from file\" writes their new "
                                            "versions.")
                                       : tr("Nothing to write: the database matches the seed "
                                            "file."),
                                   this);
        nothing->setWordWrap(true);
        layout->addWidget(nothing);
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    if (!bad && writes > 0)
        m_seed = buttons->addButton(plan.update ? tr("Update (%n write(s))", nullptr, writes)
                                                : tr("Seed (%n write(s))", nullptr, writes),
                                    QDialogButtonBox::AcceptRole);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(860, 460);
}

QString SeedPreviewDialog::describe(const SeedAction &a)
{
    const QString fields = a.changedFields.join(QStringLiteral(", "));
    switch (a.kind) {
    case SeedAction::Kind::Insert:
        return a.entity == QLatin1String("prompt") ? tr("insert (version 1)") : tr("insert");
    case SeedAction::Kind::NewVersion:
        return tr("new version %1 (was %2; changed: %3)")
            .arg(a.toVersion)
            .arg(a.fromVersion)
            .arg(fields);
    case SeedAction::Kind::UpdateMetadata:
        return tr("update metadata, still version %1 (changed: %2)").arg(a.toVersion).arg(fields);
    case SeedAction::Kind::Unchanged:
        return tr("unchanged (version %1)").arg(a.toVersion);
    case SeedAction::Kind::Differs:
        return tr("differs (%1); left at version %2, \"Update from file\" writes a new one")
            .arg(fields)
            .arg(a.fromVersion);
    case SeedAction::Kind::Exists:
        return tr("exists (personas are never overwritten)");
    }
    return QString();
}

} // namespace uaip
