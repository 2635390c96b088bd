#include "statestyle.h"

#include <QApplication>
#include <QPalette>
#include <QStyle>

namespace uaip {

namespace {

QColor readable(QColor c)
{
    // Keep hue, adjust lightness against the base colour so the text stays readable.
    const QColor base = QApplication::palette().color(QPalette::Base);
    if (base.lightness() < 128)
        return c.lighter(160);
    return c;
}

QIcon themed(const char *name, QStyle::StandardPixmap fallback)
{
    return QIcon::fromTheme(QLatin1String(name), QApplication::style()->standardIcon(fallback));
}

} // namespace

QColor StateStyle::danger()
{
    return readable(QColor(0xc0, 0x1c, 0x28));
}

QColor StateStyle::warning()
{
    return readable(QColor(0xb3, 0x5c, 0x00));
}

QColor StateStyle::success()
{
    return readable(QColor(0x1a, 0x7f, 0x37));
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
        return themed("emblem-ok-symbolic", QStyle::SP_DialogApplyButton);
    case MigrationState::Pending:
        return themed("appointment-soon", QStyle::SP_ArrowUp);
    case MigrationState::Modified:
        return themed("dialog-warning", QStyle::SP_MessageBoxWarning);
    case MigrationState::Missing:
        return themed("dialog-question", QStyle::SP_MessageBoxQuestion);
    case MigrationState::Failed:
        return themed("dialog-error", QStyle::SP_MessageBoxCritical);
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
        return pal.color(QPalette::Link);
    case MigrationState::Modified:
        return warning();
    case MigrationState::Missing:
    case MigrationState::Failed:
        return danger();
    }
    return pal.color(QPalette::Text);
}

} // namespace uaip
