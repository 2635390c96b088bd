#include "sectionadjuster.h"

#include "flywayplaceholders.h"
#include "foreignchecksum.h"
#include "importheader.h"
#include "owntransaction.h"

namespace uaip {

bool SectionAdjuster::adjust(ImportedSection &s, const ImportFormat &format,
                             const ImportOptions &options, const QString &file, bool isUp,
                             bool placeholders, ImportResult &result)
{
    if (!s.present)
        return true;
    if (format.flywayPlaceholders && placeholders) {
        QStringList problems;
        QStringList used;
        const auto replaced = FlywayPlaceholders::replace(s.sql, file, options, &problems, &used);
        if (!replaced) {
            result.problems << problems;
            return false;
        }
        if (!used.isEmpty()) {
            // file content, never translated: what Flyway recorded is the file's checksum
            if (isUp)
                s.notes << ImportHeader::sourceChecksumNote(
                    QString::number(ForeignChecksum::flyway(s.sql.toUtf8())),
                    QStringLiteral("Flyway's, of the file before its placeholders were "
                                   "replaced"));
            s.notes << QStringLiteral("Flyway placeholders replaced: ${")
                    + used.join(QStringLiteral("}, ${")) + u'}';
            s.sql = *replaced;
        }
    }
    if (format.unwrapOwnTransaction && !s.noTransaction) {
        QString note;
        QString why;
        int line = 1;
        switch (OwnTransaction::unwrap(&s.sql, s.firstLine, &note, &line, &why)) {
        case OwnTransaction::Unwrap::None:
            break;
        case OwnTransaction::Unwrap::Unwrapped:
            s.notes << note;
            s.ownTransactionRemoved = true;
            break;
        case OwnTransaction::Unwrap::ByHand:
            result.byHand << tr("%1:%2: %3").arg(file).arg(line).arg(why);
            return false;
        }
    }
    if (format.detectNoTransaction && !s.noTransaction) {
        const QString note = OwnTransaction::outsideTransaction(s.sql);
        if (!note.isEmpty()) {
            s.noTransaction = true;
            s.notes << note;
        }
    }
    return true;
}

} // namespace uaip
