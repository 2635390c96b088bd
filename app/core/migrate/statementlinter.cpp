#include "statementlinter.h"

#include "expressiondepth.h"
#include "parsetree.h"
#include "plpgsqlstatements.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QScopeGuard>
#include <QString>

#include <pg_query.h>

namespace uaip {

namespace {

using Kind = LintFinding::Kind;
using Severity = LintFinding::Severity;

// DO blocks are linted; a DO inside a DO is as far as we follow.
constexpr int maxDoDepth = 2;

} // namespace

StatementLinter::StatementLinter(const QByteArray &sql)
    : m_context(sql)
    , m_dropRules(m_context)
    , m_alterRules(m_context)
    , m_dmlRules(m_context)
{ }

void StatementLinter::lintStatement(const QByteArray &text, int offset, TextPosition position,
                                    int doDepth)
{
    m_context.setLocation(offset, position);
    PgQueryParseResult parse = ExpressionDepth::parse(text.constData());
    const auto freeParse = qScopeGuard([&parse] { pg_query_free_parse_result(parse); });
    if (parse.error)
        return;
    const QJsonDocument tree = ParseTree::read(parse.parse_tree);
    if (!tree.isObject()) {
        m_context.add(Severity::Warning, Kind::NotChecked, QString(),
                      tr("the statement is nested too deeply for the linter to look "
                         "inside; review it by hand"));
        return;
    }
    for (const QJsonValue &raw : tree.object().value(u"stmts").toArray()) {
        m_context.setLocation(offset, position);
        lintNode(ParseTree::nodeOf(raw.toObject().value(u"stmt")), text, doDepth);
    }
}

void StatementLinter::lintNode(const ParseTreeNode &node, const QByteArray &text, int doDepth)
{
    const QJsonObject &f = node.fields;
    if (node.type == u"DropStmt") {
        m_dropRules.lintDrop(f);
    } else if (node.type == u"AlterTableStmt") {
        m_alterRules.lintAlterTable(f);
    } else if (node.type == u"RenameStmt") {
        m_alterRules.lintRename(f);
    } else if (node.type == u"TruncateStmt") {
        m_dmlRules.lintTruncate(f);
    } else if (node.type == u"IndexStmt") {
        m_alterRules.lintCreateIndex(f);
    } else if (node.type == u"DeleteStmt" || node.type == u"UpdateStmt"
               || node.type == u"InsertStmt" || node.type == u"SelectStmt") {
        m_dmlRules.lintDml(node);
    } else if (node.type == u"CreateStmt") {
        if (!f.value(u"if_not_exists").toBool())
            m_context.rememberNewTable(f.value(u"relation").toObject());
    } else if (node.type == u"CreateTableAsStmt") {
        if (f.value(u"objtype").toString() == u"OBJECT_TABLE"
            && !f.value(u"if_not_exists").toBool()) {
            m_context.rememberNewTable(f.value(u"into").toObject().value(u"rel").toObject());
        }
    } else if (node.type == u"DoStmt") {
        if (doDepth < maxDoDepth)
            lintDo(f, text, doDepth);
    } else if (node.type == u"DropdbStmt") {
        m_dropRules.lintDropDatabase(f);
    } else if (node.type == u"DropOwnedStmt") {
        m_dropRules.lintDropOwned(f);
    } else if (node.type == u"DropRoleStmt") {
        m_dropRules.lintDropRole(f);
    } else if (node.type == u"DropTableSpaceStmt") {
        m_dropRules.lintDropTablespace(f);
    } else if (node.type == u"DropSubscriptionStmt") {
        m_dropRules.lintDropSubscription(f);
    }
}

// Lints the SQL statements of a PL/pgSQL DO block, each at its own line when the block is a
// statement of the file itself.
void StatementLinter::lintDo(const QJsonObject &doStmt, const QByteArray &text, int doDepth)
{
    QString language = QStringLiteral("plpgsql");
    int bodyLocation = -1;
    for (const QJsonValue &value : doStmt.value(u"args").toArray()) {
        const QJsonObject arg = ParseTree::nodeOf(value).fields;
        const QString name = arg.value(u"defname").toString();
        if (name == u"language")
            language = ParseTree::nodeOf(arg.value(u"arg")).fields.value(u"sval").toString();
        else if (name == u"as")
            bodyLocation = arg.value(u"location").toInt(-1);
    }
    if (language.compare(u"plpgsql", Qt::CaseInsensitive) != 0)
        return;

    const QList<PlpgsqlStatement> statements = PlpgsqlStatements::of(text);
    const int blockOffset = m_context.offset();
    const TextPosition blockPosition = m_context.position();
    const int bodyStart = doDepth == 0 ? PlpgsqlStatements::bodyStartIn(text, bodyLocation) : -1;
    for (const PlpgsqlStatement &statement : statements) {
        int offset = blockOffset;
        TextPosition position = blockPosition;
        if (bodyStart >= 0) {
            const int inText = PlpgsqlStatements::lineStartIn(text, bodyStart, statement.line);
            offset = blockOffset + inText;
            position
                = TextPosition::fromOffset(m_context.sql(), offset, blockOffset, blockPosition);
        }
        lintStatement(statement.query.toUtf8(), offset, position, doDepth + 1);
    }
    m_context.setLocation(blockOffset, blockPosition);
}

} // namespace uaip
