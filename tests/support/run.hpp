// Running the built `baomi` binary from the repository root, for the command-line tests.
#pragma once

#include <string>

namespace baomi::testing {

struct run_output {
  int code = -1;    // the exit status, -1 when it did not exit normally
  std::string out;  // stdout, then stderr when merged
};

/// Runs `baomi ARGS` in the repository root; stderr is merged into `out` when `merge`, else dropped.
run_output run_baomi(const std::string& args, bool merge = true);

}  // namespace baomi::testing
