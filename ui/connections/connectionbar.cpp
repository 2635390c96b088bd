#include "connectionbar.h"

#include "widgets/elidinglabel.h"
#include "widgets/statestyle.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

namespace uaip {

ConnectionBar::ConnectionBar(QWidget *parent)
    : QWidget(parent)
    , m_switcher(new QComboBox(this))
    , m_target(new ElidingLabel(this))
    , m_badge(new QLabel(this))
{
    setObjectName(QStringLiteral("connectionBar"));
    setAutoFillBackground(true);
    auto *layout = new QHBoxLayout(this);
    const int m = fontMetrics().height() / 3;
    layout->setContentsMargins(m * 2, m, m * 2, m);
    auto *label = new QLabel(tr("Co&nnection:"), this);
    label->setBuddy(m_switcher);
    m_switcher->setObjectName(QStringLiteral("profileSwitcher"));
    m_switcher->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_target->setObjectName(QStringLiteral("connectionTarget"));
    m_target->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // The state takes the room left; a narrow window elides it rather than being widened by it
    // (the tool tip holds it whole).
    m_target->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_badge->setObjectName(QStringLiteral("connectionBadge"));
    QFont bold = m_badge->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.2);
    m_badge->setFont(bold);
    layout->addWidget(label);
    layout->addWidget(m_switcher);
    layout->addWidget(m_target, 1);
    layout->addWidget(m_badge);
    connect(m_switcher, &QComboBox::activated, this,
            [this](int index) { emit profileChosen(m_switcher->itemData(index).toString()); });
}

void ConnectionBar::addActions(const QList<QAction *> &actions)
{
    for (QAction *a : actions) {
        auto *button = new QToolButton(this);
        button->setDefaultAction(a);
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        button->setAutoRaise(true);
        layout()->addWidget(button);
        m_actions << button;
    }
    fitActions();
}

void ConnectionBar::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    fitActions();
}

void ConnectionBar::fitActions()
{
    if (m_actions.isEmpty())
        return;
    const int spacing = layout()->spacing();
    if (m_actions.first()->toolButtonStyle() == Qt::ToolButtonTextBesideIcon) {
        m_actionsWithText = 0;
        for (const QToolButton *b : std::as_const(m_actions))
            m_actionsWithText += b->sizeHint().width() + spacing;
    }
    const QMargins margins = layout()->contentsMargins();
    int others = margins.left() + margins.right();
    for (QWidget *w : findChildren<QWidget *>(Qt::FindDirectChildrenOnly))
        if (!w->isHidden() && w != m_target && !m_actions.contains(qobject_cast<QToolButton *>(w)))
            others += w->sizeHint().width() + spacing;
    const int state = m_target->fontMetrics().horizontalAdvance(m_target->text())
        + m_target->fontMetrics().averageCharWidth();
    const Qt::ToolButtonStyle style = others + state + m_actionsWithText <= width()
        ? Qt::ToolButtonTextBesideIcon
        : Qt::ToolButtonIconOnly;
    for (QToolButton *b : std::as_const(m_actions))
        b->setToolButtonStyle(style);
}

void ConnectionBar::setProfiles(const QList<ConnectionProfile> &profiles, const QString &current)
{
    m_switcher->clear();
    for (const ConnectionProfile &p : profiles) {
        // What the bar's badge says of the profile, in the list too.
        QStringList marks;
        if (p.production)
            marks << tr("production");
        if (p.readOnly)
            marks << tr("read-only");
        const QString text = marks.isEmpty()
            ? p.displayName()
            : tr("%1 — %2").arg(p.displayName(), marks.join(QStringLiteral(", ")));
        m_switcher->addItem(text, p.name);
    }
    const int index = m_switcher->findData(current);
    m_switcher->setCurrentIndex(index < 0 ? 0 : index);
}

QString ConnectionBar::currentName() const
{
    return m_switcher->currentData().toString();
}

QString ConnectionBar::badgeText() const
{
    return m_badge->text();
}

void ConnectionBar::setServerRole(const QString &role, bool standby)
{
    showBadges(standby ? role : QString());
}

void ConnectionBar::showBadges(const QString &standbyRole)
{
    QStringList badges = m_profileBadges;
    if (!standbyRole.isEmpty())
        badges << tr("STANDBY");
    m_badge->setText(badges.join(QStringLiteral(" · ")));
    m_badge->setToolTip(standbyRole.isEmpty()
                            ? QString()
                            : tr("The server is a %1: it accepts no writes.").arg(standbyRole));
    m_badge->setVisible(!badges.isEmpty());
    fitActions();
}

void ConnectionBar::setCurrent(const ConnectionProfile &profile, const QString &state)
{
    const int index = m_switcher->findData(profile.name);
    if (index >= 0)
        m_switcher->setCurrentIndex(index);
    m_target->setText(
        profile.sandbox
            ? tr("%1 — private PostgreSQL cluster, database %2").arg(state, profile.database)
            : QStringLiteral("%1 — %2").arg(state, profile.describe()));
    m_profileBadges.clear();
    if (profile.production)
        m_profileBadges << tr("PRODUCTION");
    if (profile.readOnly)
        m_profileBadges << tr("READ-ONLY");
    showBadges();

    QColor band = profile.color.isEmpty() ? QColor() : QColor(profile.color);
    if (!band.isValid() && profile.production)
        band = QColor(0xc0, 0x1c, 0x28);
    const QPalette normal = parentWidget() ? parentWidget()->palette() : QApplication::palette();
    QPalette pal = normal;
    if (band.isValid()) {
        pal.setColor(QPalette::Window, band);
        // Black or white, whichever reads better on the band (WCAG contrast: one of them
        // always has 4.5:1 or more).
        const QColor black(Qt::black), white(Qt::white);
        const QColor text = StateStyle::contrast(band, black) >= StateStyle::contrast(band, white)
            ? black
            : white;
        pal.setColor(QPalette::WindowText, text);
        pal.setColor(QPalette::ButtonText, text); // the flat tool buttons lie on the band
    } else {
        pal.setColor(QPalette::Window, pal.color(QPalette::AlternateBase));
    }
    setPalette(pal);
    // The profile switcher draws its own box in the button colour: it keeps the window's
    // colours (with the band's ButtonText it was white on white).
    // Every role set explicitly: a palette set as it was inherited resolves to nothing, and
    // the box would still take the bar's.
    QPalette own;
    for (int g = 0; g < QPalette::NColorGroups; ++g)
        for (int r = 0; r < QPalette::NColorRoles; ++r) {
            const auto group = QPalette::ColorGroup(g);
            const auto role = QPalette::ColorRole(r);
            own.setBrush(group, role, normal.brush(group, role));
        }
    m_switcher->setPalette(own);
}

} // namespace uaip
