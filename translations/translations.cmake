# The translations of both binaries (included by app/core/CMakeLists.txt after uaip_i18n exists).
# translations/uaip_<lang>.ts hold every user-visible string of app/ and ui/ (lupdate scans all
# the sources of uaip-admin and uaip-migrate, not only uaip_core's); lrelease compiles them to
# .qm files embedded in uaip_i18n under :/i18n, so both binaries (and the tests) carry them.
# Translations (app/core/i18n) loads them.
#   cmake --build build/dev --target update_translations   regenerates the .ts files (as does
#   translations/update-ts.sh without a build tree).
set(UAIP_TS_FILES ${PROJECT_SOURCE_DIR}/translations/uaip_de.ts)
file(GLOB_RECURSE UAIP_TRANSLATED_SOURCES CONFIGURE_DEPENDS
     ${PROJECT_SOURCE_DIR}/app/*.cpp ${PROJECT_SOURCE_DIR}/app/*.h
     ${PROJECT_SOURCE_DIR}/ui/*.cpp ${PROJECT_SOURCE_DIR}/ui/*.h)
qt_add_translations(uaip_i18n
    TS_FILES ${UAIP_TS_FILES}
    RESOURCE_PREFIX /i18n
    SOURCES ${UAIP_TRANSLATED_SOURCES}
    LUPDATE_OPTIONS -no-obsolete -locations relative)
