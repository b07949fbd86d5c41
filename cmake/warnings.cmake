# Warnings are errors: the toolchain is the first reviewer.
# GCC 12 at -O3 (Release) reports false -Wrestrict errors inside libstdc++ for `"text" + std::string`
# (GCC bugs 105329, 105651), in whichever file the optimiser happens to inline it. The code in base/,
# dsl/ and facts/ is written so that it does not trigger them (the Release build shows no such warning
# there); elsewhere the warning stays a warning in GCC 12 Release builds rather than failing them.
set(baomi_gcc12_restrict "$<AND:$<CXX_COMPILER_ID:GNU>,$<VERSION_LESS:$<CXX_COMPILER_VERSION>,13>,$<CONFIG:Release>>")

function(baomi_target_defaults target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wshadow -pedantic -Werror
                                           $<${baomi_gcc12_restrict}:-Wno-error=restrict>)
  target_include_directories(${target} PUBLIC ${PROJECT_SOURCE_DIR})
endfunction()
