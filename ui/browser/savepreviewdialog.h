#pragma once

#include "browse/cascadereport.h"

#include <QDialog>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace uaip {

// Shows where a save goes (database, server, profile) and the exact SQL it will run
// (SavePlan::preview), wrapped so that no statement is cut, and asks to go ahead. Below it, what
// the statements cascade to in other tables (CascadeReport): while that is being counted, Save
// waits. A statement the server would refuse (a row still referenced through a foreign key with
// NO ACTION or RESTRICT) is said instead, and Save stays disabled.
class SavePreviewDialog : public QDialog
{
    Q_OBJECT
public:
    SavePreviewDialog(const QString &sql, int changes, const QString &target,
                      QWidget *parent = nullptr);
    QString sql() const;
    QString target() const;
    QPlainTextEdit *textView() const { return m_text; }

    // Save waits until setCascade() tells what the statements cascade to.
    void setCounting();
    // changedSincePreview: the save found another cascade than the one confirmed before.
    void setCascade(const CascadeReport &cascade, bool changedSincePreview = false);
    bool isCounting() const { return m_counting; }
    // The cascade count found a statement the server refuses (CascadeReport::refusal): Save
    // stays disabled.
    bool isRefused() const { return m_refused; }
    QPushButton *saveButton() const { return m_save; }
    QString cascadeText() const;
    QLabel *cascadeLabel() const { return m_cascade; }

    void accept() override; // ignored while counting

private:
    QPlainTextEdit *m_text;
    QLabel *m_cascade;
    QPushButton *m_save = nullptr;
    QString m_target;
    bool m_counting = false;
    bool m_refused = false;
};

} // namespace uaip
