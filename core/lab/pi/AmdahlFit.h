#pragma once

#include <optional>
#include <span>

namespace stampede {

// Amdahl's law: if a share f of the work is serial, n threads give a speed-up of
// 1 / (f + (1 − f)/n). Fitted to measured speed-ups by least squares on 1/speed-up, which is
// linear in f: 1/S − 1/n = f · (1 − 1/n).
class AmdahlFit {
public:
    struct Point {
        int threads = 1;
        double speedup = 1.0;
    };

    // Nothing without a point above one thread: one thread says nothing about f.
    static std::optional<AmdahlFit> fit(std::span<const Point> points);

    explicit AmdahlFit(double serialFraction)
        : serialFraction_(serialFraction) {}

    double serialFraction() const { return serialFraction_; }
    double speedup(double threads) const;

private:
    double serialFraction_;
};

} // namespace stampede
