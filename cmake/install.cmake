# Installation and packaging: binaries, the static library with its public
# headers and a pkg-config file, man pages generated from --help (help2man),
# the built-in pattern packs (for reference and as a base for --rules), the
# systemd unit and the shipper examples; `cpack` builds a .deb.
include(GNUInstallDirs)

install(TARGETS phiscrub RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
if(TARGET phiscrubd)
  install(TARGETS phiscrubd RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
  install(FILES ${PROJECT_SOURCE_DIR}/packaging/phiscrubd.service
          DESTINATION lib/systemd/system)
endif()
install(TARGETS phiscrub_core ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/lib/include/phiscrub
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
configure_file(${PROJECT_SOURCE_DIR}/packaging/phiscrub.pc.in
               ${CMAKE_BINARY_DIR}/phiscrub.pc @ONLY)
install(FILES ${CMAKE_BINARY_DIR}/phiscrub.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
# The packs are compiled into the binaries; these copies document them.
install(DIRECTORY ${PROJECT_SOURCE_DIR}/patterns/
        DESTINATION ${CMAKE_INSTALL_DATADIR}/phiscrub/patterns)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/examples/
        DESTINATION ${CMAKE_INSTALL_DOCDIR}/examples)
install(FILES ${PROJECT_SOURCE_DIR}/README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})

# Man pages from the --help text (help2man, installed by scripts/deps.sh).
find_program(HELP2MAN help2man)
if(HELP2MAN AND NOT PHISCRUB_SANITIZE AND NOT PHISCRUB_FUZZ)
  set(man_pages)
  foreach(prog phiscrub phiscrubd)
    if(NOT TARGET ${prog})
      continue()
    endif()
    if(prog STREQUAL "phiscrub")
      set(what "redact PHI from text, logs and JSON")
    else()
      set(what "PHI redaction sidecar (HTTP API, TCP relay)")
    endif()
    set(page ${CMAKE_BINARY_DIR}/man/${prog}.1)
    add_custom_command(
      OUTPUT ${page}
      COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/man
      COMMAND ${HELP2MAN} --no-info --no-discard-stderr --section=1 "--name=${what}"
              --output=${page} $<TARGET_FILE:${prog}>
      DEPENDS ${prog}
      COMMENT "Man page ${prog}.1 (help2man)"
      VERBATIM)
    list(APPEND man_pages ${page})
  endforeach()
  add_custom_target(man ALL DEPENDS ${man_pages})
  install(FILES ${man_pages} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
else()
  message(WARNING "help2man not found: no man pages (scripts/deps.sh installs it)")
endif()

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME phiscrub)
set(CPACK_PACKAGE_VENDOR "phiscrub")
set(CPACK_PACKAGE_CONTACT "phiscrub maintainers <phiscrub@example.com>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Real-time PHI redaction: CLI, sidecar and library")
set(CPACK_PACKAGE_DESCRIPTION
    "phiscrub redacts protected health information (SSNs, phone numbers, e-mail addresses, names, ...) from text, logs, JSON and transcripts: a CLI for pipes and log shippers, the phiscrubd sidecar (HTTP API, TCP relay) and a static C++ library.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)  # Depends from the binaries (dpkg-shlibdeps)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://example.com/phiscrub")
include(CPack)
