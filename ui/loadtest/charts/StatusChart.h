#pragma once

#include "core/engine/RunSnapshot.h"
#include "ui/widgets/LiveChart.h"

#include <array>
#include <cstdint>
#include <map>

class QCPBars;
class QCPItemText;

namespace stampede {

// How requests ended: one bar per HTTP status and per transport failure, coloured by
// family so a wall of 5xx or timeouts is obvious at a glance.
class StatusChart : public LiveChart {
    Q_OBJECT
public:
    enum Family { Success, Redirect, ClientError, ServerError, Transport, FamilyCount };

    explicit StatusChart(QWidget* parent = nullptr);

    void setCounts(const std::map<int, std::uint64_t>& status,
                   const std::array<ErrorSummary, kErrorClassCount>& errors);
    void reset() override;

    // The category labels left to right, e.g. "200", "503", "timeout".
    QStringList labels() const { return labels_; }
    QCPBars* bars(Family family) const { return bars_[family]; }

private:
    std::array<QCPBars*, FamilyCount> bars_{};
    QStringList labels_;
    QList<QCPItemText*> counts_; // the number above each bar: small ones are still readable
};

} // namespace stampede
