// The writers behind write_report, one per format (each in its own .cpp).
#pragma once

#include <string>

#include "engine/findings.hpp"
#include "reports/writer.hpp"

namespace baomi::reports {

std::string write_text(const engine::run_result& result, const report_options& options);
std::string write_json(const engine::run_result& result, const report_options& options);
std::string write_sarif(const engine::run_result& result, const report_options& options);
std::string write_junit(const engine::run_result& result, const report_options& options);

}  // namespace baomi::reports
