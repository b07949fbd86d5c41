// The message language for the span of one test: the golden harnesses of the authoring diagnostics
// run in English (they test positions and content), their small Chinese sets in Chinese.
#pragma once

#include "base/language.hpp"

namespace baomi::testing {

class scoped_language {
 public:
  explicit scoped_language(base::language l) : m_saved(base::message_language()) { base::set_message_language(l); }
  ~scoped_language() { base::set_message_language(m_saved); }
  scoped_language(const scoped_language&) = delete;
  scoped_language& operator=(const scoped_language&) = delete;

 private:
  base::language m_saved;
};

}  // namespace baomi::testing
