#pragma once

#include "online/onlinechangepair.h"

#include <QDialog>

class QTabWidget;

namespace uaip {

// An online change proved on the sandbox, before it is written: what it does, how it was
// proved, its notes, and the expand's and the contract's up.sql and down.sql. Write writes both
// folders (accept).
class OnlineChangeReviewDialog : public QDialog
{
    Q_OBJECT
public:
    OnlineChangeReviewDialog(const OnlineChangePair &pair, const QString &dir,
                             QWidget *parent = nullptr);

    QTabWidget *tabs() const { return m_tabs; }

private:
    QTabWidget *m_tabs = nullptr;
};

} // namespace uaip
