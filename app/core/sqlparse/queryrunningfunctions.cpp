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
    return {QStringLiteral("dblink"), QStringLiteral("crosstab"), QStringLiteral("connectby"),
            QStringLiteral("xpath_table")};
}

QStringList QueryRunningFunctions::symbols()
{
    return {QStringLiteral("dblink:dblink"), QStringLiteral("tablefunc:crosstab"),
            QStringLiteral("tablefunc:connectby"), QStringLiteral("pgxml:xpath_table")};
}

QByteArray QueryRunningFunctions::json()
{
    const QJsonObject o{{QStringLiteral("names"), QJsonArray::fromStringList(catalogNames())},
                        {QStringLiteral("prefixes"), QJsonArray::fromStringList(prefixes())},
                        {QStringLiteral("symbols"), QJsonArray::fromStringList(symbols())}};
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

} // namespace uaip
