#include "prompteditor.h"

#include "prompts/promptvalidator.h"
#include "prompttextedit.h"
#include "variablespanel.h"
#include "widgets/statestyle.h"

#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QVBoxLayout>

namespace uaip {

PromptEditor::PromptEditor(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_banner(new QLabel(this))
    , m_model(new QLineEdit(this))
    , m_temperature(new QDoubleSpinBox(this))
    , m_maxTokens(new QSpinBox(this))
    , m_system(new PromptTextEdit(this))
    , m_user(new PromptTextEdit(this))
    , m_variables(new VariablesPanel(m_system, m_user, this))
    , m_problems(new QLabel(this))
    , m_save(new QPushButton(tr("Save…"), this))
    , m_revert(new QPushButton(tr("Revert"), this))
{
    auto *layout = new QVBoxLayout(this);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_title);
    m_banner->setWordWrap(true);
    m_banner->hide();
    layout->addWidget(m_banner);

    auto *fields = new QHBoxLayout;
    m_model->setMaxLength(PromptValidator::kMaxModelLength);
    m_model->setPlaceholderText(tr("model preference"));
    m_temperature->setRange(0.0, 1.0);
    m_temperature->setDecimals(2);
    m_temperature->setSingleStep(0.05);
    m_maxTokens->setRange(1, PromptValidator::kMaxTokens);
    m_maxTokens->setGroupSeparatorShown(true);
    fields->addWidget(new QLabel(tr("Model:"), this));
    fields->addWidget(m_model, 2);
    fields->addWidget(new QLabel(tr("Temperature:"), this));
    fields->addWidget(m_temperature);
    fields->addWidget(new QLabel(tr("Max tokens:"), this));
    fields->addWidget(m_maxTokens);
    fields->addStretch(1);
    fields->addWidget(m_revert);
    fields->addWidget(m_save);
    layout->addLayout(fields);

    auto *texts = new QWidget(this);
    auto *textsLayout = new QVBoxLayout(texts);
    textsLayout->setContentsMargins(0, 0, 0, 0);
    textsLayout->addWidget(new QLabel(tr("System prompt"), texts));
    textsLayout->addWidget(m_system, 3);
    textsLayout->addWidget(new QLabel(tr("User template (empty: none)"), texts));
    textsLayout->addWidget(m_user, 1);
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(texts);
    split->addWidget(m_variables);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    layout->addWidget(split, 1);
    m_problems->setWordWrap(true);
    m_problems->setStyleSheet(QStringLiteral("color:%1").arg(StateStyle::danger().name()));
    layout->addWidget(m_problems);

    connect(m_save, &QPushButton::clicked, this, &PromptEditor::saveRequested);
    connect(m_revert, &QPushButton::clicked, this, &PromptEditor::revertRequested);
    for (PromptTextEdit *e : {m_system, m_user})
        connect(e, &PromptTextEdit::variablesChanged, this, &PromptEditor::updateState);
    connect(m_model, &QLineEdit::textChanged, this, &PromptEditor::updateState);
    connect(m_temperature, &QDoubleSpinBox::valueChanged, this, &PromptEditor::updateState);
    connect(m_maxTokens, &QSpinBox::valueChanged, this, &PromptEditor::updateState);
    clear(tr("Pick a prompt in the list."));
}

void PromptEditor::load(const QString &title, const PromptContent &content)
{
    m_loading = true;
    m_original = content;
    m_loaded = true;
    m_title->setText(title);
    m_model->setText(content.modelPreference);
    m_temperature->setValue(content.temperature);
    m_maxTokens->setValue(content.maxTokens);
    m_system->setPlainText(content.systemPrompt);
    m_user->setPlainText(content.userPromptTemplate.value_or(QString()));
    m_loading = false;
    updateState();
}

void PromptEditor::rebase(const QString &title, const PromptContent &content)
{
    m_original = content;
    m_loaded = true;
    m_title->setText(title);
    updateState();
}

void PromptEditor::clear(const QString &message)
{
    m_loading = true;
    m_loaded = false;
    m_original = PromptContent();
    m_title->setText(message);
    m_model->clear();
    m_system->setPlainText(QString());
    m_user->setPlainText(QString());
    m_loading = false;
    updateState();
}

void PromptEditor::setEditable(bool editable, const QString &reason)
{
    m_editable = editable;
    // No reason (connected, writable, no prompt picked yet) clears an old one such as
    // "Not connected." from before the connection.
    setBanner(editable ? QString() : reason, false);
    updateState();
}

void PromptEditor::setBanner(const QString &text, bool error)
{
    m_banner->setText(text);
    m_banner->setStyleSheet(error ? QStringLiteral("color:%1").arg(StateStyle::danger().name())
                                  : QString());
    m_banner->setVisible(!text.isEmpty());
}

PromptContent PromptEditor::content() const
{
    PromptContent c;
    c.systemPrompt = m_system->plainText();
    const QString user = m_user->plainText();
    // An empty editor is "no template" unless the version had an empty one.
    if (!user.isEmpty() || m_original.userPromptTemplate)
        c.userPromptTemplate = user;
    c.modelPreference = m_model->text().trimmed();
    c.temperature = m_temperature->value();
    c.maxTokens = m_maxTokens->value();
    return c;
}

bool PromptEditor::isModified() const
{
    return m_loaded && !(content() == m_original);
}

QStringList PromptEditor::problems() const
{
    return m_loaded ? PromptValidator::check(content()) : QStringList();
}

void PromptEditor::updateState()
{
    if (m_loading)
        return;
    const bool on = m_loaded && m_editable;
    for (QWidget *w : std::initializer_list<QWidget *>{m_model, m_temperature, m_maxTokens})
        w->setEnabled(on);
    m_system->setReadOnly(!on);
    m_user->setReadOnly(!on);
    const QStringList problems = this->problems();
    m_problems->setText(problems.join(u'\n'));
    m_problems->setVisible(!problems.isEmpty());
    const bool modified = isModified();
    m_save->setEnabled(on && modified && problems.isEmpty());
    m_save->setToolTip(!m_loaded                 ? tr("No prompt loaded")
                           : !m_editable         ? m_banner->text()
                           : !modified           ? tr("Nothing changed")
                           : !problems.isEmpty() ? problems.join(u'\n')
                                                 : tr("Review the changes and save a new version"));
    m_revert->setEnabled(m_loaded && modified);
}

} // namespace uaip
