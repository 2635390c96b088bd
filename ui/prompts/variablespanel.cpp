#include "variablespanel.h"

#include "prompttextedit.h"

#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QTableWidget>
#include <QVBoxLayout>

namespace uaip {

VariablesPanel::VariablesPanel(PromptTextEdit *system, PromptTextEdit *user, QWidget *parent)
    : QWidget(parent)
    , m_system(system)
    , m_user(user)
    , m_table(new QTableWidget(0, 2, this))
    , m_rendered(new QPlainTextEdit(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new QLabel(tr("Variables (sample values)"), this));
    m_table->setHorizontalHeaderLabels({tr("Variable"), tr("Sample value")});
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(m_table, 1);
    layout->addWidget(new QLabel(tr("Rendered"), this));
    m_rendered->setReadOnly(true);
    layout->addWidget(m_rendered, 1);
    connect(m_system, &PromptTextEdit::variablesChanged, this, &VariablesPanel::refresh);
    connect(m_user, &PromptTextEdit::variablesChanged, this, &VariablesPanel::refresh);
    connect(m_table, &QTableWidget::itemChanged, this, [this](QTableWidgetItem *item) {
        if (m_filling || item->column() != 1)
            return;
        m_samples[m_table->item(item->row(), 0)->text()] = item->text();
        render();
    });
    refresh();
}

void VariablesPanel::setSample(const QString &name, const QString &value)
{
    m_samples[name] = value;
    refresh();
}

void VariablesPanel::refresh()
{
    QStringList names = m_system->variables().names();
    for (const QString &n : m_user->variables().names())
        if (!names.contains(n))
            names << n;
    m_filling = true;
    m_table->setRowCount(int(names.size()));
    for (int i = 0; i < names.size(); ++i) {
        auto *name = new QTableWidgetItem(names[i]);
        name->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        m_table->setItem(i, 0, name);
        m_table->setItem(i, 1, new QTableWidgetItem(m_samples.value(names[i])));
    }
    m_table->resizeColumnToContents(0);
    m_filling = false;
    render();
}

void VariablesPanel::render()
{
    QHash<QString, QString> values;
    for (auto it = m_samples.cbegin(); it != m_samples.cend(); ++it)
        if (!it.value().isEmpty())
            values.insert(it.key(), it.value());
    const PromptTextEdit *shown = m_user->plainText().isEmpty() ? m_system : m_user;
    QString text = shown->variables().render(values);
    QStringList problems;
    for (const PromptTextEdit *e : {m_system, m_user})
        for (const PromptVariables::Problem &p : e->variables().problems())
            problems << (e == m_system ? tr("system prompt %1") : tr("user template %1"))
                            .arg(p.toString());
    if (!problems.isEmpty())
        text += QStringLiteral("\n\n") + tr("Problems:") + u'\n' + problems.join(u'\n');
    m_rendered->setPlainText(text);
}

} // namespace uaip
