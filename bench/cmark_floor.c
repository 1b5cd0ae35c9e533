/* The floor Galley is measured against: cmark-gfm parse + HTML render alone, with the same
 * extensions Galley's Markdown parser attaches. Built natively (into galley_bench) and with
 * emcc (cmark-floor.mjs) from the same cmark-gfm source. */
#include "cmark_floor.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>
#include <stdlib.h>
#include <string.h>

static char* floor_result = NULL;

size_t floor_render(const char* text, size_t length) {
  static const char* const kExtensions[] = {"table", "strikethrough", "autolink", "tagfilter",
                                            "tasklist"};
  const int options = CMARK_OPT_FOOTNOTES;
  cmark_gfm_core_extensions_ensure_registered();
  cmark_parser* parser = cmark_parser_new(options);
  for (size_t i = 0; i < sizeof kExtensions / sizeof kExtensions[0]; ++i) {
    cmark_syntax_extension* ext = cmark_find_syntax_extension(kExtensions[i]);
    if (ext) cmark_parser_attach_syntax_extension(parser, ext);
  }
  cmark_parser_feed(parser, text, length);
  cmark_node* root = cmark_parser_finish(parser);
  free(floor_result);
  floor_result = NULL;
  size_t out_length = 0;
  if (root) {
    floor_result = cmark_render_html(root, options, cmark_parser_get_syntax_extensions(parser));
    out_length = floor_result ? strlen(floor_result) : 0;
    cmark_node_free(root);
  }
  cmark_parser_free(parser);
  return out_length;
}

const char* floor_output(void) { return floor_result ? floor_result : ""; }

void floor_release(void) {
  free(floor_result);
  floor_result = NULL;
}
