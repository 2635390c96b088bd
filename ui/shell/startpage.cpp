#include "startpage.h"

#include "widgets/statestyle.h"

#include <QCommandLinkButton>
#include <QHBoxLayout>
#include <QLabel>
#include <QScrollArea>
#include <QVBoxLayout>

namespace uaip {

namespace {

constexpr int kColumnWidthChars = 70;

} // namespace

StartPage::StartPage(QWidget *parent)
    : QWidget(parent)
    , m_connect(new QCommandLinkButton(tr("Connect to a database"), this))
    , m_sandbox(new QCommandLinkButton(tr("Start the local sandbox"), this))
    , m_tour(new QCommandLinkButton(tr("Take the quick tour"), this))
    , m_edit(new QCommandLinkButton(tr("Edit the connection profile"), this))
    , m_state(new QLabel(this))
{
    setObjectName(QStringLiteral("startPage"));
    auto *title = new QLabel(tr("<h2>Welcome to UAIP Admin</h2>"), this);
    auto *text = new QLabel(
        tr("Not connected to a database. Connect to one of your platform's databases, or try "
           "everything on a private PostgreSQL first."),
        this);
    text->setWordWrap(true);
    m_state->setObjectName(QStringLiteral("startState"));
    m_state->setWordWrap(true);
    m_state->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_state->hide();
    m_edit->setObjectName(QStringLiteral("startEdit"));
    m_edit->hide();
    m_connect->setObjectName(QStringLiteral("startConnect"));
    m_connect->setDescription(tr("Pick a connection profile, or add one (host, database, user; "
                                 "the password is kept in the system keychain)."));
    m_sandbox->setObjectName(QStringLiteral("startSandbox"));
    m_sandbox->setDescription(tr("A private PostgreSQL cluster in your home folder, created "
                                 "and connected to at once (as uaip-admin --sandbox)."));
    m_tour->setObjectName(QStringLiteral("startTour"));
    m_tour->setDescription(tr("Sandbox, demo data and the nine views (Migrations, Entities, "
                              "Prompts, Analytics, SQL, Objects, Activity, Health and Fleet), step "
                              "by step (from the README)."));

    // A column of at most kColumnWidthChars characters, centred. Not by an alignment flag: an
    // aligned item gets its size hint, and the wrapped introduction and the buttons' descriptions
    // their height for that hint, not for the width they are shown at (the text stopped
    // mid-sentence). Between two stretches the column takes its width from the layout, and its
    // height for that width.
    auto *column = new QWidget(this);
    column->setObjectName(QStringLiteral("startColumn"));
    column->setMaximumWidth(fontMetrics().averageCharWidth() * kColumnWidthChars);
    QSizePolicy policy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    policy.setHeightForWidth(true);
    column->setSizePolicy(policy);
    auto *inner = new QVBoxLayout(column);
    inner->addWidget(title);
    inner->addWidget(text);
    inner->addWidget(m_state);
    inner->addSpacing(fontMetrics().height());
    inner->addWidget(m_edit);
    inner->addWidget(m_connect);
    inner->addWidget(m_sandbox);
    inner->addWidget(m_tour);
    // In a scroll area: a long reason (a server's message in German at 1024x700) makes the
    // column taller than the window; it scrolls instead of being cut through its glyphs.
    auto *page = new QWidget;
    page->setObjectName(QStringLiteral("startScrolled"));
    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(column, 1000); // the room up to its maximum; what is left either side
    row->addStretch(1);
    auto *pageLayout = new QVBoxLayout(page);
    pageLayout->addStretch(1);
    pageLayout->addLayout(row);
    pageLayout->addStretch(2);
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("startScroll"));
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setWidget(page);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll);

    connect(m_connect, &QCommandLinkButton::clicked, this, &StartPage::connectRequested);
    connect(m_sandbox, &QCommandLinkButton::clicked, this, &StartPage::sandboxRequested);
    connect(m_tour, &QCommandLinkButton::clicked, this, &StartPage::tourRequested);
    connect(m_edit, &QCommandLinkButton::clicked, this, &StartPage::editRequested);
}

void StartPage::setState(const QString &text, bool problem, const QString &profile)
{
    m_state->setText(text);
    m_state->setVisible(!text.isEmpty());
    QPalette pal = palette();
    if (problem)
        pal.setColor(QPalette::WindowText, StateStyle::danger());
    m_state->setPalette(pal);
    m_edit->setVisible(problem && !profile.isEmpty());
    m_edit->setDescription(tr("Host, port, database, user and password of %1; a connection "
                              "test says what is wrong before you save.")
                               .arg(profile));
}

QString StartPage::stateText() const
{
    return m_state->text();
}

} // namespace uaip
