#include "ui/lab/deadlock/WaitForGraphView.h"

#include "ui/widgets/ProblemBox.h"

#include <QFileDialog>
#include <QMenu>
#include <QPainter>
#include <QPainterPath>
#include <QtMath>

#include <algorithm>

namespace stampede {

namespace {

const QColor kThreadColor(0x1f, 0x77, 0xb4);
const QColor kLockColor(0x7f, 0x7f, 0x7f);
const QColor kCycleColor(0xd6, 0x27, 0x28);

// An arrow from the edge of one node to the edge of the other, head at `to`.
void drawArrow(QPainter& painter, QPointF from, QPointF to, double radius, const QPen& pen) {
    const QLineF full(from, to);
    if (full.length() < 2 * radius + 1)
        return;
    const QPointF unit = (to - from) / full.length();
    const QPointF start = from + unit * radius;
    const QPointF end = to - unit * (radius + 2);
    painter.setPen(pen);
    painter.drawLine(start, end);
    const QPointF normal(-unit.y(), unit.x());
    const double head = 10;
    QPolygonF tip(
        {end, end - unit * head + normal * head * 0.45, end - unit * head - normal * head * 0.45});
    painter.setPen(QPen(pen.color(), 1));
    painter.setBrush(pen.color());
    painter.drawPolygon(tip);
    painter.setBrush(Qt::NoBrush);
}

} // namespace

WaitForGraphView::WaitForGraphView(QWidget* parent)
    : QWidget(parent) {
    setObjectName("waitForGraph");
    setMinimumSize(300, 260);
    setBackgroundRole(QPalette::Base);
    setAutoFillBackground(true);
    setContextMenuPolicy(Qt::CustomContextMenu);
    connect(this, &QWidget::customContextMenuRequested, this, &WaitForGraphView::showContextMenu);
}

void WaitForGraphView::setGraph(const WaitForState& state, const std::vector<int>& cycle) {
    state_ = state;
    cycle_ = cycle;
    update();
}

void WaitForGraphView::clear() {
    setGraph({}, {});
}

int WaitForGraphView::cycleEdges() const {
    return 2 * static_cast<int>(cycle_.size());
}

bool WaitForGraphView::onCycle(int thread) const {
    return std::find(cycle_.begin(), cycle_.end(), thread) != cycle_.end();
}

bool WaitForGraphView::exportPng(const QString& path) {
    if (width() < 300 || height() < 260)
        resize(sizeHint().expandedTo(QSize(600, 520)));
    return grab().save(path, "PNG");
}

void WaitForGraphView::paintEvent(QPaintEvent* /*event*/) {
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const int n = threadCount();
    if (n == 0) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(rect(), Qt::AlignCenter, tr("Press Start to see who waits for whom."));
        return;
    }
    const QRectF area = rect().adjusted(10, 30, -10, -10);
    const QPointF centre = area.center();
    const double ring = std::min(area.width(), area.height()) / 2 - 34;
    const double node = std::clamp(ring * 0.9 / n, 12.0, 24.0);
    // Thread i sits at angle i; lock i half a step before it, lock i+1 half a step after.
    auto at = [&](double step) {
        const double angle = 2 * M_PI * step / n - M_PI / 2;
        return centre + QPointF(std::cos(angle), std::sin(angle)) * ring;
    };
    auto threadAt = [&](int i) { return at(i); };
    auto lockAt = [&](int lock) { return at(lock - 0.5); };

    for (int lock = 0; lock < n; ++lock) {
        const int holder = state_.holder[static_cast<std::size_t>(lock)];
        if (holder < 0)
            continue;
        // On the cycle when a thread of the cycle waits for the lock its holder keeps.
        const bool red =
            onCycle(holder) && std::any_of(cycle_.begin(), cycle_.end(), [&](int thread) {
                return state_.waitsFor[static_cast<std::size_t>(thread)] == lock;
            });
        drawArrow(painter, lockAt(lock), threadAt(holder), node,
                  QPen(red ? kCycleColor : palette().color(QPalette::Text), red ? 3 : 2));
    }
    for (int thread = 0; thread < n; ++thread) {
        const int lock = state_.waitsFor[static_cast<std::size_t>(thread)];
        if (lock < 0)
            continue;
        const bool red = onCycle(thread);
        drawArrow(
            painter, threadAt(thread), lockAt(lock), node,
            QPen(red ? kCycleColor : palette().color(QPalette::Text), red ? 3 : 2, Qt::DashLine));
    }

    QFont bold = font();
    bold.setBold(true);
    painter.setFont(bold);
    for (int i = 0; i < n; ++i) {
        const QPointF t = threadAt(i);
        painter.setPen(QPen(onCycle(i) ? kCycleColor : kThreadColor.darker(), 2));
        painter.setBrush(kThreadColor);
        painter.drawEllipse(t, node, node);
        painter.setPen(Qt::white);
        painter.drawText(QRectF(t.x() - node, t.y() - node, 2 * node, 2 * node), Qt::AlignCenter,
                         QString::fromStdString(WaitForState::threadName(i)));
        const QPointF l = lockAt(i);
        painter.setPen(QPen(kLockColor.darker(), 2));
        painter.setBrush(QColor(0xe8, 0xe8, 0xe8));
        painter.drawRect(QRectF(l.x() - node * 0.8, l.y() - node * 0.8, node * 1.6, node * 1.6));
        painter.setPen(palette().color(QPalette::Text));
        painter.drawText(QRectF(l.x() - node, l.y() - node, 2 * node, 2 * node), Qt::AlignCenter,
                         QString::fromStdString(WaitForState::lockName(i)));
    }
    painter.setFont(font());
    painter.setPen(palette().color(QPalette::Text));
    painter.drawText(rect().adjusted(8, 6, -8, -6), Qt::AlignTop | Qt::AlignLeft,
                     tr("circle = thread, square = lock;  lock ──▶ thread: held by;  "
                        "thread ╌╌▶ lock: waits for%1")
                         .arg(cycle_.empty() ? QString() : tr(";  red: the cycle")));
}

void WaitForGraphView::showContextMenu(const QPoint& position) {
    QMenu menu(this);
    menu.addAction(tr("Export as PNG…"), this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export graph as PNG"),
                                                          QStringLiteral("wait-for-graph.png"),
                                                          tr("PNG images (*.png)"));
        if (!path.isEmpty() && !exportPng(path))
            openProblemBox(this, tr("Export failed"),
                           tr("Could not write the graph to %1.").arg(path));
    });
    menu.exec(mapToGlobal(position));
}

} // namespace stampede
