// Imports resolve only inside the rule roots given (issue 15): a module found by walking up from
// the importing file is loaded only when the file, symlinks resolved, lies inside one of the roots.
#include <unistd.h>
#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <string>

#include "engine/check.hpp"
#include "engine/modules.hpp"

using namespace baomi;
namespace fs = std::filesystem;

namespace {

// A fresh folder under the system's temporary folder, removed at the end of the test.
struct temp_tree {
  fs::path root;
  temp_tree() {
    root =
        fs::temp_directory_path() / ("baomi-imports-" + std::to_string(::getpid()) + "-" + std::to_string(counter()++));
    fs::remove_all(root);
    fs::create_directories(root);
  }
  ~temp_tree() {
    std::error_code ec;
    fs::remove_all(root, ec);
  }
  static int& counter() {
    static int n = 0;
    return n;
  }
  fs::path write(const std::string& relative, const std::string& text) const {
    auto file = root / relative;
    fs::create_directories(file.parent_path());
    std::ofstream(file) << text;
    return file;
  }
};

const std::string lib_text = "ruleset evil.lib \"外部\" {\n  version \"1\"\n}\n\nparam secret: int = 1\n";

bool loaded(const engine::module_set& set, const std::string& name) {
  return std::any_of(set.modules.begin(), set.modules.end(), [&](const auto& m) { return m.name == name; });
}

bool has_code(const std::vector<dsl::diagnostic>& ds, std::string_view code) {
  return std::any_of(ds.begin(), ds.end(), [&](const auto& d) { return d.code == code; });
}

}  // namespace

BOOST_AUTO_TEST_SUITE(engine_imports)

BOOST_AUTO_TEST_CASE(an_import_inside_the_root_is_found_beside_the_file_or_above_it) {
  temp_tree t;
  t.write("rules/evil/lib.baomi", lib_text);
  t.write("rules/sub/a.baomi", "import evil.lib\n");
  auto from_folder = engine::load_modules({(t.root / "rules").string()});
  BOOST_TEST(loaded(from_folder, "evil.lib"));  // rules/sub/a.baomi imports rules/evil/lib.baomi
  // The file named alone: its root is rules/sub, and rules/evil/lib.baomi is outside it.
  auto alone = engine::load_modules({(t.root / "rules/sub/a.baomi").string()});
  BOOST_TEST(!loaded(alone, "evil.lib"));
  // Both roots given: the import is inside one of them.
  auto both = engine::load_modules({(t.root / "rules/sub/a.baomi").string(), (t.root / "rules/evil").string()});
  BOOST_TEST(loaded(both, "evil.lib"));
  BOOST_TEST(from_folder.diagnostics.empty());
}

BOOST_AUTO_TEST_CASE(an_import_does_not_climb_out_of_the_root) {
  temp_tree t;
  t.write("outside/evil/lib.baomi", lib_text);  // beside the root: no lookup names it
  t.write("rules/a.baomi", "import evil.lib\n");
  auto set = engine::load_modules({(t.root / "rules").string()});
  BOOST_TEST(!loaded(set, "evil.lib"));
  t.write("evil/lib.baomi", lib_text);  // in the root's parent folder: found by walking up from rules/
  auto again = engine::load_modules({(t.root / "rules").string()});
  BOOST_TEST(!loaded(again, "evil.lib"));
  auto checked = engine::check(again);
  BOOST_TEST(has_code(checked.diagnostics, "E0212"));  // reported as a module that is not found
}

BOOST_AUTO_TEST_CASE(an_import_does_not_escape_through_a_symlink) {
  temp_tree t;
  t.write("outside/lib.baomi", lib_text);
  t.write("rules/a.baomi", "import evil.lib\n");
  fs::create_directory_symlink(t.root / "outside", t.root / "rules/evil");  // rules/evil/lib.baomi
  auto set = engine::load_modules({(t.root / "rules").string()});
  BOOST_TEST(!loaded(set, "evil.lib"));
  fs::remove(t.root / "rules/evil");
  fs::create_directories(t.root / "rules/evil");
  fs::create_symlink(t.root / "outside/lib.baomi", t.root / "rules/evil/lib.baomi");
  auto file_link = engine::load_modules({(t.root / "rules/a.baomi").string()});
  BOOST_TEST(!loaded(file_link, "evil.lib"));
}

BOOST_AUTO_TEST_CASE(a_symlink_that_stays_inside_the_root_is_followed) {
  temp_tree t;
  t.write("rules/real/lib.baomi", lib_text);
  t.write("rules/a.baomi", "import evil.lib\n");
  fs::create_directory_symlink(t.root / "rules/real", t.root / "rules/evil");
  auto set = engine::load_modules({(t.root / "rules/a.baomi").string()});
  BOOST_TEST(loaded(set, "evil.lib"));
}

BOOST_AUTO_TEST_CASE(a_module_name_cannot_spell_a_parent_folder) {
  temp_tree t;
  t.write("rules/a.baomi", "import ..etc.passwd\n");
  auto set = engine::load_modules({(t.root / "rules").string()});
  BOOST_TEST(set.modules.empty());
  BOOST_TEST(!set.diagnostics.empty());
  BOOST_TEST(set.diagnostics.front().code.starts_with("E01"));  // a syntax error, never a path
}

BOOST_AUTO_TEST_CASE(the_shipped_baseline_still_resolves_its_imports_from_one_file) {
  // `--rules rulesets/cn/personnel.baomi`: its imports are beside it, inside the root rulesets/cn.
  auto set = engine::load_modules({"rulesets/cn/personnel.baomi"});
  BOOST_TEST(set.diagnostics.empty());
  BOOST_TEST(set.modules.size() > 1u);
}

BOOST_AUTO_TEST_SUITE_END()
