#include "plandialog.h"

#include "widgets/diffhighlighter.h"
#include "widgets/sqlview.h"
#include "widgets/textfit.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace uaip {

PlanDialog::PlanDialog(const QString &title, const QString &text, bool sql, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(title);
    auto *layout = new QVBoxLayout(this);
    int margins = 0; // beside the text: the SQL view's line numbers
    QWidget *shown = nullptr;
    if (sql) {
        auto *view = new SqlView(this);
        view->setSql(text);
        view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont)); // measured below
        layout->addWidget(view);
        shown = view;
        margins = view->marginWidth(0) + view->marginWidth(1);
    } else {
        auto *view = new QPlainTextEdit(text, this);
        view->setReadOnly(true);
        view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        new DiffHighlighter(view->document()); // verify's drift diffs
        layout->addWidget(view);
        shown = view;
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    // Esc closes the dialog: the SQL view would take the key if it had the focus.
    buttons->button(QDialogButtonBox::Close)->setFocus();
    TextFit::fitDialog(this, shown, text, margins);
}

} // namespace uaip
