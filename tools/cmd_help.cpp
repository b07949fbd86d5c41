// `baomi help [COMMAND] [--man]` and `baomi completion bash|zsh`: the help, the man page and the
// shell completions, all written from the one description of the commands that `--help` prints
// (the CLI11 app), so none of them is written twice. The build runs `help --man` and `completion`
// to make the packaged man page and completion scripts (tools/CMakeLists.txt).
#include <fmt/format.h>
#include <memory>

#include "tools/commands.hpp"
#include "tools/common.hpp"
#include "tools/options.hpp"

namespace baomi::tools {

namespace {

// The commands to document: visible subcommands other than `help` and `completion` themselves are
// listed first in registration order; those two come last.
std::vector<const CLI::App*> commands_of(const CLI::App& app) {
  std::vector<const CLI::App*> out;
  for (const auto* sub : app.get_subcommands([](const CLI::App* s) { return !s->get_group().empty(); }))
    out.push_back(sub);
  return out;
}

std::vector<const CLI::Option*> options_of(const CLI::App& sub, bool positional) {
  std::vector<const CLI::Option*> out;
  for (const auto* opt : sub.get_options()) {
    if (opt->get_positional() != positional) continue;
    if (!positional && opt->get_lnames().empty() && opt->get_snames().empty()) continue;
    if (!positional && (opt->check_lname("help") || opt->check_lname("help-all"))) continue;
    out.push_back(opt);
  }
  return out;
}

std::string upper(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

bool takes_value(const CLI::Option& opt) { return opt.get_type_size_max() > 0; }

// "--output, -o FILE": the long names, then the short ones, then a placeholder for the value.
std::vector<std::string> spellings(const CLI::Option& opt) {
  std::vector<std::string> names;
  for (const auto& l : opt.get_lnames()) names.push_back("--" + l);
  for (const auto& s : opt.get_snames()) names.push_back("-" + s);
  return names;
}

// The values a `--format`/`--color` option accepts, read from its description ("text, json or sarif").
std::vector<std::string> choices(const CLI::Option& opt) {
  if (!opt.check_lname("format") && !opt.check_lname("color")) return {};
  auto text = opt.get_description();
  if (auto colon = text.find(": "); opt.check_lname("color"))
    text = "auto, always, never";
  else if (colon != std::string::npos)
    text = text.substr(0, colon);
  std::vector<std::string> out;
  std::string word;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    char c = i < text.size() ? text[i] : ' ';
    if (c == ' ' || c == ',') {
      if (!word.empty() && word != "or") out.push_back(word);
      word.clear();
    } else {
      word += c;
    }
  }
  return out;
}

std::string roff_escape(const std::string& s) {
  std::string out;
  bool line_start = true;
  for (char c : s) {
    if (line_start && (c == '.' || c == '\'')) out += "\\&";
    if (c == '\\')
      out += "\\e";
    else if (c == '-')
      out += "\\-";
    else
      out += c;
    line_start = c == '\n';
  }
  return out;
}

std::string synopsis(const CLI::App& sub) {
  std::string s = "baomi " + sub.get_name();
  for (const auto* p : options_of(sub, true)) {
    auto name = upper(p->get_name(true));
    if (p->get_items_expected_max() > 1) name += "…";
    s += " " + (p->get_required() ? name : "[" + name + "]");
  }
  if (!options_of(sub, false).empty()) s += " [OPTIONS]";
  return s;
}

std::string man_page(const CLI::App& app) {
  std::string m;
  m += fmt::format(".TH BAOMI 1 \"\" \"baomi {}\" \"User Commands\"\n", BAOMI_VERSION);
  auto summary = app.get_description();  // "baomi (保密): checks …"
  if (auto colon = summary.find(": "); colon != std::string::npos) summary = summary.substr(colon + 2);
  m += ".SH NAME\nbaomi \\- " + roff_escape(summary) + "\n";
  m += ".SH SYNOPSIS\n.B baomi\n\\fICOMMAND\\fR [\\fIOPTIONS\\fR]\n";
  m += ".SH DESCRIPTION\n";
  m += "baomi evaluates confidentiality\\-management rules (the national baseline is built in) against a JSON "
       "snapshot of facts exported from an organization, and reports findings that cite the regulation, the "
       "entity and the evidence. Every command prints its options with \\fB\\-\\-help\\fR; this page is written "
       "from the same text.\n";
  m += ".SH COMMANDS\n";
  for (const auto* sub : commands_of(app)) {
    m += ".SS \"" + roff_escape(synopsis(*sub)) + "\"\n";
    m += roff_escape(sub->get_description()) + "\n";
    for (const auto* p : options_of(*sub, true)) {
      m += ".TP\n.I " + upper(p->get_name(true)) + "\n" + roff_escape(p->get_description()) + "\n";
    }
    for (const auto* opt : options_of(*sub, false)) {
      std::string names;
      for (const auto& n : spellings(*opt)) names += (names.empty() ? "" : ", ") + roff_escape(n);
      m += ".TP\n.B " + names + (takes_value(*opt) ? " \\fI" + upper(opt->get_type_name()) + "\\fR" : "") + "\n";
      m += roff_escape(opt->get_description());
      if (!opt->get_default_str().empty()) m += " (default: " + roff_escape(opt->get_default_str()) + ")";
      m += "\n";
    }
  }
  m +=
      ".SH EXIT STATUS\n.TP\n0\nclean: no problems, no failing findings at or above \\-\\-fail\\-on, nothing changed\n";
  m += ".TP\n1\nproblems found: lint problems, failing findings, failing fixtures, unformatted files, changes\n";
  m += ".TP\n2\nusage or input error: unknown option or value, missing, empty or unreadable input\n";
  m += ".SH ENVIRONMENT\n.TP\n.B NO_COLOR\nWhen set and not empty, \\fB\\-\\-color auto\\fR does not colour.\n";
  m += ".SH FILES\n.TP\n/usr/share/baomi/rulesets\nthe shipped rules (the national baseline is also built into the "
       "binary)\n.TP\n/usr/share/baomi/examples\nan example snapshot and waivers\n";
  m += ".SH SEE ALSO\n/usr/share/doc/baomi/cli.md, /usr/share/doc/baomi/language.md\n";
  return m;
}

std::string words(const std::vector<std::string>& w) {
  std::string out;
  for (const auto& s : w) out += (out.empty() ? "" : " ") + s;
  return out;
}

std::string bash_completion(const CLI::App& app) {
  std::string s = "# bash completion for baomi (written by `baomi completion bash`)\n_baomi() {\n";
  s += "  local cur=\"${COMP_WORDS[COMP_CWORD]}\" prev=\"${COMP_WORDS[COMP_CWORD-1]}\" cmd=\"\" i opts=\"\"\n";
  s += "  for ((i = 1; i < COMP_CWORD; i++)); do\n";
  s += "    case \"${COMP_WORDS[i]}\" in -*) ;; *) cmd=\"${COMP_WORDS[i]}\"; break ;; esac\n  done\n";
  std::vector<std::string> names;
  for (const auto* sub : commands_of(app)) names.push_back(sub->get_name());
  s += "  case \"$cmd\" in\n";
  s += "    \"\") COMPREPLY=($(compgen -W \"" + words(names) + " --help --version\" -- \"$cur\")); return ;;\n";
  for (const auto* sub : commands_of(app)) {
    std::vector<std::string> opts{"--help"};
    std::string values;
    for (const auto* opt : options_of(*sub, false)) {
      for (const auto& n : spellings(*opt)) opts.push_back(n);
      if (auto c = choices(*opt); !c.empty())
        values += "        --" + opt->get_lnames().front() + ") COMPREPLY=($(compgen -W \"" + words(c) +
                  "\" -- \"$cur\")); return ;;\n";
    }
    s += "    " + sub->get_name() + ")\n      opts=\"" + words(opts) + "\"\n";
    if (!values.empty()) s += "      case \"$prev\" in\n" + values + "      esac\n";
    s += "      ;;\n";
  }
  s += "  esac\n";
  s += "  if [[ $cur == -* ]]; then\n    COMPREPLY=($(compgen -W \"$opts\" -- \"$cur\"))\n  else\n";
  s += "    COMPREPLY=($(compgen -f -- \"$cur\"))\n  fi\n}\ncomplete -o filenames -F _baomi baomi\n";
  return s;
}

std::string zsh_quote(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '\'')
      out += "'\\''";
    else if (c == '[' || c == ']' || c == ':')
      out += std::string("\\") + c;
    else
      out += c;
  }
  return out;
}

std::string zsh_completion(const CLI::App& app) {
  std::string s = "#compdef baomi\n# zsh completion for baomi (written by `baomi completion zsh`)\n_baomi() {\n";
  s += "  local -a commands\n  commands=(\n";
  for (const auto* sub : commands_of(app))
    s += "    '" + sub->get_name() + ":" + zsh_quote(sub->get_description()) + "'\n";
  s += "  )\n  if (( CURRENT == 2 )); then\n    _describe 'command' commands\n    return\n  fi\n";
  s += "  local cmd=$words[2]\n  shift words\n  (( CURRENT-- ))\n  case $cmd in\n";
  for (const auto* sub : commands_of(app)) {
    s += "    " + sub->get_name() + ")\n      _arguments \\\n";
    for (const auto* opt : options_of(*sub, false)) {
      auto c = choices(*opt);
      std::string action = !takes_value(*opt) ? "" : c.empty() ? ":value:_files" : ":value:(" + words(c) + ")";
      for (const auto& n : spellings(*opt))
        s += "        '" + n + "[" + zsh_quote(opt->get_description()) + "]" + action + "' \\\n";
    }
    s += "        '*:file:_files'\n      ;;\n";
  }
  s += "  esac\n}\n_baomi \"$@\"\n";
  return s;
}

}  // namespace

command add_help(CLI::App& app) {
  auto topic = std::make_shared<std::string>();
  auto man = std::make_shared<bool>(false);
  auto out = std::make_shared<output_options>();
  auto* sub = app.add_subcommand("help", "Print the help of a command, or the whole manual page (--man)");
  sub->add_option("command", *topic, "The command (default: the overview)");
  sub->add_flag("--man", *man, "Print the manual page (roff, man 1 baomi) written from the --help of every command");
  sub->add_option("--output,-o", out->output, "Write to this file (atomically) instead of stdout");
  return {sub, [&app, topic, man, out] {
            if (*man) return emit(*out, man_page(app));
            if (topic->empty()) return emit(*out, app.help());
            for (const auto* c : commands_of(app)) {
              if (c->get_name() == *topic) return emit(*out, c->help("baomi"));
            }
            complain("error: 没有命令 `{}`（baomi --help 列出全部命令）\n",
                     "error: no command `{}` (baomi --help lists them)\n", *topic);
            return int(exit_usage);
          }};
}

command add_completion(CLI::App& app) {
  auto shell = std::make_shared<std::string>();
  auto out = std::make_shared<output_options>();
  auto* sub = app.add_subcommand("completion", "Print the shell completion script for bash or zsh");
  sub->add_option("shell", *shell, "bash or zsh")->required()->check(CLI::IsMember({"bash", "zsh"}));
  sub->add_option("--output,-o", out->output, "Write to this file (atomically) instead of stdout");
  return {sub,
          [&app, shell, out] { return emit(*out, *shell == "bash" ? bash_completion(app) : zsh_completion(app)); }};
}

}  // namespace baomi::tools
