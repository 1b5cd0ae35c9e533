// The default stylesheet of whole-document HTML output.
#pragma once

#include <string>
#include <string_view>

namespace galley::render {

/// Appends the default theme (readable measure, print-friendly, light and dark through
/// prefers-color-scheme) for class names that start with `class_prefix`. The prefix is
/// escaped as a CSS identifier, so no prefix can end the <style> element.
void append_theme(std::string& out, std::string_view class_prefix);

}  // namespace galley::render
