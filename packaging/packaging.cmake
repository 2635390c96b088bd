# Install rules for the desktop integration and the man pages, and the CPack packages
# (.deb and .tar.gz). Included from the top-level CMakeLists.txt; packaging/build-deb.sh runs it.
include(GNUInstallDirs)

set(UAIP_APP_ID org.uaip.Admin)
set(UAIP_RESOURCES ${PROJECT_SOURCE_DIR}/resources)

# Desktop entry, AppStream metainfo (with the project's version), icons.
configure_file(${UAIP_RESOURCES}/desktop/${UAIP_APP_ID}.metainfo.xml
               ${PROJECT_BINARY_DIR}/resources/${UAIP_APP_ID}.metainfo.xml @ONLY)
install(FILES ${UAIP_RESOURCES}/desktop/${UAIP_APP_ID}.desktop
        DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${PROJECT_BINARY_DIR}/resources/${UAIP_APP_ID}.metainfo.xml
        DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
install(FILES ${UAIP_RESOURCES}/icons/${UAIP_APP_ID}.svg
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
foreach(size 16 22 24 32 48 64 128 256)
    install(FILES ${UAIP_RESOURCES}/icons/${UAIP_APP_ID}-${size}.png
            DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps
            RENAME ${UAIP_APP_ID}.png)
endforeach()

# Man pages (with the project's version), compressed as Debian policy wants them.
find_program(GZIP_PROGRAM gzip REQUIRED)
set(UAIP_MAN_PAGES uaip-admin.1 uaip-migrate.1)
set(UAIP_MAN_OUTPUTS)
foreach(page IN LISTS UAIP_MAN_PAGES)
    configure_file(${PROJECT_SOURCE_DIR}/packaging/man/${page} ${PROJECT_BINARY_DIR}/man/${page}
                   @ONLY)
    set(out ${PROJECT_BINARY_DIR}/man/${page}.gz)
    add_custom_command(OUTPUT ${out}
        COMMAND ${GZIP_PROGRAM} -9nf ${PROJECT_BINARY_DIR}/man/${page} -c > ${out}
        DEPENDS ${PROJECT_BINARY_DIR}/man/${page} VERBATIM)
    list(APPEND UAIP_MAN_OUTPUTS ${out})
endforeach()
add_custom_target(uaip_man_pages ALL DEPENDS ${UAIP_MAN_OUTPUTS})
install(FILES ${UAIP_MAN_OUTPUTS} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)

# Licence: the Debian copyright file in the .deb, LICENSE and README in the doc folder.
install(FILES ${PROJECT_SOURCE_DIR}/packaging/debian/copyright
        DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(FILES ${PROJECT_SOURCE_DIR}/LICENSE ${PROJECT_SOURCE_DIR}/README.md
        DESTINATION ${CMAKE_INSTALL_DOCDIR})

# The desktop entry and the AppStream data validate (when the validators are installed).
if(UAIP_BUILD_TESTS)
    find_program(DESKTOP_FILE_VALIDATE desktop-file-validate)
    find_program(APPSTREAMCLI appstreamcli)
    if(DESKTOP_FILE_VALIDATE)
        add_test(NAME packaging_desktop_file
                 COMMAND ${DESKTOP_FILE_VALIDATE} ${UAIP_RESOURCES}/desktop/${UAIP_APP_ID}.desktop)
        # It exits 0 on warnings and hints: any message fails the test.
        set_tests_properties(packaging_desktop_file PROPERTIES FAIL_REGULAR_EXPRESSION ".+")
    endif()
    # The .deb names the packages of what is loaded without being linked (check-depends.cmake).
    find_program(DPKG_QUERY dpkg-query)
    # The driver plugin's imported target (Qt6Sql does not import its plugins in a shared build).
    find_package(Qt6QPSQLDriverPlugin QUIET CONFIG HINTS ${Qt6Sql_DIR})
    if(DPKG_QUERY AND TARGET Qt6::QPSQLDriverPlugin AND TARGET Qt6::qtpaths)
        add_test(NAME packaging_depends
                 COMMAND ${CMAKE_COMMAND} -DCPACK_CONFIG=${PROJECT_BINARY_DIR}/CPackConfig.cmake
                         -DQTPATHS=$<TARGET_FILE:Qt6::qtpaths>
                         -DPLUGIN=$<TARGET_FILE:Qt6::QPSQLDriverPlugin>
                         -P ${PROJECT_SOURCE_DIR}/packaging/check-depends.cmake)
    endif()
    if(APPSTREAMCLI)
        add_test(NAME packaging_appstream
                 COMMAND ${APPSTREAMCLI} validate --no-net --strict
                         ${PROJECT_BINARY_DIR}/resources/${UAIP_APP_ID}.metainfo.xml)
    endif()
endif()

# CPack: uaip-admin_<version>_<arch>.deb and uaip-admin-<version>-Linux.tar.gz.
set(CPACK_PACKAGE_NAME uaip-admin)
set(CPACK_PACKAGE_VENDOR "The UAIP Admin developers")
set(CPACK_PACKAGE_CONTACT "The UAIP Admin developers")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_STRIP_FILES ON)
set(CPACK_GENERATOR DEB TGZ)
set(CPACK_SOURCE_GENERATOR "")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION database)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Packages dpkg-shlibdeps cannot see, because nothing links them: the QPSQL driver plugin every
# Session opens through QSqlDatabase, and Qt's own dialogs in the user's language
# (qtbase_<lang>.qm, which Translations loads at start).
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-psql, qt6-translations-l10n")
# The sandbox runs the system's PostgreSQL server binaries (and contrib's pg_stat_statements and
# pgstattuple for the insights); pg_dump backs up before migrating.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "postgresql, postgresql-client, postgresql-contrib")
# The keychain needs a Secret Service; screenshot mode without a display needs xvfb-run; the
# workload insights prove index advice with hypopg and read pg_qualstats where installed.
set(CPACK_DEBIAN_PACKAGE_SUGGESTS
    "gnome-keyring, xvfb, xauth, postgresql-15-hypopg, postgresql-15-pg-qualstats")
# The synopsis is CPACK_PACKAGE_DESCRIPTION_SUMMARY; CPack indents these lines for the control file.
set(CPACK_PACKAGE_DESCRIPTION "uaip-admin is a Qt desktop console for the PostgreSQL database of
an AI agent platform: apply, roll back and verify its schema migrations,
browse and edit any table at any size, with a private PostgreSQL sandbox
to try things out. uaip-migrate is its command-line twin for scripts and CI/CD.")
include(CPack)
