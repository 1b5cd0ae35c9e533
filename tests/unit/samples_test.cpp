// Held to real text: for every file in tests/samples, the headline, dek, authors, headings and
// quotes read off the file by hand, and the input mode auto-detection chooses.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "galley/galley.h"
#include "test_support.h"
#include "text_util.h"

namespace fs = std::filesystem;

using galley::test::read_file;
using galley::test::text_of;

namespace {

struct ExpectedQuote {
  std::string starts;   // the quote's text starts with this
  std::string speaker;  // empty: none
  galley::QuoteKind kind = galley::QuoteKind::inline_quote;
};

struct Expected {
  std::string file;
  galley::InputMode mode;
  std::string headline;  // empty: none
  std::string dek;       // the dek starts with this; empty: none
  std::vector<std::string> authors;
  std::vector<std::string> headings;  // section headings in order (sections without one skipped)
  std::vector<ExpectedQuote> quotes;  // every quote, in order
  std::string author_box;             // the author box's name; empty: none
};

using K = galley::QuoteKind;

const std::vector<Expected>& expectations() {
  static const std::vector<Expected> list = {
      {"security-guarantees.txt",
       galley::InputMode::text,
       "",
       "The United States and European leaders are inching toward a new security framework",
       {"Madhani", "Seung Min Kim", "Darlene Superville", "Pietro De Cristofaro", "Illia Novikov", "Katie Marie Davies"},
       {"A New Chapter in Ukraine\xE2\x80\x99s Security", "Building a Multinational Shield",
        "Stubborn Hurdles: Territory and Legality", "Drone Strikes Intensify the Tension"},
       {{"I think we\xE2\x80\x99re closer now", "Donald Trump"},
        {"We\xE2\x80\x99re having tremendous support", "Donald Trump"},
        {"robust security guarantees", ""},
        {"multinational force Ukraine", ""},
        {"Article 5", ""},
        {"truly far", "Friedrich Merz"},
        {"substantial", "Volodymyr Zelenskyy"},
        {"thankless task", "Dmitry Peskov"},
        {"He is open to peace", "Dmitry Peskov"}},
       "Morgan J. Carter"},
      {"digitalgov/2013-05-01-harvards-top-25-innovations-in-government.md",
       galley::InputMode::markdown,
       "Harvard\xE2\x80\x99s Top 25 Innovations in Government",
       "Nine federal programs made the list! Harvard\xE2\x80\x99s Ash Center",
       {"tammi-marcoullier"},
       {},
       {{"\xE2\x80\xA6 this is a story about innovation in government", "Washington Post", K::block},
        {"Challenge.gov is the federal government\xE2\x80\x99s online portal", "", K::block},
        {"The National Archives has created a role", "", K::block},
        {"Consular Team India swapped stove piping", "", K::block},
        {"IdeaHub is an online community", "", K::block},
        {"LAUNCH is a public-private partnership", "", K::block},
        {"The Office of the National Coordinator", "", K::block},
        {"The Neighborhood Revitalization Initiative", "", K::block},
        {"The Environmental Protection Agency\xE2\x80\x99s Re-Powering", "", K::block},
        {"The Sustainable Communities Initiative", "", K::block}},
       ""},
      {"digitalgov/2013-09-19-national-science-foundations-science-and-engineering-indicators-app.md",
       galley::InputMode::markdown,
       "National Science Foundation\xE2\x80\x99s Science and Engineering Indicators App",
       "The National Science Foundation\xE2\x80\x99s National Science Board has developed",
       {},
       {},
       {{"The biennial SEI report is a comprehensive source", "", K::block}},
       ""},
      {"digitalgov/2014-06-02-openfda-and-drug-adverse-events.md",
       galley::InputMode::markdown,
       "openFDA and Drug Adverse Events",
       "openFDA launched today",
       {"Sean Herron"},  // the user name "sean-herron", named by the author box
       {},
       {},
       "Sean Herron"},
      {"digitalgov/2019-03-26-a-year-in-life-a-pif.md",
       galley::InputMode::markdown,
       "A Year in the Life of a PIF",
       "Advice on how to make the most impact",
       {"Zach Goldfine"},  // the user name "zach-goldfine", named by the author box
       {"Deeper Dive", "#1 \xE2\x80\x94\xC2\xA0" "Do Discovery + Get Quick Wins: 3-5 Months", "#2 \xE2\x80\x94 Get Stuff Done: 3-5 months",
        "#3 \xE2\x80\x94 Pass the Baton: 3-5 months"},
       {{"What does a successful PIF year typically look like?", ""},
        {"Get Stuff Done", ""},
        {"Befriend Partners", ""},
        {"Get Stuff Done", ""}},
       "Zach Goldfine"},
      {"digitalgov/2019-11-18-building-elements-that-earn-trust.md",
       galley::InputMode::markdown,
       "Building the Elements That Earn Trust",
       "Let\xE2\x80\x99s talk about the elements that go into building trust",
       {"jeremyzilar", "ammie-farraj-feijoo", "dan-williams"},
       {"Up Next", "Quotes from the field and shout-outs"},
       {{"The people when rightly and fully trusted will return the trust.", "Abraham Lincoln", K::pull},
        {"To deliver an experience that is trustworthy", "", K::block}},
       ""},
      {"18f/2015-02-18-steve-portigal-pre-event-qa-post.md",
       galley::InputMode::markdown,
       "Five questions with Steve Portigal",
       "Since October, 18F has been bringing in noted individuals",
       {"brethauer"},
       {},
       {},
       ""},
      {"18f/2015-11-09-conversation-with-cfpb-natalie-kurz.md",
       galley::InputMode::markdown,
       "In conversation with CFPB\xE2\x80\x99s Natalie Kurz",
       "Last month, content strategist and UX designer Natalie Kurz",
       {"kate"},
       {},
       {{"mobile", ""},
        {"off.", ""},
        {"behind the scenes", ""},
        {"write some content that goes here.", ""},
        {"all the things", ""},
        {"minimal viable product", ""},
        {"minimal viable strategy.", ""},
        {"small content strategy", ""},
        {"lorem ipsum", ""}},
       ""},
      {"18f/2016-10-11-getting-the-most-juice-out-of-the-squeeze.md",
       galley::InputMode::markdown,
       "Get the most juice out of the squeeze",
       "Through analytics and moderated sessions",
       {"porta"},
       {},
       {{"\xE2\x80\x9CI might like to find every enforcement action", "", K::block},
        {"Which juice is worth the squeeze?", "", K::block}},
       ""},
      {"18f/2020-11-23-the-key-role-of-product-owners-in-federated-data-projects.md",
       galley::InputMode::markdown,
       "The Key Role of Product Owners in Federated Data Projects",
       "Dedicated product owners \xE2\x80\x94 meaning those that are empowered, well-resourced, and committed",
       {"princess-ojiaku", "jennifer-damis"},
       {"The formula: cross-agency work plus dedicated resources", "Product ownership creates federated resources",
        "Steps toward product ownership"},
       {{"data user agreement generator", ""},
        {"the U.S. Data Federation Project seeks to address", "Julia Lindpaintner"},
        {"A product owner is empowered by their agency", ""}},
       ""},
  };
  return list;
}

}  // namespace

TEST_CASE("every sample has its expectations", "[samples]") {
  const fs::path root = fs::path(GALLEY_TEST_DATA) / "samples";
  size_t files = 0;
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    if (!e.is_regular_file() || e.path().filename() == "README.md") continue;
    ++files;
    const std::string rel = fs::relative(e.path(), root).generic_string();
    bool found = false;
    for (const Expected& x : expectations()) found = found || x.file == rel;
    INFO(rel);
    CHECK(found);
  }
  CHECK(files == expectations().size());
}

TEST_CASE("the samples are recognised as read by hand", "[samples]") {
  for (const Expected& x : expectations()) {
    INFO("sample " << x.file);
    galley::Options options;
    options.outputs = 0;
    const auto r = galley::format(read_file(fs::path(GALLEY_TEST_DATA) / "samples" / x.file), options);
    REQUIRE(r.ok());
    const galley::Article& a = r->article;
    CHECK(r->mode == x.mode);
    if (x.headline.empty()) {
      CHECK_FALSE(a.headline);
    } else {
      REQUIRE(a.headline);
      CHECK(text_of(*a.headline) == x.headline);
    }
    if (x.dek.empty()) {
      CHECK_FALSE(a.dek);
    } else {
      REQUIRE(a.dek);
      CHECK(text_of(*a.dek).rfind(x.dek, 0) == 0);
    }
    std::vector<std::string> authors;
    for (const galley::Person& p : a.byline) authors.push_back(p.name);
    CHECK(authors == x.authors);
    std::vector<std::string> headings;
    for (const galley::Section& s : a.sections) {
      if (s.heading) headings.push_back(text_of(*s.heading));
    }
    CHECK(headings == x.headings);
    REQUIRE(a.quotes.size() == x.quotes.size());
    for (size_t i = 0; i < x.quotes.size(); ++i) {
      INFO("quote " << i << ": " << a.quotes[i].text);
      CHECK(a.quotes[i].text.rfind(x.quotes[i].starts, 0) == 0);
      CHECK(a.quotes[i].speaker == x.quotes[i].speaker);
      CHECK(a.quotes[i].kind == x.quotes[i].kind);
    }
    if (x.author_box.empty()) {
      CHECK_FALSE(a.author_box);
    } else {
      REQUIRE(a.author_box);
      CHECK(a.author_box->name == x.author_box);
    }
  }
}

TEST_CASE("the sample article, part by part", "[samples]") {
  galley::Options options;
  options.outputs = 0;
  const auto r = galley::format(read_file(fs::path(GALLEY_TEST_DATA) / "samples" / "security-guarantees.txt"), options);
  REQUIRE(r.ok());
  const galley::Article& a = r->article;
  // Four sections with 3, 4, 6 and 3 paragraphs, then the closing paragraph after the takeaways.
  REQUIRE(a.sections.size() == 5);
  const size_t paragraphs[] = {3, 4, 6, 3, 1};
  for (size_t i = 0; i < 5; ++i) CHECK(a.sections[i].blocks.size() == paragraphs[i]);
  CHECK_FALSE(a.sections[4].heading);
  CHECK(r->article.dek->range.begin == 0);
  REQUIRE(a.credits);
  REQUIRE(a.credits->heading);
  CHECK(text_of(*a.credits->heading) == "Reporters on the Ground");
  const char* locations[] = {"Washington", "Washington", "Washington", "Berlin", "Kyiv", "Manchester, England"};
  REQUIRE(a.credits->people.size() == 6);
  for (size_t i = 0; i < 6; ++i) CHECK(a.credits->people[i].location == locations[i]);
  REQUIRE(a.takeaways);
  CHECK(text_of(a.takeaways->heading) == "Key Takeaways");
  CHECK(a.takeaways->items.size() == 3);
  REQUIRE(a.author_box);
  CHECK(a.author_box->role == "journalist");
  CHECK(a.author_box->bio.size() == 3);
  // Scare quotes need no speaker; the partial quotes are told apart from full statements.
  for (const galley::Quote& q : a.quotes) {
    INFO(q.text);
    const bool scare = q.text.rfind("robust", 0) == 0 || q.text.rfind("multinational", 0) == 0 ||
                       q.text.rfind("substantial", 0) == 0 || q.text.rfind("thankless", 0) == 0 ||
                       q.text.rfind("Article", 0) == 0;
    CHECK(q.scare == scare);
    const bool statement = q.text.rfind("I think", 0) == 0 || q.text.rfind("We\xE2\x80\x99re", 0) == 0 ||
                           q.text.rfind("He is open", 0) == 0;
    CHECK(q.partial == !statement);
  }
}
