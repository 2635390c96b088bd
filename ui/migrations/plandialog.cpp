#include "plandialog.h"

#include "widgets/diffhighlighter.h"
#include "widgets/sqlview.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace uaip {

PlanDialog::PlanDialog(const QString &title, const QString &text, bool sql, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(title);
    auto *layout = new QVBoxLayout(this);
    if (sql) {
        auto *view = new SqlView(this);
        view->setSql(text);
        layout->addWidget(view);
    } else {
        auto *view = new QPlainTextEdit(text, this);
        view->setReadOnly(true);
        view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        new DiffHighlighter(view->document()); // verify's drift diffs
        layout->addWidget(view);
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    const QFontMetrics fm(font());
    resize(fm.horizontalAdvance(QLatin1Char('m')) * 100, fm.height() * 36);
}

} // namespace uaip
