# Precompiled headers: the Qt and standard headers nearly every file of a target includes are
# parsed once per target instead of once per file (Debug builds of the core spent most of each
# file's time in them). UAIP_PCH=OFF builds without them (a check that every file includes what
# it uses). The test executables of one folder share one precompiled header (REUSE_FROM), as
# their compile flags are the same.
option(UAIP_PCH "Build with precompiled headers" ON)

set(UAIP_PCH_CORE <QByteArray> <QCoreApplication> <QDateTime> <QHash> <QJsonArray>
    <QJsonDocument> <QJsonObject> <QList> <QObject> <QRegularExpression> <QSet> <QString>
    <QStringList> <QVariant> <functional> <memory> <optional> <vector>)
set(UAIP_PCH_WIDGETS ${UAIP_PCH_CORE} <QAction> <QDialog> <QHeaderView> <QLabel> <QLineEdit>
    <QPushButton> <QTableView> <QVBoxLayout> <QWidget>)

# uaip_precompile(TARGET <target> HEADERS <list>) or uaip_precompile(TARGET <t> REUSE <other>)
function(uaip_precompile)
    cmake_parse_arguments(ARG "" "TARGET;REUSE" "HEADERS" ${ARGN})
    if(NOT UAIP_PCH)
        return()
    endif()
    if(ARG_REUSE)
        target_precompile_headers(${ARG_TARGET} REUSE_FROM ${ARG_REUSE})
    else()
        target_precompile_headers(${ARG_TARGET} PRIVATE ${ARG_HEADERS})
    endif()
endfunction()
