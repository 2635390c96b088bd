#pragma once

#include "catalognode.h"

#include "error/result.h"

#include <QCoreApplication>
#include <QStringList>
#include <QVariantList>

namespace uaip {

class PgConnection;

// The statements that create one object of the object browser (ObjectCatalog::ddl), in the
// form and the order pg_dump -s writes them: the kind's statement of objects/sql/ddl_*.sql
// (CREATE ..., its storage settings, ALTER ... OWNER TO, its parts, comments), then its
// privileges (ddl_privileges.sql: GRANT and REVOKE against the kind's default, as pg_dump 15
// computes them). A table's part: an index as CREATE INDEX or, backing a constraint, as that
// constraint; a constraint as ALTER TABLE ... ADD CONSTRAINT; a trigger as CREATE TRIGGER; each
// with its comment. Every read is one statement through CatalogQuery.
class ObjectDdl
{
    // the words are ObjectCatalog's, whose reader this class writes for: one context
    Q_DECLARE_TR_FUNCTIONS(uaip::ObjectCatalog)

public:
    explicit ObjectDdl(PgConnection &connection);

    Result<QStringList> ddl(const CatalogNode &object);

private:
    Result<QStringList> statements(const char *sql, const QVariantList &params,
                                   const CatalogNode &object);
    Result<QStringList> childDdl(const CatalogNode &child);
    Error failed(const Error &error, const CatalogNode &object) const;
    Error gone(const CatalogNode &object) const;

    PgConnection &m_connection;
};

} // namespace uaip
