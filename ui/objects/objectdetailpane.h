#pragma once

#include "objectdetails.h"

#include <QWidget>

class QLabel;
class QListWidget;

namespace uaip {

class SqlView;

// The Objects view's pane beside the tree: the selected object's kind and identity, database,
// size and comment, its DDL in the read-only SQL viewer, and the objects it uses and that use
// it (activating one asks the view to show it). Or a message: nothing selected, loading, why a
// read failed.
class ObjectDetailPane : public QWidget
{
    Q_OBJECT
public:
    explicit ObjectDetailPane(QWidget *parent = nullptr);

    // A heading and a line of text instead of an object (problem: marked as an error).
    void showMessage(const QString &heading, const QString &text, bool problem = false);
    // node is being read.
    void showLoading(const QString &database, const CatalogNode &node);
    void showDetails(const ObjectDetails &details);

    // The DDL shown (empty when none).
    QString ddl() const { return m_ddlText; }
    const ObjectDetails &details() const { return m_details; }
    bool showsDetails() const { return m_hasDetails; }
    SqlView *ddlView() const { return m_ddl; }
    QListWidget *uses() const { return m_uses; }
    QListWidget *usedBy() const { return m_usedBy; }

signals:
    void referenceActivated(const ObjectReference &reference);

private:
    QWidget *buildLists();
    void fillList(QListWidget *list, const QList<ObjectReference> &refs, const QString &error);
    void setHeading(const QString &heading, const QString &facts, bool problem);
    // The size line: a table's total with its parts, else one number; empty where none applies.
    static QString sizeText(const ObjectDetails &details);

    QLabel *m_heading;
    QLabel *m_facts;
    SqlView *m_ddl;
    QListWidget *m_uses;
    QListWidget *m_usedBy;
    QWidget *m_lists;
    QString m_ddlText;
    ObjectDetails m_details;
    bool m_hasDetails = false;
};

} // namespace uaip
