#include "migrationbanner.h"

#include "widgets/statestyle.h"

#include <QLocale>

namespace uaip {

MigrationBanner::MigrationBanner(QWidget *parent)
    : QLabel(parent)
{
    setObjectName(QStringLiteral("banner"));
    setWordWrap(true);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    setFrameShape(QFrame::StyledPanel);
    setMargin(parent->fontMetrics().height() / 3);
    hide();
}

QString MigrationBanner::message() const
{
    return isVisible() ? text() : QString();
}

void MigrationBanner::showMessage(const QString &text, bool error)
{
    m_ledgerNote = false;
    setText(text);
    m_error = error && !text.isEmpty();
    QPalette pal = parentWidget()->palette();
    if (error)
        pal.setColor(QPalette::WindowText, StateStyle::danger());
    setPalette(pal);
    setVisible(!text.isEmpty());
    emit statusText(text.section(u'\n', 0, 0));
}

void MigrationBanner::showSourceProblems(const QString &dir, const QStringList &problems,
                                         bool folderOk)
{
    if (!folderOk)
        showMessage(tr("The migrations in %1 have %n problem(s); nothing can be applied until they "
                       "are fixed:\n  %2",
                       nullptr, int(problems.size()))
                        .arg(dir, problems.join(QStringLiteral("\n  "))),
                    true);
    else if (!problems.isEmpty())
        showMessage(tr("The migrations in %1 have %n problem(s) in their files; an apply or "
                       "rollback that runs such a file is refused until it is fixed:\n  %2",
                       nullptr, int(problems.size()))
                        .arg(dir, problems.join(QStringLiteral("\n  "))),
                    true);
    else
        hide();
}

void MigrationBanner::showLedgerNote(bool ledgerExists, const QList<ForeignLedger> &others)
{
    if (ledgerExists) {
        if (m_ledgerNote)
            showMessage(QString(), false);
        return;
    }
    if (!m_ledgerNote && isVisible())
        return; // another message (a run's result, an error) stays
    QStringList kept;
    for (const ForeignLedger &l : others)
        kept << tr("%1 (%n applied)", nullptr, l.appliedCount()).arg(l.tool.displayName);
    if (kept.isEmpty())
        showMessage(tr("This database has no migration ledger yet; the first apply creates it."),
                    false);
    else
        showMessage(tr("This database has no migration ledger of ours yet: its history is kept by "
                       "%1. Take it over with \"Adopt history…\" below; an apply before that "
                       "would run the migrations already applied once more.")
                        .arg(QLocale().createSeparatedList(kept)),
                    false);
    m_ledgerNote = true;
}

} // namespace uaip
