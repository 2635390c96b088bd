#include "shortcutsdialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QKeySequence>
#include <QSet>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace uaip {

namespace {

struct Row
{
    QString where;
    QString action;
    QString keys;
};

QString plain(QString text)
{
    text.remove(u'&');
    if (text.endsWith(QStringLiteral("...")))
        text.chop(3);
    else if (text.endsWith(u'…'))
        text.chop(1);
    return text.trimmed();
}

QString whereOf(const QAction *a, const QList<QPair<QWidget *, QString>> &views)
{
    if (a->shortcutContext() == Qt::WindowShortcut
        || a->shortcutContext() == Qt::ApplicationShortcut)
        return ShortcutsDialog::tr("Everywhere");
    // A view's own key works where a widget it was added to (or a child) has the focus.
    for (const QObject *o : a->associatedObjects())
        if (const auto *w = qobject_cast<const QWidget *>(o))
            for (const QPair<QWidget *, QString> &view : views)
                if (w == view.first || view.first->isAncestorOf(w))
                    return view.second;
    return ShortcutsDialog::tr("Where it has the focus");
}

} // namespace

ShortcutsDialog::ShortcutsDialog(QWidget *window, const QList<QPair<QWidget *, QString>> &views)
    : QDialog(window)
    , m_table(new QTableWidget(this))
{
    setWindowTitle(tr("Keyboard shortcuts"));
    QList<Row> rows;
    QSet<QString> seen;
    for (const QAction *a : window->findChildren<QAction *>()) {
        if (a->shortcuts().isEmpty() || a->text().isEmpty())
            continue;
        QStringList keys;
        for (const QKeySequence &k : a->shortcuts())
            keys.append(k.toString(QKeySequence::NativeText));
        Row row{whereOf(a, views), plain(a->text()), keys.join(QStringLiteral(", "))};
        if (!seen.contains(row.where + row.action + row.keys)) {
            seen.insert(row.where + row.action + row.keys);
            rows.append(row);
        }
    }
    const QString everywhere = tr("Everywhere");
    std::sort(rows.begin(), rows.end(), [&everywhere](const Row &a, const Row &b) {
        if ((a.where == everywhere) != (b.where == everywhere))
            return a.where == everywhere;
        return a.where == b.where ? a.action.localeAwareCompare(b.action) < 0
                                  : a.where.localeAwareCompare(b.where) < 0;
    });
    m_table->setColumnCount(3);
    m_table->setHorizontalHeaderLabels({tr("Where"), tr("Action"), tr("Keys")});
    m_table->setRowCount(int(rows.size()));
    for (int i = 0; i < rows.size(); ++i) {
        m_table->setItem(i, 0, new QTableWidgetItem(rows.at(i).where));
        m_table->setItem(i, 1, new QTableWidgetItem(rows.at(i).action));
        m_table->setItem(i, 2, new QTableWidgetItem(rows.at(i).keys));
    }
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->resizeColumnsToContents();
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table, 1);
    layout->addWidget(buttons);
    resize(fontMetrics().horizontalAdvance(QLatin1Char('m')) * 60, fontMetrics().height() * 30);
}

} // namespace uaip
