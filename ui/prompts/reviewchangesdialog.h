#pragma once

#include <QDialog>
#include <QMap>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace uaip {

class PromptDiffView;
class PromptVersionDiff;

// "Review changes" before a new version is saved: the diff against the version the draft
// started from, which labels move (none: saving never promotes; "production" stays where it
// is and only the computed "latest" follows) and a required change note; on a production
// profile also the typed database name (a write to a production database). Save stays
// disabled until both are given.
class ReviewChangesDialog : public QDialog
{
    Q_OBJECT
public:
    // labels: the prompt's labels (name -> version) before the save.
    ReviewChangesDialog(const QString &promptId, const PromptVersionDiff &diff,
                        const QMap<QString, int> &labels, const QString &typedDatabase,
                        QWidget *parent = nullptr);

    QString note() const;
    QLabel *labelsNote() const { return m_labelsNote; }
    PromptDiffView *diffView() const { return m_diff; }
    QPlainTextEdit *noteEdit() const { return m_note; }
    QLineEdit *databaseEdit() const { return m_database; } // null unless production
    QPushButton *saveButton() const { return m_save; }

private:
    void updateSave();

    PromptDiffView *m_diff;
    QLabel *m_labelsNote;
    QPlainTextEdit *m_note;
    QLineEdit *m_database = nullptr;
    QPushButton *m_save = nullptr;
    QString m_expected;
};

} // namespace uaip
