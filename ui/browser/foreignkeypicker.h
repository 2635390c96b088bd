#pragma once

#include "browse/foreignkeyinfo.h"

#include <QVariant>
#include <QWidget>

#include <memory>

class QCheckBox;
class QLineEdit;
class QListWidget;

namespace uaip {

class DbWorker;

// Editor of a single-column foreign key: the value, a search box over the referenced table
// (value or label contains the text; searched on a worker connection as you type) and a NULL
// switch when the column is nullable.
class ForeignKeyPicker : public QWidget
{
    Q_OBJECT
public:
    ForeignKeyPicker(const QString &conninfo, const ForeignKeyInfo &foreignKey,
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
    std::unique_ptr<DbWorker> m_worker;
    QLineEdit *m_value;
    QLineEdit *m_search;
    QListWidget *m_results;
    QCheckBox *m_null;
    int m_searchSerial = 0;
    bool m_nullable = false;
};

} // namespace uaip
