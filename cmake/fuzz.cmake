# BAOMI_FUZZ=ON builds the libFuzzer targets in tests/fuzz/ (clang only): every library is compiled
# with coverage instrumentation for libFuzzer plus ASan and UBSan, and any sanitizer report aborts.
# Build only the fuzz targets (tests/fuzz/run.sh does): the libraries they need follow.
if(BAOMI_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "BAOMI_FUZZ needs clang (e.g. -DCMAKE_CXX_COMPILER=clang++-14)")
  endif()
  # -O1 with line tables only: an order of magnitude faster to compile than -O2 -g under the
  # sanitizers (CI builds it every run), and enough for the sanitizers' stack traces. assert() stays on.
  set(CMAKE_CXX_FLAGS_RELWITHDEBINFO "-O1 -gline-tables-only" CACHE STRING "" FORCE)
  add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
endif()

# baomi_fuzz_target(NAME SOURCES… LIBS libraries…): with BAOMI_FUZZ the libFuzzer executable
# fuzz_NAME; otherwise fuzz_NAME_replay, the same target with a main that runs it on files, and the
# CTest fuzz_NAME_replay that runs it on the regression corpus tests/fuzz/regressions/NAME/.
function(baomi_fuzz_target name)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "" "SOURCES;LIBS;REPLAY")
  if(BAOMI_FUZZ)
    set(target fuzz_${name})
    add_executable(${target} ${arg_SOURCES})
    target_link_options(${target} PRIVATE -fsanitize=fuzzer)
  else()
    set(target fuzz_${name}_replay)
    add_executable(${target} ${arg_SOURCES} ${CMAKE_CURRENT_SOURCE_DIR}/replay_main.cpp)
    add_test(NAME ${target} COMMAND ${target} ${CMAKE_CURRENT_SOURCE_DIR}/regressions/${name} ${arg_REPLAY})
    set_tests_properties(${target} PROPERTIES WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
  endif()
  baomi_target_defaults(${target})
  target_link_libraries(${target} PRIVATE ${arg_LIBS})
  target_compile_definitions(${target} PRIVATE BAOMI_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
endfunction()
