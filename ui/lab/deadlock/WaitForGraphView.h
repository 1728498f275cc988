#pragma once

#include "core/lab/deadlock/WaitForState.h"

#include <QWidget>

#include <vector>

namespace stampede {

// The deadlock demo's wait-for graph drawn as a ring: threads (circles) and locks (squares)
// alternate, each thread between the lock it takes first and the one it wants next. A solid
// arrow lock → thread says "held by", a dashed arrow thread → lock "waits for"; the edges of
// a detected cycle are red. Right-click exports it as PNG, like the charts.
class WaitForGraphView : public QWidget {
    Q_OBJECT
public:
    explicit WaitForGraphView(QWidget* parent = nullptr);

    void setGraph(const WaitForState& state, const std::vector<int>& cycle);
    void clear();
    bool exportPng(const QString& path);

    int threadCount() const { return static_cast<int>(state_.waitsFor.size()); }
    int cycleEdges() const; // red arrows drawn: 2 per thread on the cycle

    QSize sizeHint() const override { return {420, 380}; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    void showContextMenu(const QPoint& position);
    bool onCycle(int thread) const;

    WaitForState state_;
    std::vector<int> cycle_;
};

} // namespace stampede
