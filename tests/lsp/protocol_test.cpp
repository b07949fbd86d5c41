// The language server's wire format and positions: Content-Length framing, and LSP positions in
// UTF-16 code units converted to and from byte offsets in Chinese text and astral characters.
#include <boost/test/unit_test.hpp>
#include <sstream>
#include <string>

#include "tools/lsp/protocol.hpp"
#include "tools/lsp/workspace.hpp"

using namespace baomi::lsp;

BOOST_AUTO_TEST_SUITE(lsp_protocol)

BOOST_AUTO_TEST_CASE(reads_framed_messages_in_sequence) {
  std::string first = R"({"jsonrpc":"2.0","id":1,"method":"initialize","params":{"a":"涉密"}})";
  std::string second = R"({"jsonrpc":"2.0","method":"exit"})";
  std::stringstream in;
  in << "Content-Length: " << first.size() << "\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n"
     << first << "content-length:" << second.size() << "\r\n\r\n"
     << second;
  auto a = read_message(in);
  BOOST_TEST((a.status == read_status::ok));
  BOOST_TEST(a.body == first);  // the length counts bytes, not characters
  auto b = read_message(in);
  BOOST_TEST((b.status == read_status::ok));
  BOOST_TEST(b.body == second);
  BOOST_TEST((read_message(in).status == read_status::end_of_input));
}

BOOST_AUTO_TEST_CASE(rejects_bad_headers_and_short_bodies) {
  std::stringstream missing("Content-Type: x\r\n\r\n{}");
  BOOST_TEST((read_message(missing).status == read_status::bad_header));
  std::stringstream garbage("Content-Length: 12x\r\n\r\n{}");
  auto g = read_message(garbage);
  BOOST_TEST((g.status == read_status::bad_header));
  BOOST_TEST(g.error == "invalid Content-Length");
  std::stringstream cut("Content-Length: 10\r\n\r\n{}");
  BOOST_TEST((read_message(cut).status == read_status::bad_header));
  std::stringstream no_colon("Content-Length 2\r\n\r\n{}");
  BOOST_TEST((read_message(no_colon).status == read_status::bad_header));
}

BOOST_AUTO_TEST_CASE(writes_the_byte_length) {
  std::stringstream out;
  write_message(out, R"({"m":"保密"})");
  BOOST_TEST(out.str() == "Content-Length: 14\r\n\r\n{\"m\":\"保密\"}");
}

BOOST_AUTO_TEST_CASE(positions_count_utf16_code_units) {
  // 保 and 密 are 3 bytes and 1 UTF-16 unit each; 𠀀 (U+20000) is 4 bytes and 2 units.
  std::string text = "ab\n保密x\r\n𠀀y\n";
  line_index lines(text);
  BOOST_TEST((lines.position_of(0) == position{0, 0}));
  BOOST_TEST((lines.position_of(3) == position{1, 0}));
  BOOST_TEST((lines.position_of(6) == position{1, 1}));   // after 保
  BOOST_TEST((lines.position_of(9) == position{1, 2}));   // after 密
  BOOST_TEST((lines.position_of(10) == position{1, 3}));  // before \r
  BOOST_TEST((lines.position_of(12) == position{2, 0}));
  BOOST_TEST((lines.position_of(16) == position{2, 2}));  // after 𠀀
  BOOST_TEST((lines.position_of(4) == position{1, 0}));   // inside 保: its start
  BOOST_TEST((lines.end() == position{3, 0}));

  BOOST_TEST(lines.offset_of({1, 1}) == 6u);
  BOOST_TEST(lines.offset_of({1, 2}) == 9u);
  BOOST_TEST(lines.offset_of({1, 99}) == 10u);  // clamps before the line's \r\n
  BOOST_TEST(lines.offset_of({2, 1}) == 12u);   // inside the surrogate pair: before 𠀀
  BOOST_TEST(lines.offset_of({2, 2}) == 16u);
  BOOST_TEST(lines.offset_of({2, 3}) == 17u);
  BOOST_TEST(lines.offset_of({9, 0}) == text.size());
  for (std::size_t offset : {0u, 3u, 6u, 9u, 12u, 16u, 17u}) {
    BOOST_TEST(lines.offset_of(lines.position_of(offset)) == offset);
  }
}

BOOST_AUTO_TEST_CASE(incremental_changes_replace_utf16_ranges) {
  workspace ws(file_list{});
  ws.open("file:///tmp/a.baomi", "# 涉密人员\nparam x: int = 1\n", 1);
  // Replace 人员 (UTF-16 characters 4–6 of line 0) with 载体, then insert on line 1.
  ws.change("file:///tmp/a.baomi", std::pair{position{0, 4}, position{0, 6}}, "载体", 2);
  ws.change("file:///tmp/a.baomi", std::pair{position{1, 15}, position{1, 16}}, "42", 3);
  const auto* doc = ws.find("file:///tmp/a.baomi");
  BOOST_REQUIRE(doc != nullptr);
  BOOST_TEST(doc->text == "# 涉密载体\nparam x: int = 42\n");
  BOOST_TEST(doc->version == 3);
  ws.change("file:///tmp/a.baomi", std::nullopt, "param y: int = 2\n", 4);
  BOOST_TEST(ws.find("file:///tmp/a.baomi")->text == "param y: int = 2\n");
}

BOOST_AUTO_TEST_CASE(file_uris_round_trip) {
  BOOST_TEST(path_of_uri("file:///work/%E4%BF%9D%E5%AF%86/a%20b.baomi") == "/work/保密/a b.baomi");
  BOOST_TEST(uri_of_path("/work/保密/a b.baomi") == "file:///work/%E4%BF%9D%E5%AF%86/a%20b.baomi");
  BOOST_TEST(path_of_uri("untitled:Untitled-1").empty());
}

BOOST_AUTO_TEST_SUITE_END()
