// One SARIF result, two ways: result_json builds the nlohmann tree the SARIF report's results follow,
// append_result writes the same bytes directly (what stream_sarif uses; tests/reports compare them).
#pragma once

#include <cstddef>
#include <string>

#include "engine/findings.hpp"
#include "reports/json_stream.hpp"

namespace baomi::reports {

ordered_json result_json(const engine::finding& f, std::size_t rule_index, const std::string& snapshot);

/// result_json(f, …) as `dump_pretty` writes it, with `indent` spaces after each line break.
void append_result(std::string& out, const engine::finding& f, std::size_t rule_index, const std::string& snapshot,
                   std::size_t indent);

}  // namespace baomi::reports
