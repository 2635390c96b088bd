#include "quicktourdialog.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace uaip {

namespace {

constexpr int kWidthChars = 90;
constexpr int kHeightLines = 32;

} // namespace

QuickTourDialog::QuickTourDialog(QWidget *parent)
    : QDialog(parent)
    , m_browser(new QTextBrowser(this))
{
    setObjectName(QStringLiteral("quickTour"));
    setWindowTitle(tr("Quick tour"));
    QFile readme(QStringLiteral(":/doc/README.md"));
    const QString text
        = readme.open(QIODevice::ReadOnly) ? QString::fromUtf8(readme.readAll()) : QString();
    const QString tour = section(text, QStringLiteral("Quick tour"));
    if (tour.isEmpty())
        m_browser->setPlainText(
            tr("The quick tour is missing from the built-in README (%1).").arg(readme.fileName()));
    else
        m_browser->setMarkdown(tour);
    m_browser->setOpenExternalLinks(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_browser);
    layout->addWidget(buttons);
    resize(fontMetrics().averageCharWidth() * kWidthChars, fontMetrics().height() * kHeightLines);
}

QString QuickTourDialog::section(const QString &markdown, const QString &heading)
{
    const QString start = QStringLiteral("## ") + heading + u'\n';
    qsizetype from = markdown.startsWith(start) ? 0 : markdown.indexOf(u'\n' + start);
    if (from < 0)
        return QString();
    if (markdown.at(from) == u'\n')
        ++from;
    qsizetype end = markdown.indexOf(QStringLiteral("\n## "), from + start.size() - 1);
    if (end < 0)
        end = markdown.size();
    return QStringLiteral("# ") + markdown.mid(from + 3, end - from - 3).trimmed() + u'\n';
}

} // namespace uaip
