#include "generatedmigrationdialog.h"

#include "widgets/diffhighlighter.h"
#include "widgets/sqlview.h"
#include "widgets/textfit.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScreen>
#include <QTabWidget>
#include <QVBoxLayout>

namespace uaip {

GeneratedMigrationDialog::GeneratedMigrationDialog(const DriftMigration &migration,
                                                   const QString &folder, const QString &database,
                                                   bool canRecord, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Generated Migration %1").arg(migration.folderName));
    auto *layout = new QVBoxLayout(this);
    auto *summary = new QLabel(
        tr("<b>%n difference(s)</b> between what the migrations make and database <b>%1</b>. "
           "The pair below was proved on the sandbox: up.sql leaves only the held-back steps "
           "different from %1, down.sql restores the migrations' schema. It will be written to "
           "<b>%2</b>.",
           nullptr, int(migration.drift.size()))
            .arg(database.toHtmlEscaped(), folder.toHtmlEscaped()),
        this);
    summary->setWordWrap(true);
    summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(summary);

    if (!migration.up.notes.isEmpty()) {
        auto *review = new QLabel(tr("Review before you apply it anywhere:"), this);
        layout->addWidget(review);
        auto *notes = new QListWidget(this);
        notes->setObjectName(QStringLiteral("reviewNotes"));
        const QIcon warning = style()->standardIcon(QStyle::SP_MessageBoxWarning);
        for (const GeneratorNote &n : migration.up.notes)
            notes->addItem(new QListWidgetItem(warning, n.message));
        notes->setWordWrap(true);
        notes->setMaximumHeight(fontMetrics().height() * 7);
        layout->addWidget(notes);
    }

    m_tabs = new QTabWidget(this);
    auto *drift = new QPlainTextEdit(this);
    drift->setReadOnly(true);
    drift->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    QStringList lines;
    for (const auto &d : migration.drift)
        lines << d.describe();
    drift->setPlainText(lines.join(u'\n'));
    new DiffHighlighter(drift->document());
    m_tabs->addTab(SqlView::ofFile(migration.upSql, this), QStringLiteral("up.sql"));
    m_tabs->addTab(SqlView::ofFile(migration.downSql, this), QStringLiteral("down.sql"));
    m_tabs->addTab(drift, tr("Drift (%n)", nullptr, int(migration.drift.size())));
    layout->addWidget(m_tabs, 1);

    auto *buttons = new QDialogButtonBox(this);
    QPushButton *record
        = buttons->addButton(tr("Write and &Record as Applied"), QDialogButtonBox::AcceptRole);
    record->setObjectName(QStringLiteral("writeAndRecord"));
    record->setToolTip(tr("Write the folder and record the migration as applied on %1, which "
                          "already has this schema (baseline)")
                           .arg(database));
    if (!canRecord) {
        record->setEnabled(false);
        record->setToolTip(tr("The profile is read-only: record it with a profile that may write"));
    }
    QPushButton *write = buttons->addButton(tr("&Write Files"), QDialogButtonBox::AcceptRole);
    // Enter writes files only: recording touches the database, so it takes its own click.
    record->setAutoDefault(false);
    write->setDefault(true);
    write->setObjectName(QStringLiteral("writeFiles"));
    write->setToolTip(
        tr("Write the folder only; %1 will list the migration as pending").arg(database));
    buttons->addButton(QDialogButtonBox::Cancel);
    connect(record, &QPushButton::clicked, this, [this] {
        m_choice = Confirmer::GeneratedChoice::WriteAndRecord;
        accept();
    });
    connect(write, &QPushButton::clicked, this, [this] {
        m_choice = Confirmer::GeneratedChoice::Write;
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    TextFit::fitToScreen(this, 110, 40);
}

} // namespace uaip
