#pragma once

#include <QCoreApplication>

class QDialog;
class QDialogButtonBox;

namespace uaip {

// The buttons of a dialog that shows generated migration files for review before they are
// written (Create as Migration, New Online Change): Write Files (the default, accepts) and
// Cancel.
class WriteFilesButtons
{
    Q_DECLARE_TR_FUNCTIONS(uaip::WriteFilesButtons)

public:
    // tip: what writing does (the Write Files button's tool tip).
    static QDialogButtonBox *make(QDialog *dialog, const QString &tip);
};

} // namespace uaip
