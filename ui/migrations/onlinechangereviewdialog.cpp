#include "onlinechangereviewdialog.h"

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

OnlineChangeReviewDialog::OnlineChangeReviewDialog(const OnlineChangePair &pair, const QString &dir,
                                                   QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("onlineChangeReviewDialog"));
    const OnlineChangeScripts &s = pair.scripts;
    setWindowTitle(tr("Online Change %1").arg(pair.description));
    auto *layout = new QVBoxLayout(this);
    QString text = s.single
        ? tr("PostgreSQL makes this change in the catalog alone: it is one migration, "
             "<b>%1</b>.")
              .arg(pair.expandFolder.toHtmlEscaped())
        : tr("Apply the expand <b>%1</b>, deploy the application that uses the new shape, then "
             "apply the contract <b>%2</b>: it is refused while the workload still names the "
             "old shape.")
              .arg(pair.expandFolder.toHtmlEscaped(), pair.contractFolder.toHtmlEscaped());
    text += QStringLiteral("<br>")
        + tr("Proved on the sandbox: %1.")
              .arg(pair.proof.join(QStringLiteral("; ")).toHtmlEscaped());
    for (const QString &note : s.notes)
        text += QStringLiteral("<br>") + tr("Note: %1").arg(note.toHtmlEscaped());
    text += QStringLiteral("<br>")
        + tr("It will be written to <b>%1</b>; nothing runs on the database until "
             "you apply it.")
              .arg(dir.toHtmlEscaped());
    auto *summary = new QLabel(text, this);
    summary->setObjectName(QStringLiteral("onlineChangeSummary"));
    summary->setWordWrap(true);
    summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(summary);

    m_tabs = new QTabWidget(this);
    const QString expand = s.single ? QString() : tr("expand") + u' ';
    m_tabs->addTab(SqlView::ofFile(s.expandUp, this), expand + QStringLiteral("up.sql"));
    m_tabs->addTab(SqlView::ofFile(s.expandDown, this), expand + QStringLiteral("down.sql"));
    if (!s.single) {
        const QString contract = tr("contract") + u' ';
        m_tabs->addTab(SqlView::ofFile(s.contractUp, this), contract + QStringLiteral("up.sql"));
        m_tabs->addTab(SqlView::ofFile(s.contractDown, this),
                       contract + QStringLiteral("down.sql"));
    }
    layout->addWidget(m_tabs, 1);

    layout->addWidget(WriteFilesButtons::make(
        this, tr("Write the folders; the Migrations view lists them as pending")));

    TextFit::fitToScreen(this, 110, 36);
}

} // namespace uaip
