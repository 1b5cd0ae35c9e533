// Rule fixtures (tests/rules/<group>/<name>/, layout in tests/rules/README.md): each input runs
// with only its rule enabled and must report exactly the findings written beside it; fixable
// rules must fix to the expected text. A meta-test holds every registered rule to having
// fixtures, docs and a working example. GALLEY_UPDATE_FIXTURES=1 rewrites the expected files.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "galley/galley.h"
#include "test_support.h"
#include "rules/catalogue.h"
#include "rules/fixes.h"

namespace fs = std::filesystem;

using galley::test::read_file;

namespace {

void write_file(const fs::path& p, const std::string& s) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out << s;
}

// GALLEY_UPDATE_FIXTURES=1 (or "all") updates every rule's files; a comma-separated list of
// rule ids or prefixes ("quotes/,takeaways/count") updates only those rules' files.
bool updating() { return std::getenv("GALLEY_UPDATE_FIXTURES") != nullptr; }

bool updating(const std::string& rule) {
  const char* value = std::getenv("GALLEY_UPDATE_FIXTURES");
  if (!value) return false;
  const std::string list = value;
  if (list == "1" || list == "all") return true;
  size_t at = 0;
  while (at <= list.size()) {
    const size_t comma = std::min(list.find(',', at), list.size());
    const std::string prefix = list.substr(at, comma - at);
    if (!prefix.empty() && rule.compare(0, prefix.size(), prefix) == 0) return true;
    at = comma + 1;
  }
  return false;
}

fs::path rules_root() { return fs::path(GALLEY_TEST_DATA) / "rules"; }

struct Fixture {
  fs::path input;
  std::string stem;  // "ok", "fail-max", ...
  std::string ext;   // ".md" or ".txt"
  bool fail = false;
};

std::vector<Fixture> fixtures_of(const fs::path& dir) {
  std::vector<Fixture> out;
  if (!fs::is_directory(dir)) return out;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (!entry.is_regular_file()) continue;
    const fs::path p = entry.path();
    const std::string ext = p.extension().string();
    const std::string stem = p.stem().string();
    if (ext != ".md" && ext != ".txt") continue;
    const bool ok = stem == "ok" || stem.rfind("ok-", 0) == 0;
    const bool fail = stem == "fail" || stem.rfind("fail-", 0) == 0;
    if (!ok && !fail) continue;
    out.push_back({p, stem, ext, fail});
  }
  std::sort(out.begin(), out.end(),
            [](const Fixture& a, const Fixture& b) { return a.input < b.input; });
  return out;
}

// The options a fixture runs with: its mode, its config, and only its rule on.
galley::Options fixture_options(const galley::RuleInfo& rule, const Fixture& f) {
  galley::Options base;
  base.outputs = 0;
  base.input = f.ext == ".txt" ? galley::InputMode::text : galley::InputMode::markdown;
  const fs::path dir = f.input.parent_path();
  const fs::path own = dir / (f.stem + ".config.json");
  const fs::path shared = dir / "config.json";
  const fs::path config = fs::exists(own) ? own : shared;
  if (fs::exists(config)) {
    galley::Result<galley::Options> configured = galley::apply_config(read_file(config), base);
    INFO("config " << config.string() << ": " << (configured ? "" : configured.error().message));
    REQUIRE(configured.ok());
    base = configured.value();
  }
  galley::Result<galley::Options> only = galley::rules::only_rule(rule, base);
  REQUIRE(only.ok());
  return only.value();
}

fs::path fix_expected_path(const Fixture& f) {
  return f.input.parent_path() / ("fix" + f.stem.substr(4) + ".expected" + f.ext);
}

const galley::RuleInfo* find_info(const std::string& id) {
  for (const galley::RuleInfo& r : galley::rule_catalogue()) {
    if (r.id == id) return &r;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("rule fixtures report exactly the expected findings", "[rules][fixtures]") {
  size_t checked = 0;
  for (const galley::RuleInfo& rule : galley::rule_catalogue()) {
    for (const Fixture& f : fixtures_of(rules_root() / rule.id)) {
      DYNAMIC_SECTION(rule.id << " " << f.input.filename().string()) {
        const std::string source = read_file(f.input);
        const galley::Options options = fixture_options(rule, f);
        galley::Result<galley::FormatResult> result = galley::check(source, options);
        REQUIRE(result.ok());
        const std::string actual = galley::rules::findings_text(result->diagnostics);
        for (const galley::Diagnostic& d : result->diagnostics) CHECK(d.rule == rule.id);
        if (!f.fail) {
          CHECK(actual == "");
        } else {
          CHECK_FALSE(actual.empty());
          const fs::path expected = f.input.parent_path() / (f.stem + ".expected");
          if (updating(rule.id)) write_file(expected, actual);
          INFO("expected findings in " << expected.string());
          REQUIRE(fs::exists(expected));
          CHECK(actual == read_file(expected));
        }
      }
      ++checked;
    }
  }
  CHECK(checked > 0);
}

TEST_CASE("fixable rules fix their fail fixtures to the expected text", "[rules][fixtures][fix]") {
  for (const galley::RuleInfo& rule : galley::rule_catalogue()) {
    if (!rule.fixable) continue;
    for (const Fixture& f : fixtures_of(rules_root() / rule.id)) {
      // A fail fixture without a fix file shows a finding that cannot be fixed exactly.
      if (!f.fail || !fs::exists(fix_expected_path(f))) continue;
      const fs::path expected = fix_expected_path(f);
      DYNAMIC_SECTION(rule.id << " " << f.input.filename().string()) {
        const std::string source = read_file(f.input);
        galley::Result<galley::FixResult> fixed = galley::fix(source, fixture_options(rule, f));
        REQUIRE(fixed.ok());
        if (updating(rule.id)) write_file(expected, fixed->source);
        CHECK(fixed->source != source);
        CHECK(fixed->source == read_file(expected));
        CHECK_FALSE(fixed->applied.empty());
        // Nothing fixable is left, and no word of the input was lost.
        for (const galley::Diagnostic& d : fixed->remaining) CHECK_FALSE(d.fix.has_value());
        CHECK(galley::rules::keeps_words(source, {0, static_cast<uint32_t>(source.size())},
                                         fixed->source));
      }
    }
  }
}

TEST_CASE("every rule has fixtures, documentation and a working example", "[rules][meta]") {
  const std::string docs = read_file(fs::path(GALLEY_SOURCE_DIR) / "docs" / "rules.md");
  REQUIRE_FALSE(galley::rule_catalogue().empty());
  for (const galley::RuleInfo& rule : galley::rule_catalogue()) {
    DYNAMIC_SECTION(rule.id) {
      const std::vector<Fixture> fixtures = fixtures_of(rules_root() / rule.id);
      INFO("tests/rules/" << rule.id << "/ needs ok.{md,txt} and fail.{md,txt} with fail.expected");
      const auto ok =
          std::count_if(fixtures.begin(), fixtures.end(), [](const Fixture& f) { return !f.fail; });
      const auto fail =
          std::count_if(fixtures.begin(), fixtures.end(), [](const Fixture& f) { return f.fail; });
      CHECK(ok >= 1);
      CHECK(fail >= 1);
      for (size_t i = 0; i < fixtures.size(); ++i) {
        const Fixture& f = fixtures[i];
        if (f.fail) CHECK(fs::exists(f.input.parent_path() / (f.stem + ".expected")));
        // fail.md and fail.txt would share fail.expected.
        for (size_t j = 0; j < i; ++j) CHECK(fixtures[j].stem != f.stem);
      }
      if (rule.fixable) {
        const auto fixes = std::count_if(fixtures.begin(), fixtures.end(), [](const Fixture& f) {
          return f.fail && fs::exists(fix_expected_path(f));
        });
        INFO("a fixable rule needs fix.expected.{md,txt} beside its fail fixture");
        CHECK(fixes >= 1);
      }
      // Metadata that the catalogue and docs show.
      CHECK(rule.id.find('/') != std::string::npos);
      CHECK_FALSE(rule.summary.empty());
      CHECK_FALSE(rule.rationale.empty());
      CHECK_FALSE(rule.tags.empty());
      CHECK(docs.find("\n## `" + rule.id + "`\n") != std::string::npos);
      // The example fails (under its example options) and fixes to example_fixed.
      galley::Options base;
      base.outputs = 0;
      galley::Result<galley::Options> options =
          galley::rules::only_rule(rule, base, rule.example_options);
      REQUIRE(options.ok());
      galley::Result<galley::FormatResult> checked = galley::check(rule.example, options.value());
      REQUIRE(checked.ok());
      CHECK_FALSE(checked->diagnostics.empty());
      if (rule.fixable) {
        galley::Result<galley::FixResult> fixed = galley::fix(rule.example, options.value());
        REQUIRE(fixed.ok());
        CHECK(fixed->source == rule.example_fixed);
      } else {
        CHECK(rule.example_fixed.empty());
      }
    }
  }
}

TEST_CASE("every fixture folder belongs to a registered rule", "[rules][meta]") {
  // A folder for a renamed or removed rule would silently stop being tested.
  for (const auto& group : fs::directory_iterator(rules_root())) {
    if (!group.is_directory()) continue;
    for (const auto& rule : fs::directory_iterator(group.path())) {
      if (!rule.is_directory()) continue;
      const std::string id =
          group.path().filename().string() + "/" + rule.path().filename().string();
      INFO("tests/rules/" << id << " has no registered rule");
      CHECK(find_info(id) != nullptr);
    }
  }
}

TEST_CASE("docs/rules.md is generated from the current rule metadata", "[rules][docs]") {
  const fs::path path = fs::path(GALLEY_SOURCE_DIR) / "docs" / "rules.md";
  const std::string generated = galley::rules_to_markdown();
  if (updating()) write_file(path, generated);
  INFO(
      "docs/rules.md is stale: regenerate it with `galley rules --format markdown > "
      "docs/rules.md`");
  CHECK(read_file(path) == generated);
}
