#pragma once

#include "core/engine/RequestRecord.h"
#include "ui/widgets/LiveChart.h"

#include <deque>
#include <vector>

class QCPCurve;

namespace stampede {

// Requests as bars on one swimlane per virtual user or connection: how they overlap, where
// the first byte came, and (open model) how long each waited between its intended and its
// actual start. Only a bounded sample is kept and only the last seconds are drawn.
class TimelineChart : public LiveChart {
    Q_OBJECT
public:
    static constexpr std::size_t kMaxRecords = 2000;
    static constexpr double kWindowSeconds = 5.0;     // the widest view, for slow requests
    static constexpr double kMinWindowSeconds = 0.02; // the narrowest, for sub-ms requests
    // The seconds shown: about a hundred typical requests long, so bars stay visible whether
    // requests take 200 ms or 0.2 ms.
    double windowSeconds() const;

    explicit TimelineChart(QWidget* parent = nullptr);

    void appendRecords(const std::vector<RequestRecord>& records);
    void reset() override;

    std::size_t recordCount() const { return records_.size(); }
    std::vector<RequestRecord> records() const { return {records_.begin(), records_.end()}; }
    QCPCurve* okBars() const { return ok_; }
    QCPCurve* errorBars() const { return failed_; }
    QCPCurve* queueing() const { return queueing_; }
    QCPCurve* firstBytes() const { return firstBytes_; }

private:
    void redraw();
    void fitBarsToLanes();

    std::deque<RequestRecord> records_;
    QCPCurve* ok_;
    QCPCurve* failed_;
    QCPCurve* queueing_;
    QCPCurve* firstBytes_;
    int lanes_ = 1;
    double unbrokenFromS_ = 0; // every request that ended after this is in records_
};

} // namespace stampede
