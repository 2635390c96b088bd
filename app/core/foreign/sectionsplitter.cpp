#include "sectionsplitter.h"

#include "sourceline.h"

#include <QRegularExpression>

namespace uaip {

namespace {

using NoTransaction = ImportFormat::NoTransaction;

void problem(QStringList *problems, const QString &file, int line, const QString &why)
{
    *problems << QStringLiteral("%1:%2: %3").arg(file).arg(line).arg(why);
}

} // namespace

bool SectionSplitter::noStatements(const QString &sql)
{
    for (const QString &line : sql.split(u'\n')) {
        const QString t = line.trimmed();
        if (!t.isEmpty() && !t.startsWith(QLatin1String("--")))
            return false;
    }
    return true;
}

bool SectionSplitter::unwritten(const QString &sql, const ImportFormat &format)
{
    for (const QString &line : sql.split(u'\n')) {
        const QString t = line.trimmed();
        if (!t.isEmpty() && !format.downTemplate.contains(t))
            return false;
    }
    return true;
}

bool SectionSplitter::split(const ImportFormat &format, const QString &file, const QString &text,
                            ImportedSection &up, ImportedSection &down, QStringList *problems)
{
    const QRegularExpression upRe(format.upMarker, QRegularExpression::MultilineOption);
    const QRegularExpression downRe(format.downMarker, QRegularExpression::MultilineOption);
    const QRegularExpressionMatch u = upRe.match(text);
    const QRegularExpressionMatch d = downRe.match(text);
    if (!u.hasMatch() && !format.nodePgMigrateSlices) {
        problem(problems, file, 1, tr("no up section (a line like \"-- migrate:up\")"));
        return false;
    }
    if (u.hasMatch() && d.hasMatch() && d.capturedStart() < u.capturedStart()
        && !format.nodePgMigrateSlices) {
        problem(problems, file, SourceLine::at(text, d.capturedStart()),
                tr("the down section comes before the up section"));
        return false;
    }
    // a marker's line, from its start to its newline; the section starts on the next line
    auto markerLine = [&](qsizetype start) {
        const qsizetype nl = text.indexOf(u'\n', start);
        return text.mid(start, nl < 0 ? -1 : nl - start);
    };
    auto afterLine = [&](qsizetype start) {
        const qsizetype nl = text.indexOf(u'\n', start);
        return nl < 0 ? text.size() : nl + 1;
    };
    // a section runs to the other marker when that follows it, else to the end; without an up
    // marker (node-pg-migrate) the whole file is the up migration, as the tool runs it
    const qsizetype upStart = u.hasMatch() ? afterLine(u.capturedStart()) : 0;
    const qsizetype upEnd = u.hasMatch() && d.hasMatch() && d.capturedStart() > u.capturedStart()
        ? d.capturedStart()
        : text.size();
    if (u.hasMatch() && !format.statementsBeforeUp) {
        const QStringList before = text.left(u.capturedStart()).split(u'\n');
        for (int i = 0; i < before.size(); ++i) {
            if (!noStatements(before[i])) {
                problem(problems, file, i + 1, tr("statements before the up section"));
                return false;
            }
        }
    }
    auto options = [&](const QString &line) {
        return format.noTransaction == NoTransaction::MarkerOption
            && line.simplified().split(u' ').contains(QLatin1String("transaction:false"));
    };
    up.sql = text.mid(upStart, upEnd - upStart);
    up.present = true;
    up.firstLine = SourceLine::at(text, upStart);
    up.noTransaction = u.hasMatch() && options(markerLine(u.capturedStart()));
    if (d.hasMatch()) {
        const qsizetype downStart = afterLine(d.capturedStart());
        const qsizetype downEnd = u.hasMatch() && u.capturedStart() > d.capturedStart()
            ? u.capturedStart()
            : text.size();
        down.sql = text.mid(downStart, downEnd - downStart);
        down.firstLine = SourceLine::at(text, downStart);
        down.present = !unwritten(down.sql, format);
        down.noTransaction = options(markerLine(d.capturedStart()));
    }
    return true;
}

} // namespace uaip
