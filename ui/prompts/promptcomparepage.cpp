#include "promptcomparepage.h"

#include "promptdiffview.h"
#include "prompts/promptstore.h"
#include "prompts/promptversiondiff.h"
#include "prompttaskrunner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace uaip {

PromptComparePage::PromptComparePage(PromptTaskRunner *runner, QWidget *parent)
    : QWidget(parent)
    , m_runner(runner)
    , m_before(new QSpinBox(this))
    , m_after(new QSpinBox(this))
    , m_diff(new PromptDiffView(this))
{
    auto *compareLayout = new QVBoxLayout(this);
    auto *pick = new QHBoxLayout;
    for (QSpinBox *s : {m_before, m_after}) {
        s->setPrefix(QStringLiteral("v"));
        s->setRange(1, 1);
    }
    auto *compareButton = new QPushButton(tr("Compare"), this);
    pick->addWidget(new QLabel(tr("Compare"), this));
    pick->addWidget(m_before);
    pick->addWidget(new QLabel(tr("with"), this));
    pick->addWidget(m_after);
    pick->addWidget(compareButton);
    pick->addStretch(1);
    compareLayout->addLayout(pick);
    compareLayout->addWidget(m_diff, 1);
    connect(compareButton, &QPushButton::clicked, this,
            [this] { emit compareRequested(m_before->value(), m_after->value()); });
}

void PromptComparePage::setVersionRange(int latestVersion)
{
    for (QSpinBox *s : {m_before, m_after})
        s->setRange(1, qMax(1, latestVersion));
}

void PromptComparePage::clear()
{
    m_promptId.clear();
    m_diff->clear();
}

void PromptComparePage::compare(int before, int after)
{
    m_before->setValue(before);
    m_after->setValue(after);
    const QString id = m_promptId;
    auto codec = m_runner->codec();
    m_runner->run(tr("Compare versions %1 and %2 of %3").arg(before).arg(after).arg(id),
                  [this, id, before, after, codec](PgConnection &pg) -> PromptTask::Then {
                      PromptStore store(pg, codec.get());
                      auto a = store.version(id, before);
                      auto b = store.version(id, after);
                      std::shared_ptr<PromptVersionDiff> diff;
                      if (a.ok() && b.ok())
                          diff = std::make_shared<PromptVersionDiff>(a.value(), b.value());
                      const QString error = !a.ok() ? a.error().toString()
                          : !b.ok()                 ? b.error().toString()
                                                    : QString();
                      return [this, id, diff, error] {
                          if (id != m_promptId)
                              return;
                          if (!diff) {
                              m_diff->clear(error);
                              emit status(error, true);
                              return;
                          }
                          m_diff->setDiff(*diff);
                          emit diffShown();
                      };
                  });
}

} // namespace uaip
