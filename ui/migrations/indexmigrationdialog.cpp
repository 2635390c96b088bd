#include "indexmigrationdialog.h"

#include "widgets/sqlview.h"
#include "widgets/textfit.h"
#include "widgets/writefilesbuttons.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QScreen>
#include <QTabWidget>
#include <QVBoxLayout>

namespace uaip {

namespace {

QString doing(const IndexAction &a)
{
    const QString index = (a.schema + u'.' + a.index).toHtmlEscaped();
    switch (a.kind) {
    case IndexAction::Kind::Create:
        return IndexMigrationDialog::tr("builds the index <b>%1</b>").arg(index);
    case IndexAction::Kind::Drop:
        return IndexMigrationDialog::tr("drops the index <b>%1</b>").arg(index);
    case IndexAction::Kind::Rebuild:
        return IndexMigrationDialog::tr("rebuilds the index <b>%1</b>").arg(index);
    }
    return index;
}

} // namespace

IndexMigrationDialog::IndexMigrationDialog(const IndexMigration &migration, const QString &folder,
                                           QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("indexMigrationDialog"));
    setWindowTitle(tr("Create as Migration %1").arg(migration.folderName));
    auto *layout = new QVBoxLayout(this);
    auto *summary = new QLabel(
        tr("The migration %1 CONCURRENTLY, outside a transaction: the platform's reads and "
           "writes go on while it runs.<br>Why: %2<br>Proved %3.<br>It will be written to "
           "<b>%4</b>; nothing runs on the database until you apply it.")
            .arg(doing(migration.action), migration.action.evidence.toHtmlEscaped(),
                 migration.proof.toHtmlEscaped(), folder.toHtmlEscaped()),
        this);
    summary->setObjectName(QStringLiteral("indexMigrationSummary"));
    summary->setWordWrap(true);
    summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(summary);

    m_tabs = new QTabWidget(this);
    m_tabs->addTab(SqlView::ofFile(migration.upSql, this), QStringLiteral("up.sql"));
    m_tabs->addTab(SqlView::ofFile(migration.downSql, this), QStringLiteral("down.sql"));
    layout->addWidget(m_tabs, 1);

    layout->addWidget(WriteFilesButtons::make(
        this, tr("Write the folder; the Migrations view lists it as pending")));

    TextFit::fitToScreen(this, 110, 32);
}

} // namespace uaip
