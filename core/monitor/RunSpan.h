#pragma once

namespace stampede {

// A stretch of time in which a thread stayed running, or stayed asleep.
struct RunSpan {
    double begin = 0;
    double end = 0;
    bool running = false;
};

} // namespace stampede
