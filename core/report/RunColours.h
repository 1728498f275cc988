#pragma once

namespace stampede {

// The colour of the first, second, third and fourth run wherever runs are drawn together:
// the window's compare charts and the HTML report's swatches beside the runs' names.
inline constexpr const char* kRunColours[] = {"#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd"};
inline constexpr int kRunColourCount = 4;

} // namespace stampede
