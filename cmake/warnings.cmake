# Warnings are errors: the toolchain is the first reviewer.
# GCC 12 at -O3 (Release) reports false positives inside libstdc++'s std::string for code such as
# `"text" + std::string` or a moved string in a vector's growth: -Wrestrict (GCC bugs 105329, 105651),
# -Wstringop-overflow (105545, 106199) and -Warray-bounds (107852), in whichever file the optimiser
# happens to inline them; precompiled headers move them between files. In GCC 12 Release builds
# these three stay warnings (printed, not fatal); every other warning, and these in every other
# compiler or build type (CI's sanitized clang build, RelWithDebInfo), fail the build.
set(baomi_gcc12_o3 "$<AND:$<CXX_COMPILER_ID:GNU>,$<VERSION_LESS:$<CXX_COMPILER_VERSION>,13>,$<CONFIG:Release>>")

function(baomi_target_defaults target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wshadow -pedantic -Werror
                                           $<${baomi_gcc12_o3}:-Wno-error=restrict -Wno-error=stringop-overflow
                                                               -Wno-error=array-bounds>)
  target_include_directories(${target} PUBLIC ${PROJECT_SOURCE_DIR})
endfunction()
