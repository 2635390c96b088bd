#include "sectionadjuster.h"

#include "flywayplaceholders.h"
#include "foreignchecksum.h"
#include "foreigntool.h"
#include "importheader.h"
#include "owntransaction.h"
#include "tooltablestatements.h"

#include "sqlparse/sqlsplitter.h"

namespace uaip {

bool SectionAdjuster::toolTableUntouched(const ImportedSection &s, const ImportFormat &format,
                                         const ForeignTool *tool, const ImportOptions &options,
                                         const QString &file, ImportResult &result)
{
    // TypeORM's table is called "migrations", as many a project's own table is: only the
    // table named with --table
    const QString table = !options.table.isEmpty()      ? options.table
        : tool && format.id != QLatin1String("typeorm") ? tool->defaultTable
                                                        : QString();
    const QList<ToolTableStatements::Hit> hits
        = ToolTableStatements::find(s.sql, s.firstLine, table);
    for (const ToolTableStatements::Hit &h : hits)
        result.byHand << tr("%1:%2: changes %3's own table %4 (%5): our ledger is kept "
                            "elsewhere, so it fails where that table does not exist: convert by "
                            "hand")
                             .arg(file)
                             .arg(h.line)
                             .arg(format.displayName, table, h.statement);
    return hits.isEmpty();
}

void SectionAdjuster::finishUp(ImportedSection &s, const ImportFormat &format,
                               const ForeignTool *tool, const QByteArray &asTheToolRanIt)
{
    if (const SqlSplitResult split = SqlSplitter::split(s.sql.toUtf8());
        split.ok() && split.statements.isEmpty()) {
        // file content, never translated: a migration without a statement (Prisma's empty
        // migration) is one our runner refuses
        s.sql += QStringLiteral("\nSELECT 1;\n");
        s.notes << QStringLiteral("the file has no statement: SELECT 1; added at its end, so "
                                  "that the migration has one to run");
    }
    // file content, never translated: what the tool recorded is its file's checksum, which
    // adopt compares (the up file only: the tools keep none of a down); with the body's own,
    // so that a body changed after the import is not taken for the file the tool ran
    if (tool && tool->checksum != ForeignChecksum::Kind::None && s.sql.toUtf8() != asTheToolRanIt) {
        s.notes.prepend(ImportHeader::bodyChecksumNote(s.sql.toUtf8()));
        s.notes.prepend(ImportHeader::sourceChecksumNote(
            ForeignChecksum::of(tool->checksum, asTheToolRanIt),
            QStringLiteral("%1's, of the file before the changes noted here")
                .arg(format.displayName)));
    }
}

void SectionAdjuster::checkDown(ImportedSection &s, const QString &file, ImportResult &result)
{
    const SqlSplitResult split = SqlSplitter::split(s.sql.toUtf8());
    if (!split.ok()) {
        // kept as it is (nothing of the project's is lost), but named: our plan check refuses
        // it, so `down` stops there
        const TextPosition at{split.error->position.line + s.firstLine - 1,
                              split.error->position.column};
        result.warnings << tr("%1:%2: %3: written unchanged, but rolling this migration back "
                              "fails until it is fixed")
                               .arg(file, at.toString(), split.error->message);
        // file content, never translated
        s.notes << QStringLiteral("the down migration does not parse (%1:%2: %3): rolling back "
                                  "fails until the lines below are fixed")
                       .arg(file, at.toString(), split.error->message);
        return;
    }
    if (!split.statements.isEmpty())
        return;
    // comments only (SectionSplitter::unwritten() told them from a tool's template): the
    // project's deliberate no-op, which our plan check would refuse without a statement. File
    // content, never translated, as the generated no-op down's SELECT 1;
    s.sql += QStringLiteral("\nSELECT 1; -- the project's down runs nothing\n");
    s.notes << QStringLiteral("the project's down has no statement, only comments: its no-op, "
                              "kept; SELECT 1; added at its end, so that rolling back runs it");
    s.noOp = true;
}

bool SectionAdjuster::adjust(ImportedSection &s, const ImportFormat &format,
                             const ImportOptions &options, const QString &file, bool isUp,
                             bool placeholders, ImportResult &result)
{
    if (!s.present)
        return true;
    const QByteArray asTheToolRanIt = s.sql.toUtf8();
    if (format.flywayPlaceholders && placeholders) {
        QStringList problems;
        QStringList used;
        const auto replaced = FlywayPlaceholders::replace(s.sql, file, options, &problems, &used);
        if (!replaced) {
            result.problems << problems;
            return false;
        }
        if (!used.isEmpty()) {
            s.notes << QStringLiteral("Flyway placeholders replaced: ${")
                    + used.join(QStringLiteral("}, ${")) + u'}';
            s.sql = *replaced;
        }
    }
    const ForeignTool *tool = ForeignTool::find(format.id);
    if (!toolTableUntouched(s, format, tool, options, file, result))
        return false;
    if (format.unwrapOwnTransaction && !s.noTransaction) {
        QString note;
        const Result<OwnTransaction::Unwrap> unwrapped
            = OwnTransaction::unwrap(&s.sql, s.firstLine, &note);
        if (!unwrapped) {
            const Error &why = unwrapped.error();
            result.byHand << tr("%1:%2: %3")
                                 .arg(file)
                                 .arg(why.arg(QStringLiteral("line")).toInt())
                                 .arg(why.text());
            return false;
        }
        if (*unwrapped == OwnTransaction::Unwrap::Unwrapped) {
            s.notes << note;
            s.ownTransactionRemoved = true;
        }
    }
    if (format.detectNoTransaction && !s.noTransaction) {
        const QString note = OwnTransaction::outsideTransaction(s.sql);
        if (!note.isEmpty() && s.ownTransactionRemoved) {
            // the tool ran the pair as a transaction and the rest outside one: our runner
            // does one or the other
            result.byHand << tr("%1:%2: the file's own BEGIN/COMMIT and a statement that only "
                                "runs outside a transaction (%3): split it by hand")
                                 .arg(file)
                                 .arg(s.firstLine)
                                 .arg(note.section(QStringLiteral(": "), 1));
            return false;
        }
        if (!note.isEmpty()) {
            s.noTransaction = true;
            s.notes << note;
        }
    }
    if (isUp)
        finishUp(s, format, tool, asTheToolRanIt);
    else
        checkDown(s, file, result);
    return true;
}

} // namespace uaip
