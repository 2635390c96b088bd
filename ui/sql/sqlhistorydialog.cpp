#include "sqlhistorydialog.h"

#include <QDialogButtonBox>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

namespace uaip {

SqlHistoryDialog::SqlHistoryDialog(const SqlHistory &history, QWidget *parent)
    : QDialog(parent)
    , m_history(history)
    , m_search(new QLineEdit(this))
    , m_list(new QListWidget(this))
    , m_preview(new QPlainTextEdit(this))
{
    setWindowTitle(tr("SQL history"));
    m_search->setPlaceholderText(tr("Search the SQL and database names"));
    m_search->setClearButtonEnabled(true);
    m_preview->setReadOnly(true);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_list);
    split->addWidget(m_preview);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Put in the editor"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_search);
    layout->addWidget(split, 1);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_search, &QLineEdit::textChanged, this, &SqlHistoryDialog::fill);
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        m_preview->setPlainText(row >= 0 && row < m_entries.size() ? m_entries.at(row).sql
                                                                   : QString());
    });
    connect(m_list, &QListWidget::itemActivated, this, &QDialog::accept);
    resize(700, 500);
    fill();
}

void SqlHistoryDialog::fill()
{
    m_entries = m_history.search(m_search->text());
    m_list->clear();
    const QLocale locale;
    for (const SqlHistoryEntry &e : std::as_const(m_entries)) {
        const QString first = e.sql.simplified().left(120);
        m_list->addItem(QStringLiteral("%1  %2  %3  —  %4")
                            .arg(locale.toString(e.at.toLocalTime(), QLocale::ShortFormat),
                                 e.database, e.ok ? QStringLiteral("✓") : QStringLiteral("✗"),
                                 first));
    }
    if (!m_entries.isEmpty())
        m_list->setCurrentRow(0);
}

QString SqlHistoryDialog::chosenSql() const
{
    const int row = m_list->currentRow();
    return row >= 0 && row < m_entries.size() ? m_entries.at(row).sql : QString();
}

} // namespace uaip
