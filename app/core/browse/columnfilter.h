#pragma once

#include <QString>
#include <QStringList>

namespace uaip {

// One per-column condition of the filter bar; the value is always bound, never spliced.
struct ColumnFilter
{
    enum class Op { Equal, NotEqual, Less, Greater, Contains, IsNull, IsNotNull, In };

    QString column;
    Op op = Op::Equal;
    QString value; // Equal, NotEqual, Less, Greater, Contains
    QStringList values; // In

    static QString opLabel(Op op)
    {
        switch (op) {
        case Op::Equal:
            return QStringLiteral("=");
        case Op::NotEqual:
            return QStringLiteral("≠");
        case Op::Less:
            return QStringLiteral("<");
        case Op::Greater:
            return QStringLiteral(">");
        case Op::Contains:
            return QStringLiteral("contains");
        case Op::IsNull:
            return QStringLiteral("is null");
        case Op::IsNotNull:
            return QStringLiteral("is not null");
        case Op::In:
            return QStringLiteral("in");
        }
        return QString();
    }
    bool operator==(const ColumnFilter &) const = default;
};

} // namespace uaip
