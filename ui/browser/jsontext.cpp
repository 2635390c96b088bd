#include "jsontext.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace uaip {

bool JsonText::isValid(const QString &text, QString *error)
{
    // QJsonDocument parses objects and arrays only: wrap, so scalars are checked too.
    QJsonParseError e;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray("[") + text.toUtf8() + ']', &e);
    const bool ok = e.error == QJsonParseError::NoError && doc.array().size() == 1;
    if (!ok && error)
        *error
            = e.error == QJsonParseError::NoError ? tr("not a single JSON value") : e.errorString();
    return ok;
}

QString JsonText::pretty(const QString &text)
{
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8());
    if (doc.isNull())
        return text;
    return QString::fromUtf8(doc.toJson(QJsonDocument::Indented)).trimmed();
}

} // namespace uaip
