# Installing baomi and the Debian package (docs/cli.md, "Installing"): the binary, the shipped
# rulesets, an example snapshot, the docs, a man page and bash/zsh completions. The man page and the
# completions are written at build time by the built binary from the same description `--help`
# prints (tools/cmd_help.cpp), so they are never written twice.
#
#   cmake --build build && cmake --install build --prefix /usr/local
#   cd build && cpack -G DEB      # baomi_<version>_<arch>.deb; `apt install ./baomi_*.deb`
if(NOT TARGET baomi)
  return()
endif()
include(GNUInstallDirs)
# `make install` and cpack do not first build every target (the test suites are most of them):
# build `baomi` and `baomi_manual` (or everything) before installing or packaging.
set(CMAKE_SKIP_INSTALL_ALL_DEPENDENCY ON)

set(BAOMI_GENERATED ${CMAKE_BINARY_DIR}/generated)
find_program(BAOMI_GZIP gzip)
set(man_page ${BAOMI_GENERATED}/baomi.1)
set(man_commands COMMAND $<TARGET_FILE:baomi> help --man -o ${man_page})
if(BAOMI_GZIP)
  set(man_installed ${man_page}.gz)
  list(APPEND man_commands COMMAND ${BAOMI_GZIP} -9nf ${man_page})
else()
  set(man_installed ${man_page})
endif()
add_custom_command(
  OUTPUT ${man_installed} ${BAOMI_GENERATED}/baomi.bash ${BAOMI_GENERATED}/_baomi
  COMMAND ${CMAKE_COMMAND} -E make_directory ${BAOMI_GENERATED}
  ${man_commands}
  COMMAND $<TARGET_FILE:baomi> completion bash -o ${BAOMI_GENERATED}/baomi.bash
  COMMAND $<TARGET_FILE:baomi> completion zsh -o ${BAOMI_GENERATED}/_baomi
  DEPENDS baomi
  COMMENT "Writing the man page and shell completions from baomi's --help")
add_custom_target(baomi_manual ALL DEPENDS ${man_installed} ${BAOMI_GENERATED}/baomi.bash ${BAOMI_GENERATED}/_baomi)

install(TARGETS baomi RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/rulesets/ DESTINATION ${CMAKE_INSTALL_DATADIR}/baomi/rulesets)
install(FILES ${PROJECT_SOURCE_DIR}/facts/examples/org.json ${PROJECT_SOURCE_DIR}/facts/examples/waivers.json
        DESTINATION ${CMAKE_INSTALL_DATADIR}/baomi/examples)
file(GLOB baomi_docs ${PROJECT_SOURCE_DIR}/docs/*.md ${PROJECT_SOURCE_DIR}/docs/*.json)
install(FILES ${PROJECT_SOURCE_DIR}/README.md ${baomi_docs} DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(FILES ${man_installed} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${BAOMI_GENERATED}/baomi.bash DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions
        RENAME baomi)
install(FILES ${BAOMI_GENERATED}/_baomi DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions)

# The Debian package. Its dependencies are the shared libraries the binary links (libfmt, libstdc++,
# libc…), found by dpkg-shlibdeps; tests/package/check_package.sh checks that every library the
# binary needs comes from a declared dependency.
set(CPACK_PACKAGE_NAME baomi)
set(CPACK_PACKAGE_VENDOR baomi)
set(CPACK_PACKAGE_CONTACT "baomi maintainers <baomi@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "compliance checker for confidentiality-management regulations (保密)")
set(CPACK_PACKAGE_DESCRIPTION
    "baomi evaluates confidentiality-management rules (涉密人员, 脱密期, 涉密载体, 涉密会议, 出国(境), the yearly "
    "自查自评) against JSON fact snapshots and reports findings that cite the regulation, the entity and the "
    "evidence. The national baseline is built into the binary.")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_GENERATOR DEB)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://github.com/baomi/baomi")
find_program(BAOMI_DPKG_SHLIBDEPS dpkg-shlibdeps)
if(BAOMI_DPKG_SHLIBDEPS)
  set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
else()
  # Debian 12 (bookworm): what dpkg-shlibdeps finds there.
  # libxlsxwriter4: the xlsx report (linked dynamically).
  set(CPACK_DEBIAN_PACKAGE_DEPENDS
      "libc6 (>= 2.34), libfmt9 (>= 9.1.0), libgcc-s1 (>= 3.3.1), libstdc++6 (>= 12), libxlsxwriter4 (>= 1.1.4)")
endif()
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "bash-completion")
set(CPACK_PACKAGE_CHECKSUM SHA256)
include(CPack)
