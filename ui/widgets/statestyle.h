#pragma once

#include "ledger/migrationstate.h"

#include <QBrush>
#include <QCoreApplication>
#include <QIcon>
#include <QString>

namespace uaip {

// How a state looks everywhere: for migrations a word, an icon (desktop theme with QStyle
// fallback) and a text colour; the colours of "bad", "warning", "good" and "muted" text and of
// the Entities cells' states. Every text colour is derived from the application palette (dark
// themes work) and made to meet WCAG's 4.5:1 contrast against the palette's Base, AlternateBase
// and Window (readable()); the backgrounds are tints under the palette's Text that keep it
// (issue 34: tst_contrast computes every one).
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
    // Text that reads as secondary: NULL and DEFAULT cells, ended sessions (the palette's
    // disabled text is about 2:1 on white: too faint for something to be read).
    static QColor muted();

    // Backgrounds of the Entities cells (a tint of the palette's Base, under its Text).
    enum class Cell { Error, Modified, Inserted, Deleted };
    static QColor cellBackground(Cell cell);
    // The background of a highlighted row (the Activity view's sessions idle in a transaction).
    static QColor highlightBackground();

    // WCAG 2 contrast ratio of two colours (1 .. 21), alpha ignored.
    static double contrast(const QColor &a, const QColor &b);
    // `c` with its lightness moved away from the palette's backgrounds (Base, AlternateBase,
    // Window) until it has kMinContrast against each of them; hue and saturation kept.
    static QColor readable(const QColor &c, const QPalette &palette);
    static constexpr double kMinContrast = 4.5;
};

} // namespace uaip
