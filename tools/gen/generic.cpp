// Type-driven values: every kind of the schema model, nested lists, maps, ranges and records included.
#include "tools/gen/generic.hpp"

#include <algorithm>
#include <array>
#include <string_view>

#include <fmt/format.h>

#include "tools/gen/json_writer.hpp"
#include "tools/gen/vocabulary.hpp"

namespace baomi::gen {

namespace {

using facts::type_kind;

constexpr int max_depth = 4;

// Durations in increasing order, so that a range can take two indexes in order.
constexpr std::string_view durations[] = {"10d", "1mo", "3mo", "6mo", "1y", "2y", "3y", "5y", "10y", "20y", "30y"};

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// The field's description up to its first parenthesis or comma: `团组名称`, `对方单位或人员`.
std::string_view doc_stem(const facts::field& f) {
  std::string_view doc = f.doc;
  for (std::string_view stop : {"（", "(", "，", ",", "："}) {
    auto at = doc.find(stop);
    if (at != std::string_view::npos) doc = doc.substr(0, at);
  }
  return doc.empty() ? std::string_view(f.name) : doc;
}

std::string text_for(const facts::field& f, const generic_context& ctx, random& r) {
  std::string_view name = f.name;
  if (name == "title") return document_title(r, facts::year_of(ctx.as_of) - static_cast<int>(r.below(3)));
  if (name == "venue") return venue(r);
  if (name == "place") return std::string(foreign_place(r));
  if (name == "number") return fmt::format("{:04}", 1 + r.below(500));
  if (ends_with(name, "_by") || name == "counterpart" || name == "issuing_unit" || name == "employer") {
    return std::string(organization(r));
  }
  return fmt::format("{}{}", doc_stem(f), 1 + r.below(999));
}

void append_type(std::string& out, const facts::type& t, const facts::field& f, const generic_context& ctx, random& r,
                 int depth);

// Two values of an ordered kind, smaller first.
void append_range(std::string& out, const facts::type& bound, const facts::field& f, const generic_context& ctx,
                  random& r, int depth) {
  out.push_back('[');
  switch (bound.kind) {
    case type_kind::date: {
      auto a = ctx.as_of - static_cast<facts::day_number>(r.between(0, 3 * 365));
      json_writer::append_date(out, a);
      out += ", ";
      json_writer::append_date(out, a + static_cast<facts::day_number>(r.between(0, 365)));
      break;
    }
    case type_kind::integer: {
      auto a = r.between(0, 10);
      json_writer::append_integer(out, a);
      out += ", ";
      json_writer::append_integer(out, a + r.between(0, 10));
      break;
    }
    case type_kind::duration: {
      auto a = r.below(std::size(durations));
      auto b = a + r.below(std::size(durations) - a);
      fmt::format_to(std::back_inserter(out), "\"{}\", \"{}\"", durations[a], durations[b]);
      break;
    }
    default:
      append_type(out, bound, f, ctx, r, depth + 1);
      out += ", ";
      append_type(out, bound, f, ctx, r, depth + 1);
  }
  out.push_back(']');
}

void append_record(std::string& out, const facts::entity_type& e, const generic_context& ctx, random& r, int depth) {
  out.push_back('{');
  bool first = true;
  for (const auto& field : e.fields) {
    if (!first) out += ", ";
    first = false;
    json_writer::quote(out, field.name);
    out += ": ";
    append_type(out, field.type, field, ctx, r, depth + 1);
  }
  out.push_back('}');
}

std::size_t list_length(const facts::field& f, int depth, random& r) {
  if (depth >= max_depth) return 0;
  std::string_view name = f.name;
  if (name == "attendees" || ends_with(name, "_attendees")) return static_cast<std::size_t>(r.between(5, 30));
  return static_cast<std::size_t>(r.between(0, 3));
}

void append_type(std::string& out, const facts::type& t, const facts::field& f, const generic_context& ctx, random& r,
                 int depth) {
  const auto& schema = ctx.keys->schema();
  if (t.optional && (r.permille(150) || (depth >= max_depth && t.kind == type_kind::record))) {
    out += "null";
    return;
  }
  switch (t.kind) {
    case type_kind::string:
      json_writer::quote(out, text_for(f, ctx, r));
      break;
    case type_kind::integer:
      if (f.name == "year")
        json_writer::append_integer(out, facts::year_of(ctx.as_of) - static_cast<int>(r.below(3)));
      else
        json_writer::append_integer(out, r.between(0, 12));
      break;
    case type_kind::number: {
      auto halves = r.between(1, 16);
      json_writer::append_integer(out, halves / 2);
      if (halves % 2) out += ".5";
      break;
    }
    case type_kind::boolean:
      out += r.permille(850) ? "true" : "false";
      break;
    case type_kind::date:
      json_writer::append_date(out, ctx.as_of - static_cast<facts::day_number>(r.between(0, 3 * 365)));
      break;
    case type_kind::duration:
      json_writer::quote(out, durations[r.below(std::size(durations))]);
      break;
    case type_kind::enumeration: {
      const auto& e = schema.enum_at(t.target);
      append_enum(out, e, static_cast<std::uint32_t>(r.below(e.values.size())), r);
      break;
    }
    case type_kind::ref: {
      const auto* plan = ctx.keys->plan_of(t.target);
      if (plan == nullptr || (!plan->exact && t.optional) || plan->count == 0) {
        // Only exactly counted collections can be referred to safely; a required ref to any other
        // points at its first row (write_snapshot gives every referred-to collection an exact count).
        if (t.optional || plan == nullptr)
          out += "null";
        else
          ctx.keys->append_key(out, t.target, 0);
      } else {
        ctx.keys->append_key(out, t.target, plan->exact ? r.below(plan->count) : 0);
      }
      break;
    }
    case type_kind::list: {
      out.push_back('[');
      auto n = list_length(f, depth, r);
      facts::type element = t.args.at(0);
      element.optional = false;
      for (std::size_t i = 0; i < n; ++i) {
        if (i) out += ", ";
        append_type(out, element, f, ctx, r, depth + 1);
      }
      out.push_back(']');
      break;
    }
    case type_kind::map: {
      out.push_back('{');
      const auto& key = t.args.at(0);
      std::size_t n = depth >= max_depth ? 0 : r.below(4);
      if (key.kind == type_kind::enumeration) {
        const auto& e = schema.enum_at(key.target);
        n = std::min(n, e.values.size());
        auto start = e.values.empty() ? 0 : r.below(e.values.size());
        for (std::size_t i = 0; i < n; ++i) {
          if (i) out += ", ";
          json_writer::quote(out, e.values[(start + i) % e.values.size()].symbol);
          out += ": ";
          append_type(out, t.args.at(1), f, ctx, r, depth + 1);
        }
      } else {
        for (std::size_t i = 0; i < n; ++i) {
          if (i) out += ", ";
          fmt::format_to(std::back_inserter(out), "\"k{}\": ", i + 1);
          append_type(out, t.args.at(1), f, ctx, r, depth + 1);
        }
      }
      out.push_back('}');
      break;
    }
    case type_kind::range:
      append_range(out, t.args.at(0), f, ctx, r, depth);
      break;
    case type_kind::record:
      append_record(out, schema.entity_at(t.target), ctx, r, depth);
      break;
  }
}

}  // namespace

void append_enum(std::string& out, const facts::enum_type& e, std::uint32_t value, random& r) {
  const auto& v = e.values.at(value);
  json_writer::quote(out, r.permille(100) && !v.label.empty() ? v.label : v.symbol);
}

void append_generic(std::string& out, const facts::field& f, const generic_context& ctx, random& r) {
  append_type(out, f.type, f, ctx, r, 0);
}

}  // namespace baomi::gen
