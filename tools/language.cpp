// The message language on the command line: `--lang zh|en` (anywhere on the line), else the locale
// (base::language_from_environment), and CLI11's own parse errors in that language.
#include "tools/language.hpp"

#include <string_view>

#include "base/language.hpp"

namespace baomi::tools {

namespace {

/// CLI11's message without its English frame, e.g. the names after "were not expected: ".
std::string_view after(std::string_view text, std::string_view marker) {
  auto at = text.find(marker);
  return at == std::string_view::npos ? text : text.substr(at + marker.size());
}

template <class E>
bool is(const CLI::Error& e) {
  return dynamic_cast<const E*>(&e) != nullptr;
}

std::string chinese_parse_error(const CLI::Error& e) {
  std::string_view what = e.what();
  if (is<CLI::RequiredError>(e)) {
    if (what.find("subcommand") != std::string_view::npos) return "缺少命令（baomi --help 列出全部命令）";
    if (what.ends_with(" is required")) return fmt::format("缺少必需的参数 {}", what.substr(0, what.size() - 12));
    return fmt::format("缺少必需的参数（{}）", what);
  }
  if (is<CLI::ExtrasError>(e)) return fmt::format("无法识别的参数：{}", after(what, "expected: "));
  if (is<CLI::ArgumentMismatch>(e)) return fmt::format("参数个数不对（{}）", what);
  if (is<CLI::ConversionError>(e) || is<CLI::ValidationError>(e)) return fmt::format("参数值无效（{}）", what);
  if (is<CLI::ExcludesError>(e)) return fmt::format("参数不能同时使用（{}）", what);
  if (is<CLI::RequiresError>(e)) return fmt::format("参数须与另一参数同用（{}）", what);
  return fmt::format("命令行有误（{}）", what);
}

// `baomi COMMAND --help` for the command being parsed, `baomi --help` before one is named.
std::string help_command(const CLI::App* app) {
  if (app == nullptr) return "baomi --help";
  auto chosen = app->get_subcommands();
  if (chosen.empty()) return "baomi --help";
  return fmt::format("baomi {} --help", chosen.front()->get_name());
}

}  // namespace

void choose_language(int argc, char** argv) {
  base::set_message_language(base::language_from_environment());
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    std::optional<std::string_view> value;
    if (arg == "--lang" && i + 1 < argc) value = argv[i + 1];
    if (arg.starts_with("--lang=")) value = arg.substr(7);
    if (value && (*value == "zh" || *value == "en")) base::set_message_language(*base::parse_language(*value));
  }
}

void add_language_option(CLI::App& app) {
  app.add_option("--lang",
                 "language of baomi's messages: zh (default) or en; without it, "
                 "BAOMI_LANG, LC_ALL, LC_MESSAGES or LANG (en_US.UTF-8 → en)")
      ->check(CLI::IsMember({"zh", "en"}))
      ->option_text("zh|en");
  app.failure_message([](const CLI::App* failed, const CLI::Error& e) {
    std::string command = help_command(failed);
    if (base::message_language() == base::language::en)
      return fmt::format("error: {}\nRun `{}` for the usage.\n", e.what(), command);
    return fmt::format("error: {}\n用法见 `{}`\n", chinese_parse_error(e), command);
  });
}

}  // namespace baomi::tools
