// The findings of a deferred run, made as a writer asks for them: each listed subject is decided
// again and its finding made with its strings, a chunk of subjects at a time. With several jobs,
// threads make the next chunks while the writer consumes this one, at most a few chunks ahead, and
// the writer receives them in order: the output is the same for any number of jobs.
#include "engine/eval/deferred.hpp"

#include <algorithm>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <numeric>
#include <optional>
#include <thread>

#include "engine/eval/findings.hpp"
#include "engine/eval/waivers.hpp"

namespace baomi::engine::evaluation {

subject_order order_subjects(const plan& p, const facts::store& store, std::uint32_t table) {
  subject_order out;
  auto rows = store.table_at(table).row_count();
  out.keys.reserve(rows);
  for (std::uint32_t row = 0; row < rows; ++row) out.keys.push_back(subject_key(store, p.schema, table, row));
  out.sorted.resize(rows);
  std::iota(out.sorted.begin(), out.sorted.end(), 0u);
  std::stable_sort(out.sorted.begin(), out.sorted.end(),
                   [&](std::uint32_t a, std::uint32_t b) { return out.keys[a] < out.keys[b]; });
  out.rank.resize(rows);
  for (std::uint32_t i = 0; i < rows; ++i) out.rank[out.sorted[i]] = i;
  return out;
}

rule_waivers waivers_of(const std::vector<waiver>* all, const std::string& rule_id) {
  rule_waivers out;
  if (all == nullptr) return out;
  for (std::size_t w = 0; w < all->size(); ++w) {
    if ((*all)[w].rule == rule_id) {
      out.list.push_back((*all)[w]);
      out.index.push_back(w);
    }
  }
  return out;
}

outcome waive(const rule_info* info, outcome result, const std::string& key, const rule_waivers& waivers,
              std::vector<bool>& used, facts::day_number as_of, std::string& reason) {
  if (waivers.list.empty()) return result;
  finding probe;
  probe.rule = info;
  probe.outcome = result;
  probe.subject.key = key;
  apply_waivers(probe, waivers.list, used, as_of);
  reason = std::move(probe.waiver_reason);
  return probe.outcome;
}

bool is_problem(outcome o) {
  return o == outcome::fail || o == outcome::unknown || o == outcome::pending || o == outcome::waived;
}

bool in_baseline(const std::set<std::string>* baseline, const std::string& rule, const std::string& collection,
                 const std::string& key) {
  return baseline != nullptr && !baseline->empty() && baseline->contains(fingerprint(rule, collection, key));
}

namespace {

// Subjects per chunk: small enough that a few chunks in flight stay a few MB, large enough that the
// threads rarely wait for each other.
constexpr std::size_t chunk_size = 512;

// A chunk of one rule's listed subjects: positions [begin, end) in the rule's records, or in its
// table's report order when every subject is decided again.
struct chunk {
  std::size_t rule;
  std::size_t begin;
  std::size_t end;
};

class deferred_source final : public finding_source {
 public:
  explicit deferred_source(deferred_run run) : m_run(std::move(run)) {}

  void each_listed(const std::function<bool(const rule_info&)>& wanted, const std::function<bool(const finding&)>& keep,
                   const std::function<void(const finding&)>& each) const override {
    auto chunks = plan_chunks(wanted);
    auto emit = [&](const std::vector<finding>& findings) {
      for (const auto& f : findings) {
        if (keep(f)) each(f);
      }
    };
    auto jobs = std::min<std::size_t>(m_run.jobs, chunks.size());
    if (jobs <= 1) {
      auto ev = make_evaluator();
      for (const auto& c : chunks) emit(make(*ev, c));
    } else {
      in_parallel(chunks, static_cast<unsigned>(jobs), emit);
    }
  }

  std::map<std::string, std::string> common_remedies() const override { return m_run.remedies; }

 private:
  std::vector<chunk> plan_chunks(const std::function<bool(const rule_info&)>& wanted) const {
    std::vector<chunk> out;
    for (std::size_t i = 0; i < m_run.rules.size(); ++i) {
      if (!wanted(m_run.rules[i])) continue;
      std::size_t count = m_run.every_subject ? m_run.orders[m_run.programs[i]->subject_table]->sorted.size()
                                              : m_run.first_record[i + 1] - m_run.first_record[i];
      for (std::size_t at = 0; at < count; at += chunk_size) out.push_back({i, at, std::min(count, at + chunk_size)});
    }
    return out;
  }

  std::unique_ptr<evaluator> make_evaluator() const {
    auto ev = std::make_unique<evaluator>(*m_run.p, m_run.store, m_run.as_of, m_run.calendar);
    ev->max_reads = m_run.max_evidence;
    return ev;
  }

  // The chunk's findings, as evaluate makes them when it holds them.
  std::vector<finding> make(evaluator& ev, const chunk& c) const {
    const auto& rule = *m_run.programs[c.rule];
    const auto* info = &m_run.rules[c.rule];
    const auto& order = *m_run.orders[rule.subject_table];
    const auto& store = *m_run.store;
    const auto& collection = *store.table_at(rule.subject_table).type().collection;
    const auto& waivers = m_run.waivers[c.rule];
    std::vector<bool> used(waivers.list.size(), false);
    std::vector<finding> out;
    out.reserve(c.end - c.begin);
    for (auto at = c.begin; at < c.end; ++at) {
      auto row = m_run.every_subject ? order.sorted[at] : m_run.records[m_run.first_record[c.rule] + at].row;
      auto d = decide(ev, rule, row, m_run.as_of, nullptr, store, m_run.p->schema);
      std::string reason;
      auto result = waive(info, d.result, order.keys[row], waivers, used, m_run.as_of, reason);
      if (m_run.every_subject) {
        if (!m_run.listed.contains(result)) continue;
        if (is_problem(result) && in_baseline(m_run.baseline, info->id, collection, order.keys[row])) continue;
      }
      auto f = make_finding(ev, *m_run.p, store, rule, info, row, d, &order.keys[row]);
      f.outcome = result;
      f.waiver_reason = std::move(reason);
      out.push_back(std::move(f));
    }
    return out;
  }

  // Threads take the chunks in order, at most `ahead` past the one being written; the writer takes
  // each chunk's findings in order.
  void in_parallel(const std::vector<chunk>& chunks, unsigned jobs,
                   const std::function<void(const std::vector<finding>&)>& emit) const {
    const std::size_t ahead = 2 * static_cast<std::size_t>(jobs);
    std::vector<std::optional<std::vector<finding>>> made(chunks.size());
    std::exception_ptr failure;
    std::mutex m;
    std::condition_variable changed;
    std::size_t next = 0;     // the next chunk a thread takes
    std::size_t written = 0;  // chunks the writer is done with
    bool stop = false;
    auto work = [&] {
      try {
        auto ev = make_evaluator();
        for (;;) {
          std::size_t k = 0;
          {
            std::unique_lock lock(m);
            changed.wait(lock, [&] { return stop || next >= chunks.size() || next < written + ahead; });
            if (stop || next >= chunks.size()) return;
            k = next++;
          }
          auto findings = make(*ev, chunks[k]);
          std::lock_guard lock(m);
          made[k] = std::move(findings);
          changed.notify_all();
        }
      } catch (...) {
        std::lock_guard lock(m);
        if (!failure) failure = std::current_exception();
        stop = true;
        changed.notify_all();
      }
    };
    {
      std::vector<std::jthread> threads;
      for (unsigned t = 0; t < jobs; ++t) threads.emplace_back(work);
      try {
        for (std::size_t k = 0; k < chunks.size(); ++k) {
          std::vector<finding> findings;
          {
            std::unique_lock lock(m);
            changed.wait(lock, [&] { return stop || made[k].has_value(); });
            if (stop) break;
            findings = std::move(*made[k]);
            made[k].reset();
          }
          emit(findings);
          std::lock_guard lock(m);
          written = k + 1;
          changed.notify_all();
        }
      } catch (...) {
        std::lock_guard lock(m);
        if (!failure) failure = std::current_exception();
        stop = true;
        changed.notify_all();
      }
      {
        std::lock_guard lock(m);
        stop = true;
        changed.notify_all();
      }
    }  // the threads are joined here
    if (failure) std::rethrow_exception(failure);
  }

  deferred_run m_run;
};

}  // namespace

std::unique_ptr<finding_source> deferred_findings(deferred_run run) {
  return std::make_unique<deferred_source>(std::move(run));
}

}  // namespace baomi::engine::evaluation
