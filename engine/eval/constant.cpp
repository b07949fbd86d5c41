// Constant folding: an expression that reads no facts (a param value) evaluated to a value.
#include <algorithm>
#include <functional>

#include "engine/eval/interpreter.hpp"
#include "engine/evaluate.hpp"

namespace baomi::engine {

namespace {

std::uint32_t frame_needed(const ir::node& n) {
  std::uint32_t size = 0;
  if (n.op == ir::op::local || n.op == ir::op::exists || n.op == ir::op::all || n.op == ir::op::none ||
      n.op == ir::op::count || n.op == ir::op::sum || n.op == ir::op::min || n.op == ir::op::max ||
      n.op == ir::op::latest) {
    size = n.slot + 1;
  }
  for (const auto& c : n.children) size = std::max(size, frame_needed(c));
  return size;
}

}  // namespace

std::optional<value> evaluate_constant(const ir::node& n, constant_pool& pool,
                                       const std::vector<function_info>& functions, const std::vector<value>& params,
                                       const facts::calendar* cal) {
  plan context;
  context.functions = functions;
  evaluation::evaluator e(context, nullptr, 0, cal);
  e.params = &params;
  e.frame.assign(frame_needed(n), value::null());
  auto v = e.eval(n);
  // Copy list and map items out of the evaluator's arena into the pool, recursively.
  std::function<value(const value&)> keep = [&](const value& x) -> value {
    if (x.kind == vkind::string) return value::string(pool.keep(std::string(x.text)));
    if ((x.kind == vkind::list || x.kind == vkind::map || x.kind == vkind::range) && x.source == list_source::items) {
      std::size_t n_items = x.kind == vkind::map ? 2 * x.count : x.count;
      auto& items = pool.lists.emplace_back();
      for (std::size_t i = 0; i < n_items; ++i) items.push_back(keep(static_cast<const value*>(x.ptr)[i]));
      value copy = x;
      copy.ptr = items.data();
      return copy;
    }
    return x;
  };
  return keep(v);
}

}  // namespace baomi::engine
