// Pieces of the JSON replies that more than one file writes: json_api.cpp (per keystroke),
// fix.cpp and the rule catalogue (compiled for size in the wasm).
#pragma once

#include <vector>

#include "galley/galley.h"
#include "render/writer.h"

namespace galley::detail {

/// Writes `list` as a JSON array of diagnostics.
void write_diagnostics(render::JsonWriter& w, const std::vector<Diagnostic>& list);
/// Writes the fields of a fix() result (source, applied, remaining, passes) into an open object.
void write_fix_fields(render::JsonWriter& w, const FixResult& r);
/// Writes the rule catalogue as a JSON array.
void write_rules(render::JsonWriter& w);

}  // namespace galley::detail
