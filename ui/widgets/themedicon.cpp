#include "themedicon.h"

#include <QApplication>

namespace uaip {

QIcon ThemedIcon::of(const char *name, QStyle::StandardPixmap fallback)
{
    return QIcon::fromTheme(QLatin1String(name), QApplication::style()->standardIcon(fallback));
}

} // namespace uaip
