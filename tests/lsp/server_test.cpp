// The server loop on streams: the protocol's error answers (bad JSON, unknown method, a request
// before initialize, a document that is not open), diagnostics of an unparsable document, and the
// exit status (0 only after shutdown).
#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "tools/lsp/protocol.hpp"
#include "tools/lsp/server.hpp"

using namespace baomi::lsp;
using nlohmann::json;

namespace {

std::string frame(const std::string& body) {
  return "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

struct session {
  int code = -1;
  std::vector<json> messages;
  std::string log;
};

session serve_all(const std::vector<std::string>& bodies) {
  std::stringstream in;
  for (const auto& b : bodies) in << frame(b);
  std::stringstream out;
  std::stringstream log;
  session s;
  s.code = serve(in, out, log, {}, "test");
  while (true) {
    auto m = read_message(out);
    if (m.status != read_status::ok) break;
    s.messages.push_back(json::parse(m.body));
  }
  s.log = log.str();
  return s;
}

const std::string initialize = R"({"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}})";

}  // namespace

BOOST_AUTO_TEST_SUITE(lsp_server)

BOOST_AUTO_TEST_CASE(answers_protocol_errors) {
  auto s = serve_all({
      R"({"jsonrpc":"2.0","id":0,"method":"textDocument/hover","params":{}})",
      initialize,
      "{not json",
      R"({"jsonrpc":"2.0","id":2,"method":"workspace/unknown","params":{}})",
      R"({"jsonrpc":"2.0","id":3,"method":"textDocument/hover","params":{"textDocument":{"uri":"file:///x.baomi"},"position":{"line":0,"character":0}}})",
      R"({"jsonrpc":"2.0","method":"exit"})",
  });
  BOOST_REQUIRE(s.messages.size() == 5u);
  BOOST_TEST(s.messages[0]["error"]["code"] == -32002);  // not initialized
  BOOST_TEST(s.messages[1]["result"]["capabilities"]["textDocumentSync"]["change"] == 2);
  BOOST_TEST(s.messages[2]["error"]["code"] == -32700);
  BOOST_TEST(s.messages[2]["id"].is_null());
  BOOST_TEST(s.messages[3]["error"]["code"] == -32601);
  BOOST_TEST(s.messages[4]["error"]["code"] == -32602);  // the document is not open
  BOOST_TEST(s.code == 1);                               // exit without shutdown
}

BOOST_AUTO_TEST_CASE(publishes_the_parse_error_of_an_open_document) {
  auto s = serve_all({
      initialize,
      R"({"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///tmp/a.baomi","languageId":"baomi","version":7,"text":"# 注释\nparam x: int = \n"}}})",
      R"({"jsonrpc":"2.0","id":2,"method":"textDocument/formatting","params":{"textDocument":{"uri":"file:///tmp/a.baomi"},"options":{}}})",
      R"({"jsonrpc":"2.0","id":3,"method":"shutdown"})",
      R"({"jsonrpc":"2.0","method":"exit"})",
  });
  BOOST_REQUIRE(s.messages.size() == 4u);
  const auto& published = s.messages[1];
  BOOST_TEST(published["method"] == "textDocument/publishDiagnostics");
  BOOST_TEST(published["params"]["version"] == 7);
  BOOST_REQUIRE(published["params"]["diagnostics"].size() == 1u);
  const auto& d = published["params"]["diagnostics"][0];
  BOOST_TEST(d["code"] == "E0104");
  BOOST_TEST(d["range"]["start"]["line"] == 2);          // after `=`, at the end of the text
  BOOST_TEST(s.messages[2]["result"] == json::array());  // nothing to format in text that does not parse
  BOOST_TEST(s.messages[3]["result"].is_null());
  BOOST_TEST(s.code == 0);
}

BOOST_AUTO_TEST_CASE(a_broken_header_ends_the_session) {
  std::stringstream in("Content-Length: x\r\n\r\n{}");
  std::stringstream out;
  std::stringstream log;
  BOOST_TEST(serve(in, out, log, {}, "test") == 1);
  BOOST_TEST(log.str() == "baomi lsp: invalid Content-Length\n");
}

BOOST_AUTO_TEST_SUITE_END()
