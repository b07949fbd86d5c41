// Private to the loader: a JSON Lines folder read as the events of the equivalent JSON document.
#pragma once

#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/language.hpp"
#include "facts/internal/json_input.hpp"
#include "facts/internal/json_reader.hpp"
#include "facts/issue.hpp"
#include "facts/schema.hpp"

namespace baomi::facts {

/// One `NAME.jsonl` file of a folder snapshot. `base` is the offset its first byte has in the
/// offsets the handler sees (the header first, then each file read, one byte apart), set when read.
struct jsonl_file {
  std::string name;  // NAME: the collection it should hold
  std::filesystem::path path;
  std::size_t base = 0;
  bool read = false;
};

/// An issue the reader finds itself (a collection member in the header), added after reading.
struct jsonl_issue {
  std::string_view code;
  std::string pointer;
  std::size_t offset = 0;
  std::string message;
};

/// A folder snapshot: `snapshot.json` (the header: as_of, org, $schema) and the `.jsonl` files in
/// byte order of their names. The reader fills in the bases, `issues` and `read_failed`.
struct jsonl_source {
  const facts::schema* schema = nullptr;
  std::filesystem::path header;
  std::vector<jsonl_file> files;
  std::vector<jsonl_issue> issues;
  bool read_failed = false;
};

/// Lists `dir`: the header's path (whether it exists or not) and its `.jsonl` files, sorted.
jsonl_source list_jsonl_folder(const std::filesystem::path& dir, const schema& s);

/// Passes the header's events on, except a collection member (reported and skipped) and the closing
/// `}` of the top object (the collections follow it).
template <typename Handler>
struct jsonl_header_filter {
  Handler& out;
  jsonl_source& source;
  const token_place& place;
  std::size_t depth = 0;       // open containers, skipped ones not counted
  std::size_t skip_depth = 0;  // open containers inside the skipped member
  bool skipping = false;       // the value of a collection member is being skipped
  bool top_is_object = false;

  bool open(bool is_object) {
    if (skipping) return ++skip_depth, true;
    if (depth++ == 0) top_is_object = is_object;
    return is_object ? out.start_object() : out.start_array();
  }
  bool close(bool is_object) {
    if (skipping) {
      skipping = --skip_depth > 0;
      return true;
    }
    if (--depth == 0 && top_is_object) return true;
    return is_object ? out.end_object() : out.end_array();
  }
  bool scalar() {
    if (skipping && skip_depth == 0) skipping = false;
    return true;
  }
  bool null() { return skipping ? scalar() : out.null(); }
  bool boolean(bool v) { return skipping ? scalar() : out.boolean(v); }
  bool number_integer(std::int64_t v) { return skipping ? scalar() : out.number_integer(v); }
  bool number_unsigned(std::uint64_t v) { return skipping ? scalar() : out.number_unsigned(v); }
  bool number_float(double v, std::string_view text) { return skipping ? scalar() : out.number_float(v, text); }
  bool string(std::string_view v) { return skipping ? scalar() : out.string(v); }
  bool start_object() { return open(true); }
  bool start_array() { return open(false); }
  bool end_object() { return close(true); }
  bool end_array() { return close(false); }
  bool key(std::string_view name) {
    if (skipping) return true;
    if (depth == 1 && top_is_object && source.schema->find_collection(name)) {
      std::string pointer = "/" + std::string(name);
      source.issues.push_back(
          {codes::collection_in_header, pointer, place.start,
           base::say("快照头文件 {} 不应包含集合 {}，其内容被忽略；集合应写在 {}.jsonl 中",
                     "the snapshot header {} must not hold collection {}; it is ignored; write it to {}.jsonl",
                     source.header.filename().string(), name, name)});
      skipping = true;
      skip_depth = 0;
      return true;
    }
    return out.key(name);
  }
  bool parse_error(std::size_t offset, const std::string& message) { return out.parse_error(offset, message); }
};

bool jsonl_blank(std::string_view line);
std::string jsonl_blank_message();

/// Reads one `.jsonl` file into `handler` as the elements of an array: each line is parsed as one
/// JSON text (with its own line numbers), a blank line is a parse error. False when the load stops.
template <typename Handler>
bool read_jsonl_lines(std::FILE* file, std::size_t base, json_input& line_input, Handler& handler, token_place& place,
                      std::size_t& size, bool& read_failed) {
  constexpr std::size_t chunk = 1 << 20;
  std::string buffer;
  std::size_t consumed = 0;  // bytes of the file before buffer[0]
  std::size_t line = 1;
  bool at_end = false;
  std::size_t from = 0;  // the current line's first byte in buffer
  while (!at_end) {
    std::size_t kept = buffer.size();
    buffer.resize(kept + chunk);
    std::size_t got = std::fread(buffer.data() + kept, 1, chunk, file);
    buffer.resize(kept + got);
    if (got < chunk) {
      at_end = true;
      if (std::ferror(file)) read_failed = true;
    }
    for (;;) {
      std::size_t nl = buffer.find('\n', from);
      if (nl == std::string::npos) {
        if (!at_end || from == buffer.size()) break;
        nl = buffer.size();  // a last line without a newline
      }
      std::string_view text(buffer.data() + from, nl - from);
      std::size_t offset = base + consumed + from;
      if (jsonl_blank(text)) {
        place.start = offset;
        return handler.parse_error(offset, jsonl_blank_message());
      }
      line_input.reset(text, offset, line);
      if (!read_json(line_input, handler, place)) return false;
      ++line;
      from = nl + 1;
      if (nl == buffer.size()) break;
    }
    consumed += std::min(from, buffer.size());
    buffer.erase(0, std::min(from, buffer.size()));
    from = 0;
  }
  size = consumed + buffer.size();
  return true;
}

/// Feeds `handler` the events of the document the folder stands for: the header's members, then per
/// `.jsonl` file its name as a key and its lines as an array, then the closing `}`. A `.jsonl` file
/// whose name is not a collection is given as an empty array (the handler reports the name) without
/// being read. Returns false when the load stopped (a malformed header or line, or the handler).
template <typename Handler>
bool read_jsonl(jsonl_source& source, Handler& handler, token_place& place) {
  using file_handle = std::unique_ptr<std::FILE, int (*)(std::FILE*)>;
  std::size_t next = 0;
  // F0100 at the file's first byte; the load is incomplete.
  auto unreadable = [&](const std::filesystem::path& path, std::size_t offset) {
    source.read_failed = true;
    source.issues.push_back({codes::unreadable_file, "", offset,
                             base::say("读取快照文件 {} 时出错，加载未完成",
                                       "error reading the snapshot file {}; the load is incomplete", path.string())});
  };
  {
    file_handle header(std::fopen(source.header.c_str(), "rb"), &std::fclose);
    if (!header) {
      unreadable(source.header, 0);
      return false;
    }
    json_input input(header.get());
    jsonl_header_filter<Handler> filter{handler, source, place};
    if (!read_json(input, filter, place)) return false;
    if (input.read_failed()) unreadable(source.header, 0);
    if (!filter.top_is_object) return true;  // reported by the handler, as for a single file
    next = input.offset_of(input.data_end()) + 1;
  }
  std::string empty;
  json_input line_input(empty);
  for (auto& f : source.files) {
    f.base = next;
    f.read = true;
    place.start = next;
    bool known = source.schema->find_collection(f.name).has_value();
    if (f.name == "as_of" || f.name == "org" || f.name == "$schema") {
      // Not a collection, and not a member the handler may take from an array.
      source.issues.push_back({codes::unknown_collection, "/" + f.name, next,
                               base::say("未知的集合 {}，其内容被忽略；{} 应写在 {} 中",
                                         "unknown collection {}; its content is ignored; {} belongs in {}", f.name,
                                         f.name, source.header.filename().string())});
      next += 1;
      continue;
    }
    if (!handler.key(f.name) || !handler.start_array()) return false;
    std::size_t size = 0;
    if (known) {
      file_handle file(std::fopen(f.path.c_str(), "rb"), &std::fclose);
      bool failed = !file;
      if (file && !read_jsonl_lines(file.get(), next, line_input, handler, place, size, failed)) return false;
      if (failed) unreadable(f.path, next);
    }
    place.start = next + size;
    if (!handler.end_array()) return false;
    next += size + 1;
  }
  place.start = next;
  return handler.end_object();
}

}  // namespace baomi::facts
