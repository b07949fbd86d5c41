// The language server on a unit's `extend entity`: an added field is offered after `t.`, hovered
// with its type and doc, and its definition is the `extend` in the unit's document.
#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "tools/lsp/protocol.hpp"
#include "tools/lsp/server.hpp"

using namespace baomi::lsp;
using nlohmann::json;

namespace {

std::string frame(const json& body) {
  auto text = body.dump();
  return "Content-Length: " + std::to_string(text.size()) + "\r\n\r\n" + text;
}

json request(int id, const std::string& method, json params) {
  return {{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", std::move(params)}};
}

// The answers to the requests, by id.
std::map<int, json> serve_all(const std::vector<json>& bodies) {
  std::stringstream in;
  for (const auto& b : bodies) in << frame(b);
  std::stringstream out;
  std::stringstream log;
  // A small baseline of its own: the shipped `travel` stands in for the national schema.
  file_list baseline = {{"rulesets/cn/schema.baomi",
                         "ruleset cn.schema\n\nentity travel in travels key id {\n  id: string \"编号\"\n"
                         "  departs_on: date \"出发日期\"\n}\n"}};
  serve(in, out, log, baseline, "test");
  std::map<int, json> answers;
  while (true) {
    auto m = read_message(out);
    if (m.status != read_status::ok) break;
    auto message = json::parse(m.body);
    if (message.contains("id") && message["id"].is_number()) answers[message["id"].get<int>()] = message;
  }
  return answers;
}

const std::string unit_text =
    "import cn.schema\n"
    "\n"
    "extend entity travel {\n"
    "  reviewed_on: date? \"保密办审查日期\"\n"
    "}\n"
    "\n"
    "rule JYS-010 \"因私出国(境)应先经保密办审查\" {\n"
    "  severity high\n"
    "  cite \"003\" \"保密办\"\n"
    "  for t in travels\n"
    "  require t.reviewed_on is not null\n"
    "}\n";

}  // namespace

BOOST_AUTO_TEST_SUITE(lsp_extend)

BOOST_AUTO_TEST_CASE(an_added_field_is_completed_hovered_and_defined) {
  const std::string uri = "file:///tmp/jys/travel.baomi";
  json doc = {{"uri", uri}};
  json on_field = {{"textDocument", doc}, {"position", {{"line", 10}, {"character", 14}}}};
  json after_dot = {{"textDocument", doc}, {"position", {{"line", 10}, {"character", 12}}}};
  auto answers = serve_all({
      request(1, "initialize", {{"capabilities", json::object()}}),
      {{"jsonrpc", "2.0"},
       {"method", "textDocument/didOpen"},
       {"params", {{"textDocument", {{"uri", uri}, {"languageId", "baomi"}, {"version", 1}, {"text", unit_text}}}}}},
      request(2, "textDocument/hover", on_field),
      request(3, "textDocument/definition", on_field),
      request(4, "textDocument/completion", after_dot),
      request(5, "shutdown", nullptr),
      {{"jsonrpc", "2.0"}, {"method", "exit"}},
  });
  auto hover = answers[2]["result"]["contents"]["value"].get<std::string>();
  BOOST_TEST(hover.find("reviewed_on: date?") != std::string::npos, hover);
  BOOST_TEST(hover.find("保密办审查日期") != std::string::npos, hover);
  BOOST_TEST(hover.find("`extend entity`") != std::string::npos, hover);

  auto definition = answers[3]["result"];
  if (definition.is_array() && !definition.empty()) definition = definition[0];
  BOOST_TEST(definition["uri"] == uri, answers[3].dump());
  BOOST_TEST(definition["range"]["start"]["line"] == 3, answers[3].dump());
  BOOST_TEST(definition["range"]["start"]["character"] == 2, answers[3].dump());

  std::vector<std::string> labels;
  for (const auto& item : answers[4]["result"]) labels.push_back(item["label"]);
  auto has = [&](const std::string& l) { return std::find(labels.begin(), labels.end(), l) != labels.end(); };
  BOOST_TEST(has("reviewed_on"), answers[4].dump());
  BOOST_TEST(has("departs_on"), answers[4].dump());  // the shipped fields stay
}

BOOST_AUTO_TEST_SUITE_END()
