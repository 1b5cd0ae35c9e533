// Rule configuration: ESLint-like JSON read into Options, with every refusal naming its key.
#include <catch2/catch.hpp>

#include "galley/cli.h"
#include "galley/galley.h"

namespace {

galley::Error refused(const std::string& json) {
  galley::Result<galley::Options> r = galley::parse_options(json);
  INFO("config " << json);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == galley::ErrorCode::invalid_options);
  return r.error();
}

size_t count_rule(const std::vector<galley::Diagnostic>& list, const std::string& rule) {
  size_t n = 0;
  for (const galley::Diagnostic& d : list) n += d.rule == rule ? 1 : 0;
  return n;
}

const std::string kSevenTakeaways =
    "# Talks resume in Berlin\n\nThe dek.\n\nThe story.\n\n## Key Takeaways\n\n- Point one of the "
    "story.\n"
    "- Point two of the story.\n- Point three of the story.\n- Point four of the story.\n"
    "- Point five of the story.\n- Point six of the story.\n- Point seven of the story.\n";

const galley::Diagnostic* find(const std::vector<galley::Diagnostic>& list,
                               const std::string& rule) {
  for (const galley::Diagnostic& d : list) {
    if (d.rule == rule) return &d;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("a config sets the profile, severities and options", "[config]") {
  galley::Result<galley::Options> o = galley::parse_options(
      R"({"profile": "blog", "rules": {"dek/missing": "error", "takeaways/count": ["info", {"min": 2, "max": 4}],
          "sentence/too-long": "off"}})");
  REQUIRE(o.ok());
  CHECK(o->profile == galley::Profile::blog);
  REQUIRE(o->rules.count("dek/missing") == 1);
  CHECK(o->rules.at("dek/missing").severity == galley::Severity::error);
  CHECK(o->rules.at("sentence/too-long").severity == galley::Severity::off);
  const galley::RuleSetting& count = o->rules.at("takeaways/count");
  CHECK(count.severity == galley::Severity::info);
  CHECK(std::get<double>(count.options.at("min")) == 2);
  CHECK(std::get<double>(count.options.at("max")) == 4);
}

TEST_CASE("configured severities and options change what check reports", "[config]") {
  galley::Result<galley::FormatResult> defaults = galley::check(kSevenTakeaways);
  REQUIRE(defaults.ok());
  const galley::Diagnostic* d = find(defaults->diagnostics, "takeaways/count");
  REQUIRE(d != nullptr);
  CHECK(d->severity == galley::Severity::warning);
  CHECK(d->message == "Takeaways has 7 items; at most 5 expected.");

  galley::Result<galley::Options> o =
      galley::parse_options(R"({"rules": {"takeaways/count": ["error", {"max": 8}]}})");
  REQUIRE(o.ok());
  galley::Result<galley::FormatResult> relaxed = galley::check(kSevenTakeaways, o.value());
  REQUIRE(relaxed.ok());
  CHECK(count_rule(relaxed->diagnostics, "takeaways/count") == 0);

  o = galley::parse_options(R"({"rules": {"takeaways/count": ["error", {"max": 6}]}})");
  REQUIRE(o.ok());
  galley::Result<galley::FormatResult> strict = galley::check(kSevenTakeaways, o.value());
  REQUIRE(strict.ok());
  d = find(strict->diagnostics, "takeaways/count");
  REQUIRE(d != nullptr);
  CHECK(d->severity == galley::Severity::error);
  CHECK(d->message == "Takeaways has 7 items; at most 6 expected.");

  o = galley::parse_options(R"({"rules": {"takeaways/count": "off"}})");
  REQUIRE(o.ok());
  galley::Result<galley::FormatResult> off = galley::check(kSevenTakeaways, o.value());
  REQUIRE(off.ok());
  CHECK(count_rule(off->diagnostics, "takeaways/count") == 0);
}

TEST_CASE("profiles change default severities", "[config]") {
  const std::string article =
      "# Talks resume in Berlin\n\n## What was agreed\n\nBoth sides want a deal.\n";
  for (const auto& [profile, severity] :
       {std::pair{"news", galley::Severity::warning}, std::pair{"blog", galley::Severity::info}}) {
    galley::Result<galley::Options> o =
        galley::parse_options(std::string(R"({"profile": ")") + profile + "\"}");
    REQUIRE(o.ok());
    galley::Result<galley::FormatResult> r = galley::check(article, o.value());
    REQUIRE(r.ok());
    const galley::Diagnostic* d = find(r->diagnostics, "dek/missing");
    INFO("profile " << profile);
    REQUIRE(d != nullptr);
    CHECK(d->severity == severity);
  }
  galley::Result<galley::Options> minimal = galley::parse_options(R"({"profile": "minimal"})");
  REQUIRE(minimal.ok());
  galley::Result<galley::FormatResult> r = galley::check(article, minimal.value());
  REQUIRE(r.ok());
  CHECK(count_rule(r->diagnostics, "dek/missing") == 0);
}

TEST_CASE("an unknown rule id is refused with the key and a suggestion", "[config]") {
  const galley::Error e = refused(R"({"rules": {"takeaway/count": "warning"}})");
  CHECK(e.field == "rules.takeaway/count");
  CHECK(e.message.find("Unknown rule 'takeaway/count'") != std::string::npos);
  CHECK(e.message.find("Did you mean 'takeaways/count'?") != std::string::npos);
  const galley::Error far = refused(R"({"rules": {"spelling/typo": "warning"}})");
  CHECK(far.field == "rules.spelling/typo");
  CHECK(far.message.find("Did you mean") == std::string::npos);
}

TEST_CASE("a bad severity is refused with its key", "[config]") {
  galley::Error e = refused(R"({"rules": {"dek/missing": "warn"}})");
  CHECK(e.field == "rules.dek/missing");
  CHECK(e.message.find("\"warn\"") != std::string::npos);
  CHECK(e.message.find("\"off\", \"info\", \"warning\" or \"error\"") != std::string::npos);
  e = refused(R"({"rules": {"dek/missing": ["fatal", {}]}})");
  CHECK(e.field == "rules.dek/missing[0]");
  e = refused(R"({"rules": {"dek/missing": 2}})");
  CHECK(e.field == "rules.dek/missing");
  CHECK(e.message.find("a number") != std::string::npos);
  e = refused(R"({"rules": {"dek/missing": []}})");
  CHECK(e.field == "rules.dek/missing");
  e = refused(R"({"rules": {"dek/missing": ["warning", {}, {}]}})");
  CHECK(e.field == "rules.dek/missing");
}

TEST_CASE("options of the wrong type are refused with their key", "[config]") {
  galley::Error e = refused(R"({"rules": {"takeaways/count": ["warning", {"max": "5"}]}})");
  CHECK(e.field == "rules.takeaways/count.max");
  CHECK(e.message == "Rule option 'rules.takeaways/count.max' must be an integer; got a string.");
  e = refused(R"({"rules": {"takeaways/count": ["warning", {"max": 4.5}]}})");
  CHECK(e.field == "rules.takeaways/count.max");
  e = refused(R"({"rules": {"takeaways/count": ["warning", {"min": -1}]}})");
  CHECK(e.field == "rules.takeaways/count.min");
  CHECK(e.message.find("0 or more") != std::string::npos);
  e = refused(R"({"rules": {"sentence/too-long": ["warning", {"max-share": true}]}})");
  CHECK(e.field == "rules.sentence/too-long.max-share");
  CHECK(e.message.find("must be a number; got a boolean") != std::string::npos);
  e = refused(
      R"({"rules": {"heading/trailing-punctuation": ["warning", {"punctuation": [":"]}]}})");
  CHECK(e.field == "rules.heading/trailing-punctuation.punctuation");
  e = refused(R"({"rules": {"takeaways/count": ["warning", [3, 5]]}})");
  CHECK(e.field == "rules.takeaways/count[1]");
}

TEST_CASE("unknown options are refused with the rule's known options", "[config]") {
  galley::Error e = refused(R"({"rules": {"takeaways/count": ["warning", {"maximum": 5}]}})");
  CHECK(e.field == "rules.takeaways/count.maximum");
  CHECK(e.message == "Rule 'takeaways/count' has no option 'maximum'; it has: min, max.");
  e = refused(R"({"rules": {"dek/missing": ["warning", {"max": 5}]}})");
  CHECK(e.field == "rules.dek/missing.max");
  CHECK(e.message == "Rule 'dek/missing' has no option 'max'.");
}

TEST_CASE("bounds that contradict each other are refused", "[config]") {
  galley::Error e = refused(R"({"rules": {"takeaways/count": ["warning", {"min": 6, "max": 4}]}})");
  CHECK(e.field == "rules.takeaways/count.min");
  CHECK(e.message.find("greater than max") != std::string::npos);
  // Only max set, below the default min of 3.
  e = refused(R"({"rules": {"takeaways/count": ["warning", {"max": 2}]}})");
  CHECK(e.field == "rules.takeaways/count.max");
  e = refused(R"({"rules": {"author/bio-length": ["warning", {"min-words": 200}]}})");
  CHECK(e.field == "rules.author/bio-length.min-words");
  CHECK(
      galley::parse_options(R"({"rules": {"takeaways/count": ["warning", {"min": 4, "max": 4}]}})")
          .ok());
}

TEST_CASE("malformed configs are refused, naming the key", "[config]") {
  CHECK(refused(R"({"rules": ["dek/missing"]})").field == "rules");
  CHECK(refused(R"({"profile": "newspaper"})").field == "profile");
  CHECK(refused(R"({"rulez": {}})").field == "rulez");
  CHECK(refused(R"([1, 2])").message.find("must be a JSON object") != std::string::npos);
  const galley::Error e = refused(R"({"rules": {"dek/missing": "warning",}})");
  CHECK_FALSE(e.message.empty());
}

TEST_CASE("apply_config layers a config file over options", "[config]") {
  galley::Result<galley::Options> base =
      galley::parse_options(R"({"input": "text", "rules": {"dek/missing": "error"}})");
  REQUIRE(base.ok());
  galley::Result<galley::Options> layered = galley::apply_config(
      R"({"profile": "blog", "rules": {"takeaways/count": ["warning", {"max": 6}]}})",
      base.value());
  REQUIRE(layered.ok());
  CHECK(layered->input == galley::InputMode::text);
  CHECK(layered->profile == galley::Profile::blog);
  CHECK(layered->rules.at("dek/missing").severity == galley::Severity::error);
  CHECK(std::get<double>(layered->rules.at("takeaways/count").options.at("max")) == 6);
  // A later severity alone keeps earlier options.
  layered = galley::apply_config(R"({"rules": {"takeaways/count": "error"}})", layered.value());
  REQUIRE(layered.ok());
  CHECK(layered->rules.at("takeaways/count").severity == galley::Severity::error);
  CHECK(std::get<double>(layered->rules.at("takeaways/count").options.at("max")) == 6);
}

TEST_CASE("the JSON API and the CLI report config errors with the key", "[config]") {
  const std::string out = galley::run_json(
      "check", "# Headline\n", R"({"rules": {"takeaways/count": ["warning", {"max": "5"}]}})");
  CHECK(out.find("\"ok\":false") != std::string::npos);
  CHECK(out.find("\"code\":\"invalid-options\"") != std::string::npos);
  CHECK(out.find("\"field\":\"rules.takeaways/count.max\"") != std::string::npos);

  struct Files : galley::cli::Io {
    std::optional<std::string> read(const std::string& path) override {
      if (path == "article.md") return std::string("# Headline\n\nThe dek.\n");
      if (path == "galley.json")
        return std::string(R"({"rules": {"takeaways/count": ["warning", {"max": "5"}]}})");
      return std::nullopt;
    }
    bool write(const std::string&, std::string_view) override { return false; }
  } io;
  CHECK(galley::cli::run({"check", "article.md", "--config", "galley.json"}, io) == 2);
  CHECK(io.err.find("rules.takeaways/count.max") != std::string::npos);
}
