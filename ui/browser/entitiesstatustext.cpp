#include "entitiesstatustext.h"

#include "browse/entitymodel.h"

#include <QLocale>
#include <QStringList>

namespace uaip {

QString EntitiesStatusText::describe(const EntityModel &model, bool connected,
                                     const QString &requested, const QString &notice)
{
    const PageLoader *loader = model.loader();
    if (!model.table().isValid()) {
        if (!connected)
            return tr("Not connected.");
        if (loader->isLoading())
            return tr("Opening %1…").arg(requested);
        return notice.isEmpty() ? tr("Choose a table.") : notice;
    }
    QStringList parts{model.table().displayName(), rows(model)};
    if (!notice.isEmpty())
        parts.prepend(notice);
    if (model.isSaving())
        parts << tr("saving… waiting for the server (a lock?) — Cancel save stops it");
    if (loader->isCounting())
        parts << tr("counting…");
    if (loader->isLoading())
        parts << tr("loading…");
    parts << tr("%n pending change(s)", nullptr, model.pendingChangeCount());
    return parts.join(QStringLiteral(" · "));
}

QString EntitiesStatusText::rows(const EntityModel &model)
{
    const PageLoader *loader = model.loader();
    const QLocale l;
    const BrowseQuery &query = model.query();
    const bool filtered = !query.filters.isEmpty() || !query.whereClause.trimmed().isEmpty();
    QString rows;
    switch (loader->countState()) {
    case PageLoader::CountState::Complete:
        rows = tr("%1 rows").arg(l.toString(loader->exactCount()));
        break;
    case PageLoader::CountState::Partial:
    case PageLoader::CountState::Unknown:
        if (!filtered)
            rows = loader->countState() == PageLoader::CountState::Partial
                ? tr("%1+ rows loaded (~%2 estimated)")
                      .arg(l.toString(loader->rowCount()), l.toString(model.table().estimate))
                : tr("~%1 rows estimated").arg(l.toString(model.table().estimate));
        else
            // The planner's estimate is the whole table's: never shown as the filter's count.
            rows = tr("%1+ matching rows loaded (Count rows for the exact number; ~%2 is the "
                      "estimate for the whole table)")
                       .arg(l.toString(loader->rowCount()), l.toString(model.table().estimate));
        break;
    }
    return rows;
}

} // namespace uaip
