#include "objectdetailpane.h"

#include "migrate/objectkinds.h"
#include "objectkindtext.h"
#include "objects/objectcatalog.h"
#include "widgets/sqlview.h"
#include "widgets/statestyle.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QSplitter>
#include <QVBoxLayout>

namespace uaip {

namespace {

constexpr int kListLines = 6; // the Uses / Used by lists' height in lines

QLabel *wrapped(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

ObjectDetailPane::ObjectDetailPane(QWidget *parent)
    : QWidget(parent)
    , m_heading(wrapped(this))
    , m_facts(wrapped(this))
    , m_ddl(new SqlView(this))
    , m_uses(new QListWidget(this))
    , m_usedBy(new QListWidget(this))
{
    setObjectName(QStringLiteral("objectDetailPane"));
    m_heading->setObjectName(QStringLiteral("objectHeading"));
    QFont bold = m_heading->font();
    bold.setBold(true);
    m_heading->setFont(bold);
    m_facts->setObjectName(QStringLiteral("objectFacts"));
    m_ddl->setObjectName(QStringLiteral("objectDdl"));
    m_uses->setObjectName(QStringLiteral("objectUses"));
    m_usedBy->setObjectName(QStringLiteral("objectUsedBy"));
    m_lists = buildLists();

    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_ddl);
    split->addWidget(m_lists);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    split->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_heading);
    layout->addWidget(m_facts);
    layout->addWidget(split, 1);
    for (QListWidget *list : {m_uses, m_usedBy})
        connect(list, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
            if (!item->data(Qt::UserRole).isValid())
                return; // a note, not an object
            emit referenceActivated(ObjectReference{item->data(Qt::UserRole).toString(),
                                                    item->data(Qt::UserRole + 1).toString()});
        });
    showMessage(tr("No object selected"), tr("Pick an object in the tree, or find one by name."));
}

QWidget *ObjectDetailPane::buildLists()
{
    auto *box = new QWidget(this);
    auto *row = new QHBoxLayout(box);
    row->setContentsMargins(0, 0, 0, 0);
    const struct
    {
        QString title;
        QListWidget *list;
    } lists[] = {{tr("Uses"), m_uses}, {tr("Used by"), m_usedBy}};
    for (const auto &l : lists) {
        auto *column = new QVBoxLayout;
        column->addWidget(new QLabel(l.title, box));
        l.list->setMinimumHeight(l.list->fontMetrics().height() * 3);
        l.list->setToolTip(tr("Double-click or press Enter to show the object"));
        column->addWidget(l.list, 1);
        row->addLayout(column, 1);
    }
    box->setMinimumHeight(fontMetrics().height() * 4);
    box->resize(box->width(), fontMetrics().height() * (kListLines + 2));
    return box;
}

void ObjectDetailPane::setHeading(const QString &heading, const QString &facts, bool problem)
{
    m_heading->setText(heading);
    m_facts->setText(facts);
    m_facts->setVisible(!facts.isEmpty());
    QPalette palette = m_facts->palette();
    palette.setColor(QPalette::WindowText,
                     problem ? StateStyle::danger() : this->palette().color(QPalette::WindowText));
    m_facts->setPalette(palette);
}

void ObjectDetailPane::showMessage(const QString &heading, const QString &text, bool problem)
{
    m_hasDetails = false;
    m_details = ObjectDetails{};
    m_ddlText.clear();
    m_ddl->setSql(QString());
    m_uses->clear();
    m_usedBy->clear();
    setHeading(heading, text, problem);
}

void ObjectDetailPane::showLoading(const QString &database, const CatalogNode &node)
{
    showMessage(ObjectKindText::one(node.kind) + u' ' + node.identity,
                tr("Reading its definition from %1…").arg(database));
}

QString ObjectDetailPane::sizeText(const ObjectDetails &d)
{
    const auto size = [](qint64 bytes) {
        return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
    };
    const ObjectFacts &f = d.facts;
    if (f.tableBytes >= 0 && f.indexBytes >= 0) {
        // a table's measure is the tree's: heap, TOAST and indexes together
        const QString text = f.estimated
            ? tr("Size: about %1 total (table %2, indexes %3), the catalog's estimate: another "
                 "session holds a lock on it")
            : tr("Size: %1 total (table %2, indexes %3)");
        return text.arg(size(f.totalBytes()), size(f.tableBytes), size(f.indexBytes));
    }
    if (d.node.sizeBytes < 0)
        return QString();
    return (d.node.sizeEstimated ? tr("Size: about %1 (the catalog's estimate)") : tr("Size: %1"))
        .arg(size(d.node.sizeBytes));
}

void ObjectDetailPane::showDetails(const ObjectDetails &d)
{
    m_hasDetails = true;
    m_details = d;
    QStringList facts{tr("Database: %1").arg(d.database)};
    if (const QString size = sizeText(d); !size.isEmpty())
        facts << size;
    if (d.node.detailLocked)
        facts << tr("Definition not read: another session holds a lock on %1; refresh once it "
                    "is released")
                     .arg(d.node.parent);
    else if (!d.node.detail.isEmpty() && d.node.kind == ObjectKind::Function)
        facts << tr("Returns: %1").arg(d.node.detail);
    else if (!d.node.detail.isEmpty() && d.node.kind != ObjectKind::Table)
        facts << d.node.detail;
    if (!d.factsError.isEmpty())
        facts << d.factsError;
    else
        facts << (d.node.comment.isEmpty() ? tr("No comment")
                                           : tr("Comment: %1").arg(d.node.comment));
    setHeading(ObjectKindText::one(d.node.kind) + u' ' + d.node.identity, facts.join(u'\n'), false);
    m_ddlText = d.ddl.isEmpty() ? QString() : ObjectCatalog::text(d.ddl);
    m_ddl->setSql(m_ddlText.isEmpty() ? QStringLiteral("-- ") + d.ddlError : m_ddlText);
    fillList(m_uses, d.dependencies.uses, d.dependenciesError);
    fillList(m_usedBy, d.dependencies.usedBy, d.dependenciesError);
}

void ObjectDetailPane::fillList(QListWidget *list, const QList<ObjectReference> &refs,
                                const QString &error)
{
    list->clear();
    if (!error.isEmpty()) {
        list->addItem(error);
        return;
    }
    if (refs.isEmpty()) {
        list->addItem(tr("(nothing)"));
        return;
    }
    for (const ObjectReference &r : refs) {
        // The server's kind word ("table", "function") in the user's language.
        auto *item = new QListWidgetItem(ObjectKinds::display(r.type) + u' ' + r.identity, list);
        item->setData(Qt::UserRole, r.type);
        item->setData(Qt::UserRole + 1, r.identity);
        item->setToolTip(item->text());
    }
}

} // namespace uaip
