#include "parsetreesearch.h"

#include "parsetree.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

namespace uaip {

QString ParseTreeSearch::unlockCall(const QByteArray &json, bool allOnly)
{
    if (!json.contains("pg_advisory_unlock"))
        return {};
    static const QRegularExpression any(
        QStringLiteral(R"re("FuncCall":\{"funcname":\[(?:\{"String":\{"sval":"pg_catalog"\}\},)?)re"
                       R"re(\{"String":\{"sval":"(pg_advisory_unlock(?:_all|_shared)?)"\}\}\])re"));
    static const QRegularExpression all(
        QStringLiteral(R"re("FuncCall":\{"funcname":\[(?:\{"String":\{"sval":"pg_catalog"\}\},)?)re"
                       R"re(\{"String":\{"sval":"(pg_advisory_unlock_all)"\}\}\])re"));
    const QRegularExpressionMatch m = (allOnly ? all : any).match(QString::fromUtf8(json));
    return m.hasMatch() ? m.captured(1) : QString();
}

QStringList ParseTreeSearch::addedEnumValues(const QByteArray &json)
{
    if (!json.contains("\"AlterEnumStmt\""))
        return {};
    QStringList values;
    const QJsonArray stmts = ParseTree::read(json.constData()).object().value(u"stmts").toArray();
    for (const QJsonValue &s : stmts) {
        const ParseTreeNode node = ParseTree::nodeOf(s.toObject().value(u"stmt"));
        // RENAME VALUE has an old value too
        if (node.type == u"AlterEnumStmt" && node.fields.contains(u"newVal")
            && !node.fields.contains(u"oldVal"))
            values << node.fields.value(u"newVal").toString();
    }
    return values;
}

bool ParseTreeSearch::hasStringConstant(const QByteArray &json, const QString &value)
{
    return json.contains("\"A_Const\":{\"sval\":{\"sval\":\"" + jsonEscaped(value) + "\"}");
}

QByteArray ParseTreeSearch::jsonEscaped(const QString &value)
{
    const QByteArray utf8 = value.toUtf8();
    QByteArray out;
    out.reserve(utf8.size());
    for (const char c : utf8) {
        switch (c) {
        case '\b':
            out += "\\b";
            break;
        case '\f':
            out += "\\f";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        default:
            if (static_cast<unsigned char>(c) < ' ')
                out += QByteArray("\\u") + QByteArray::number(int(c), 16).rightJustified(4, '0');
            else
                out += c;
        }
    }
    return out;
}

} // namespace uaip
