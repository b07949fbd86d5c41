// JSON documents written as they go: the document is dumped with its one large array empty, and the
// array's elements are written into it one at a time, indented as a dump of the whole would be, so
// that the bytes are the same and the whole never exists as a JSON tree or a string.
#pragma once

#include <nlohmann/json.hpp>
#include <ostream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>

#include "engine/findings.hpp"

namespace baomi::reports {

using ordered_json = nlohmann::ordered_json;

/// `value.dump(2)` as the writers print it (invalid UTF-8 replaced).
inline std::string dump_pretty(const ordered_json& value) {
  return value.dump(2, ' ', false, ordered_json::error_handler_t::replace);
}

/// An element of a spliced array already written as JSON text, with `(depth + 1) * 2` spaces after
/// each of its line breaks (see write_spliced).
struct json_text {
  std::string_view text;
};

/// Writes `dump_pretty(doc)` and a newline to `out`, with the elements that `each(emit)` emits in the
/// empty array `key` (a member at `depth`, 1 for the document's own members). `emit` takes an
/// ordered_json or a json_text.
template <class Each>
void write_spliced(std::ostream& out, const ordered_json& doc, std::string_view key, int depth, Each each) {
  auto text = dump_pretty(doc) + "\n";
  // Appended piece by piece: `"\n" + std::string` draws a false warning from GCC 12 at -O3.
  std::string marker(1, '\n');
  marker.append(static_cast<std::size_t>(depth) * 2, ' ').append(1, '"').append(key).append("\": []");
  auto at = text.find(marker);
  if (at == std::string::npos) throw std::logic_error(std::string("write_spliced: no empty array ").append(key));
  auto open = at + marker.size() - 1;  // the `]` of `[]`
  out.write(text.data(), static_cast<std::streamsize>(open));
  const std::string indent(static_cast<std::size_t>(depth + 1) * 2, ' ');
  bool first = true;
  each([&](const auto& element) {
    out << (first ? "\n" : ",\n") << indent;
    first = false;
    if constexpr (std::is_same_v<std::decay_t<decltype(element)>, json_text>) {
      out.write(element.text.data(), static_cast<std::streamsize>(element.text.size()));
    } else {
      auto s = dump_pretty(element);
      std::size_t from = 0;
      for (auto nl = s.find('\n'); nl != std::string::npos; nl = s.find('\n', from)) {
        out.write(s.data() + from, static_cast<std::streamsize>(nl + 1 - from));
        out << indent;
        from = nl + 1;
      }
      out.write(s.data() + from, static_cast<std::streamsize>(s.size() - from));
    }
  });
  if (!first) out << '\n' << std::string(static_cast<std::size_t>(depth) * 2, ' ');
  out.write(text.data() + open, static_cast<std::streamsize>(text.size() - open));
}

/// A finding as the JSON report and NDJSON lines give it (docs/findings.md).
ordered_json finding_json(const engine::finding& f);

/// Appends the text of finding_json(f): `dump_pretty` with `indent` spaces after each line break when
/// `pretty`, else the one-line dump, without building the JSON tree (reports/finding_json.cpp).
void append_finding_json(std::string& out, const engine::finding& f, bool pretty, std::size_t indent);

}  // namespace baomi::reports
