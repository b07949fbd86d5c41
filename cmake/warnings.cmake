# Warnings are errors: the toolchain is the first reviewer.
function(baomi_target_defaults target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wshadow -pedantic -Werror)
  target_include_directories(${target} PUBLIC ${PROJECT_SOURCE_DIR})
endfunction()
