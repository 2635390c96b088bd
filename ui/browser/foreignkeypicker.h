#pragma once

#include "browse/foreignkeyinfo.h"

#include <QPointer>
#include <QVariant>
#include <QWidget>

class QCheckBox;
class QLineEdit;
class QListWidget;

namespace uaip {

class Job;
class SessionWorker;

// Editor of a single-column foreign key: the value, a search box over the referenced table
// (value or label contains the text; searched as jobs on the view's browse session as you
// type — each keystroke cancels the previous search through Job::cancel, which never blocks) and
// a NULL switch when the column is nullable.
class ForeignKeyPicker : public QWidget
{
    Q_OBJECT
public:
    // worker: the session to search on (may be null: no results).
    ForeignKeyPicker(SessionWorker *worker, const ForeignKeyInfo &foreignKey,
                     QWidget *parent = nullptr);
    ~ForeignKeyPicker() override;

    void setNullable(bool nullable);
    void setValue(const QVariant &value);
    QVariant value() const;
    QListWidget *results() const { return m_results; }
    QLineEdit *searchBox() const { return m_search; }

signals:
    void searched(int matches);

private:
    void search();

    ForeignKeyInfo m_foreignKey;
    QPointer<SessionWorker> m_worker;
    QPointer<Job> m_job; // the search in flight
    QLineEdit *m_value;
    QLineEdit *m_search;
    QListWidget *m_results;
    QCheckBox *m_null;
    int m_searchSerial = 0;
    bool m_nullable = false;
};

} // namespace uaip
