#include "differencejson.h"

namespace uaip {

namespace {

QJsonObject hunkJson(const LineDiff::Hunk &h)
{
    QJsonArray lines;
    for (const LineDiff::Line &l : h.lines)
        lines.append(l.marker() + l.text);
    return {{QStringLiteral("header"), h.header()},    {QStringLiteral("old_start"), h.oldStart},
            {QStringLiteral("old_count"), h.oldCount}, {QStringLiteral("new_start"), h.newStart},
            {QStringLiteral("new_count"), h.newCount}, {QStringLiteral("lines"), lines}};
}

} // namespace

QJsonObject DifferenceJson::of(const SchemaSnapshot::Difference &d)
{
    using Kind = SchemaSnapshot::Difference::Kind;
    QJsonObject o{{QStringLiteral("object"), d.object}, {QStringLiteral("text"), d.describe()}};
    switch (d.kind) {
    case Kind::Added:
        o.insert(QStringLiteral("kind"), QStringLiteral("added"));
        o.insert(QStringLiteral("after"), d.after);
        return o;
    case Kind::Removed:
        o.insert(QStringLiteral("kind"), QStringLiteral("removed"));
        o.insert(QStringLiteral("before"), d.before);
        return o;
    case Kind::Changed:
        break;
    }
    const DefinitionDiff diff = d.definitionDiff();
    QJsonArray hunks;
    for (const LineDiff::Hunk &h : diff.hunks())
        hunks.append(hunkJson(h));
    QJsonArray literals;
    for (const DefinitionDiff::LiteralChange &c : diff.literalChanges())
        literals.append(
            QJsonObject{{QStringLiteral("before"), c.before}, {QStringLiteral("after"), c.after}});
    o.insert(QStringLiteral("kind"), QStringLiteral("changed"));
    o.insert(QStringLiteral("before"), d.before);
    o.insert(QStringLiteral("after"), d.after);
    o.insert(QStringLiteral("summary"), diff.summary());
    o.insert(QStringLiteral("literal_only"), diff.literalOnly());
    o.insert(QStringLiteral("literal_changes"), literals);
    o.insert(QStringLiteral("hunks"), hunks);
    o.insert(QStringLiteral("unified"), diff.lines().unifiedText());
    return o;
}

QJsonArray DifferenceJson::of(const QList<SchemaSnapshot::Difference> &diffs)
{
    QJsonArray out;
    for (const auto &d : diffs)
        out.append(of(d));
    return out;
}

} // namespace uaip
