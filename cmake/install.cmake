# install.cmake — what `cmake --install` puts where (GNU install dirs), and the Debian package
# `cpack -G DEB` makes of the same install. Included by CMakeLists.txt when the game is built.
#
#   bin/stardust                                  the game (Debian's package: games/stardust)
#   share/stardust/levels/, share/stardust/assets/  its data (src/core/base/datadir.h finds it;
#                                                 Debian's package: share/games/stardust/)
#   share/applications/<id>.desktop               the menu entry          (dist/)
#   share/metainfo/<id>.metainfo.xml              AppStream metainfo      (dist/)
#   share/icons/hicolor/*/apps/<id>.{svg,png}     the icon                (dist/icons, tools/build_icons.sh)
#   share/man/man6/stardust.6.gz                  the manual page         (tools/manpage.c, src/help.c)
#   share/doc/stardust/                           copyright, changelog, README
#
# docs/design.md, "Installing and packaging", says why the package is made by cpack.

install(TARGETS stardust RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY ${CMAKE_SOURCE_DIR}/levels/ DESTINATION ${STARDUST_INSTALL_DATADIR}/levels)
# The art's sources (assets/src) stay in the source tree: the game reads only the PNGs, sounds and font.
# A system that has the font (Debian: fonts-dejavu-core, the same file) gets a link to it instead.
set(STARDUST_SYSTEM_FONT "" CACHE FILEPATH
    "Install a link to this file in place of assets/fonts/DejaVuSans-Bold.ttf (the package depends on its owner)")
if(STARDUST_SYSTEM_FONT)
  install(DIRECTORY ${CMAKE_SOURCE_DIR}/assets/ DESTINATION ${STARDUST_INSTALL_DATADIR}/assets
    PATTERN src EXCLUDE PATTERN DejaVuSans-Bold.ttf EXCLUDE)
  file(RELATIVE_PATH _font_link ${STARDUST_FULL_DATADIR}/assets/fonts ${STARDUST_SYSTEM_FONT})
  install(CODE "file(CREATE_LINK ${_font_link}
                     \$ENV{DESTDIR}${STARDUST_FULL_DATADIR}/assets/fonts/DejaVuSans-Bold.ttf SYMBOLIC)
                message(STATUS \"Linking: \$ENV{DESTDIR}${STARDUST_FULL_DATADIR}/assets/fonts/DejaVuSans-Bold.ttf -> ${_font_link}\")")
  set(CPACK_DEBIAN_PACKAGE_DEPENDS fonts-dejavu-core)
else()
  install(DIRECTORY ${CMAKE_SOURCE_DIR}/assets/ DESTINATION ${STARDUST_INSTALL_DATADIR}/assets PATTERN src EXCLUDE)
endif()

install(FILES ${CMAKE_SOURCE_DIR}/dist/${STARDUST_APP_ID}.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${CMAKE_SOURCE_DIR}/dist/${STARDUST_APP_ID}.metainfo.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
install(DIRECTORY ${CMAKE_SOURCE_DIR}/dist/icons/hicolor DESTINATION ${CMAKE_INSTALL_DATADIR}/icons)

# Debian wants manual pages and changelogs compressed, and reproducibly (no name, no time stamp).
find_program(GZIP gzip REQUIRED)
add_custom_command(OUTPUT ${CMAKE_BINARY_DIR}/stardust.6.gz
  COMMAND ${GZIP} -9nc ${CMAKE_BINARY_DIR}/stardust.6 > ${CMAKE_BINARY_DIR}/stardust.6.gz
  DEPENDS ${CMAKE_BINARY_DIR}/stardust.6 VERBATIM)
add_custom_command(OUTPUT ${CMAKE_BINARY_DIR}/changelog.gz
  COMMAND ${GZIP} -9nc ${CMAKE_SOURCE_DIR}/dist/debian/changelog > ${CMAKE_BINARY_DIR}/changelog.gz
  DEPENDS ${CMAKE_SOURCE_DIR}/dist/debian/changelog VERBATIM)
add_custom_target(install_files ALL DEPENDS ${CMAKE_BINARY_DIR}/stardust.6.gz ${CMAKE_BINARY_DIR}/changelog.gz)
install(FILES ${CMAKE_BINARY_DIR}/stardust.6.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man6)
install(FILES ${CMAKE_SOURCE_DIR}/dist/debian/copyright ${CMAKE_BINARY_DIR}/changelog.gz ${CMAKE_SOURCE_DIR}/README.md
  DESTINATION ${CMAKE_INSTALL_DOCDIR})

# The changelog's newest entry must be this version: the package's version comes from project().
file(STRINGS ${CMAKE_SOURCE_DIR}/dist/debian/changelog _head LIMIT_COUNT 1)
if(NOT _head MATCHES "^stardust \\(${PROJECT_VERSION}\\) ")
  message(FATAL_ERROR "dist/debian/changelog:1: the newest entry is \"${_head}\", not version ${PROJECT_VERSION} "
                      "of project() in CMakeLists.txt: add an entry for it")
endif()

file(STRINGS ${CMAKE_SOURCE_DIR}/dist/${STARDUST_APP_ID}.metainfo.xml _release REGEX "<release " LIMIT_COUNT 1)
if(NOT _release MATCHES "version=\"${PROJECT_VERSION}\"")
  message(FATAL_ERROR "dist/${STARDUST_APP_ID}.metainfo.xml: the newest <release> is not version ${PROJECT_VERSION} "
                      "of project() in CMakeLists.txt: add a <release> for it")
endif()

# ---------------------------------------------------------------- the Debian package: cpack -G DEB
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME stardust)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "The Stardust Serenade authors")
set(CPACK_PACKAGE_CONTACT "The Stardust Serenade authors <authors@stardustserenade.org>")
set(CPACK_PACKAGING_INSTALL_PREFIX ${CMAKE_INSTALL_PREFIX})
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION games)
# Self-voicing speaks through speech-dispatcher, else espeak-ng, loaded at run time: the game runs
# without either.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "speech-dispatcher | espeak-ng")
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)
# The SDL2 runtime libraries (and cJSON's) the binary links, as dpkg-shlibdeps finds them.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
# cpack indents the lines after the summary and writes an empty one as " ."
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "point-and-click adventure on a film set
Studio B at Culver Studios, hot as an inferno. Alistair Rhys Fairbanks, once
the Maestro of Mayhem, is three weeks into shooting a musical sci-fi romance,
and the mirrored disco ball above the set refuses to spin. Talk the gaffer and
the production assistant through it, wake the electrician, find what is
jamming the motor up on the catwalk, and call Action!

A hand-drawn 2D adventure played with the mouse, the keyboard alone or a game
controller, in English or German, with saves, hints from a wall phone, music
and sound, and self-voicing for players who would rather listen. The same program checks, replays and solves its
level files headless, and has its own level editor.")
include(CPack)
