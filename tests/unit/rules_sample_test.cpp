// The editorial rules on the real sample article (tests/samples/security-guarantees.txt, profile
// news): what they must find, and the quotations they must not flag.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "galley/galley.h"

namespace fs = std::filesystem;

namespace {

std::string sample() {
  std::ifstream in(fs::path(GALLEY_TEST_DATA) / "samples" / "security-guarantees.txt",
                   std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

bool typography(const galley::Diagnostic& d) { return d.rule.rfind("typography/", 0) == 0; }

std::vector<const galley::Diagnostic*> of(const std::vector<galley::Diagnostic>& list,
                                          const std::string& rule) {
  std::vector<const galley::Diagnostic*> out;
  for (const galley::Diagnostic& d : list) {
    if (d.rule == rule) out.push_back(&d);
  }
  return out;
}

}  // namespace

TEST_CASE("the sample: headline/missing, author/not-credited and no false quote findings",
          "[rules][sample]") {
  const std::string src = sample();
  REQUIRE_FALSE(src.empty());
  galley::Result<galley::FormatResult> r = galley::check(src);  // auto input, news profile
  REQUIRE(r.ok());
  CHECK(r->mode == galley::InputMode::text);
  const std::vector<galley::Diagnostic>& all = r->diagnostics;

  const auto headline = of(all, "headline/missing");
  REQUIRE(headline.size() == 1);
  CHECK(headline[0]->severity == galley::Severity::error);
  CHECK(headline[0]->line == 1);

  const auto author = of(all, "author/not-credited");
  REQUIRE(author.size() == 1);
  CHECK(author[0]->severity == galley::Severity::warning);
  CHECK(author[0]->line == 31);
  CHECK(author[0]->message.find("Morgan J. Carter") != std::string::npos);
  CHECK(author[0]->message.find("Madhani") != std::string::npos);

  // Every quotation in the sample is closed, and every full statement has its speaker.
  CHECK(of(all, "quotes/unbalanced").empty());
  CHECK(of(all, "quotes/unattributed").empty());

  // The sample has credits, takeaways (three items) and an author box; its first line is a lede.
  for (const char* absent :
       {"author/missing", "author/name", "author/bio-length", "takeaways/missing",
        "takeaways/count", "takeaways/item-length", "takeaways/duplicate", "dek/missing",
        "heading/duplicate", "heading/trailing-punctuation", "heading/length", "section/empty",
        "section/too-long", "paragraph/too-long", "links/unsafe-url", "links/empty-text",
        "images/alt-missing", "input/invalid-utf8"}) {
    INFO(absent);
    CHECK(of(all, absent).empty());
  }
  // Its sentences are long: far more than a quarter have over 20 words (quoted speech left out),
  // so each long one is marked.
  const auto long_sentences = of(all, "sentence/too-long");
  CHECK(long_sentences.size() >= 10);
  for (const galley::Diagnostic* d : long_sentences)
    CHECK(d->severity == galley::Severity::warning);

  // Nothing else outside typography (which has its own tests).
  for (const galley::Diagnostic& d : all) {
    if (typography(d)) continue;
    INFO(d.rule << " " << d.line << ":" << d.column << " " << d.message);
    CHECK((d.rule == "headline/missing" || d.rule == "author/not-credited" ||
           d.rule == "sentence/too-long" || d.rule == "input/mode" ||
           d.rule == "sentence/repeated-start"));
  }
}

TEST_CASE("the sample after fix(): only what cannot be fixed automatically remains",
          "[rules][sample][fix]") {
  const std::string src = sample();
  galley::Result<galley::FixResult> fixed = galley::fix(src);
  REQUIRE(fixed.ok());
  for (const galley::Diagnostic& d : fixed->remaining) {
    INFO(d.rule << " " << d.line << ":" << d.column);
    CHECK_FALSE(d.fix.has_value());
  }
  CHECK(of(fixed->remaining, "headline/missing").size() == 1);
  CHECK(of(fixed->remaining, "author/not-credited").size() == 1);
  CHECK(of(fixed->remaining, "quotes/unbalanced").empty());
  CHECK(of(fixed->remaining, "quotes/unattributed").empty());
}
