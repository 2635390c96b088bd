#include "statestyle.h"

#include "themedicon.h"

#include <QApplication>
#include <QHash>
#include <QPalette>
#include <QStyle>

#include <cmath>

namespace uaip {

namespace {

double luminance(const QColor &c)
{
    auto channel
        = [](double v) { return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
    const QColor rgb = c.toRgb();
    return 0.2126 * channel(rgb.redF()) + 0.7152 * channel(rgb.greenF())
        + 0.0722 * channel(rgb.blueF());
}

// readable() is a pure function of the colour and the palette, and costs hundreds of contrast
// computations; a grid asks for muted() for every NULL cell it paints. Its answers are kept
// until the application palette changes (another cacheKey), per thread.
QColor onPalette(const QColor &c)
{
    const QPalette palette = QApplication::palette();
    thread_local qint64 paletteKey = -1;
    thread_local QHash<quint64, QColor> known;
    if (palette.cacheKey() != paletteKey) {
        known.clear();
        paletteKey = palette.cacheKey();
    }
    const quint64 key = c.rgba64();
    if (const auto it = known.constFind(key); it != known.cend())
        return *it;
    const QColor out = StateStyle::readable(c, palette);
    known.insert(key, out);
    return out;
}

// A tint of c over the palette's Base, blended here (an alpha colour would blend with whatever
// lies under the cell).
QColor tint(const QColor &c, double amount, const QPalette &palette = QApplication::palette())
{
    const QColor base = palette.color(QPalette::Base).toRgb();
    const QColor over = c.toRgb();
    auto mix = [amount](double a, double b) { return a * amount + b * (1.0 - amount); };
    return QColor::fromRgbF(float(mix(over.redF(), base.redF())),
                            float(mix(over.greenF(), base.greenF())),
                            float(mix(over.blueF(), base.blueF())));
}

} // namespace

QColor StateStyle::danger()
{
    return onPalette(QColor(0xc0, 0x1c, 0x28));
}

QColor StateStyle::warning()
{
    return onPalette(QColor(0xb3, 0x5c, 0x00));
}

QColor StateStyle::success()
{
    return onPalette(QColor(0x1a, 0x7f, 0x37));
}

QColor StateStyle::muted()
{
    return onPalette(QApplication::palette().color(QPalette::Disabled, QPalette::Text));
}

namespace {

QColor cellTint(StateStyle::Cell cell, const QPalette &palette)
{
    switch (cell) {
    case StateStyle::Cell::Error:
        return tint(QColor(220, 50, 47), 0.3, palette);
    case StateStyle::Cell::Modified:
        return tint(QColor(38, 139, 210), 0.25, palette);
    case StateStyle::Cell::Inserted:
        return tint(QColor(133, 153, 0), 0.2, palette);
    case StateStyle::Cell::Deleted:
        return tint(QColor(128, 128, 128), 0.22, palette);
    }
    return palette.color(QPalette::Base);
}

QColor highlightTint(const QPalette &palette)
{
    return tint(QColor(0xb3, 0x5c, 0x00), 0.25, palette);
}

} // namespace

QColor StateStyle::cellBackground(Cell cell)
{
    return cellTint(cell, QApplication::palette());
}

QColor StateStyle::highlightBackground()
{
    return highlightTint(QApplication::palette());
}

double StateStyle::contrast(const QColor &a, const QColor &b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QColor StateStyle::readable(const QColor &c, const QPalette &palette)
{
    // Every background state text is drawn on: the palette's, and the tints of the cells' and
    // rows' states (a NULL in a modified cell, a failed outcome in a highlighted row).
    const QColor backgrounds[]
        = {palette.color(QPalette::Base),     palette.color(QPalette::AlternateBase),
           palette.color(QPalette::Window),   cellTint(Cell::Error, palette),
           cellTint(Cell::Modified, palette), cellTint(Cell::Inserted, palette),
           cellTint(Cell::Deleted, palette),  highlightTint(palette)};
    auto worst = [&backgrounds](const QColor &x) {
        double w = 21.0;
        for (const QColor &b : backgrounds)
            w = std::min(w, contrast(x, b));
        return w;
    };
    // Darker on light backgrounds, lighter on dark ones, in small steps of HSL lightness.
    const bool dark = luminance(palette.color(QPalette::Base)) < 0.18;
    QColor out = c.toHsl();
    float h = 0, s = 0, l = 0, a = 0;
    out.getHslF(&h, &s, &l, &a);
    for (int step = 0; step < 100 && worst(out) < kMinContrast; ++step) {
        l = dark ? std::min(1.0f, l + 0.02f) : std::max(0.0f, l - 0.02f);
        out = QColor::fromHslF(h, s, l, 1.0f);
    }
    return out.toRgb();
}

QString StateStyle::label(MigrationState state)
{
    switch (state) {
    case MigrationState::Applied:
        return tr("applied");
    case MigrationState::Pending:
        return tr("pending");
    case MigrationState::Modified:
        return tr("modified");
    case MigrationState::Missing:
        return tr("missing file");
    case MigrationState::Failed:
        return tr("failed");
    }
    return QString();
}

QIcon StateStyle::icon(MigrationState state)
{
    switch (state) {
    case MigrationState::Applied:
        return ThemedIcon::of("emblem-ok-symbolic", QStyle::SP_DialogApplyButton);
    case MigrationState::Pending:
        return ThemedIcon::of("appointment-soon", QStyle::SP_ArrowUp);
    case MigrationState::Modified:
        return ThemedIcon::of("dialog-warning", QStyle::SP_MessageBoxWarning);
    case MigrationState::Missing:
        return ThemedIcon::of("dialog-question", QStyle::SP_MessageBoxQuestion);
    case MigrationState::Failed:
        return ThemedIcon::of("dialog-error", QStyle::SP_MessageBoxCritical);
    }
    return {};
}

QBrush StateStyle::foreground(MigrationState state)
{
    const QPalette pal = QApplication::palette();
    switch (state) {
    case MigrationState::Applied:
        return pal.color(QPalette::Text);
    case MigrationState::Pending:
        return onPalette(pal.color(QPalette::Link));
    case MigrationState::Modified:
        return warning();
    case MigrationState::Missing:
    case MigrationState::Failed:
        return danger();
    }
    return pal.color(QPalette::Text);
}

} // namespace uaip
