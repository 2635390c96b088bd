#include "fleetview.h"

#include "connections/passwordstore.h"
#include "fleet/fleettargetsfile.h"
#include "fleetfilterproxy.h"
#include "fleetmatrixmodel.h"
#include "fleetrunjob.h"
#include "jobs/jobmanager.h"
#include "ledger/migrationsource.h"
#include "widgets/flowlayout.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QVBoxLayout>

namespace uaip {

namespace {

QWidget *labelled(const QString &text, QWidget *field, QWidget *parent)
{
    auto *box = new QWidget(parent);
    auto *layout = new QHBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *label = new QLabel(text, box);
    label->setBuddy(field);
    layout->addWidget(label);
    layout->addWidget(field);
    return box;
}

} // namespace

FleetView::FleetView(JobManager *jobs, QWidget *parent)
    : QWidget(parent)
    , m_jobs(jobs)
    , m_migrationsDir(MigrationSource::bundledDir())
    , m_model(new FleetMatrixModel(this))
    , m_proxy(new FleetFilterProxy(this))
    , m_table(new QTableView(this))
    , m_source(new QLabel(this))
    , m_message(new QLabel(this))
    , m_errorDetail(new QPlainTextEdit(this))
    , m_filter(new QComboBox(this))
    , m_groups(new QComboBox(this))
    , m_parallel(new QSpinBox(this))
    , m_canary(new QSpinBox(this))
    , m_maxFailures(new QSpinBox(this))
    , m_open(new QPushButton(tr("&Open targets…"), this))
    , m_status(new QPushButton(tr("&Status"), this))
    , m_up(new QPushButton(tr("&Up"), this))
    , m_down(new QPushButton(tr("&Down one"), this))
    , m_drift(new QPushButton(tr("D&rift"), this))
    , m_cancel(new QPushButton(tr("&Cancel"), this))
    , m_detail(new QPushButton(tr("Open in &Migrations"), this))
{
    setObjectName(QStringLiteral("fleetView"));
    setupTable();
    setupOptions();
    nameWidgets();
    buildLayout();
    connectActions();
    loadMigrations();
    updateActions();
}

void FleetView::setupTable()
{
    m_proxy->setSourceModel(m_model);
    m_table->setObjectName(QStringLiteral("fleetMatrix"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(-1, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->setTextElideMode(Qt::ElideRight);
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setStretchLastSection(false);
    // The error takes at most a bounded width, elided (whole in its tool tip and below the
    // matrix): a long one never pushes the migrations' columns off screen. The target's name
    // takes the room left.
    header->setSectionResizeMode(FleetMatrixModel::ErrorColumn, QHeaderView::Interactive);
    header->setSectionResizeMode(FleetMatrixModel::NameColumn, QHeaderView::Stretch);
    const auto refit = [this] {
        fitErrorColumn();
        showCurrentError();
    };
    connect(m_proxy, &QAbstractItemModel::modelReset, this, refit);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, refit);
    connect(m_model, &QAbstractItemModel::dataChanged, this, refit);
    m_errorDetail->setObjectName(QStringLiteral("fleetErrorDetail"));
    m_errorDetail->setReadOnly(true);
    m_errorDetail->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_errorDetail->setMaximumHeight(fontMetrics().lineSpacing() * 6);
    m_errorDetail->hide();
}

// The Error column as wide as its widest error shown, up to a bound.
void FleetView::fitErrorColumn()
{
    const int bound = fontMetrics().averageCharWidth() * 36;
    const QAbstractItemView *view = m_table; // QTableView's own is protected
    const int wanted
        = std::max(m_table->horizontalHeader()->sectionSizeHint(FleetMatrixModel::ErrorColumn),
                   view->sizeHintForColumn(FleetMatrixModel::ErrorColumn));
    m_table->setColumnWidth(FleetMatrixModel::ErrorColumn, std::min(wanted, bound));
}

// The current target's error, whole, below the matrix (hidden when it has none).
void FleetView::showCurrentError()
{
    const QModelIndex current = m_table->currentIndex();
    const QString error
        = current.isValid() ? m_model->errorText(m_proxy->mapToSource(current).row()) : QString();
    if (error != m_errorDetail->toPlainText())
        m_errorDetail->setPlainText(error);
    m_errorDetail->setVisible(!error.isEmpty());
}

// The state filter, the profile groups and the run options (parallelism, canary, budget).
void FleetView::setupOptions()
{
    m_filter->setObjectName(QStringLiteral("fleetFilter"));
    m_filter->addItem(tr("All targets"), -1);
    for (const FleetTargetResult::State s : FleetTargetResult::states())
        m_filter->addItem(FleetTargetResult::stateText(s), int(s));
    connect(m_filter, &QComboBox::currentIndexChanged, this,
            [this] { m_proxy->setStateFilter(m_filter->currentData().toInt()); });

    m_groups->setObjectName(QStringLiteral("fleetGroups"));
    m_groups->setToolTip(tr("Every connection profile of a group (Connection → Edit profiles)"));
    m_groups->addItem(tr("(none)"));
    connect(m_groups, &QComboBox::activated, this, [this](int index) {
        if (index > 0)
            openGroup(m_groups->itemText(index));
    });
    m_parallel->setObjectName(QStringLiteral("fleetParallel"));
    m_parallel->setRange(1, 64);
    m_parallel->setValue(4);
    m_parallel->setToolTip(tr("How many databases are worked on at once"));
    m_canary->setObjectName(QStringLiteral("fleetCanary"));
    m_canary->setRange(0, 1000);
    m_canary->setToolTip(tr("The first targets run alone; all must succeed before the rest start"));
    m_maxFailures->setObjectName(QStringLiteral("fleetMaxFailures"));
    m_maxFailures->setRange(0, 100000);
    m_maxFailures->setSpecialValueText(tr("no limit"));
    m_maxFailures->setValue(1);
    m_maxFailures->setToolTip(tr("After this many failed targets no new target starts"));
}

void FleetView::nameWidgets()
{
    m_open->setObjectName(QStringLiteral("fleetOpen"));
    m_status->setObjectName(QStringLiteral("fleetStatus"));
    m_up->setObjectName(QStringLiteral("fleetUp"));
    m_down->setObjectName(QStringLiteral("fleetDown"));
    m_drift->setObjectName(QStringLiteral("fleetDrift"));
    m_cancel->setObjectName(QStringLiteral("fleetCancel"));
    m_detail->setObjectName(QStringLiteral("fleetDetail"));
    m_source->setObjectName(QStringLiteral("fleetSource"));
    m_message->setObjectName(QStringLiteral("fleetMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_source->setText(tr("No targets file opened."));
}

void FleetView::buildLayout()
{
    auto *bar = new FlowLayout;
    for (QWidget *w : {static_cast<QWidget *>(m_open), static_cast<QWidget *>(m_status),
                       static_cast<QWidget *>(m_up), static_cast<QWidget *>(m_down),
                       static_cast<QWidget *>(m_drift), static_cast<QWidget *>(m_cancel),
                       static_cast<QWidget *>(m_detail)})
        bar->addWidget(w);
    auto *options = new FlowLayout;
    bar->addWidget(labelled(tr("Profile group:"), m_groups, this));
    options->addWidget(labelled(tr("Show:"), m_filter, this));
    options->addWidget(labelled(tr("Parallel:"), m_parallel, this));
    options->addWidget(labelled(tr("Canary:"), m_canary, this));
    options->addWidget(labelled(tr("Failure budget:"), m_maxFailures, this));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_source);
    layout->addLayout(bar);
    layout->addLayout(options);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_errorDetail);
    layout->addWidget(m_message);
}

void FleetView::connectActions()
{
    connect(m_open, &QPushButton::clicked, this, &FleetView::chooseTargetsFile);
    connect(m_status, &QPushButton::clicked, this, [this] { run(FleetOptions::Command::Status); });
    connect(m_drift, &QPushButton::clicked, this, [this] { run(FleetOptions::Command::Drift); });
    auto confirmed = [this](FleetOptions::Command command) {
        const QList<FleetTarget> targets = selectedTargets();
        const QString question = command == FleetOptions::Command::Up
            ? tr("Apply the pending migrations on %1 databases?").arg(targets.size())
            : tr("Roll back the last migration on %1 databases?").arg(targets.size());
        if (QMessageBox::question(this, tr("Fleet"), question) == QMessageBox::Yes)
            run(command);
    };
    connect(m_up, &QPushButton::clicked, this,
            [confirmed] { confirmed(FleetOptions::Command::Up); });
    connect(m_down, &QPushButton::clicked, this,
            [confirmed] { confirmed(FleetOptions::Command::Down); });
    connect(m_cancel, &QPushButton::clicked, this, &FleetView::cancel);
    connect(m_detail, &QPushButton::clicked, this, &FleetView::openCurrent);
    connect(m_table, &QTableView::doubleClicked, this, &FleetView::openCurrent);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &FleetView::updateActions);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &FleetView::showCurrentError);
}

void FleetView::setMigrationsDir(const QString &dir)
{
    m_migrationsDir = dir;
    loadMigrations();
    m_model->setTargets(m_model->targets(), m_migrations);
}

void FleetView::loadMigrations()
{
    MigrationSource source;
    source.load(m_migrationsDir);
    m_migrations = source.migrations();
    m_migrationProblems = source.folderErrors();
}

bool FleetView::openTargetsFile(const QString &path)
{
    const FleetTargetsResult read = FleetTargetsFile::read(path);
    if (!read.ok()) {
        m_message->setText(
            tr("The targets file was not opened:\n%1").arg(read.problems.join(QLatin1Char('\n'))));
        return false;
    }
    m_fromGroup = false;
    setTargets(read.targets, tr("%1 targets from %2").arg(read.targets.size()).arg(path));
    m_groups->setCurrentIndex(0);
    return true;
}

void FleetView::setTargets(const QList<FleetTarget> &targets, const QString &source)
{
    m_model->setTargets(targets, m_migrations);
    m_source->setText(source);
    m_message->clear();
    m_table->clearSelection();
    updateActions();
    run(FleetOptions::Command::Status);
}

void FleetView::setProfiles(const QList<ConnectionProfile> &profiles, PasswordStore *passwords)
{
    m_profiles = profiles;
    if (passwords != m_passwords) {
        if (m_passwords)
            disconnect(m_passwords, nullptr, this, nullptr);
        m_passwords = passwords;
        if (m_passwords)
            connect(m_passwords, &PasswordStore::readFinished, this,
                    [this](const QString &key, const QString &password, bool found,
                           const QString &) { passwordRead(key, password, found); });
    }
    QStringList groups;
    for (const ConnectionProfile &p : profiles)
        if (!p.group.isEmpty() && !groups.contains(p.group))
            groups << p.group;
    groups.sort(Qt::CaseInsensitive);
    const QString current = m_groups->currentIndex() > 0 ? m_groups->currentText() : QString();
    while (m_groups->count() > 1)
        m_groups->removeItem(1);
    m_groups->addItems(groups);
    m_groups->setCurrentIndex(std::max(0, int(groups.indexOf(current)) + 1));
    m_groups->setEnabled(!groups.isEmpty());
}

bool FleetView::openGroup(const QString &group)
{
    if (m_job)
        return false;
    m_waiting.clear();
    m_read.clear();
    for (const ConnectionProfile &p : std::as_const(m_profiles))
        if (p.group == group && !p.sandbox)
            m_waiting << p;
    if (m_waiting.isEmpty()) {
        m_message->setText(tr("No connection profile is in the group %1.").arg(group));
        return false;
    }
    m_openingGroup = group;
    m_groups->setCurrentIndex(std::max(0, m_groups->findText(group)));
    if (!m_passwords) {
        passwordRead(QString(), QString(), false);
        return true;
    }
    m_message->setText(tr("Reading the passwords of the group %1…").arg(group));
    const QList<ConnectionProfile> profiles = m_waiting;
    for (const ConnectionProfile &p : profiles)
        m_passwords->read(p.name);
    return true;
}

void FleetView::passwordRead(const QString &key, const QString &password, bool found)
{
    if (m_openingGroup.isEmpty())
        return;
    bool mine = false;
    for (const ConnectionProfile &p : std::as_const(m_waiting))
        mine = mine || p.name == key;
    if (mine)
        m_read.insert(key, found ? password : QString());
    if (m_passwords && m_read.size() < m_waiting.size())
        return;
    // Every password answered (none found: libpq's .pgpass / PGPASSFILE).
    QList<FleetTarget> targets;
    for (const ConnectionProfile &p : std::as_const(m_waiting)) {
        FleetTarget t;
        t.name = p.name;
        t.conninfo = p.conninfo(m_read.value(p.name));
        t.sourceFile = tr("profile group %1").arg(m_openingGroup);
        targets << t;
    }
    const QString group = m_openingGroup;
    m_openingGroup.clear();
    m_fromGroup = true;
    setTargets(targets, tr("%1 targets from the profile group %2").arg(targets.size()).arg(group));
}

void FleetView::chooseTargetsFile()
{
    const QString path
        = QFileDialog::getOpenFileName(this, tr("Open targets file"), QString(),
                                       tr("Targets files (*.txt *.conf);;All files (*)"));
    if (!path.isEmpty())
        openTargetsFile(path);
}

QList<FleetTarget> FleetView::selectedTargets() const
{
    QList<int> rows;
    for (const QModelIndex &i : m_table->selectionModel()->selectedRows())
        rows << m_proxy->mapToSource(i).row();
    std::sort(rows.begin(), rows.end());
    QList<FleetTarget> out;
    if (rows.isEmpty())
        return m_model->targets();
    for (int row : std::as_const(rows))
        out << m_model->target(row);
    return out;
}

void FleetView::run(FleetOptions::Command command)
{
    if (m_job || m_model->targets().isEmpty())
        return;
    if (command != FleetOptions::Command::Status && !m_migrationProblems.isEmpty()) {
        m_message->setText(m_migrationProblems.join(QLatin1Char('\n')));
        return;
    }
    FleetOptions options;
    options.command = command;
    options.parallel = m_parallel->value();
    options.canary = m_canary->value();
    options.maxFailures = m_maxFailures->value() == 0 ? -1 : m_maxFailures->value();
    options.applicationName = QStringLiteral("uaip-admin fleet");
    options.client = QStringLiteral("uaip-admin");
    if (command == FleetOptions::Command::Down)
        options.down.steps = 1;
    const QList<FleetTarget> targets = selectedTargets();
    auto *job = new FleetRunJob(
        tr("Fleet %1 on %2 databases").arg(FleetOptions::commandName(command)).arg(targets.size()),
        targets, options, m_migrations);
    m_job = job;
    connect(job, &FleetRunJob::targetStarted, m_model, &FleetMatrixModel::markRunning);
    connect(job, &FleetRunJob::targetFinished, m_model, &FleetMatrixModel::setResult);
    connect(job, &Job::finished, this, [this](bool ok, const QString &summary) {
        m_message->setText(summary);
        m_job.clear();
        updateActions();
        emit runFinished(ok);
    });
    m_message->setText(tr("Running…"));
    m_jobs->start(job, std::nullopt);
    updateActions();
}

void FleetView::cancel()
{
    if (m_job)
        m_job->cancel();
}

void FleetView::openCurrent()
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid())
        return;
    const FleetTarget &target = m_model->target(m_proxy->mapToSource(current).row());
    if (m_fromGroup)
        emit openProfileRequested(target.name);
    else
        emit openTargetRequested(target);
}

void FleetView::updateActions()
{
    const bool running = !m_job.isNull();
    const bool any = !m_model->targets().isEmpty();
    m_open->setEnabled(!running);
    for (QPushButton *b : {m_status, m_up, m_down, m_drift})
        b->setEnabled(any && !running);
    m_cancel->setEnabled(running);
    m_detail->setEnabled(m_table->selectionModel()->hasSelection());
}

} // namespace uaip
