// Fuzz target: the `.baomi` parser and formatter. Any text must parse or give diagnostics, and a
// module that parses must format to text that parses to the same AST (equal dumps), formatting
// idempotently.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "dsl/ast.hpp"
#include "dsl/formatter.hpp"
#include "dsl/parser.hpp"
#include "dsl/source.hpp"

namespace {

[[noreturn]] void fail(const char* what, const std::string& a, const std::string& b) {
  std::fprintf(stderr, "round trip broken: %s\n--- first\n%s\n--- second\n%s\n", what, a.c_str(), b.c_str());
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace baomi::dsl;
  source_file source("fuzz.baomi", std::string(reinterpret_cast<const char*>(data), size));
  auto parsed = parse(source);
  if (!parsed.module) return 0;
  auto dumped = ast::dump(*parsed.module);
  auto formatted = format(*parsed.module, source);
  source_file again("fuzz.formatted.baomi", formatted);
  auto reparsed = parse(again);
  if (!reparsed.module) fail("formatted text does not parse", source.text(), formatted);
  auto redumped = ast::dump(*reparsed.module);
  if (redumped != dumped) fail("formatted text parses to another AST", dumped, redumped);
  auto reformatted = format(*reparsed.module, again);
  if (reformatted != formatted) fail("formatting is not idempotent", formatted, reformatted);
  return 0;
}
