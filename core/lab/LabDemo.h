#pragma once

#include <chrono>
#include <concepts>

namespace stampede {

// The one lifecycle of every lab demo, as the window and the terminal both drive it: made
// from its options, started once, asked to stop, waited for, and read at any time by copies
// of its progress. Destroying a demo stops and joins its threads.
template <typename Demo>
concept LabDemo = std::constructible_from<Demo, typename Demo::Options> &&
    requires(Demo& demo, const Demo& view, std::chrono::milliseconds timeout) {
    demo.start();
    demo.requestStop();
    { view.wait(timeout) } -> std::same_as<bool>;
    { view.progress() } -> std::same_as<typename Demo::Progress>;
    { view.progress().ended() } -> std::same_as<bool>;
};

} // namespace stampede
