#include "onlinecolumnsplit.h"

#include "onlinechangescripts.h"
#include "onlinesql.h"

#include "sqlparse/parsetreenames.h"

#include <utility>

namespace uaip {

namespace {

using S = OnlineSql;

} // namespace

OnlineColumnSplit::OnlineColumnSplit(Plan plan)
    : m_plan(std::move(plan))
{ }

QString OnlineColumnSplit::table() const
{
    return qualified(m_plan.table);
}

QString OnlineColumnSplit::qualified(const QString &name) const
{
    return ParseTreeNames::qualifiedName({m_plan.schema, name});
}

QString OnlineColumnSplit::function() const
{
    return qualified(S::helperName(m_plan.hash, QStringLiteral("sync")));
}

QString OnlineColumnSplit::trigger() const
{
    return S::ident(S::helperName(m_plan.hash, QStringLiteral("sync")));
}

QString OnlineColumnSplit::check() const
{
    return S::ident(S::helperName(m_plan.hash, QStringLiteral("old_not_null")));
}

QString OnlineColumnSplit::overNew(const QByteArray &expr) const
{
    return QStringLiteral("(SELECT (%1) FROM (SELECT NEW.*) AS %2)")
        .arg(QString::fromUtf8(expr), S::ident(m_plan.table));
}

QString OnlineColumnSplit::newRow(const QString &prefix) const
{
    QStringList columns;
    for (const OnlineSplitPart &p : m_plan.parts)
        columns << prefix + S::ident(p.name);
    return QStringLiteral("ROW(%1)").arg(columns.join(QStringLiteral(", ")));
}

QString OnlineColumnSplit::computedRow() const
{
    QStringList values;
    for (const OnlineSplitPart &p : m_plan.parts)
        values << overNew(p.expr);
    return QStringLiteral("ROW(%1)").arg(values.join(QStringLiteral(", ")));
}

// A writer of the old shape gets the new columns computed, one of the new shape the old column
// joined; a row whose shapes agree is left as written (the backfills write such rows).
QString OnlineColumnSplit::syncFunction() const
{
    const QString a = S::ident(m_plan.old.name);
    QStringList compute;
    QStringList allNull;
    for (const OnlineSplitPart &p : m_plan.parts) {
        compute
            << QStringLiteral("            NEW.%1 := %2;").arg(S::ident(p.name), overNew(p.expr));
        allNull << QStringLiteral("NEW.%1 IS NULL").arg(S::ident(p.name));
    }
    const QString computeNew = compute.join(u'\n');
    const QString joinOld
        = QStringLiteral("            NEW.%1 := %2;").arg(a, overNew(m_plan.join));
    const QString body
        = QStringLiteral("BEGIN\n"
                         "    IF TG_OP = 'INSERT' THEN\n"
                         "        IF %1 THEN\n%2\n"
                         "        ELSIF %3 IS DISTINCT FROM %4 THEN\n%5\n"
                         "        END IF;\n"
                         "    ELSIF %3 IS DISTINCT FROM %6 THEN\n"
                         "        IF %3 IS DISTINCT FROM %4 THEN\n%5\n        END IF;\n"
                         "    ELSIF NEW.%7 IS DISTINCT FROM OLD.%7 THEN\n"
                         "        IF NEW.%7 IS DISTINCT FROM %8 THEN\n%2\n        END IF;\n"
                         "    END IF;\n"
                         "    RETURN NEW;\n"
                         "END\n")
              .arg(allNull.join(QStringLiteral(" AND ")), computeNew,
                   newRow(QStringLiteral("NEW.")), computedRow(), joinOld,
                   newRow(QStringLiteral("OLD.")), a, overNew(m_plan.join));
    const QString tag = S::dollarQuote(m_plan.hash, body);
    return QStringLiteral("CREATE FUNCTION %1() RETURNS trigger LANGUAGE plpgsql AS %2\n%3%2;")
        .arg(function(), tag, body);
}

QString OnlineColumnSplit::syncTrigger() const
{
    return QStringLiteral("CREATE TRIGGER %1 BEFORE INSERT OR UPDATE ON %2 FOR EACH ROW EXECUTE "
                          "FUNCTION %3();")
        .arg(trigger(), table(), function());
}

QString OnlineColumnSplit::fillNew() const
{
    QStringList sets;
    QStringList values;
    for (const OnlineSplitPart &p : m_plan.parts) {
        const QString value = u'(' + QString::fromUtf8(p.expr) + u')';
        sets << QStringLiteral("%1 = %2").arg(S::ident(p.name), value);
        values << value;
    }
    return QStringLiteral("UPDATE %1 SET %2 WHERE %3 IS DISTINCT FROM ROW(%4);")
        .arg(table(), sets.join(QStringLiteral(", ")), newRow(QString()),
             values.join(QStringLiteral(", ")));
}

QString OnlineColumnSplit::fillOld() const
{
    const QString a = S::ident(m_plan.old.name);
    const QString join = u'(' + QString::fromUtf8(m_plan.join) + u')';
    return QStringLiteral("UPDATE %1 SET %2 = %3 WHERE %2 IS DISTINCT FROM %3;")
        .arg(table(), a, join);
}

QString OnlineColumnSplit::expandUp(const QString &) const
{
    QStringList out;
    for (const OnlineSplitPart &p : m_plan.parts)
        out << QStringLiteral("ALTER TABLE %1 ADD COLUMN %2 %3;")
                   .arg(table(), S::ident(p.name), QString::fromUtf8(p.type));
    out << syncFunction() << syncTrigger() << fillNew();
    return S::script(
        S::header({S::kNoTransaction, S::kBatch, QStringLiteral("-- uaip:expand")},
                  {QString(), QStringLiteral("Online change, the expand: %1.").arg(m_plan.describe),
                   QStringLiteral("1. The new columns added beside %1 (ACCESS EXCLUSIVE for a "
                                  "moment: no default, no rewrite).")
                       .arg(S::ident(m_plan.old.name)),
                   QStringLiteral("2. A trigger keeps both shapes in step on every INSERT and "
                                  "UPDATE, whichever a writer uses."),
                   QStringLiteral("3. The rows there are filled in committed batches of 5000 "
                                  "along the primary key (-- uaip:batch)."),
                   QStringLiteral("Each statement commits on its own (-- uaip:no-transaction). "
                                  "The contract, a later migration, drops the old column once "
                                  "nothing names it.")}),
        out);
}

QString OnlineColumnSplit::expandDown() const
{
    QStringList out{QStringLiteral("DROP TRIGGER IF EXISTS %1 ON %2;").arg(trigger(), table()),
                    QStringLiteral("DROP FUNCTION IF EXISTS %1();").arg(function())};
    for (const OnlineSplitPart &p : m_plan.parts)
        out << QStringLiteral("ALTER TABLE %1 DROP COLUMN IF EXISTS %2;")
                   .arg(table(), S::ident(p.name));
    return S::script(
        S::header({S::kNoTransaction},
                  {QString(),
                   QStringLiteral("Online change, the expand undone: %1.").arg(m_plan.describe),
                   QStringLiteral("Drops what the expand added (each IF EXISTS, so a "
                                  "half-applied expand goes back too).")}),
        out);
}

QString OnlineColumnSplit::contractUp(const QString &expandVersion) const
{
    return S::script(
        S::header({QStringLiteral("-- uaip:contract-of ") + expandVersion},
                  {QString(),
                   QStringLiteral("Online change, the contract: %1.").arg(m_plan.describe),
                   QStringLiteral("Drops the trigger and the old column %1; one short "
                                  "transaction.")
                       .arg(S::ident(m_plan.old.name))}),
        {QStringLiteral("DROP TRIGGER %1 ON %2;").arg(trigger(), table()),
         QStringLiteral("DROP FUNCTION %1();").arg(function()),
         QStringLiteral("ALTER TABLE %1 DROP COLUMN %2;").arg(table(), S::ident(m_plan.old.name))});
}

QString OnlineColumnSplit::contractDown() const
{
    const OnlineCatalog::Column &old = m_plan.old;
    const QString a = S::ident(old.name);
    QString type = old.type;
    if (!old.collation.isEmpty())
        type += QStringLiteral(" COLLATE ") + old.collation;
    QStringList out{QStringLiteral("ALTER TABLE %1 ADD COLUMN %2 %3;").arg(table(), a, type),
                    syncFunction(), syncTrigger(), fillOld()};
    QStringList directives{S::kNoTransaction, S::kBatch};
    if (old.notNull) {
        out << QStringLiteral("ALTER TABLE %1 ADD CONSTRAINT %2 CHECK (%3 IS NOT NULL) NOT VALID;")
                   .arg(table(), check(), a)
            << QStringLiteral("ALTER TABLE %1 VALIDATE CONSTRAINT %2;").arg(table(), check())
            << QStringLiteral("ALTER TABLE %1 ALTER COLUMN %2 SET NOT NULL;").arg(table(), a)
            << QStringLiteral("ALTER TABLE %1 DROP CONSTRAINT %2;").arg(table(), check());
        directives << OnlineSql::kAllowCheckedNotNull;
    }
    if (old.defaultExpr)
        out << QStringLiteral("ALTER TABLE %1 ALTER COLUMN %2 SET DEFAULT %3;")
                   .arg(table(), a, *old.defaultExpr);
    if (old.comment)
        out << QStringLiteral("COMMENT ON COLUMN %1.%2 IS %3;")
                   .arg(table(), a, S::literal(*old.comment));
    return S::script(
        S::header(directives,
                  {QString(),
                   QStringLiteral("Online change, the contract undone: %1.").arg(m_plan.describe),
                   QStringLiteral("Back to the expanded state: the old column again (as the "
                                  "table's last), joined from the new ones in committed "
                                  "batches, kept in step by the trigger, with its NOT NULL, "
                                  "default and comment.")}),
        out);
}

QByteArray OnlineColumnSplit::endShape() const
{
    QStringList commands;
    for (const OnlineSplitPart &p : m_plan.parts)
        commands
            << QStringLiteral("ADD COLUMN %1 %2").arg(S::ident(p.name), QString::fromUtf8(p.type));
    commands << QStringLiteral("DROP COLUMN %1").arg(S::ident(m_plan.old.name));
    return QStringLiteral("ALTER TABLE %1 %2;")
        .arg(table(), commands.join(QStringLiteral(", ")))
        .toUtf8();
}

void OnlineColumnSplit::write(OnlineChangeScripts &scripts, const QString &expandVersion) const
{
    scripts.expandUp = expandUp(expandVersion).toUtf8();
    scripts.expandDown = expandDown().toUtf8();
    scripts.contractUp = contractUp(expandVersion).toUtf8();
    scripts.contractDown = contractDown().toUtf8();
    scripts.endShape = endShape();
}

} // namespace uaip
