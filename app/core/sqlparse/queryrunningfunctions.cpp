#include "queryrunningfunctions.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace uaip {

QStringList QueryRunningFunctions::catalogNames()
{
    return {QStringLiteral("query_to_xml"),
            QStringLiteral("query_to_xmlschema"),
            QStringLiteral("query_to_xml_and_xmlschema"),
            QStringLiteral("cursor_to_xml"),
            QStringLiteral("cursor_to_xmlschema"),
            QStringLiteral("table_to_xml"),
            QStringLiteral("table_to_xmlschema"),
            QStringLiteral("table_to_xml_and_xmlschema"),
            QStringLiteral("schema_to_xml"),
            QStringLiteral("schema_to_xmlschema"),
            QStringLiteral("schema_to_xml_and_xmlschema"),
            QStringLiteral("database_to_xml"),
            QStringLiteral("database_to_xmlschema"),
            QStringLiteral("database_to_xml_and_xmlschema"),
            QStringLiteral("ts_stat"),
            QStringLiteral("ts_rewrite")};
}

QStringList QueryRunningFunctions::prefixes()
{
    return {QStringLiteral("dblink")};
}

QByteArray QueryRunningFunctions::json()
{
    const QJsonObject o{{QStringLiteral("names"), QJsonArray::fromStringList(catalogNames())},
                        {QStringLiteral("prefixes"), QJsonArray::fromStringList(prefixes())}};
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

} // namespace uaip
