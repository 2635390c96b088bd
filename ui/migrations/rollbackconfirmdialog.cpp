#include "rollbackconfirmdialog.h"

#include "migrate/objectkinds.h"
#include "widgets/statestyle.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <limits>

namespace uaip {

QString RollbackConfirmDialog::rowCount(qint64 rows)
{
    // The plural form from the count (a numerus count is an int: capped, the number shown in
    // full all the same).
    const int capped = int(std::min<qint64>(rows, std::numeric_limits<int>::max()));
    QString text = tr("%Ln row(s)", nullptr, capped);
    if (rows > capped)
        text.replace(QLocale().toString(capped), QLocale().toString(rows));
    return text;
}

RollbackConfirmDialog::RollbackConfirmDialog(const QString &what, const RollbackImpact &impact,
                                             const QString &productionDatabase, QWidget *parent)
    : QDialog(parent)
    , m_tree(new QTreeWidget(this))
    , m_buttons(new QDialogButtonBox(this))
    , m_database(productionDatabase)
    , m_empty(impact.migrations.isEmpty())
{
    setObjectName(QStringLiteral("rollbackConfirmDialog"));
    setWindowTitle(tr("Confirm rollback"));
    auto *layout = new QVBoxLayout(this);
    addSummary(layout, what, impact);
    addImpactTree(layout, impact);
    addNotes(layout, impact);
    addButtons(layout);
    updateButton();
    const QFontMetrics fm(font());
    resize(fm.horizontalAdvance(QLatin1Char('m')) * 70,
           m_empty ? sizeHint().height() : fm.height() * 30);
}

// The heading naming the migrations rolled back, and the summary of what the preview found.
void RollbackConfirmDialog::addSummary(QVBoxLayout *layout, const QString &what,
                                       const RollbackImpact &impact)
{
    auto *heading = new QLabel(
        m_empty ? tr("<b>%1</b><br>Nothing to roll back: no migration is applied.")
                      .arg(what.toHtmlEscaped())
                : tr("<b>%1</b><br>Rolls back: %2")
                      .arg(what.toHtmlEscaped(),
                           impact.migrations.join(QStringLiteral(", ")).toHtmlEscaped()),
        this);
    heading->setWordWrap(true);
    layout->addWidget(heading);

    auto *summary = new QLabel(this);
    summary->setWordWrap(true);
    if (m_empty)
        summary->hide();
    else if (impact.destroysNothing())
        summary->setText(tr("The preview found nothing that would be destroyed."));
    else
        summary->setText(
            tr("The preview ran the down scripts in a transaction that was rolled back. The real "
               "rollback would destroy %1 holding %2, these columns and objects:")
                .arg(tr("%Ln table(s)", nullptr, int(impact.tables.size())),
                     rowCount(impact.totalRows())));
    layout->addWidget(summary);
}

// The tree of tables (with row counts), columns and other objects that would disappear.
void RollbackConfirmDialog::addImpactTree(QVBoxLayout *layout, const RollbackImpact &impact)
{
    const QLocale locale;
    m_tree->setObjectName(QStringLiteral("impactTree"));
    m_tree->setHeaderLabels({tr("What would disappear"), tr("Rows / type")});
    // Names are never elided: the columns take their contents' width and the tree scrolls
    // sideways when the dialog is narrower.
    m_tree->setTextElideMode(Qt::ElideNone);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_tree->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    const QIcon tableIcon = QIcon::fromTheme(QStringLiteral("x-office-spreadsheet"),
                                             style()->standardIcon(QStyle::SP_FileIcon));
    if (!impact.tables.isEmpty()) {
        auto *group = new QTreeWidgetItem(
            m_tree, {tr("Tables (%1)").arg(locale.toString(impact.tables.size()))});
        for (const RollbackImpact::Table &t : impact.tables) {
            auto *item = new QTreeWidgetItem(
                group, {t.name, t.rows < 0 ? tr("unknown") : rowCount(t.rows)});
            item->setIcon(0, tableIcon);
            if (t.rows > 0)
                item->setForeground(1, StateStyle::danger());
        }
    }
    if (!impact.columns.isEmpty()) {
        auto *group = new QTreeWidgetItem(
            m_tree,
            {tr("Columns of remaining tables (%1)").arg(locale.toString(impact.columns.size()))});
        for (const RollbackImpact::Column &c : impact.columns)
            new QTreeWidgetItem(group, {c.table + u'.' + c.column, c.type});
    }
    if (!impact.objects.isEmpty()) {
        auto *group = new QTreeWidgetItem(
            m_tree, {tr("Other objects (%1)").arg(locale.toString(impact.objects.size()))});
        for (const RollbackImpact::Object &o : impact.objects)
            new QTreeWidgetItem(group,
                                {o.table.isEmpty() ? o.name : tr("%1 on %2").arg(o.name, o.table),
                                 ObjectKinds::display(o.kind)});
    }
    m_tree->expandAll();
    m_tree->setVisible(!m_empty);
    layout->addWidget(m_tree, 1);
}

void RollbackConfirmDialog::addNotes(QVBoxLayout *layout, const RollbackImpact &impact)
{
    // Notes are sentences: a wrapped label below the tree shows them whole.
    m_notes = new QLabel(this);
    m_notes->setObjectName(QStringLiteral("impactNotes"));
    m_notes->setWordWrap(true);
    m_notes->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QStringList notes;
    for (const QString &note : impact.notes)
        notes << tr("Note: %1").arg(note);
    m_notes->setText(notes.join(u'\n'));
    m_notes->setVisible(!notes.isEmpty());
    layout->addWidget(m_notes);
}

// Roll back and Cancel; with a production database, the field its name is typed in.
void RollbackConfirmDialog::addButtons(QVBoxLayout *layout)
{
    QPushButton *go = m_buttons->addButton(tr("&Roll back"), QDialogButtonBox::AcceptRole);
    go->setObjectName(QStringLiteral("rollbackButton"));
    go->setIcon(style()->standardIcon(QStyle::SP_DialogDiscardButton));
    QPushButton *cancel = m_buttons->addButton(QDialogButtonBox::Cancel);
    cancel->setDefault(true);
    go->setAutoDefault(false);

    if (!m_database.isEmpty()) {
        auto *warn = new QLabel(tr("<b>PRODUCTION.</b> Type the database name <b>%1</b> to "
                                   "confirm:")
                                    .arg(m_database.toHtmlEscaped()),
                                this);
        warn->setWordWrap(true);
        layout->addWidget(warn);
        m_name = new QLineEdit(this);
        m_name->setObjectName(QStringLiteral("confirmName"));
        m_name->setPlaceholderText(m_database);
        layout->addWidget(m_name);
        connect(m_name, &QLineEdit::textChanged, this, &RollbackConfirmDialog::updateButton);
        m_name->setFocus();
    }
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (rollbackButton()->isEnabled())
            accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

QPushButton *RollbackConfirmDialog::rollbackButton() const
{
    return findChild<QPushButton *>(QStringLiteral("rollbackButton"));
}

void RollbackConfirmDialog::updateButton()
{
    rollbackButton()->setEnabled(
        !m_empty && (m_database.isEmpty() || (m_name && m_name->text() == m_database)));
}

} // namespace uaip
