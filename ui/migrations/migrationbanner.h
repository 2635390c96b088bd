#pragma once

#include "foreign/foreignledger.h"

#include <QLabel>
#include <QList>

namespace uaip {

// Above the migrations: what the Migrations view has to say (a problem of the migration files,
// a run's result, an error), or, while the database has no ledger of ours, a note that says so
// and whose history the database keeps instead. Hidden when there is nothing to say.
class MigrationBanner : public QLabel
{
    Q_OBJECT
public:
    // parent: the view; an error is drawn in the danger colour over its palette.
    explicit MigrationBanner(QWidget *parent);

    // The text shown; empty while hidden.
    QString message() const;
    // The last message was an error (kept while hidden).
    bool isError() const { return m_error; }
    // An empty text hides the banner.
    void showMessage(const QString &text, bool error);
    // The problems of the migration files in dir (MigrationSource::errors()); folderOk false:
    // the folder gives no order, so nothing can be applied. Hides the banner when there are none.
    void showSourceProblems(const QString &dir, const QStringList &problems, bool folderOk);
    // Without a ledger of ours: "no ledger yet", or, when another tool keeps the history, whose
    // it is and "Adopt history…"; hides that note once our ledger exists.
    void showLedgerNote(bool ledgerExists, const QList<ForeignLedger> &others);

signals:
    // The first line of each message shown (empty when the banner was hidden).
    void statusText(const QString &line);

private:
    bool m_error = false;
    bool m_ledgerNote = false; // the banner shows showLedgerNote()'s note
};

} // namespace uaip
