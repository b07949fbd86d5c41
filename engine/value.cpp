// Values as messages show them.
#include "engine/value.hpp"

#include <fmt/format.h>

#include "engine/eval/values.hpp"
#include "facts/store.hpp"

namespace baomi::engine {

using evaluation::element;
using evaluation::read_cell;

std::string render(const value& v, const facts::store* store, const facts::schema& schema) {
  switch (v.kind) {
    case vkind::null:
      // An unknown count shows the range it lies in: 「参加培训 0～1 次」.
      if (v.counted) return fmt::format("{}～{}", v.u.count_range.low, v.u.count_range.high);
      return v.none ? std::string(v.text) : v.invalid ? "无效值" : "未知";
    case vkind::boolean:
      return v.u.flag ? "是" : "否";
    case vkind::integer:
      return std::to_string(v.u.integer);
    case vkind::number:
      return fmt::format("{}", v.u.number);
    case vkind::string:
      return std::string(v.text);
    case vkind::date:
      return facts::format_date(v.u.date);
    case vkind::duration:
      return facts::format_duration(v.dur);
    case vkind::span:
      return facts::format_duration({0, v.u.span.to - v.u.span.from, 0});
    case vkind::enumeration:
      return schema.enum_at(v.aux).values.at(v.u.index).label;
    case vkind::entity: {
      if (!store) return "?";
      const auto& table = store->table_at(v.aux);
      auto key = table.type().key_field();
      if (!key) return std::to_string(v.u.index);
      std::deque<std::vector<value>> arena;
      return render(read_cell(table.column_at(*key), v.u.index, arena), store, schema);
    }
    case vkind::list:
    case vkind::map:
    case vkind::range: {
      std::string out;
      std::deque<std::vector<value>> arena;
      auto n = v.kind == vkind::map ? 2 * v.count : v.count;
      for (std::uint32_t i = 0; i < n; ++i) {
        if (i) out += v.kind == vkind::range ? ".." : "、";
        out += render(v.source == list_source::items ? static_cast<const value*>(v.ptr)[i] : element(v, i, arena),
                      store, schema);
      }
      return out;
    }
  }
  return "";
}

}  // namespace baomi::engine
