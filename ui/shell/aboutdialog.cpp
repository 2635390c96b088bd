#include "aboutdialog.h"

#include "libraryversions.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGuiApplication>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace uaip {

AboutDialog::AboutDialog(const QString &serverVersion, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("aboutDialog"));
    setWindowTitle(tr("About %1").arg(QGuiApplication::applicationDisplayName()));
    auto *layout = new QVBoxLayout(this);

    auto *heading = new QHBoxLayout;
    auto *icon = new QLabel(this);
    icon->setPixmap(QGuiApplication::windowIcon().pixmap(64, 64));
    heading->addWidget(icon, 0, Qt::AlignTop);
    auto *intro = new QLabel(
        tr("<h3>%1 %2</h3><p>A console for the PostgreSQL database of the AI agent platform, "
           "and <tt>uaip-migrate</tt>, its command-line twin.</p>"
           "<p>Licensed under the GNU General Public License, version 3 or (at your option) any "
           "later version (GPL-3.0-or-later). It comes with no warranty.</p>")
            .arg(QGuiApplication::applicationDisplayName().toHtmlEscaped(),
                 QApplication::applicationVersion().toHtmlEscaped()),
        this);
    intro->setWordWrap(true);
    intro->setTextFormat(Qt::RichText);
    heading->addWidget(intro, 1);
    layout->addLayout(heading);

    const QString notConnected = tr("not connected");
    const struct
    {
        const char *objectName;
        QString label;
        QString value;
    } rows[] = {
        {"appVersion", QGuiApplication::applicationDisplayName(),
         QApplication::applicationVersion()},
        {"qtVersion", tr("Qt"), LibraryVersions::qt()},
        {"libpqVersion", tr("libpq"), LibraryVersions::libpq()},
        {"pgQueryVersion", tr("libpg_query"),
         tr("%1 (PostgreSQL parser)").arg(LibraryVersions::pgQuery())},
        {"serverVersion", tr("Server"),
         serverVersion.isEmpty() ? notConnected : tr("PostgreSQL %1").arg(serverVersion)},
    };
    auto *form = new QFormLayout;
    for (const auto &row : rows) {
        auto *value = new QLabel(row.value, this);
        value->setObjectName(QLatin1String(row.objectName));
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        form->addRow(row.label + u':', value);
        m_versions += row.label + u' ' + row.value + u'\n';
    }
    layout->addLayout(form);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *copy = buttons->addButton(tr("&Copy versions"), QDialogButtonBox::ActionRole);
    copy->setObjectName(QStringLiteral("copyVersions"));
    connect(copy, &QPushButton::clicked, this,
            [this] { QGuiApplication::clipboard()->setText(m_versions); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

} // namespace uaip
