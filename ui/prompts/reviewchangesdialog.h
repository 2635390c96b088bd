#pragma once

#include <QDialog>

class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace uaip {

class PromptDiffView;
class PromptVersionDiff;

// "Review changes" before a new version is saved: the diff against the current version and
// a required change note; on a production profile also the typed database name (the save
// moves the production label). Save stays disabled until both are given.
class ReviewChangesDialog : public QDialog
{
    Q_OBJECT
public:
    ReviewChangesDialog(const QString &promptId, const PromptVersionDiff &diff,
                        const QString &typedDatabase, QWidget *parent = nullptr);

    QString note() const;
    PromptDiffView *diffView() const { return m_diff; }
    QPlainTextEdit *noteEdit() const { return m_note; }
    QLineEdit *databaseEdit() const { return m_database; } // null unless production
    QPushButton *saveButton() const { return m_save; }

private:
    void updateSave();

    PromptDiffView *m_diff;
    QPlainTextEdit *m_note;
    QLineEdit *m_database = nullptr;
    QPushButton *m_save = nullptr;
    QString m_expected;
};

} // namespace uaip
