#include "objectsearchlist.h"

#include "objectkindtext.h"

namespace uaip {

ObjectSearchList::ObjectSearchList(QWidget *parent)
    : QListWidget(parent)
{ }

void ObjectSearchList::show(const ObjectSearch &search)
{
    m_hits = search.hits();
    const QSignalBlocker quiet(this);
    clear();
    QString database;
    for (int i = 0; i < m_hits.size(); ++i) {
        const ObjectSearchHit &hit = m_hits.at(i);
        if (i == 0 || hit.database != database) {
            database = hit.database;
            auto *heading
                = new QListWidgetItem(tr("%1 (%n found)", nullptr, search.foundIn(database))
                                          .arg(QString(database).replace(u'\n', u' ')),
                                      this);
            heading->setFlags(Qt::ItemIsEnabled);
            QFont bold = heading->font();
            bold.setBold(true);
            heading->setFont(bold);
            heading->setToolTip(tr("Database %1").arg(database));
        }
        auto *item = new QListWidgetItem(ObjectKindText::one(hit.node.kind) + u' '
                                             + QString(hit.node.identity).replace(u'\n', u' '),
                                         this);
        item->setData(Qt::UserRole, i);
        item->setToolTip(tr("%1 in database %2 (Enter or double-click: show it in the tree)")
                             .arg(hit.node.identity, database));
    }
}

std::optional<ObjectSearchHit> ObjectSearchList::hitAt(int row) const
{
    const QListWidgetItem *it = item(row);
    if (!it || !it->data(Qt::UserRole).isValid())
        return std::nullopt;
    const int at = it->data(Qt::UserRole).toInt();
    if (at < 0 || at >= m_hits.size())
        return std::nullopt;
    return m_hits.at(at);
}

} // namespace uaip
