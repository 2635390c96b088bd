#pragma once
// Helpers for the EntitiesView widget tests: answer the next message box, find a view action
// by its text, open a table through the view and wait until it is idle.
#include "browse/entitymodel.h"
#include "browser/entitiesview.h"
#include "browsetestutil.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QMessageBox>
#include <QPointer>
#include <QSignalSpy>
#include <QTimer>

#include <memory>

namespace uaip::test {

// Clicks `button` in the next message box that opens (polls; also for nested exec()); the
// box's text goes to *seen. A missing button falls back to `fallback`.
inline void answerNextBox(QMessageBox::StandardButton button, QString *seen = nullptr,
                          QMessageBox::StandardButton fallback = QMessageBox::NoButton)
{
    auto *timer = new QTimer;
    auto tries = std::make_shared<int>(0);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, tries, button, fallback, seen] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box) {
            for (QWidget *w : QApplication::topLevelWidgets())
                if (auto *b = qobject_cast<QMessageBox *>(w); b && b->isVisible())
                    box = b;
        }
        if (!box) {
            if (++*tries > 1000)
                timer->deleteLater();
            return;
        }
        if (seen)
            *seen = box->text();
        QAbstractButton *b = box->button(button);
        if (!b && fallback != QMessageBox::NoButton)
            b = box->button(fallback);
        timer->stop();
        timer->deleteLater();
        if (b)
            b->click();
        else
            box->reject();
    });
    timer->start(10);
}

inline QAction *viewAction(QWidget &view, const QString &text)
{
    for (QAction *a : view.actions())
        if (a->text() == text)
            return a;
    return nullptr;
}

inline bool openInView(EntitiesView &view, const QString &schema, const QString &name)
{
    QSignalSpy opened(view.model(), &EntityModel::tableOpened);
    view.openTable(schema, name);
    if (!opened.wait(20000))
        return false;
    return waitIdle(*view.model());
}

} // namespace uaip::test
