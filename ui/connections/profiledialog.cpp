#include "profiledialog.h"

#include "connections/connectiontestjob.h"
#include "connections/profilestore.h"
#include "jobs/jobmanager.h"
#include "passwordstore.h"
#include "widgets/statestyle.h"

#include <QCheckBox>
#include <QColorDialog>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRegularExpression>
#include <QScreen>
#include <QSpinBox>

namespace uaip {

ProfileDialog::ProfileDialog(ProfileStore *store, PasswordStore *passwords, JobManager *jobs,
                             QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_passwords(passwords)
    , m_jobs(jobs)
    , m_list(new QListWidget(this))
    , m_name(new QLineEdit(this))
    , m_host(new QLineEdit(this))
    , m_port(new QSpinBox(this))
    , m_ports(new QLineEdit(this))
    , m_targetSession(new QComboBox(this))
    , m_database(new QLineEdit(this))
    , m_user(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_sslMode(new QComboBox(this))
    , m_rootCert(new QLineEdit(this))
    , m_appName(new QLineEdit(this))
    , m_color(new QPushButton(tr("Choo&se..."), this))
    , m_production(new QCheckBox(tr("&Production: destructive actions need the database name "
                                    "typed"),
                                 this))
    , m_readOnly(new QCheckBox(tr("&Read-only: no migrations, no edits"), this))
    , m_migrationDirect(new QLineEdit(this))
    , m_result(new QLabel(this))
    , m_testButton(new QPushButton(tr("&Test connection"), this))
{
    setObjectName(QStringLiteral("profileDialog"));
    setWindowTitle(tr("Connection profiles"));
    buildFields();
    QFormLayout *form = buildForm();
    QDialogButtonBox *buttons = buildButtons();

    auto *top = new QHBoxLayout;
    top->addWidget(m_list, 1);
    top->addLayout(form, 3);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top, 1);
    layout->addWidget(buttons);
    reloadList(QString());
    setForm(ConnectionProfile{});
}

// Creates the group field, then sets up every field of the form and names them.
void ProfileDialog::buildFields()
{
    m_group = new QLineEdit(this);
    m_group->setObjectName(QStringLiteral("group"));
    m_group->setPlaceholderText(tr("optional: the Fleet view runs over a group at once"));
    m_port->setRange(1, 65535);
    m_port->setValue(5432);
    m_host->setPlaceholderText(tr("a host, or several: db1.example.com, db2.example.com"));
    m_host->setToolTip(tr("Several hosts, separated by commas, are tried in order (libpq's host "
                          "list); Target session says which one to take."));
    m_ports->setPlaceholderText(tr("one per host: 5432, 5433 (empty: the port above for all)"));
    m_targetSession->addItem(tr("the first that answers"), QString());
    for (const QString &value : ConnectionProfile::targetSessionAttrsValues())
        if (value != QLatin1String("any"))
            m_targetSession->addItem(value, value);
    m_targetSession->setToolTip(
        tr("libpq's target_session_attrs: read-write or primary takes the primary of the host "
           "list (after a failover, the promoted standby); standby or prefer-standby a "
           "standby."));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("stored in the OS keychain, never in a file"));
    m_sslMode->addItems(ConnectionProfile::sslModes());
    m_rootCert->setPlaceholderText(tr("root certificate (.crt) for verify-ca / verify-full"));
    m_migrationDirect->setObjectName(QStringLiteral("migrationDirect"));
    m_migrationDirect->setPlaceholderText(tr("host:port of the server, bypassing the pooler"));
    m_migrationDirect->setToolTip(
        tr("Migrations connect here instead of the hosts above: the server itself, not a "
           "connection pooler (PgBouncer). A migration without a transaction needs one server "
           "session throughout, which a transaction pooler does not give. Empty: as above."));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    const QList<QPair<QWidget *, const char *>> names = {{m_name, "name"},
                                                         {m_host, "host"},
                                                         {m_port, "port"},
                                                         {m_ports, "hostPorts"},
                                                         {m_targetSession, "targetSessionAttrs"},
                                                         {m_database, "database"},
                                                         {m_user, "user"},
                                                         {m_password, "password"},
                                                         {m_sslMode, "sslMode"},
                                                         {m_rootCert, "rootCert"},
                                                         {m_production, "production"},
                                                         {m_readOnly, "readOnly"},
                                                         {m_result, "testResult"},
                                                         {m_testButton, "testButton"}};
    for (const auto &[w, n] : names)
        w->setObjectName(QLatin1String(n));
}

// Lays the fields out in the form, with the root certificate's Browse button.
QFormLayout *ProfileDialog::buildForm()
{
    auto *browse = new QPushButton(tr("&Browse..."), this);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString f
            = QFileDialog::getOpenFileName(this, tr("Root certificate"), m_rootCert->text(),
                                           tr("Certificates (*.crt *.pem);;All (*)"));
        if (!f.isEmpty())
            m_rootCert->setText(f);
    });
    auto *certRow = new QHBoxLayout;
    certRow->addWidget(m_rootCert, 1);
    certRow->addWidget(browse);
    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Host:"), m_host);
    form->addRow(tr("P&ort:"), m_port);
    form->addRow(tr("Port l&ist:"), m_ports);
    form->addRow(tr("Tar&get session:"), m_targetSession);
    form->addRow(tr("&Database:"), m_database);
    form->addRow(tr("&User:"), m_user);
    form->addRow(tr("Pass&word:"), m_password);
    form->addRow(tr("SSL &mode:"), m_sslMode);
    // A row holding a layout gets no buddy from QFormLayout: name the field ourselves, or the
    // label would show a literal '&'.
    auto *certLabel = new QLabel(tr("Root &certificate:"), this);
    certLabel->setBuddy(m_rootCert);
    form->addRow(certLabel, certRow);
    form->addRow(tr("&Application name:"), m_appName);
    form->addRow(tr("Band colour:"), m_color);
    form->addRow(tr("Fleet group:"), m_group);
    form->addRow(QString(), m_production);
    form->addRow(QString(), m_readOnly);
    form->addRow(tr("Direct connection &for migrations:"), m_migrationDirect);
    m_readOnly->setToolTip(
        tr("The SQL view then runs only reading statements, each in a read-only transaction it "
           "rolls back. The strongest guard is a database role that cannot write: Test says "
           "whether this one can."));
    form->addRow(m_testButton);
    form->addRow(m_result);
    return form;
}

// The New, Delete, Save and Close buttons, and the connections of the dialog's buttons and list.
QDialogButtonBox *ProfileDialog::buildButtons()
{
    auto *newButton = new QPushButton(tr("N&ew"), this);
    auto *deleteButton = new QPushButton(tr("De&lete"), this);
    auto *saveButton = new QPushButton(tr("Sa&ve"), this);
    saveButton->setObjectName(QStringLiteral("saveButton"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(newButton, QDialogButtonBox::ActionRole);
    buttons->addButton(deleteButton, QDialogButtonBox::ActionRole);
    buttons->addButton(saveButton, QDialogButtonBox::ApplyRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(newButton, &QPushButton::clicked, this, [this] { setForm(ConnectionProfile{}); });
    connect(deleteButton, &QPushButton::clicked, this, &ProfileDialog::removeCurrent);
    connect(saveButton, &QPushButton::clicked, this, &ProfileDialog::save);
    connect(m_testButton, &QPushButton::clicked, this, &ProfileDialog::test);
    connect(m_color, &QPushButton::clicked, this, &ProfileDialog::chooseColor);
    connect(m_list, &QListWidget::currentTextChanged, this, [this](const QString &name) {
        if (const auto p = m_store->find(name))
            setForm(*p);
    });
    return buttons;
}

void ProfileDialog::reloadList(const QString &select)
{
    m_list->clear();
    for (const ConnectionProfile &p : m_store->load())
        m_list->addItem(p.name);
    const auto found = m_list->findItems(select, Qt::MatchExactly);
    if (!found.isEmpty())
        m_list->setCurrentItem(found.first());
}

void ProfileDialog::setForm(const ConnectionProfile &p)
{
    m_name->setText(p.name);
    m_host->setText(p.host);
    m_port->setValue(p.port);
    m_ports->setText(p.ports);
    m_targetSession->setCurrentIndex(qMax(0, m_targetSession->findData(p.targetSessionAttrs)));
    m_database->setText(p.database);
    m_user->setText(p.user);
    m_password->clear();
    m_sslMode->setCurrentText(p.sslMode);
    m_rootCert->setText(p.sslRootCert);
    m_appName->setText(p.applicationName);
    m_colorValue = p.color;
    m_color->setText(p.color.isEmpty() ? tr("Choo&se...") : p.color);
    m_production->setChecked(p.production);
    m_readOnly->setChecked(p.readOnly);
    m_migrationDirect->setText(p.migrationDirect);
    m_group->setText(p.group);
    m_result->clear();
}

ConnectionProfile ProfileDialog::profileFromForm() const
{
    ConnectionProfile p;
    p.name = m_name->text().trimmed();
    // a host list is kept without blanks around its commas (QPSQL passes the host as it is)
    const QStringList hosts = m_host->text().split(u',');
    p.host = hosts.size() > 1
        ? QStringList(hosts)
              .replaceInStrings(QRegularExpression(QStringLiteral("^\\s+|\\s+$")), QString())
              .join(u',')
        : m_host->text().trimmed();
    p.port = m_port->value();
    p.ports = m_ports->text().simplified().remove(u' ');
    p.targetSessionAttrs = m_targetSession->currentData().toString();
    p.database = m_database->text().trimmed();
    p.user = m_user->text().trimmed();
    p.sslMode = m_sslMode->currentText();
    p.sslRootCert = m_rootCert->text().trimmed();
    p.applicationName = m_appName->text().trimmed();
    p.color = m_colorValue;
    p.production = m_production->isChecked();
    p.readOnly = m_readOnly->isChecked();
    p.migrationDirect = m_migrationDirect->text().trimmed();
    p.group = m_group->text().trimmed();
    return p;
}

QString ProfileDialog::resultText() const
{
    return m_result->text();
}

void ProfileDialog::save()
{
    const ConnectionProfile p = profileFromForm();
    if (const Status valid = p.isValid(); !valid) {
        m_result->setText(valid.error().toString());
        return;
    }
    m_store->save(p);
    m_store->sync();
    if (!m_password->text().isEmpty())
        m_passwords->write(p.name, m_password->text());
    m_result->setText(tr("Saved \"%1\".").arg(p.name));
    reloadList(p.name);
    emit saved(p.name);
}

void ProfileDialog::test()
{
    const ConnectionProfile p = profileFromForm();
    m_testButton->setEnabled(false);
    m_result->setText(tr("Connecting to %1 ...").arg(p.describe()));
    // The test opens a plain libpq connection of its own: no session, no database worker.
    auto *job = new ConnectionTestJob(
        SessionSpec::from(p, m_password->text(), QStringLiteral("connection test")));
    connect(job, &Job::finished, this, [this, job](bool ok, const QString &) {
        const ConnectionDiagnosis d = job->diagnosis();
        m_testButton->setEnabled(true);
        QPalette pal = palette();
        if (!ok)
            pal.setColor(QPalette::WindowText, StateStyle::danger());
        m_result->setPalette(pal);
        m_result->setText(d.toString());
        growToFit();
        emit tested(ok);
    });
    m_jobs->start(job, std::nullopt);
}

void ProfileDialog::growToFit()
{
    // The result wraps; make the dialog tall enough for all of it (never taller than the
    // screen, never shrinking under the user's hands).
    layout()->activate();
    const int needed = layout()->hasHeightForWidth() ? layout()->totalHeightForWidth(width())
                                                     : sizeHint().height();
    const int most = screen() ? screen()->availableGeometry().height() * 9 / 10 : needed;
    if (needed > height())
        resize(width(), qMin(needed, most));
}

void ProfileDialog::removeCurrent()
{
    const QString name = m_name->text().trimmed();
    if (name.isEmpty())
        return;
    m_store->remove(name);
    m_store->sync();
    m_passwords->remove(name);
    reloadList(QString());
    setForm(ConnectionProfile{});
}

void ProfileDialog::chooseColor()
{
    const QColor c = QColorDialog::getColor(QColor(m_colorValue), this, tr("Band colour"));
    if (!c.isValid())
        return;
    m_colorValue = c.name();
    m_color->setText(m_colorValue);
}

} // namespace uaip
