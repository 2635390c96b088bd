#include "namepart.h"

namespace uaip {

QString NamePart::of(const QString &text, const std::function<bool(QChar)> &keep,
                     const QString &fallback)
{
    QString name;
    for (const QChar c : text) {
        if (keep(c))
            name += c;
        else if (!name.isEmpty() && !name.endsWith(u'_'))
            name += u'_';
    }
    while (name.endsWith(u'_'))
        name.chop(1);
    return name.isEmpty() ? fallback : name;
}

} // namespace uaip
