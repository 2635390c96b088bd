#include "sourceline.h"

namespace uaip {

int SourceLine::at(const QString &text, qsizetype pos)
{
    return int(QStringView(text).left(pos).count(u'\n')) + 1;
}

QString SourceLine::where(const QString &file, int line)
{
    return file + u':' + QString::number(line);
}

} // namespace uaip
