#include "dependencydepth.h"

#include "ddlattributes.h"

#include <algorithm>

namespace uaip {

using namespace ddl;

DependencyDepth::DependencyDepth(const DdlCatalog &catalog)
    : m_catalog(catalog)
{ }

QList<DependencyDepth::Edge> DependencyDepth::edges(const QString &key) const
{
    QList<Edge> out;
    const DdlObject *o = m_catalog.find(key);
    if (!o)
        return out;
    if (isView(o->kind)) {
        for (const QString &dep : attrList(*o, "deps"))
            out << Edge{dep, {}};
    } else if (o->kind == u"table") {
        for (const QString &parent : attrList(*o, "inherits"))
            out << Edge{parent, {}};
        for (const QString &k : m_catalog.descendants(key)) {
            const DdlObject *c = m_catalog.find(k);
            if (c->kind == u"constraint" && attr(*c, "type") == u"f" && c->parent == key
                && c->comesWith.isEmpty() && attr(*c, "references") != key)
                out << Edge{attr(*c, "references"), k};
        }
    } else if (o->kind == u"function" || o->kind == u"aggregate") {
        for (const QString &dep : attrList(*o, "function_deps"))
            out << Edge{dep, {}};
    } else if (o->kind == u"type") {
        for (const QString &dep : attrList(*o, "type_deps"))
            out << Edge{dep, {}};
    }
    std::sort(out.begin(), out.end(), [](const Edge &a, const Edge &b) {
        return std::pair{a.to, a.via} < std::pair{b.to, b.via};
    });
    return out;
}

int DependencyDepth::depth(const QString &key)
{
    const auto known = m_depth.constFind(key);
    if (known != m_depth.cend())
        return known.value();
    m_onStack.insert(key);
    int d = 0;
    for (const Edge &e : edges(key)) {
        if (e.to == key || !m_catalog.find(e.to))
            continue;
        if (m_onStack.contains(e.to)) {
            if (!e.via.isEmpty())
                m_cyclic.insert(e.via);
            continue;
        }
        d = std::max(d, 1 + depth(e.to));
    }
    m_onStack.remove(key);
    m_depth.insert(key, d);
    return d;
}

} // namespace uaip
