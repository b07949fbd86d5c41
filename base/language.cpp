#include "base/language.hpp"

#include <atomic>
#include <cstdlib>

namespace baomi::base {

namespace {

std::atomic<language> current{language::zh};

bool starts_with_word(std::string_view name, std::string_view word) {
  if (name.substr(0, word.size()) != word) return false;
  return name.size() == word.size() || name[word.size()] == '_' || name[word.size()] == '-' ||
         name[word.size()] == '.' || name[word.size()] == '@';
}

}  // namespace

std::optional<language> parse_language(std::string_view name) {
  if (starts_with_word(name, "zh")) return language::zh;
  if (starts_with_word(name, "en")) return language::en;
  return std::nullopt;
}

language language_from_environment() {
  for (const char* variable : {"BAOMI_LANG", "LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* value = std::getenv(variable);
    if (value == nullptr || *value == '\0') continue;
    return parse_language(value).value_or(language::zh);
  }
  return language::zh;
}

language message_language() { return current.load(std::memory_order_relaxed); }

void set_message_language(language l) { current.store(l, std::memory_order_relaxed); }

}  // namespace baomi::base
