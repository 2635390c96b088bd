#include "queryrunningfunctions.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace uaip {

QStringList QueryRunningFunctions::catalogNames()
{
    return runningSql() + typesInput();
}

QStringList QueryRunningFunctions::runningSql()
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

// A type's input for a type given as a value: the CHECKs of the domains in it run.
QStringList QueryRunningFunctions::typesInput()
{
    return {QStringLiteral("record_in"),          QStringLiteral("array_in"),
            QStringLiteral("range_in"),           QStringLiteral("multirange_in"),
            QStringLiteral("domain_in"),          QStringLiteral("pg_input_is_valid"),
            QStringLiteral("pg_input_error_info")};
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
