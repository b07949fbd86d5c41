// Store building blocks: the string pool, the key index, positions and message text helpers.
#include <boost/test/unit_test.hpp>

#include <string>

#include "facts/internal/equal_bytes.hpp"
#include "facts/internal/json_input.hpp"
#include "facts/internal/json_lexer.hpp"
#include "facts/internal/text.hpp"
#include "facts/key_index.hpp"
#include "facts/string_pool.hpp"

namespace facts = baomi::facts;

BOOST_AUTO_TEST_SUITE(store)

// Every length around the 4-, 8- and 16-byte word paths, with one byte changed at each position
// (the first and last words overlap, so each position must be covered by one of them).
BOOST_AUTO_TEST_CASE(equal_bytes_sees_every_byte) {
  for (std::size_t n = 0; n <= 40; ++n) {
    std::string a(n, 'a');
    for (std::size_t i = 0; i < n; ++i) a[i] = static_cast<char>('a' + i % 26);
    std::string b = a;
    BOOST_TEST(facts::equal_bytes(a, b));
    BOOST_TEST(!facts::equal_bytes(a, a + "x"));
    for (std::size_t i = 0; i < n; ++i) {
      b[i] = '#';
      BOOST_TEST(!facts::equal_bytes(a, b), "length " << n << ", byte " << i);
      b[i] = a[i];
    }
  }
}

BOOST_AUTO_TEST_CASE(string_pool_interns_once) {
  facts::string_pool pool;
  BOOST_TEST(pool.intern("") == 0u);
  auto a = pool.intern("张三");
  BOOST_TEST(pool.intern("张三") == a);
  BOOST_TEST(pool.intern("张三 ") != a);
  BOOST_TEST(pool.view(a) == "张三");
  BOOST_TEST(pool.find("张三").value() == a);
  BOOST_TEST(!pool.find("李四").has_value());
}

BOOST_AUTO_TEST_CASE(string_pool_keeps_views_through_growth_and_long_strings) {
  facts::string_pool pool;
  std::string long_text(3'000'000, 'x');
  auto first = pool.intern("first");
  auto big = pool.intern(long_text);
  std::vector<std::uint32_t> ids;
  for (int i = 0; i < 300'000; ++i) ids.push_back(pool.intern(std::string("P").append(std::to_string(i))));
  auto big2 = pool.intern(long_text + "y");
  BOOST_TEST(pool.view(first) == "first");
  BOOST_TEST(pool.view(big).size() == long_text.size());
  BOOST_TEST(pool.intern(long_text) == big);
  BOOST_TEST(pool.view(big2).back() == 'y');
  for (int i = 0; i < 300'000; i += 997) {
    BOOST_TEST(pool.intern(std::string("P").append(std::to_string(i))) == ids[static_cast<std::size_t>(i)]);
    BOOST_TEST(pool.view(ids[static_cast<std::size_t>(i)]) == std::string("P").append(std::to_string(i)));
  }
  BOOST_TEST(pool.size() == 300'004u);
}

BOOST_AUTO_TEST_CASE(key_index_keeps_the_first_row) {
  facts::key_index index;
  BOOST_TEST(!index.find(7).has_value());
  for (std::uint32_t k = 0; k < 10'000; ++k) BOOST_TEST(index.insert(k * 3, k) == k);
  BOOST_TEST(index.insert(30, 99) == 10u);
  BOOST_TEST(index.find(30).value() == 10u);
  BOOST_TEST(!index.find(31).has_value());
  BOOST_TEST(index.size() == 10'000u);
}

BOOST_AUTO_TEST_CASE(positions_count_code_points) {
  facts::position_finder finder({0, 3, 9, 10, 100});
  finder.feed("ab\n张三x");  // 张 and 三 are 3 bytes each
  finder.feed("\nz");
  auto positions = finder.finish();
  BOOST_TEST(positions.size() == 5u);
  BOOST_TEST((positions[0] == std::pair<std::size_t, std::size_t>(1, 1)));
  BOOST_TEST((positions[1] == std::pair<std::size_t, std::size_t>(2, 1)));
  BOOST_TEST((positions[2] == std::pair<std::size_t, std::size_t>(2, 3)));  // x
  BOOST_TEST((positions[3] == std::pair<std::size_t, std::size_t>(2, 4)));  // the newline
  BOOST_TEST((positions[4] == std::pair<std::size_t, std::size_t>(3, 2)));  // past the end
}

BOOST_AUTO_TEST_CASE(the_lexer_gives_token_starts_and_last_bytes) {
  std::string text = R"(["a\"b\\", 12, true])";
  facts::json_input input(text);
  facts::json_lexer lexer(input);
  BOOST_TEST((lexer.next() == facts::json_token::begin_array));
  BOOST_TEST((lexer.next() == facts::json_token::value_string));
  BOOST_TEST(lexer.token_start() == 1u);
  BOOST_TEST(lexer.last_offset() == 8u);  // the closing quote
  BOOST_TEST(lexer.text() == "a\"b\\");
  BOOST_TEST((lexer.next() == facts::json_token::value_separator));
  BOOST_TEST((lexer.next() == facts::json_token::value_unsigned));
  BOOST_TEST(lexer.token_start() == 11u);
  BOOST_TEST(lexer.last_offset() == 12u);
  BOOST_TEST(lexer.unsigned_value() == 12u);
  lexer.next();
  BOOST_TEST((lexer.next() == facts::json_token::literal_true));
  BOOST_TEST(lexer.token_start() == 15u);
  BOOST_TEST((lexer.next() == facts::json_token::end_array));
  BOOST_TEST((lexer.next() == facts::json_token::end_of_input));
  BOOST_TEST(lexer.last_offset() == text.size());
}

BOOST_AUTO_TEST_CASE(message_text_is_quoted_and_valid_utf8) {
  BOOST_TEST(facts::quote("a\"b") == R"("a\"b")");
  BOOST_TEST(facts::clean_utf8("ok\xff张") == "ok\\xFF张");
  BOOST_TEST(facts::quote(std::string(100, 'x')) == "\"" + std::string(80, 'x') + "…\"");
}

BOOST_AUTO_TEST_SUITE_END()
