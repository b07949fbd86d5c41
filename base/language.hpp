// The language of baomi's own messages: Chinese (the default, the language of the regulations and
// of the people who read the reports) or English. Chosen once at start-up from `--lang` or the
// locale; rule text written in the rulesets (titles, messages, quotes) is never translated.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <fmt/format.h>

namespace baomi::base {

enum class language { zh, en };

/// `zh`, `en`, or a locale name such as `en_US.UTF-8` or `zh_CN.UTF-8`; nothing for anything else
/// (`C`, `POSIX`, `fr_FR`), so that the caller's default applies.
std::optional<language> parse_language(std::string_view name);

/// The language the environment asks for: the first of BAOMI_LANG, LC_ALL, LC_MESSAGES and LANG that
/// is set and not empty, as `parse_language` reads it; Chinese when that names neither language.
language language_from_environment();

/// The language messages are written in (Chinese until `set_message_language` is called).
language message_language();
void set_message_language(language l);

/// `zh` or `en`, whichever is the message language. Literals give a `const char*`, so that the
/// result joins a std::string with `+` and converts to std::string or std::string_view alike.
inline const char* pick(const char* zh, const char* en) { return message_language() == language::en ? en : zh; }
inline std::string_view pick(std::string_view zh, std::string_view en) {
  return message_language() == language::en ? en : zh;
}

/// A message written in both languages, formatted in the message language. Both texts are checked
/// at compile time against the same arguments.
template <class... Args>
std::string say(fmt::format_string<Args...> zh, fmt::format_string<Args...> en, Args&&... args) {
  return message_language() == language::en ? fmt::format(en, std::forward<Args>(args)...)
                                            : fmt::format(zh, std::forward<Args>(args)...);
}

}  // namespace baomi::base
