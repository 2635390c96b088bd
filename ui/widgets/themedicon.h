#pragma once

#include <QIcon>
#include <QStyle>

namespace uaip {

// An icon of the desktop theme (freedesktop icon names), with the style's standard pixmap where
// the theme has none.
class ThemedIcon
{
public:
    static QIcon of(const char *name, QStyle::StandardPixmap fallback);
};

} // namespace uaip
