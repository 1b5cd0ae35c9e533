// The pipeline behind format(), check() and fix(): parse, recognise, check, render.
#pragma once

#include <memory>

#include "galley/galley.h"
#include "source.h"

namespace galley::detail {

/// A run's result together with the normalised source its ranges point into.
struct Run {
  FormatResult result;
  std::unique_ptr<SourceText> source;
};

/// With the outputs: the model (kOutputJson) written in ASCII, every other character as a \u
/// escape, as run_json's reply holds it; the reply then takes it as it is, without a second pass.
inline constexpr unsigned kOutputJsonAscii = 1u << 31;

/// Runs the pipeline; `outputs` overrides options.outputs (0 renders nothing).
Result<Run> run_pipeline(std::string_view source, const Options& options, unsigned outputs);

}  // namespace galley::detail
