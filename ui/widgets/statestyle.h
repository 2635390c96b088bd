#pragma once

#include "migrate/migrationstate.h"

#include <QBrush>
#include <QCoreApplication>
#include <QIcon>
#include <QString>

namespace uaip {

// How a migration state looks everywhere: a word, an icon (desktop theme with QStyle
// fallback) and a text colour derived from the application palette (dark themes work).
class StateStyle
{
    Q_DECLARE_TR_FUNCTIONS(uaip::StateStyle)

public:
    static QString label(MigrationState state);
    static QIcon icon(MigrationState state);
    static QBrush foreground(MigrationState state);
    // A colour that stands out on the palette's base for "bad" (failed/error) text.
    static QColor danger();
    static QColor warning();
    // Text that reads as "added" or "good" (the + lines of a diff).
    static QColor success();
};

} // namespace uaip
