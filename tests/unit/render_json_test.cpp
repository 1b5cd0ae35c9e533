// JSON output and input: the versioned model parses, merges split text, and reads back so that
// the JSON of a source renders exactly as the source did; bad JSON is refused saying where.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "galley/galley.h"
#include "render/writer.h"
#include "test_support.h"
#include "text_util.h"

namespace fs = std::filesystem;
using namespace galley;
using Json = nlohmann::ordered_json;

using galley::test::article_sources;
using galley::test::read_file;

namespace {

// Markdown after its front matter.
std::string body(const std::string& md) {
  if (md.rfind("---\n", 0) != 0 && md.rfind("+++\n", 0) != 0) return md;
  const size_t end = md.find("\n" + md.substr(0, 3) + "\n", 3);
  return end == std::string::npos ? md : md.substr(end + 5);
}

constexpr unsigned kAll = kOutputHtml | kOutputMarkdown | kOutputJson | kOutputJsonLd | kOutputText;

Error json_error(const std::string& json) {
  Options o;
  o.input = InputMode::json;
  Result<FormatResult> r = format(json, o);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == ErrorCode::invalid_json);
  return r.error();
}

}  // namespace

TEST_CASE("JSON input renders as the source it came from", "[render][json]") {
  size_t checked = 0;
  for (const fs::path& path : article_sources()) {
    INFO(path.string());
    for (const Layout layout : {Layout::source, Layout::standard}) {
      Options o;
      o.input = path.extension() == ".txt" ? InputMode::text : InputMode::markdown;
      o.outputs = kAll;
      o.layout = layout;
      o.document = true;
      Result<FormatResult> source = format(read_file(path), o);
      REQUIRE(source.ok());
      o.input = InputMode::json;
      Result<FormatResult> back = format(source->json, o);
      REQUIRE(back.ok());
      CHECK(back->mode == InputMode::json);
      CHECK(back->html == source->html);
      // Markdown: the same, except front matter, which JSON holds as keys and values only.
      CHECK(body(back->markdown) == body(source->markdown));
      CHECK(back->markdown.substr(0, 3) == source->markdown.substr(0, 3));
      CHECK(back->text == source->text);
      CHECK(back->jsonld == source->jsonld);
      CHECK(back->article.meta.word_count == source->article.meta.word_count);
      // The JSON of JSON input is the same model, without spans.
      Json a = Json::parse(source->json), b = Json::parse(back->json);
      CHECK(a["sections"].size() == b["sections"].size());
      CHECK(a["headline"].is_null() == b["headline"].is_null());
      CHECK(b["quotes"].size() == a["quotes"].size());
      ++checked;
    }
  }
  CHECK(checked >= 20);
}

TEST_CASE("JSON output: versioned, valid, adjacent text merged", "[render][json]") {
  Options o;
  o.input = InputMode::markdown;
  o.outputs = kOutputJson;
  Result<FormatResult> r = format("# Title\n\nA \\*literal\\* star &amp; more.\n", o);
  REQUIRE(r.ok());
  const Json j = Json::parse(r->json, nullptr, false);
  REQUIRE_FALSE(j.is_discarded());
  CHECK(j["schema"] == "galley.article/v1");
  CHECK(j["dek"]["text"] == "A *literal* star & more.");
  REQUIRE(j["dek"]["inlines"].size() == 1);
  CHECK(j["dek"]["inlines"][0]["text"] == "A *literal* star & more.");
  CHECK(j["headline"]["span"]["line"] == 1);
  CHECK(j["headline"]["reason"] == "markdown-h1");

  // Emphasis nested past the depth the model keeps leaves runs of text inside and between
  // emphasis nodes: each merged run is one element of its list, and the JSON parses.
  std::string nested;
  for (int n = 0; n < 120; ++n) nested += "*a **a ";
  nested += "b";
  for (int n = 0; n < 120; ++n) nested += " a** a*";
  r = format("# Title\n\n" + nested + "\n", o);
  REQUIRE(r.ok());
  CHECK_FALSE(Json::parse(r->json, nullptr, false).is_discarded());
}

TEST_CASE("JSON input: a minimal model from a CMS", "[render][json]") {
  Options o;
  o.input = InputMode::json;
  o.outputs = kOutputHtml | kOutputMarkdown;
  o.typography_html = false;
  const std::string json = R"({"schema": "galley.article/v1",
    "headline": {"text": "From the CMS"},
    "sections": [
      {"heading": {"text": "First part"}, "blocks": [{"type": "paragraph", "text": "Plain words."},
        {"type": "paragraph", "inlines": [{"type": "text", "text": "Some "}, {"type": "strong", "children": [{"type": "text", "text": "bold"}]}]},
        {"type": "list", "ordered": true, "start": 3, "items": [{"type": "item", "blocks": [{"type": "paragraph", "text": "three"}]}]}]}
    ],
    "takeaways": {"heading": {"text": "Key points"}, "items": [{"text": "One."}, {"text": "Two."}]}})";
  Result<FormatResult> r = format(json, o);
  REQUIRE(r.ok());
  CHECK(r->html.find("<h1 class=\"galley-headline\">From the CMS</h1>") != std::string::npos);
  CHECK(r->html.find("<h2 id=\"first-part\" class=\"galley-heading\">First part</h2>") !=
        std::string::npos);
  CHECK(r->html.find("<p>Some <strong>bold</strong></p>") != std::string::npos);
  CHECK(r->html.find("<ol start=\"3\">") != std::string::npos);
  CHECK(r->html.find("<aside class=\"galley-takeaways\" aria-label=\"Key points\">") !=
        std::string::npos);
  CHECK(r->markdown ==
        "# From the CMS\n\n## First part\n\nPlain words.\n\nSome **bold**\n\n3. three\n\n## Key "
        "points\n\n- One.\n- Two.\n");
  CHECK(r->article.meta.word_count == 14);
}

TEST_CASE("JSON input: bad JSON and bad models are refused, saying where", "[render][json]") {
  Error e = json_error("{\"schema\": \"galley.article/v1\",\n  \"headline\": nope}");
  CHECK(e.message.find("line 2") != std::string::npos);
  CHECK(e.field.find("line 2") != std::string::npos);
  e = json_error("[]");
  CHECK(e.message.find("JSON object") != std::string::npos);
  e = json_error("{\"headline\": null}");
  CHECK(e.field == "schema");
  e = json_error("{\"schema\": \"galley.article/v2\"}");
  CHECK(e.field == "schema");
  e = json_error(
      R"({"schema": "galley.article/v1", "sections": [{}, {"blocks": [{"type": "para"}]}]})");
  CHECK(e.field == "sections[1].blocks[0].type");
  CHECK(e.message.find("\"para\" is not a block type") != std::string::npos);
  e = json_error(
      R"({"schema": "galley.article/v1", "sections": [{"blocks": [{"type": "paragraph", "inlines": [{"type": "link", "url": 5}]}]}]})");
  CHECK(e.field == "sections[0].blocks[0].inlines[0].url");
  CHECK(e.message.find("expected a string, found a number") != std::string::npos);
  e = json_error(R"({"schema": "galley.article/v1", "headlin": {"text": "typo"}})");
  CHECK(e.field == "headlin");
  CHECK(e.message.find("is not a field") != std::string::npos);
  e = json_error(R"({"schema": "galley.article/v1", "sections": [{"level": 9}]})");
  CHECK(e.field == "sections[0].level");
  e = json_error(R"({"schema": "galley.article/v1", "headline": {"span": null}})");
  CHECK(e.field == "headline");
  e = json_error(R"({"schema": "galley.article/v1", "meta": {"frontMatter": [1]}})");
  CHECK(e.field == "meta.frontMatter");
  e = json_error(
      R"({"schema": "galley.article/v1", "sections": [{"blocks": [{"type": "list", "items": [{"type": "paragraph", "text": "x"}]}]}]})");
  CHECK(e.field == "sections[0].blocks[0].items[0]");
  // Deep nesting is refused, not followed down the stack.
  std::string deep = R"({"schema": "galley.article/v1", "sections": [{"blocks": [)";
  for (int i = 0; i < 100000; ++i) deep += R"({"type": "blockquote", "blocks": [)";
  for (int i = 0; i < 100000; ++i) deep += "]}";
  deep += "]}]}";
  e = json_error(deep);
  CHECK(e.message.find("nests deeper") != std::string::npos);
}

namespace {

// Byte-by-byte references for the escapers, which skip plain words eight bytes at a time.
std::string json_reference(std::string_view s, unsigned escape) {
  static const char kHex[] = "0123456789abcdef";
  const bool html_safe = (escape & galley::render::kJsonHtmlSafe) != 0;
  const bool ascii = (escape & galley::render::kJsonAscii) != 0;
  const auto u_escape = [&](std::string& out, uint32_t u) {
    out += "\\u";
    for (int shift = 12; shift >= 0; shift -= 4) out += kHex[(u >> shift) & 15];
  };
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (ascii && c >= 0x80) {
      // One code point at a time; invalid bytes as the core's decoder reads them (U+FFFD).
      const char32_t cp = galley::detail::decode_utf8(s, i);
      --i;
      if (cp >= 0x10000) {
        u_escape(out, 0xD800 + ((static_cast<uint32_t>(cp) - 0x10000) >> 10));
        u_escape(out, 0xDC00 + ((static_cast<uint32_t>(cp) - 0x10000) & 0x3FF));
      } else {
        u_escape(out, static_cast<uint32_t>(cp));
      }
    } else if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
               (static_cast<unsigned char>(s[i + 2]) == 0xA8 ||
                static_cast<unsigned char>(s[i + 2]) == 0xA9)) {
      out += static_cast<unsigned char>(s[i + 2]) == 0xA8 ? "\\u2028" : "\\u2029";
      i += 2;
    } else if (c == '"') {
      out += "\\\"";
    } else if (c == '\\') {
      out += "\\\\";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c < 0x20 || (html_safe && (c == '<' || c == '>' || c == '&'))) {
      u_escape(out, c);
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

std::string html_reference(std::string_view s) {
  std::string out;
  for (const char c : s) {
    if (c == '&')
      out += "&amp;";
    else if (c == '<')
      out += "&lt;";
    else if (c == '>')
      out += "&gt;";
    else if (c == '"')
      out += "&quot;";
    else
      out += c;
  }
  return out;
}

}  // namespace

TEST_CASE("the JSON and HTML escapers agree with byte-by-byte references", "[json]") {
  const std::string_view pieces[] = {"plain words here ",
                                     "a",
                                     "\"",
                                     "\\",
                                     "\n",
                                     "\r",
                                     "\t",
                                     std::string_view("\0", 1),
                                     "\x1f",
                                     "<",
                                     ">",
                                     "&",
                                     "\xE2\x80\xA8",
                                     "\xE2\x80\xA9",
                                     "\xE2\x80\x94",
                                     "\xE2\x80",
                                     "\xC3\xA9",
                                     "\xE3\x80\xA8",      // like U+2028 but for the lead byte
                                     "\xE2\xE3\x80\xA9",  // 0xE2, then the above
                                     "\xE3\x81\x82",      // a kana
                                     "\xF0\x9F\x98\x80",  // beyond U+FFFF
                                     "\xFF",              // invalid
                                     "\x80",              // a continuation byte alone
                                     "\xC3",              // a lead byte without its continuation
                                     "\xC0\x80",          // overlong: read as the decoder reads it
                                     "\xED\xA0\x80",      // a surrogate written as UTF-8
                                     "\xE2\x80\x94\xC3\xA9\xE3\x81\x82",  // a run beyond ASCII
                                     "12345678"};
  uint32_t seed = 99;
  const auto next = [&seed] {
    seed = seed * 1103515245u + 12345u;
    return (seed >> 16) & 0x7FFF;
  };
  for (int round = 0; round < 3000; ++round) {
    std::string s;
    const int count = static_cast<int>(next() % 24);
    for (int k = 0; k < count; ++k) s += pieces[next() % std::size(pieces)];
    INFO("round " << round);
    for (const unsigned escape : {0u, 1u, 2u, 3u}) {
      INFO("escape " << escape);
      std::string out = "prefix";
      galley::render::append_json_chars(out, s, escape);
      REQUIRE(out == "prefix" + json_reference(s, escape));
    }
    // JSON that holds characters beyond ASCII becomes what ASCII mode writes.
    std::string utf8 = "[\"";
    galley::render::append_json_chars(utf8, s);
    utf8 += "\"]";
    std::string ascii = "{";
    galley::render::append_json_ascii(ascii, utf8);
    REQUIRE(ascii == "{[\"" + json_reference(s, galley::render::kJsonAscii) + "\"]");
    std::string html = "x";
    galley::render::escape_html(html, s);
    REQUIRE(html == "x" + html_reference(s));
  }
}

TEST_CASE("run_json replies in ASCII with the same content as the UTF-8 result", "[json]") {
  const std::string source =
      "# Caf\xC3\xA9 \xE2\x80\x9Cr\xC3\xA9sum\xC3\xA9\xE2\x80\x9D \xF0\x9F\x98\x80\n\nBy "
      "Zo\xC3\xAB "
      "M\xC3\xBCller\n\n## \xE6\x97\xA5\xE6\x9C\xAC\n\nShe said \"it's -- fine...\"  \xE2\x80\xA8 "
      "ok.\n";
  const std::string reply =
      galley::run_json("format", source, R"({"outputs":["html","json","markdown","text"]})");
  REQUIRE(std::all_of(reply.begin(), reply.end(),
                      [](char c) { return static_cast<unsigned char>(c) < 0x80; }));
  Options options;
  options.outputs = kOutputHtml | kOutputJson | kOutputMarkdown | kOutputText;
  auto r = galley::format(source, options);
  REQUIRE(r);
  Json expected = Json::parse(galley::result_to_json(r.value()));
  Json got = Json::parse(reply);
  CHECK(got["ok"] == true);
  got.erase("ok");
  got.erase("stats");  // timings differ from run to run
  expected.erase("stats");
  CHECK(got == expected);
  CHECK(got["article"]["headline"]["text"].get<std::string>().find("Caf\xC3\xA9") == 0);
}

TEST_CASE("run_json hands the model and the outputs over beside its reply", "[json]") {
  // With parts, the reply is the reply without them, and each part is what the reply would
  // hold: the model's JSON, and each output's text unescaped (UTF-8, not \u escapes).
  const std::string source =
      "# Caf\xC3\xA9 \"r\xC3\xA9sum\xC3\xA9\"\n\nBy Zo\xC3\xAB M\xC3\xBCller\n\nShe wrote "
      "`,\"article\":{}` and \"it's fine,\" Ana said.\n";
  const char* all = R"({"outputs":["html","json","markdown","jsonld","text"]})";
  galley::ReplyParts parts;
  parts.html = "left over";
  const std::string reply = galley::run_json("format", source, all, &parts);
  Json whole = Json::parse(galley::run_json("format", source, all));
  Json rest = Json::parse(reply);
  for (Json* j : {&whole, &rest}) j->erase("stats");  // timings differ from run to run
  CHECK(std::all_of(reply.begin(), reply.end(),
                    [](char c) { return static_cast<unsigned char>(c) < 0x80; }));
  CHECK(Json::parse(parts.article) == whole["article"]);
  CHECK(parts.html == whole["html"].get<std::string>());
  CHECK(parts.html.find("Caf\xC3\xA9") != std::string::npos);
  CHECK(parts.markdown == whole["markdown"].get<std::string>());
  CHECK(parts.jsonld == whole["jsonld"].get<std::string>());
  CHECK(parts.text == whole["text"].get<std::string>());
  for (const char* member : {"article", "html", "markdown", "jsonld", "text"}) {
    INFO(member);
    CHECK(rest.count(member) == 0);
    whole.erase(member);
  }
  CHECK(rest == whole);

  // Outputs not asked for are empty parts; refusals and other commands leave every part empty.
  const std::string html_only =
      galley::run_json("format", source, R"({"outputs":["html"]})", &parts);
  CHECK(Json::parse(html_only).count("html") == 0);
  CHECK_FALSE(parts.html.empty());
  CHECK(parts.article.empty());
  CHECK(parts.markdown.empty());
  for (const auto& [command, options] : std::vector<std::pair<const char*, const char*>>{
           {"format", R"({"outputs":[1]})"}, {"check", "{}"}, {"fix", "{}"}, {"rules", "{}"}}) {
    INFO(command << " " << options);
    parts.html = "left over";
    galley::run_json(command, source, options, &parts);
    CHECK(parts.article.empty());
    CHECK(parts.html.empty());
    CHECK(parts.text.empty());
  }
}

TEST_CASE("JsonWriter's stage: values of every size, in both modes, read back as written",
          "[json]") {
  // Random documents with strings from empty to far beyond the writer's stage (8 KB, escaped
  // up to six bytes a byte), written by JsonWriter and built as nlohmann values side by side.
  uint32_t seed = 7;
  const auto next = [&seed] {
    seed = seed * 1103515245u + 12345u;
    return (seed >> 16) & 0x7FFF;
  };
  const std::string_view alphabet[] = {
      "a", "\"", "\\", "\n", "\xC3\xA9", "\xE2\x80\x94", "\xF0\x9F\x98\x80", "<", " ", "\x01"};
  const auto text = [&] {
    std::string s;
    const uint32_t kind = next() % 4;
    const size_t length = kind == 0   ? next() % 4
                          : kind == 1 ? next() % 600
                          : kind == 2 ? 1300 + next() % 200
                                      : 9000 + next() % 9000;
    while (s.size() < length) s += alphabet[next() % std::size(alphabet)];
    return s;
  };
  for (int round = 0; round < 60; ++round) {
    INFO("round " << round);
    for (const bool ascii : {false, true}) {
      for (const bool pretty : {false, true}) {
        std::string out = "[";  // the writer appends after what the string holds
        Json expected = Json::array();
        {
          galley::render::JsonWriter w(out, pretty);
          w.set_ascii(ascii);
          w.begin_array();
          const int count = 1 + static_cast<int>(next() % 40);
          for (int k = 0; k < count; ++k) {
            switch (next() % 6) {
              case 0: {
                const std::string s = text();
                w.string(s);
                expected.push_back(s);
                break;
              }
              case 1: {
                const int64_t v = static_cast<int64_t>(next()) * 1000003 - 5000000;
                w.integer(v);
                expected.push_back(v);
                break;
              }
              case 2: {
                const std::string key = text(), value = text();
                w.begin_object();
                w.key(key);
                w.string(value);
                w.key("n");
                w.begin_object();
                w.int_fields({{"a", k}, {"b", -k}});
                w.end_object();
                w.end_object();
                expected.push_back(
                    Json::object({{key, value}, {"n", Json::object({{"a", k}, {"b", -k}})}}));
                break;
              }
              case 3: {
                const std::string inner = text();
                Json raw = Json::array({inner, true, nullptr});
                w.raw(raw.dump());
                expected.push_back(raw);
                break;
              }
              case 4: {
                // Plain text of inlines: text and code literals, breaks as spaces, raw HTML
                // left out, containers by their children.
                galley::Inlines inlines;
                std::string plain;
                const int parts = static_cast<int>(next() % 5);
                for (int p = 0; p < parts; ++p) {
                  galley::Inline in;
                  switch (next() % 5) {
                    case 0:
                      in.kind = galley::InlineKind::text;
                      in.text = text();
                      plain += in.text;
                      break;
                    case 1:
                      in.kind = galley::InlineKind::soft_break;
                      plain += ' ';
                      break;
                    case 2:
                      in.kind = galley::InlineKind::html;
                      in.text = "<b>";
                      break;
                    case 3: {
                      in.kind = galley::InlineKind::emphasis;
                      galley::Inline code;
                      code.kind = galley::InlineKind::code;
                      code.text = text();
                      plain += code.text;
                      in.children.push_back(code);
                      break;
                    }
                    default:
                      in.kind = galley::InlineKind::line_break;
                      plain += ' ';
                  }
                  inlines.push_back(in);
                }
                w.plain_text(inlines);
                expected.push_back(plain);
                break;
              }
              default:
                w.null();
                expected.push_back(nullptr);
            }
          }
          w.end_array();
          // A complete top-level value is in the string as soon as it is complete.
          REQUIRE(!out.empty());
          REQUIRE(out.back() == ']');
        }
        REQUIRE(out.front() == '[');
        const std::string written = out.substr(1);
        if (ascii) {
          REQUIRE(std::all_of(written.begin(), written.end(),
                              [](char c) { return static_cast<unsigned char>(c) < 0x80; }));
        }
        REQUIRE(Json::parse(written) == expected);
      }
    }
  }
}

TEST_CASE("JsonWriter::fixed writes a scaled integer as its shortest decimal", "[json]") {
  const auto written = [](int64_t scaled, unsigned places) {
    std::string out;
    galley::render::JsonWriter w(out);
    w.fixed(scaled, places);
    return w.out();
  };
  CHECK(written(85, 2) == "0.85");
  CHECK(written(90, 2) == "0.9");
  CHECK(written(100, 2) == "1");
  CHECK(written(0, 2) == "0");
  CHECK(written(5, 2) == "0.05");
  CHECK(written(15, 1) == "1.5");
  CHECK(written(7, 0) == "7");
  CHECK(written(89224, 3) == "89.224");
  CHECK(written(1000, 3) == "1");
  CHECK(written(1010, 3) == "1.01");
  CHECK(written(1, 3) == "0.001");
  CHECK(written(-1500, 3) == "-1.5");
  CHECK(written(-5, 2) == "-0.05");
  CHECK(written(INT64_MIN, 0) == "-9223372036854775808");
  CHECK(written(INT64_MAX, 9) == "9223372036.854775807");
  // Every value from 0 to 1 in hundredths reads back as the double it stands for.
  for (int64_t v = 0; v <= 100; ++v) {
    INFO(v);
    CHECK(Json::parse(written(v, 2)).get<double>() == static_cast<double>(v) / 100.0);
  }
}
