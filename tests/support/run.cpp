// Runs the `baomi` binary under test through the shell and captures what it prints.
#include "tests/support/run.hpp"

#include <sys/wait.h>
#include <array>
#include <cstdio>

#include "tests/support/golden.hpp"

namespace baomi::testing {

run_output run_baomi(const std::string& args, bool merge) {
  std::string command =
      "cd '" + source_root().string() + "' && '" + BAOMI_BINARY + "' " + args + (merge ? " 2>&1" : " 2>/dev/null");
  run_output r;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return r;
  std::array<char, 4096> buffer{};
  std::size_t n = 0;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) r.out.append(buffer.data(), n);
  int status = pclose(pipe);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

}  // namespace baomi::testing
