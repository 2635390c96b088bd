#include "indexaction.h"

#include "indexadvice.h"
#include "indexfinding.h"
#include "util/namepart.h"

namespace uaip {

namespace {

constexpr int kQueryShown = 300; // characters of a served statement a comment shows

} // namespace

IndexAction IndexAction::of(const IndexAdvice &advice)
{
    IndexAction a;
    a.kind = Kind::Create;
    a.schema = advice.index.schema;
    a.table = advice.index.table;
    a.index = advice.index.indexName();
    a.statement = advice.index.statement();
    a.down = advice.index.downStatement();
    qint64 calls = 0;
    for (const IndexAdvice::Served &s : advice.served) {
        calls += s.calls;
        a.details << tr("cost %1 -> %2, calls: %3: %4")
                         .arg(QString::number(s.costBefore, 'f', 2),
                              QString::number(s.costAfter, 'f', 2))
                         .arg(s.calls)
                         .arg(s.query.simplified().left(kQueryShown))
                  << tr("  plan before: %1").arg(s.planBefore)
                  << tr("  plan after:  %1").arg(s.planAfter);
    }
    a.evidence = tr("proposed for %n statement(s) with %1 call(s): the generic plan's cost %2 -> "
                    "%3 for the one it helps most, tried as a hypothetical index (hypopg)",
                    nullptr, int(advice.served.size()))
                     .arg(calls)
                     .arg(QString::number(advice.costBefore(), 'f', 2),
                          QString::number(advice.costAfter(), 'f', 2));
    return a;
}

IndexAction IndexAction::of(const IndexFinding &finding)
{
    IndexAction a;
    a.kind = finding.statement.startsWith(QLatin1String("REINDEX")) ? Kind::Rebuild : Kind::Drop;
    a.schema = finding.schema;
    a.table = finding.table;
    a.index = finding.index;
    a.statement = finding.statement;
    a.down = finding.down;
    a.definition = finding.definition;
    a.kept = finding.other;
    a.keptDefinition = finding.otherDefinition;
    a.unusedSince = finding.countedSince;
    a.evidence = IndexFinding::kindName(finding.kind) + QStringLiteral(": ") + finding.evidence;
    return a;
}

QString IndexAction::kindName() const
{
    switch (kind) {
    case Kind::Create:
        return QStringLiteral("create");
    case Kind::Drop:
        return QStringLiteral("drop");
    case Kind::Rebuild:
        return QStringLiteral("rebuild");
    }
    return QString();
}

QString IndexAction::migrationName() const
{
    static constexpr int kMaxLength = 60;
    QString name = NamePart::of(
        index.toLower(),
        [](QChar c) { return (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9'); },
        QStringLiteral("index"));
    const QString prefix = kind == Kind::Create ? QStringLiteral("add_")
        : kind == Kind::Drop                    ? QStringLiteral("drop_")
                                                : QStringLiteral("rebuild_");
    name = (prefix + name).left(kMaxLength);
    while (name.endsWith(u'_'))
        name.chop(1);
    return name;
}

} // namespace uaip
