#pragma once

#include "ui/widgets/LiveChart.h"

#include <vector>

class QCPCurve;

namespace stampede {

// One row per job or request: the time it waited in a light colour, the time it ran in a
// strong one. Rows are numbered from the top, times in seconds since the demo started.
class GanttChart : public LiveChart {
    Q_OBJECT
public:
    struct Bar {
        double queued = 0;    // began waiting
        double started = -1;  // began running; -1 = still waiting
        double finished = -1; // -1 = still running (or never will: stopped)
    };

    // One stretch of one row, for rows that wait and run several times (0-based rows).
    struct Segment {
        int row = 0;
        double from = 0;
        double to = 0;
        bool running = true;    // strong; else light, as a wait
        bool cancelled = false; // a dashed grey bar instead of either (see showCancelled)
    };

    GanttChart(const QString& title, const QString& rowName, const QColor& runColor,
               QWidget* parent = nullptr);

    // What the legend calls the light and the strong bars ("waiting", "running" unless set).
    void setLegendNames(const QString& waiting, const QString& running);
    // Names the dashed grey bars of cancelled segments and keeps them in the legend from
    // then on; without it they join the legend ("cancelled") only while some are drawn.
    void showCancelled(const QString& name);
    // `now` closes the bars still open, so a live chart grows as the demo runs.
    void setBars(const std::vector<Bar>& bars, double now);
    // `rows` rows of any number of segments each; the time axis reaches at least `end`.
    void setSegments(int rows, const std::vector<Segment>& segments, double end);
    // Thin vertical lines across every row at `seconds`, such as a barrier's releases, named
    // `name` in the legend; none clears them.
    void setMarkers(const std::vector<double>& seconds, const QString& name);
    // The seconds the time axis shows at least, so two charts can share one scale.
    void setMinimumSeconds(double seconds);
    void reset() override;

    int rowCount() const { return rows_; }
    QCPCurve* waitBars() const { return wait_; }
    QCPCurve* runBars() const { return run_; }
    QCPCurve* cancelledBars() const { return cancelled_; }
    QCPCurve* markers() const { return markers_; }

private:
    void fitBarsToRows();
    void rescale();
    void drawMarkers();

    QCPCurve* wait_;
    QCPCurve* run_;
    QCPCurve* cancelled_;
    QCPCurve* markers_;
    std::vector<double> markerSeconds_;
    bool cancelledPinned_ = false;
    int rows_ = 0;
    double end_ = 0;
    double minimumSeconds_ = 0;
};

} // namespace stampede
