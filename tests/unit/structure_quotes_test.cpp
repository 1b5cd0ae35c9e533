// Quotes and speakers: inline quotes in English, German and French marks, speakers linked by
// speech verbs before or after, "He added" and surnames resolved to earlier speakers, partial
// and scare quotes told apart, block quotes with attribution lines and quote shortcodes.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "galley/galley.h"

using galley::Quote;
using galley::QuoteKind;

namespace {

std::vector<Quote> quotes_of(const std::string& source, galley::InputMode mode = galley::InputMode::automatic) {
  galley::Options options;
  options.input = mode;
  options.outputs = 0;
  const auto r = galley::format(source, options);
  REQUIRE(r.ok());
  return r->article.quotes;
}

const Quote* find(const std::vector<Quote>& quotes, const std::string& start) {
  for (const Quote& q : quotes) {
    if (q.text.rfind(start, 0) == 0) return &q;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("speaker after the quote: name then verb, verb then name, pronoun", "[structure][quotes]") {
  const auto quotes = quotes_of(
      "Talks resume\n"
      "“We are closer than ever,” President Donald Trump told reporters on Monday.\n"
      "“It is a thankless task,” said Kremlin spokesman Dmitry Peskov, who spoke by phone.\n"
      "“We will see,” he said.\n"
      "“Nothing is agreed,” Peskov added later.\n",
      galley::InputMode::text);
  REQUIRE(quotes.size() == 4);
  CHECK(quotes[0].speaker == "Donald Trump");
  CHECK(quotes[0].how.reason == "name-then-verb-after-quote");
  CHECK_FALSE(quotes[0].partial);
  CHECK_FALSE(quotes[0].scare);
  CHECK(quotes[1].speaker == "Dmitry Peskov");
  CHECK(quotes[1].how.reason == "verb-then-name-after-quote");
  CHECK(quotes[2].speaker == "Dmitry Peskov");  // "he" is the previous speaker
  CHECK(quotes[2].how.reason == "pronoun-after-quote");
  CHECK(quotes[3].speaker == "Dmitry Peskov");  // the surname resolves to the full name
  CHECK(quotes[0].text == "We are closer than ever");
}

TEST_CASE("speaker before the quote, partial and scare quotes", "[structure][quotes]") {
  const std::string text =
      "A summit in Berlin\n"
      "Ukraine’s President Volodymyr Zelenskyy met European leaders in Berlin on Monday.\n"
      "German Chancellor Friedrich Merz praised the progress, calling it a “truly far-reaching, substantial agreement.”\n"
      "He added: “Europe is ready.”\n"
      "Zelenskyy described the talks as “substantial” but said differences remained.\n"
      "Leaders in Berlin stressed their commitment to “robust guarantees,” officials noted.\n"
      "According to Peter Müller, the numbers are “not final yet, and may change.”\n";
  const auto quotes = quotes_of(text, galley::InputMode::text);
  const Quote* merz = find(quotes, "truly");
  REQUIRE(merz);
  CHECK(merz->speaker == "Friedrich Merz");
  CHECK(merz->partial);
  CHECK_FALSE(merz->scare);
  const Quote* ready = find(quotes, "Europe is ready");
  REQUIRE(ready);
  CHECK(ready->speaker == "Friedrich Merz");
  CHECK_FALSE(ready->partial);
  const Quote* substantial = find(quotes, "substantial");
  REQUIRE(substantial);
  CHECK(substantial->scare);
  CHECK(substantial->partial);
  CHECK(substantial->speaker == "Volodymyr Zelenskyy");  // named in full earlier
  const Quote* robust = find(quotes, "robust guarantees");
  REQUIRE(robust);
  CHECK(robust->scare);
  CHECK(robust->speaker.empty());  // "Leaders in Berlin" is no person, "Berlin" a place
  const Quote* mueller = find(quotes, "not final");
  REQUIRE(mueller);
  CHECK(mueller->speaker == "Peter Müller");
  CHECK(mueller->how.reason == "according-to");
}

TEST_CASE("the adjoining sentence and a paragraph ending in a colon name the speaker", "[structure][quotes]") {
  const auto quotes = quotes_of(
      "Flood defences hold\n"
      "Mayor Ana María López spoke to reporters at the river on Tuesday morning. “The walls held.”\n"
      "The engineer in charge, Li Wei, told the council:\n"
      "“We raised them by a metre last year, and it was worth every cent.”\n",
      galley::InputMode::text);
  REQUIRE(quotes.size() == 2);
  CHECK(quotes[0].speaker == "Ana María López");
  CHECK(quotes[0].how.reason == "adjoining-sentence");
  CHECK(quotes[1].speaker == "Li Wei");
  CHECK(quotes[1].how.reason == "introduced-by-previous-paragraph");
}

TEST_CASE("German „…“ and French « … » quotations", "[structure][quotes]") {
  const auto de = quotes_of(
      "Einigung in Berlin\n"
      "„Wir haben keine Zeit zu verlieren“, sagte Verteidigungsminister Boris Pistorius am Dienstag.\n"
      "Das Projekt sei ein „Meilenstein“, hieß es aus dem Ministerium.\n"
      "„Das ist gut“, so Pistorius.\n",
      galley::InputMode::text);
  REQUIRE(de.size() == 3);
  CHECK(de[0].speaker == "Boris Pistorius");
  CHECK(de[1].scare);
  CHECK(de[2].speaker == "Boris Pistorius");
  const auto fr = quotes_of(
      "La Bretagne mise sur l’éolien\n"
      "« C’est une journée historique », a déclaré Loïg Chesnais-Girard, président du conseil régional.\n"
      "Selon Yannick Le Bihan, le projet est « trop rapide ».\n",
      galley::InputMode::text);
  REQUIRE(fr.size() == 2);
  CHECK(fr[0].speaker == "Loïg Chesnais-Girard");
  CHECK(fr[0].text == "C’est une journée historique");
  CHECK(fr[1].speaker == "Yannick Le Bihan");
  CHECK(fr[1].scare);
}

TEST_CASE("straight quotes, and marks in code or template syntax are not quotations", "[structure][quotes]") {
  const auto quotes = quotes_of(
      "# Notes\n\n"
      "Use `\"quoted\"` in code. See {{< img src=\"a.png\" alt=\"An image\" >}} and {{ \"/path\" | url }}.\n\n"
      "\"It works,\" Jane Doe said.\n",
      galley::InputMode::markdown);
  REQUIRE(quotes.size() == 1);
  CHECK(quotes[0].text == "It works");
  CHECK(quotes[0].speaker == "Jane Doe");
}

TEST_CASE("a quotation that runs over paragraphs takes the speaker of its last part", "[structure][quotes]") {
  const auto quotes = quotes_of(
      "A long answer\n"
      "“We started with nothing. We had no office and no money.\n"
      "“Now we have both,” said Amira Haddad, the founder.\n",
      galley::InputMode::text);
  REQUIRE(quotes.size() == 2);
  CHECK(quotes[0].speaker == "Amira Haddad");
  CHECK(quotes[1].speaker == "Amira Haddad");
}

TEST_CASE("block quotes: attribution lines with —, – and --, and after the closing mark", "[structure][quotes]") {
  galley::Options options;
  options.outputs = 0;
  const auto r = galley::format(
      "# Quotes\n\n"
      "Intro paragraph.\n\n"
      "> We will not stop.\n> — Volodymyr Zelenskyy, president\n\n"
      "> Two paragraphs here.\n>\n> And the second one.\n>\n> – Jane Doe\n\n"
      "> Short and sweet, as ever.\n> -- John Roe (speaking in Paris)\n\n"
      "> “… a story about innovation in government.” ~ Washington Post\n\n"
      "> A quote with no attribution at all, long enough to be one.\n\n"
      "> _Department of State_\n",
      options);
  REQUIRE(r.ok());
  // "Intro paragraph." under the H1 is the dek; the six block quotes stay in the section.
  REQUIRE(r->article.dek);
  const auto& blocks = r->article.sections.at(0).blocks;
  REQUIRE(blocks.size() == 6);
  CHECK(blocks[0].speaker == "Volodymyr Zelenskyy");
  REQUIRE(blocks[0].children.size() == 1);
  CHECK(blocks[1].speaker == "Jane Doe");
  CHECK(blocks[1].children.size() == 2);  // the attribution paragraph left the quote
  CHECK(blocks[2].speaker == "John Roe");
  CHECK(blocks[3].speaker == "Washington Post");
  CHECK(blocks[3].how.reason == "attribution-after-quote");
  CHECK(blocks[4].speaker.empty());
  const auto& quotes = r->article.quotes;
  REQUIRE(quotes.size() == 5);  // the styled one-line quote is not a quotation
  CHECK(quotes[0].kind == QuoteKind::block);
  CHECK(quotes[0].speaker == "Volodymyr Zelenskyy");
  CHECK(quotes[0].text == "We will not stop.");
  CHECK(quotes[3].text == "… a story about innovation in government.");
  CHECK(quotes[4].speaker.empty());
}

TEST_CASE("a quote-block shortcode is a pull quote", "[structure][quotes]") {
  const auto quotes = quotes_of(
      "---\ntitle: Trust\n---\n\n{{< quote-block text=\"The people will return the trust.\" cite=\"Abraham Lincoln\" >}}\n\n"
      "Body.\n");
  REQUIRE(quotes.size() == 1);
  CHECK(quotes[0].kind == QuoteKind::pull);
  CHECK(quotes[0].text == "The people will return the trust.");
  CHECK(quotes[0].speaker == "Abraham Lincoln");
  CHECK(quotes[0].how.reason == "quote-shortcode");
}
