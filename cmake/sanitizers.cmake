# BAOMI_SANITIZE=ON builds everything with ASan and UBSan; any report aborts the test. The same build
# turns on libstdc++'s own precondition checks (_GLIBCXX_ASSERTIONS: bounds of operator[], front() of
# an empty container, …), which abort too: one extra build in CI would cost more than it adds.
if(BAOMI_SANITIZE)
  add_compile_definitions(_GLIBCXX_ASSERTIONS)
  add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
  # -O1 and line tables only, whatever the build type: the sanitized tests start the baomi binary
  # hundreds of times, and at -O0 the header-only libraries under ASan made that suite ~60× slower than
  # Release. Sanitizer reports keep file:line frames. CI's sanitized build (tools/sanitize-flags.sh:
  # clang, with BAOMI_FUZZ) is RelWithDebInfo, whose flags cmake/fuzz.cmake sets without NDEBUG, so
  # assert() stays on.
  add_compile_options(-O1 -g1)
  # GCC 12 reports false -Wmaybe-uninitialized inside <regex> and Boost when sanitizers change its
  # inlining; the regular build keeps the warning as an error.
  add_compile_options($<$<CXX_COMPILER_ID:GNU>:-Wno-maybe-uninitialized>)
endif()
