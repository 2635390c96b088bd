#include "onlinechangedialog.h"

#include "ledger/migrationscaffold.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace uaip {

OnlineChangeDialog::OnlineChangeDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("onlineChangeDialog"));
    setWindowTitle(tr("New Online Change"));
    auto *layout = new QVBoxLayout(this);
    auto *about = new QLabel(
        tr("A change no lock makes safe on a big table becomes two migrations. The "
           "<b>expand</b> adds the new shape beside the old one and keeps both in step, so the "
           "application works with either; the <b>contract</b> removes the old shape once the "
           "application uses the new one. Both are proved on the sandbox before they are "
           "written.<br>Supported: <tt>RENAME COLUMN</tt>, <tt>RENAME TO</tt>, <tt>ALTER COLUMN "
           "… TYPE … [USING …]</tt>, <tt>ALTER COLUMN … SET NOT NULL</tt>, and a split: <tt>ADD "
           "COLUMN a … GENERATED ALWAYS AS (… of c) STORED, ADD COLUMN b …, ALTER COLUMN c SET "
           "DEFAULT (… of a, b), DROP COLUMN c</tt>."),
        this);
    about->setWordWrap(true);
    layout->addWidget(about);
    auto *form = new QFormLayout;
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("onlineChangeName"));
    m_name->setPlaceholderText(tr("lower-case letters, digits and underscores"));
    form->addRow(tr("&Name:"), m_name);
    m_sql = new QPlainTextEdit(this);
    m_sql->setObjectName(QStringLiteral("onlineChangeSql"));
    m_sql->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    //: an example statement: SQL, the names may be translated
    m_sql->setPlaceholderText(tr("ALTER TABLE public.agents RENAME COLUMN name TO display_name;"));
    form->addRow(tr("&Statement:"), m_sql);
    layout->addLayout(form, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Prove on Sandbox"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    // tall enough for the explanation at this width in every language (German needs 8 lines),
    // and room for a statement of a few lines
    const int width = fontMetrics().averageCharWidth() * 90;
    resize(width, std::max(fontMetrics().height() * 24, heightForWidth(width)));
}

OnlineChangeRequest OnlineChangeDialog::request() const
{
    return OnlineChangeRequest{m_name->text().trimmed(), m_sql->toPlainText().toUtf8()};
}

void OnlineChangeDialog::accept()
{
    const OnlineChangeRequest r = request();
    const Status named = MigrationScaffold::checkName(r.name);
    if (!named) {
        QMessageBox::warning(this, windowTitle(), named.error().toString());
        m_name->setFocus();
        return;
    }
    if (r.sql.trimmed().isEmpty()) {
        QMessageBox::warning(this, windowTitle(), tr("Write the statement to make online."));
        m_sql->setFocus();
        return;
    }
    QDialog::accept();
}

} // namespace uaip
