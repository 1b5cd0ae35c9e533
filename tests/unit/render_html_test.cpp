// HTML output: the semantic structure of each part, class prefixes, document mode, typography
// on text only, and an XSS test that no executable markup survives, by default or with the
// sanitised raw-HTML passthrough.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "galley/galley.h"
#include "test_support.h"
#include "render/render.h"
#include "render/writer.h"

using namespace galley;

using galley::test::text_node;

namespace {

TextPart part(const std::string& s, uint32_t at = 0) {
  TextPart p;
  p.inlines.push_back(text_node(s));
  p.range = {at, at + static_cast<uint32_t>(s.size())};
  return p;
}

Block paragraph(const std::string& s, uint32_t at = 0) {
  Block b;
  b.kind = BlockKind::paragraph;
  b.inlines.push_back(text_node(s));
  b.range = {at, at + static_cast<uint32_t>(s.size())};
  return b;
}

Section section(const std::string& heading, int level, const std::string& id, uint32_t at) {
  Section s;
  s.heading = part(heading, at);
  s.level = level;
  s.id = id;
  s.blocks.push_back(paragraph("Body of " + heading + ".", at + 20));
  s.range = {at, at + 60};
  return s;
}

// An article built by hand, with every part the model has.
Article full_article() {
  Article a;
  a.headline = part("Harbour reopens", 1);
  a.dek = part("Ships returned on Tuesday.", 20);
  Person p;
  p.name = "Ana Ruiz";
  a.byline.push_back(p);
  a.sections.push_back(section("What happened", 2, "what-happened", 100));
  a.sections.push_back(section("The cost", 3, "the-cost", 200));
  Block q;
  q.kind = BlockKind::quote;
  q.children.push_back(paragraph("We worked through both nights."));
  q.attribution.push_back(text_node("— Ana Ruiz, harbour master"));
  q.speaker = "Ana Ruiz";
  a.sections[0].blocks.push_back(q);
  a.sections.push_back(section("Next steps", 2, "next-steps", 300));
  Takeaways t;
  t.heading = part("Key Takeaways", 400);
  t.items.push_back(part("The port is open.", 420));
  t.items.push_back(part("Repairs cost 2 M.", 440));
  t.range = {400, 460};
  a.takeaways = t;
  Credits c;
  c.heading = part("Reporters on the Ground", 500);
  c.text = part("The story was reported by Ana Ruiz in Vigo.", 530);
  Person r;
  r.name = "Ana Ruiz";
  r.location = "Vigo";
  c.people.push_back(r);
  c.range = {500, 580};
  a.credits = c;
  AuthorBox box;
  box.name = "Ana Ruiz";
  box.role = "journalist";
  box.bio.push_back(paragraph("Ana Ruiz is a journalist in Vigo.", 600));
  box.range = {600, 640};
  a.author_box = box;
  a.meta.word_count = 40;
  return a;
}

size_t count(const std::string& s, const std::string& what) {
  size_t n = 0;
  for (size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + 1)) ++n;
  return n;
}

// ---- a small HTML reader for the XSS checks -----------------------------------------------

struct Attr {
  std::string name, value;
};
struct Tag {
  std::string name;
  bool end = false;
  std::vector<Attr> attrs;
};

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
bool space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// Reads tags the way an HTML tokenizer does (data state, tag open, attribute states);
// `raw_text` elements (script, style) swallow everything up to their end tag.
std::vector<Tag> read_tags(const std::string& html, std::vector<std::string>* raw_texts = nullptr) {
  std::vector<Tag> tags;
  size_t i = 0;
  while (i < html.size()) {
    if (html[i] != '<') {
      ++i;
      continue;
    }
    if (html.compare(i, 4, "<!--") == 0) {
      const size_t e = html.find("-->", i + 4);
      i = e == std::string::npos ? html.size() : e + 3;
      continue;
    }
    size_t p = i + 1;
    Tag t;
    if (p < html.size() && html[p] == '/') {
      t.end = true;
      ++p;
    }
    if (p >= html.size() ||
        !((html[p] >= 'a' && html[p] <= 'z') || (html[p] >= 'A' && html[p] <= 'Z'))) {
      if (p < html.size() && (html[p] == '!' || html[p] == '?')) {
        t.name = "!bogus";
        tags.push_back(t);
        const size_t e = html.find('>', p);
        i = e == std::string::npos ? html.size() : e + 1;
        continue;
      }
      ++i;
      continue;
    }
    while (p < html.size() && !space(html[p]) && html[p] != '/' && html[p] != '>')
      t.name += lower(html[p++]);
    for (;;) {
      while (p < html.size() && (space(html[p]) || html[p] == '/')) ++p;
      if (p >= html.size() || html[p] == '>') break;
      Attr a;
      a.name += lower(html[p++]);
      while (p < html.size() && !space(html[p]) && html[p] != '/' && html[p] != '>' &&
             html[p] != '=') {
        a.name += lower(html[p++]);
      }
      while (p < html.size() && space(html[p])) ++p;
      if (p < html.size() && html[p] == '=') {
        ++p;
        while (p < html.size() && space(html[p])) ++p;
        if (p < html.size() && (html[p] == '"' || html[p] == '\'')) {
          const char q = html[p++];
          const size_t e = html.find(q, p);
          a.value = html.substr(p, e == std::string::npos ? std::string::npos : e - p);
          p = e == std::string::npos ? html.size() : e + 1;
        } else {
          while (p < html.size() && !space(html[p]) && html[p] != '>') a.value += html[p++];
        }
      }
      t.attrs.push_back(a);
    }
    i = p + 1;
    tags.push_back(t);
    if (!t.end && (t.name == "script" || t.name == "style" || t.name == "textarea" ||
                   t.name == "title" || t.name == "xmp" || t.name == "iframe" ||
                   t.name == "noembed" || t.name == "noframes" || t.name == "noscript")) {
      const std::string close = "</" + t.name;
      size_t e = i;
      for (; e < html.size(); ++e) {
        if (html.size() - e >= close.size()) {
          bool match = true;
          for (size_t k = 0; k < close.size(); ++k) match &= lower(html[e + k]) == close[k];
          if (match) break;
        }
      }
      if (raw_texts) raw_texts->push_back(html.substr(i, e - i));
      i = e;
    }
  }
  return tags;
}

// What a browser makes of a URL attribute: references decoded, controls and spaces gone.
std::string browser_url(const std::string& raw) {
  std::string decoded;
  render::decode_html_entities(decoded, raw);
  std::string out;
  for (const char c : decoded) {
    if (static_cast<unsigned char>(c) <= 0x20) continue;
    out += lower(c);
  }
  return out;
}

// Every way the output could run script: returns what it found, empty when safe.
std::vector<std::string> executable(const std::string& html, bool document) {
  std::vector<std::string> found;
  std::vector<std::string> raw;
  const std::vector<Tag> tags = read_tags(html, &raw);
  static const std::vector<std::string> kForbidden = {
      "script", "iframe",   "object",   "embed",  "applet", "frame",    "frameset",
      "form",   "button",   "base",     "link",   "meta",   "svg",      "math",
      "style",  "template", "textarea", "select", "xmp",    "noscript", "plaintext",
      "title",  "noembed",  "noframes", "portal", "audio",  "video",    "source"};
  size_t scripts = 0, styles = 0, metas = 0, titles = 0, bogus = 0;  // bogus: the doctype
  for (const Tag& t : tags) {
    if (t.end) continue;
    bool forbidden = false;
    for (const std::string& f : kForbidden) forbidden |= t.name == f;
    if (document) {
      // The document's own head: one JSON-LD script, one stylesheet, its meta tags and title.
      bool ld = false;
      for (const Attr& a : t.attrs) ld |= a.name == "type" && a.value == "application/ld+json";
      if (t.name == "script" && ld && scripts++ == 0) forbidden = false;
      if (t.name == "style" && t.attrs.empty() && styles++ == 0) forbidden = false;
      if (t.name == "meta" && metas++ < 4) forbidden = false;
      if (t.name == "title" && titles++ == 0) forbidden = false;
    }
    if (t.name == "link" || t.name == "meta") {
      // Microdata: <meta itemprop content> and <link itemprop href> (checked below) run nothing.
      bool itemprop = false;
      for (const Attr& a : t.attrs) itemprop |= a.name == "itemprop";
      if (itemprop) forbidden = false;
    }
    if (forbidden) found.push_back("<" + t.name + ">");
    if (t.name == "!bogus" && !(document && bogus++ == 0)) found.push_back("markup declaration");
    for (const Attr& a : t.attrs) {
      if (a.name.size() >= 2 && a.name[0] == 'o' && a.name[1] == 'n')
        found.push_back(t.name + " " + a.name);
      if (a.name == "href" || a.name == "src" || a.name == "action" || a.name == "formaction" ||
          a.name == "xlink:href" || a.name == "srcset" || a.name == "poster" ||
          a.name == "background" || a.name == "data" || a.name == "cite" || a.name == "lowsrc" ||
          a.name == "dynsrc") {
        const std::string url = browser_url(a.value);
        const bool image = t.name == "img" && a.name == "src";
        if (url.rfind("javascript:", 0) == 0 || url.rfind("vbscript:", 0) == 0 ||
            url.rfind("file:", 0) == 0 || url.rfind("livescript:", 0) == 0 ||
            (url.rfind("data:", 0) == 0 && !(image && url.rfind("data:image/png", 0) == 0))) {
          found.push_back(t.name + " " + a.name + "=" + a.value);
        }
      }
      if (a.name == "style") {
        const std::string css = browser_url(a.value);
        for (const char* bad :
             {"expression", "javascript", "url(", "@import", "behavior", "binding"}) {
          if (css.find(bad) != std::string::npos) found.push_back(t.name + " style=" + a.value);
        }
      }
      if (a.name == "http-equiv" || a.name == "srcdoc") found.push_back(t.name + " " + a.name);
    }
  }
  // The JSON-LD script must hold no markup at all: nothing can close it early.
  for (const std::string& r : raw) {
    if (r.find('<') != std::string::npos && r.find("\"@context\"") != std::string::npos) {
      found.push_back("markup inside the JSON-LD script");
    }
  }
  return found;
}

const std::vector<std::string> kVectors = {
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<scr<script>ipt>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<IMG SRC=JaVaScRiPt:alert('XSS')>",
    "<img src=\"x\" onerror=\"alert(1)\"/>",
    "<img src=`x`onerror=alert(1)>",
    "<img/src=x/onerror=alert(1)>",
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<iframe src=\"javascript:alert(1)\"></iframe>",
    "<iframe srcdoc=\"<script>alert(1)</script>\">",
    "<object data=\"javascript:alert(1)\"></object>",
    "<embed src=\"javascript:alert(1)\">",
    "<form action=\"javascript:alert(1)\"><button>go</button></form>",
    "<button formaction=javascript:alert(1)>x</button>",
    "<base href=\"javascript:alert(1)//\">",
    "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
    "<link rel=stylesheet href=\"javascript:alert(1)\">",
    "<body onload=alert(1)>",
    "<details open ontoggle=alert(1)>",
    "<a href=\"javascript:alert(1)\">x</a>",
    "<a href='javascript:alert(1)'>x</a>",
    "<a href=javascript:alert(1)>x</a>",
    "<a href=\" javascript:alert(1)\">x</a>",
    "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
    "<a href=\"jav&#x0A;ascript:alert(1)\">x</a>",
    "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">x</a>",
    "<a "
    "href=\"&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#"
    "0000116&#0000058alert(1)\">x</a>",
    "<a href=\"javascript&colon;alert(1)\">x</a>",
    "<a href=\"java&Tab;script:alert(1)\">x</a>",
    "<a href=\"JAVASCRIPT:alert(1)\">x</a>",
    "<a href=\"vbscript:msgbox(1)\">x</a>",
    "<a href=\"data:text/html,<script>alert(1)</script>\">x</a>",
    "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
    "<a href=x onclick=alert(1)>x</a>",
    "<a href=\"x\"onmouseover=\"alert(1)\">x</a>",
    "<a href=\"javascript:alert(1)",
    "<div style=\"background:url(javascript:alert(1))\">x</div>",
    "<div style=\"width: expression(alert(1))\">x</div>",
    "<div style=\"width: exp/**/ression(alert(1))\">x</div>",
    "<div style=\"behavior: url(x.htc)\">x</div>",
    "<p style=\"color: red\">red</p>",
    "<style>@import 'javascript:alert(1)';</style>",
    "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
    "<!--<script>alert(1)</script>-->",
    "<!-- --><script>alert(1)</script>",
    "<![CDATA[<script>alert(1)</script>]]>",
    "<?xml version=\"1.0\"?><script>alert(1)</script>",
    "<textarea><script>alert(1)</script></textarea>",
    "<title><script>alert(1)</script></title>",
    "<xmp><script>alert(1)</script></xmp>",
    "<plaintext><script>alert(1)</script>",
    "</p></section></article><script>alert(1)</script>",
    "[x](javascript:alert(1))",
    "[x](JaVaScRiPt:alert(1))",
    "[x](javascript&colon;alert(1))",
    "[x](&#106;avascript:alert(1))",
    "[x](java&#x09;script:alert(1))",
    "[x](<java script:alert(1)>)",
    "[x]( javascript:alert(1))",
    "[x](vbscript:msgbox(1))",
    "[x](file:///etc/passwd)",
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[x](javascript:alert(1) \"title\")",
    "[x][ref]\n\n[ref]: javascript:alert(1)",
    "<javascript:alert(1)>",
    "<vbscript:msgbox(1)>",
    "![x](javascript:alert(1))",
    "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
    "![x](data:text/html,<script>alert(1)</script>)",
    "![ok](data:image/png;base64,iVBORw0KGgo=)",
    "![\" onerror=\"alert(1)](x.png)",
    "[x](/u \"\\\"><script>alert(1)</script>\")",
    "[\"><img src=x onerror=alert(1)>](/u)",
    "`<script>alert(1)</script>`",
    "```\"onmouseover=alert(1)\nx\n```",
    "```js\"><script>alert(1)</script>\nx\n```",
    "# <script>alert(1)</script>\n\nDek <img src=x onerror=alert(1)>",
    "## \"><img src=x onerror=alert(1)>\n\nText.",
    "Hello[^\"><script>alert(1)</script>]\n\n[^\"><script>alert(1)</script>]: pwned",
    "| a | <script>alert(1)</script> |\n|---|---|\n| <img src=x onerror=alert(1)> | "
    "[x](javascript:alert(1)) |",
    "> <script>alert(1)</script>\n> — <img src=x onerror=alert(1)>",
    "- <script>alert(1)</script>\n- [x](javascript:alert(1))",
    "---\ntitle: \"</title><script>alert(1)</script>\"\ndek: "
    "\"</script><script>alert(1)</script>\"\nkicker: \"<script>alert(1)</script>\"\ndate: "
    "\"\\\"><script>alert(1)</script>\"\nauthor: \"</script><img src=x onerror=alert(1)>\"\ntags: "
    "[\"</script><script>alert(1)</script>\"]\n---\n\nBody.",
    "Plain text with <script>alert(1)</script> in it\nAnd a second line with \"><img src=x "
    "onerror=alert(1)>",
};

}  // namespace

TEST_CASE("HTML: article, header, nested sections, quotes, takeaways, credits, author box",
          "[render][html]") {
  const Article a = full_article();
  Options o;
  o.typography_html = false;
  const std::string html = render::html(a, o);
  CHECK(html.rfind(
            "<article class=\"galley-article\" lang=\"en\">\n<header class=\"galley-header\">\n",
            0) == 0);
  CHECK(html.find("<h1 class=\"galley-headline\">Harbour reopens</h1>") != std::string::npos);
  CHECK(html.find("<p class=\"galley-dek\">Ships returned on Tuesday.</p>") != std::string::npos);
  CHECK(html.find("<span class=\"galley-author\">Ana Ruiz</span>") != std::string::npos);
  // Sections are labelled by their heading, and a level-3 section sits inside its level-2 one.
  CHECK(html.find("<section class=\"galley-section\" aria-labelledby=\"what-happened\">\n<h2 "
                  "id=\"what-happened\" "
                  "class=\"galley-heading\">What happened</h2>") != std::string::npos);
  const size_t outer = html.find("aria-labelledby=\"what-happened\"");
  const size_t inner = html.find("aria-labelledby=\"the-cost\"");
  const size_t next = html.find("aria-labelledby=\"next-steps\"");
  REQUIRE(inner != std::string::npos);
  CHECK(count(html.substr(outer, inner - outer), "</section>") == 0);
  CHECK(count(html.substr(inner, next - inner), "</section>") == 2);
  CHECK(count(html, "<section") == count(html, "</section>"));
  // The attribution stands outside the quote, in the figure's caption.
  CHECK(html.find(
            "<figure class=\"galley-quote\">\n<blockquote>\n<p>We worked through both nights.</p>\n"
            "</blockquote>\n<figcaption class=\"galley-attribution\">— Ana Ruiz, harbour "
            "master</figcaption>\n"
            "</figure>") != std::string::npos);
  CHECK(html.find("<aside class=\"galley-takeaways\" aria-label=\"Key Takeaways\">\n<h2 "
                  "class=\"galley-takeaways-heading\">Key Takeaways</h2>\n<ul "
                  "class=\"galley-takeaways-list\">\n"
                  "<li>The port is open.</li>\n<li>Repairs cost 2 M.</li>\n</ul>\n</aside>") !=
        std::string::npos);
  CHECK(html.find("<p class=\"galley-credits\">The story was reported by Ana Ruiz in Vigo.</p>") !=
        std::string::npos);
  CHECK(
      html.find(
          "<aside class=\"galley-author-box\" aria-label=\"About the author\" itemscope "
          "itemtype=\"https://schema.org/Person\">\n<meta itemprop=\"name\" content=\"Ana Ruiz\">\n"
          "<meta itemprop=\"jobTitle\" content=\"journalist\">\n<div "
          "itemprop=\"description\">\n") != std::string::npos);
  CHECK(html.substr(html.size() - 11) == "</article>\n");
}

TEST_CASE("HTML: parts follow the layout", "[render][html]") {
  const Article a = full_article();
  Options o;
  o.layout = Layout::source;
  std::string html = render::html(a, o);
  CHECK(html.find("galley-takeaways\"") > html.find("next-steps"));
  o.layout = Layout::standard;
  html = render::html(a, o);
  CHECK(html.find("galley-takeaways\"") < html.find("what-happened"));
  CHECK(html.find("galley-credits\"") > html.find("next-steps"));
}

TEST_CASE("HTML: the class prefix is configurable and escaped", "[render][html]") {
  const Article a = full_article();
  Options o;
  o.class_prefix = "np-";
  std::string html = render::html(a, o);
  CHECK(html.find("class=\"np-headline\"") != std::string::npos);
  CHECK(html.find("galley-") == std::string::npos);
  o.class_prefix = "\"><script>x</script>";
  html = render::html(a, o);
  CHECK(html.find("<script>") == std::string::npos);
  CHECK(html.find("class=\"&quot;&gt;&lt;script&gt;x&lt;/script&gt;headline\"") !=
        std::string::npos);
}

TEST_CASE("HTML: a whole document with the theme and JSON-LD", "[render][html]") {
  Article a = full_article();
  a.headline = part("</script><script>alert(1)</script>");
  Options o;
  o.document = true;
  o.class_prefix = "x</style><script>";
  const std::string html = render::html(a, o);
  CHECK(html.rfind("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">", 0) ==
        0);
  CHECK(html.find("@media (prefers-color-scheme: dark)") != std::string::npos);
  CHECK(html.find("@media print") != std::string::npos);
  CHECK(html.find("<script type=\"application/ld+json\">") != std::string::npos);
  CHECK(html.find("\\u003c/script\\u003e\\u003cscript\\u003ealert(1)") != std::string::npos);
  CHECK(count(html, "</script>") == 1);
  CHECK(count(html, "</style>") == 1);
  CHECK(html.find("</main>\n</body>\n</html>\n") != std::string::npos);
  const std::vector<std::string> found = executable(html, true);
  CHECK(found.empty());
  for (const std::string& f : found) FAIL_CHECK(f);
}

TEST_CASE("HTML: typography applies to text, never to code, URLs or attributes", "[render][html]") {
  Options o;
  o.input = InputMode::markdown;
  o.outputs = kOutputHtml;
  const std::string src =
      "He said \"it's fine\" -- and left... [a \"link\"](https://example.org/a--b \"a "
      "\\\"title\\\"\") "
      "`\"code\" -- x` ![an \"alt\"](i.png)\n";
  Result<FormatResult> r = format(src, o);
  REQUIRE(r.ok());
  const std::string& html = r->html;
  CHECK(html.find("He said “it’s fine”") != std::string::npos);
  CHECK(html.find("…") != std::string::npos);
  CHECK(html.find(
            "<a href=\"https://example.org/a--b\" title=\"a &quot;title&quot;\">a “link”</a>") !=
        std::string::npos);
  CHECK(html.find("<code>&quot;code&quot; -- x</code>") != std::string::npos);
  CHECK(html.find("alt=\"an &quot;alt&quot;\"") != std::string::npos);
  o.locale = "de";
  r = format(src, o);
  REQUIRE(r.ok());
  CHECK(r->html.find("„it’s fine“") != std::string::npos);
  o.typography_html = false;
  r = format(src, o);
  REQUIRE(r.ok());
  CHECK(r->html.find("He said &quot;it's fine&quot; -- and left...") != std::string::npos);
}

TEST_CASE("HTML: raw HTML is escaped by default and sanitised when passed through",
          "[render][html]") {
  Options o;
  o.input = InputMode::markdown;
  o.outputs = kOutputHtml;
  o.typography_html = false;
  const std::string src =
      "<div class=\"note\" onclick=\"x()\"><b>Bold</b> <a href=\"/ok\" target=_top>ok</a></div>\n\n"
      "Text with <kbd>Ctrl</kbd> and <span style=\"color: red\">red</span>.\n";
  Result<FormatResult> r = format(src, o);
  REQUIRE(r.ok());
  CHECK(r->html.find("&lt;div class=&quot;note&quot;") != std::string::npos);
  CHECK(r->html.find("&lt;kbd&gt;Ctrl&lt;/kbd&gt;") != std::string::npos);
  o.allow_raw_html = true;
  r = format(src, o);
  REQUIRE(r.ok());
  CHECK(r->html.find("<div><b>Bold</b> <a href=\"/ok\">ok</a></div>") != std::string::npos);
  CHECK(r->html.find("<kbd>Ctrl</kbd>") != std::string::npos);
  CHECK(r->html.find("<span>red</span>") != std::string::npos);
  o.allow_style = true;
  r = format(src, o);
  REQUIRE(r.ok());
  CHECK(r->html.find("<span style=\"color: red\">red</span>") != std::string::npos);
  // What is left open is closed at the end of its block; stray end tags are dropped.
  r = format("<div><em>open\n\nNext </section></article> paragraph.\n", o);
  REQUIRE(r.ok());
  CHECK(r->html.find("<div><em>open\n</em></div>") != std::string::npos);
  CHECK(r->html.find("Next  paragraph.") != std::string::npos);
  CHECK(count(r->html, "</article>") == 1);
  // cmark-gfm's tagfilter: shown as text.
  r = format("<textarea>x</textarea>\n", o);
  REQUIRE(r.ok());
  CHECK(r->html.find("&lt;textarea&gt;x&lt;/textarea&gt;") != std::string::npos);
}

TEST_CASE("HTML: URL safety", "[render][html]") {
  CHECK_FALSE(render::is_safe_url("javascript:alert(1)", false));
  CHECK_FALSE(render::is_safe_url(" JaVaScRiPt:alert(1)", false));
  CHECK_FALSE(render::is_safe_url("java\tscript:alert(1)", false));
  CHECK_FALSE(render::is_safe_url("java\nscript:alert(1)", false));
  CHECK_FALSE(render::is_safe_url("\x01javascript:alert(1)", false));
  CHECK_FALSE(render::is_safe_url("vbscript:x", false));
  CHECK_FALSE(render::is_safe_url("FILE:///etc/passwd", false));
  CHECK_FALSE(render::is_safe_url("data:text/html,x", false));
  CHECK_FALSE(render::is_safe_url("data:image/png;base64,x", false));
  CHECK_FALSE(render::is_safe_url("data:image/svg+xml,x", true));
  CHECK(render::is_safe_url("data:image/png;base64,x", true));
  CHECK(render::is_safe_url("DATA:image/JPEG;base64,x", true));
  CHECK(render::is_safe_url("https://example.org/javascript:x", false));
  CHECK(render::is_safe_url("/relative/javascript:x", false));
  CHECK(render::is_safe_url("#javascript:x", false));
  CHECK(render::is_safe_url("mailto:a@example.org", false));
  CHECK(render::is_safe_url("javascript", false));
  std::string decoded;
  CHECK(render::decode_html_entities(decoded, "&#106;ava&#x73;cript&colon;x&Tab;&amp;"));
  CHECK(decoded == "javascript:x\t&");
  std::string url;
  render::append_url(url, "https://example.org/a b?q=\"x\"&y='z'%41%zz<é>");
  CHECK(url == "https://example.org/a%20b?q=%22x%22&amp;y=&#x27;z&#x27;%41%25zz%3C%C3%A9%3E");
}

TEST_CASE("HTML: XSS vectors leave no executable markup", "[render][html][xss]") {
  size_t rendered = 0;
  for (const std::string& vector : kVectors) {
    for (int mode = 0; mode < 4; ++mode) {
      Options o;
      o.outputs = kOutputHtml;
      o.input = mode == 3 ? InputMode::text : InputMode::markdown;
      o.allow_raw_html = mode >= 1;
      o.allow_style = mode == 2;
      for (const bool document : {false, true}) {
        o.document = document;
        Result<FormatResult> r = format(vector, o);
        REQUIRE(r.ok());
        ++rendered;
        const std::vector<std::string> found = executable(r->html, document);
        if (!found.empty()) {
          FAIL_CHECK("vector: " << vector << "\nmode " << mode << (document ? " (document)" : "")
                                << ": " << found.front() << "\n"
                                << (document ? r->html.substr(r->html.find("<body>")) : r->html));
        }
      }
    }
  }
  CHECK(rendered == kVectors.size() * 8);
}

TEST_CASE("HTML: the XSS checker itself finds executable markup", "[render][html][xss]") {
  CHECK_FALSE(executable("<p><img src=x onerror=alert(1)></p>", false).empty());
  CHECK_FALSE(executable("<a href=\"jav&#x09;ascript:alert(1)\">x</a>", false).empty());
  CHECK_FALSE(executable("<a href=\"data:text/html,x\">x</a>", false).empty());
  CHECK_FALSE(executable("<p title=\"a\"onclick=\"x\">", false).empty());
  CHECK_FALSE(executable("<svg><p>", false).empty());
  CHECK_FALSE(executable("<div style=\"x:expression(1)\">", false).empty());
  CHECK_FALSE(
      executable(
          "<script type=\"application/ld+json\">{\"@context\":\"</script><script>\"}</script>",
          true)
          .empty());
  CHECK(executable(
            "<p><a href=\"https://example.org\">x</a><img src=\"data:image/png;base64,x\"></p>",
            false)
            .empty());
}
