#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace uaip {

// One per-column condition of the filter bar; the value is always bound, never spliced.
struct ColumnFilter
{
    Q_DECLARE_TR_FUNCTIONS(uaip::ColumnFilter)

public:
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
            return tr("contains");
        case Op::IsNull:
            return tr("is null");
        case Op::IsNotNull:
            return tr("is not null");
        case Op::In:
            return tr("in");
        }
        return QString();
    }
    bool operator==(const ColumnFilter &) const = default;
};

} // namespace uaip
