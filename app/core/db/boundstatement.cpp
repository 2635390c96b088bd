#include "boundstatement.h"

namespace uaip {

QString BoundStatement::display() const
{
    QString text = QString::fromUtf8(sql).trimmed();
    text += u'\n';
    for (int i = 0; i < params.size(); ++i) {
        const QString name = i < paramNames.size() ? paramNames.at(i) : QString();
        const QVariant &v = params.at(i);
        QString value = QStringLiteral("NULL");
        if (!v.isNull()) {
            value = v.toString();
            value.replace(u'\'', QStringLiteral("''"));
            value = u'\'' + value + u'\'';
        }
        text += QStringLiteral("-- $%1 (%2) = %3\n").arg(i + 1).arg(name, value);
    }
    return text;
}

QString BoundStatement::textArray(const QStringList &values)
{
    QString out = QStringLiteral("{");
    for (int i = 0; i < values.size(); ++i) {
        if (i)
            out += u',';
        QString v = values.at(i);
        v.replace(u'\\', QStringLiteral("\\\\"));
        v.replace(u'"', QStringLiteral("\\\""));
        out += u'"' + v + u'"';
    }
    out += u'}';
    return out;
}

} // namespace uaip
