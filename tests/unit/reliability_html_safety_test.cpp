// HTML and JSON-LD safety natively, without a browser: script-bearing Markdown, raw HTML and
// front matter through every HTML option; the real-browser check is e2e/tests/xss.spec.js.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "../../fuzz/harness.h"
#include "galley/galley.h"

namespace {

const std::vector<std::string> kVectors = {
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    "[click](&#x6A;avascript:alert(1))",
    "[click](javascript&colon;alert(1))",
    "[click](vbscript:msgbox(1))",
    "[click](data:text/html,<script>alert(1)</script>)",
    "[click](<javascript:alert(1)>)",
    "[click][x]\n\n[x]: javascript:alert(1)",
    "<javascript:alert(1)>",
    "![x](javascript:alert(1))",
    "![x\" onerror=\"alert(1)](x.png)",
    "[a](https://example.org \"t\\\" onmouseover=\\\"alert(1)\")",
    "## \" onmouseover=\"alert(1)",
    "```\"><script>alert(1)</script>\nx\n```",
    "| <img src=x onerror=alert(1)> |\n| - |\n| x |",
    "Text[^\"onmouseover=\"alert(1)]\n\n[^\"onmouseover=\"alert(1)]: n",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<img/src=x/onerror=alert(1)>",
    "<svg onload=alert(1)>",
    "<svg><a xlink:href=\"javascript:alert(1)\"><text>x</text></a></svg>",
    "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
    "<a href=\" javascript:alert(1)\">x</a>",
    "<a href=\"data:text/html,x\">x</a>",
    "<iframe src=\"javascript:alert(1)\"></iframe>",
    "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
    "<form action=\"javascript:alert(1)\"><button>x</button></form>",
    "<button formaction=javascript:alert(1)>x</button>",
    "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
    "<base href=\"javascript:alert(1)//\">",
    "<img srcset=\"javascript:alert(1) 1x\">",
    "<details open ontoggle=alert(1)>",
    "<object data=\"javascript:alert(1)\"></object>",
    "<embed src=\"data:text/html,<script>alert(1)</script>\">",
    "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
    "<textarea></textarea><img src=x onerror=alert(1)>",
    "<div\nonmouseover=alert(1)>x</div>",
    "<a href=\"x\" title=\"a&quot; onmouseover=&quot;alert(1)\">x</a>",
    "</script><script>alert(1)</script>",
    "<!--<script>",
    "> \xE2\x80\x9CHi,\xE2\x80\x9D she said.\n> \xE2\x80\x94 <img src=x onerror=alert(1)>",
    "## Key Takeaways\n\n- <img src=x onerror=alert(1)>\n- [x](javascript:alert(1))\n- three",
};

std::string yaml(const std::string& v) {
  std::string out = "\"";
  for (char c : v) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out + "\"";
}

}  // namespace

TEST_CASE("script-bearing Markdown and raw HTML come out safe in every HTML mode",
          "[reliability][xss]") {
  size_t renders = 0;
  for (const std::string& v : kVectors) {
    const std::string front = "---\ntitle: " + yaml(v) + "\ndescription: " + yaml(v) +
                              "\nauthor: " + yaml(v) + "\n---\n\n" + v + "\n";
    for (const std::string& source :
         {v, "# " + v + "\n\nThe dek " + v + "\n\n[" + v + "](" + v + ")\n", front}) {
      for (int bits = 0; bits < 8; ++bits) {
        galley::Options o;
        o.allow_raw_html = (bits & 1) != 0;
        o.document = (bits & 2) != 0;
        o.allow_style = (bits & 4) != 0;
        o.outputs = galley::kOutputHtml | galley::kOutputJsonLd | galley::kOutputJson;
        auto r = galley::format(source, o);
        REQUIRE(r.ok());
        INFO("source: " << source << "\noptions: raw " << o.allow_raw_html << " document "
                        << o.document << "\nhtml: " << r->html.substr(0, 2000));
        CHECK(galley::reliability::result_issue(r.value(), source, o) == "");
        ++renders;
      }
    }
  }
  CHECK(renders == kVectors.size() * 3 * 8);
}

TEST_CASE("JSON-LD cannot end its script element", "[reliability][xss]") {
  const std::string model =
      "{\"schema\":\"galley.article/v1\",\"headline\":{\"text\":\"</script><script>alert(1)</"
      "script>\"},"
      "\"dek\":{\"text\":\"<!--<script>\"},\"sections\":[]}";
  galley::Options o;
  o.input = galley::InputMode::json;
  o.outputs = galley::kOutputJsonLd | galley::kOutputHtml;
  o.document = true;
  auto r = galley::format(model, o);
  REQUIRE(r.ok());
  CHECK(r->jsonld.find('<') == std::string::npos);
  CHECK(r->jsonld.find("\\u003c/script") != std::string::npos);
  CHECK(galley::reliability::is_json(r->jsonld));
}

TEST_CASE("the HTML scanner of the fuzz targets finds what it must", "[reliability][xss]") {
  using galley::reliability::html_safety_issue;
  CHECK(html_safety_issue("<p>a &lt;script&gt; b</p>", false).empty());
  CHECK(html_safety_issue("<a href=\"https://x.y/\" title=\"javascript:\">x</a>", false).empty());
  CHECK(html_safety_issue("<img src=\"data:image/png;base64,AAAA\" alt=\"\">", false).empty());
  CHECK(html_safety_issue("<script type=\"application/ld+json\">{}</script>", true).empty());
  CHECK(!html_safety_issue("<script type=\"application/ld+json\">{}</script>", false).empty());
  CHECK(!html_safety_issue("<script>x</script>", true).empty());
  CHECK(!html_safety_issue("<img src=x onerror=alert(1)>", false).empty());
  CHECK(!html_safety_issue("<IMG SRC=x OnError=alert(1)>", false).empty());
  CHECK(!html_safety_issue("<a href=\"&#x6A;avascript:alert(1)\">x</a>", false).empty());
  CHECK(!html_safety_issue("<a href=\" java\tscript:alert(1)\">x</a>", false).empty());
  CHECK(!html_safety_issue("<a href=\"data:text/html,x\">x</a>", false).empty());
  CHECK(!html_safety_issue("<object data=\"data:image/svg+xml,x\"></object>", false).empty());
  CHECK(!html_safety_issue("<img srcset=\"javascript:alert(1) 1x\">", false).empty());
  CHECK(!html_safety_issue("<div/onclick=alert(1)>", false).empty());
  CHECK(html_safety_issue("<textarea><img src=x onerror=alert(1)></textarea>", false).empty());
  CHECK(html_safety_issue("<!-- <img src=x onerror=alert(1)> -->", false).empty());
}
