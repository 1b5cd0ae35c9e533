// Takeaways, credits and author box: labels in English, German, French and Options::labels,
// credited people with roles and locations, bios found by heading, italics or their opening,
// and text that fits no part staying in a section where it stood.
#include <catch2/catch.hpp>
#include <string>

#include "galley/galley.h"
#include "test_support.h"
#include "text_util.h"

using galley::Article;
using galley::InputMode;

using galley::test::text_of;
using galley::test::article_of;

namespace {


}  // namespace

TEST_CASE("takeaways: a label over a list, in three languages and configured extras", "[structure][parts]") {
  for (const char* label : {"Key Takeaways", "What to know", "Das Wichtigste in Kürze", "Auf einen Blick",
                            "À retenir", "L’essentiel", "Ce qu'il faut retenir"}) {
    INFO(label);
    const Article a = article_of(std::string("# Headline\n\nDek paragraph.\n\n## ") + label +
                                 "\n\n- One\n- Two\n- Three\n\nA closing paragraph.\n");
    REQUIRE(a.takeaways);
    CHECK(text_of(a.takeaways->heading) == label);
    REQUIRE(a.takeaways->items.size() == 3);
    CHECK(text_of(a.takeaways->items[2]) == "Three");
    CHECK(a.takeaways->how.confidence == 1.0f);
    // The closing paragraph stays, in a section of its own where it stood.
    REQUIRE(a.sections.size() == 1);
    CHECK_FALSE(a.sections[0].heading);
    CHECK(a.sections[0].range.begin > a.takeaways->range.end);
  }
  SECTION("a bold label line") {
    const Article a = article_of("# H\n\nDek.\n\n**Key points**\n\n1. First\n2. Second\n");
    REQUIRE(a.takeaways);
    CHECK(a.takeaways->ordered);
    CHECK(a.takeaways->how.reason == "takeaways-label-over-list");
  }
  SECTION("a label over text is a plain section") {
    const Article a = article_of("# H\n\nDek.\n\n## Key Takeaways\n\nNot a list.\n");
    CHECK_FALSE(a.takeaways);
    REQUIRE(a.sections.size() == 1);
    CHECK(text_of(*a.sections[0].heading) == "Key Takeaways");
  }
  SECTION("Options::labels") {
    galley::Options options;
    options.labels.takeaways.push_back("The Short of It");
    CHECK_FALSE(article_of("# H\n\nDek.\n\n## The Short of It\n\n- a\n- b\n").takeaways);
    CHECK(article_of("# H\n\nDek.\n\n## The Short of It\n\n- a\n- b\n", InputMode::automatic, options).takeaways);
  }
}

TEST_CASE("credits: people with roles and locations", "[structure][parts]") {
  SECTION("reported by, additional reporting by") {
    const Article a = article_of(
        "# H\n\nDek.\n\nBody.\n\nReported by Jane Doe and John Roe in London; additional reporting by Li Wei in Beijing "
        "and Amira Haddad in Cairo. Editing by Peter Müller.\n");
    REQUIRE(a.credits);
    CHECK(a.credits->how.reason == "credits-opening");
    const auto& p = a.credits->people;
    REQUIRE(p.size() == 5);
    CHECK(p[0].name == "Jane Doe");
    CHECK(p[0].role == "reporting");
    CHECK(p[0].location == "London");
    CHECK(p[1].name == "John Roe");
    CHECK(p[1].location == "London");
    CHECK(p[2].name == "Li Wei");
    CHECK(p[2].role == "additional reporting");
    CHECK(p[2].location == "Beijing");
    CHECK(p[3].location == "Cairo");
    CHECK(p[4].name == "Peter Müller");
    CHECK(p[4].role == "editing");
    // Names point into the source.
    CHECK(a.credits->people[2].range.end - a.credits->people[2].range.begin == 6);
  }
  SECTION("under a credits heading, text mode") {
    const Article a = article_of(
        "The talks went on for a second day in Berlin, with no agreement in sight yet.\n"
        "Reporters on the Ground\n"
        "The story was reported by Madhani in Washington; Katie Marie Davies in Manchester, England.\n",
        InputMode::text);
    REQUIRE(a.credits);
    REQUIRE(a.credits->heading);
    CHECK(text_of(*a.credits->heading) == "Reporters on the Ground");
    REQUIRE(a.credits->people.size() == 2);
    CHECK(a.credits->people[0].name == "Madhani");
    CHECK(a.credits->people[1].location == "Manchester, England");
    // With no byline, the credited reporters are the byline.
    REQUIRE(a.byline.size() == 2);
    CHECK(a.byline_how.reason == "credits");
  }
  SECTION("contributed to this report; Mitarbeit; Avec la collaboration de") {
    const Article en = article_of("Headline here\nBody text of the story.\nAP writer Emma Burrows in London contributed to this report.\n",
                                  InputMode::text);
    REQUIRE(en.credits);
    REQUIRE(en.credits->people.size() == 1);
    CHECK(en.credits->people[0].name == "Emma Burrows");
    CHECK(en.credits->people[0].location == "London");
    CHECK(en.credits->people[0].role == "contributing");
    const Article de = article_of("Überschrift hier\nText der Geschichte.\nMitarbeit: Lukas Becker (Paris), Sophie Wagner\n",
                                  InputMode::text);
    REQUIRE(de.credits);
    REQUIRE(de.credits->people.size() == 2);
    CHECK(de.credits->people[0].location == "Paris");
    CHECK(de.credits->people[1].name == "Sophie Wagner");
    CHECK(de.credits->people[1].location.empty());
    const Article fr = article_of("Un titre ici\nLe texte de l’article.\nAvec la collaboration de Marc Le Goff à Lorient.\n",
                                  InputMode::text);
    REQUIRE(fr.credits);
    REQUIRE(fr.credits->people.size() == 1);
    CHECK(fr.credits->people[0].name == "Marc Le Goff");
    CHECK(fr.credits->people[0].location == "Lorient");
  }
  SECTION("a paragraph that merely mentions reporting is not the credits") {
    CHECK_FALSE(article_of("# H\n\nDek.\n\nThe council said reporting by local papers was unfair.\n").credits);
  }
  SECTION("a short credits line counts; the same words in a paragraph of 40 KB do not") {
    const std::string line = "Reported by Jane Doe in London.";
    const Article shortened = article_of("# H\n\nDek.\n\nBody.\n\n" + line + " " + std::string(100, '|') + "\n");
    REQUIRE(shortened.credits);
    CHECK(shortened.credits->people.size() == 1);
    // Past 256 bytes per word the recognisers allow, a paragraph is not counted, let alone read.
    const Article huge = article_of("# H\n\nDek.\n\nBody.\n\n" + line + " " + std::string(40000, '|') + "\n");
    CHECK_FALSE(huge.credits);
    CHECK(huge.meta.word_count == 9);  // H, Dek, Body and the line: every word still counted
  }
}

TEST_CASE("author box: heading, italic bio line, trailing bio paragraphs", "[structure][parts]") {
  SECTION("About the author, in three languages") {
    for (const char* label : {"About the author", "Über die Autorin", "À propos de l’auteur"}) {
      INFO(label);
      const Article a = article_of(std::string("# H\n\nDek.\n\nBody.\n\n## ") + label +
                                   "\n\nJane Doe is a reporter for the [Gazette](https://example.org).\n\nShe lives in Leeds.\n");
      REQUIRE(a.author_box);
      REQUIRE(a.author_box->heading);
      CHECK(a.author_box->name == "Jane Doe");
      CHECK(a.author_box->role == "reporter");
      CHECK(a.author_box->bio.size() == 2);
      CHECK(a.author_box->links == std::vector<std::string>{"https://example.org"});
      CHECK(a.author_box->how.reason == "author-heading");
    }
  }
  SECTION("italic bio line") {
    const Article a = article_of(
        "# H\n\nDek.\n\nBody text.\n\n---\n\n_Sean Herron is a Presidential Innovation Fellow serving at FDA._\n");
    REQUIRE(a.author_box);
    CHECK(a.author_box->name == "Sean Herron");
    CHECK(a.author_box->role == "Presidential Innovation Fellow");
    CHECK(a.author_box->how.reason == "italic-bio-line");
  }
  SECTION("an italic closing line that names no one is no bio") {
    CHECK_FALSE(article_of("# H\n\nDek.\n\nBody.\n\n_Have a question? Write to us._\n").author_box);
  }
  SECTION("trailing paragraphs that open like a bio, and those about the same person") {
    const Article a = article_of(
        "A headline for the story\n"
        "The story’s first paragraph, which is long enough to be a paragraph of text.\n"
        "A closing paragraph that ends the story itself.\n"
        "Morgan J. Carter is a Texas-based journalist covering local government.\n"
        "Morgan has reported from Austin for six years.\n"
        "When not reporting, Morgan hikes.\n",
        InputMode::text);
    REQUIRE(a.author_box);
    CHECK(a.author_box->name == "Morgan J. Carter");
    CHECK(a.author_box->role == "journalist");
    CHECK(a.author_box->bio.size() == 3);
    CHECK(a.author_box->how.reason == "trailing-bio-paragraph");
    REQUIRE(a.sections.size() == 1);
    CHECK(a.sections[0].blocks.size() == 1);  // the closing paragraph stays in the story
  }
  SECTION("a person described mid-article is not the author box") {
    const Article a = article_of(
        "A headline for the story\n"
        "Jane Doe is a reporter who broke the story in 2019.\n"
        "She was fired a year later, and the paper closed.\n"
        "The paper’s archive is now held by the county library.\n"
        "Its reading room is open on weekdays.\n"
        "Visitors need an appointment.\n"
        "Copies cost ten cents a page.\n",
        InputMode::text);
    CHECK_FALSE(a.author_box);
  }
  SECTION("front matter author_bio") {
    const Article a = article_of("---\ntitle: T\nauthor: Jane Doe\nauthor_bio: Jane Doe is an editor.\n---\n\nBody.\n");
    REQUIRE(a.author_box);
    CHECK(a.author_box->name == "Jane Doe");
    CHECK(a.author_box->role == "editor");
  }
}
