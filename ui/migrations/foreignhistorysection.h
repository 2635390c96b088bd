#pragma once

#include "foreign/adoptionplan.h"
#include "foreign/foreignledger.h"

#include <QList>
#include <QPointer>
#include <QWidget>

class QLabel;
class QVBoxLayout;

namespace uaip {

class AdoptDialog;
class MigrationsView;

// Beside our migrations: the histories other tools keep in the database ("History kept by
// TypeORM (3 applied)"), read after every refresh of the view on its session, each with
// "Adopt history…" (AdoptDialog). Hidden when there is none. Adopting runs on the view's
// session, then the view reads its status again.
class ForeignHistorySection : public QWidget
{
    Q_OBJECT
public:
    explicit ForeignHistorySection(MigrationsView *view);

    const QList<ForeignLedger> &ledgers() const { return m_ledgers; }
    // The dialog for ledger index (shown, not modal); null for a bad index.
    AdoptDialog *openAdoptDialog(int index);
    QString lastMessage() const { return m_message; }

signals:
    void loaded();
    void adoptFinished(bool ok);

private:
    void reload();
    void present(const QList<ForeignLedger> &ledgers, const QString &error);
    void adopt(const AdoptionPlan &plan);

    MigrationsView *m_view;
    QVBoxLayout *m_rows = nullptr;
    QLabel *m_note = nullptr; // what the last adopt did
    QList<ForeignLedger> m_ledgers;
    QString m_message;
    int m_generation = 0;
};

} // namespace uaip
