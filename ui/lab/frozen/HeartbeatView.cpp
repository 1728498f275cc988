#include "ui/lab/frozen/HeartbeatView.h"

#include <QPainter>
#include <QTime>

#include <cmath>
#include <numbers>

namespace stampede {

HeartbeatView::HeartbeatView(QWidget* parent)
    : QWidget(parent) {
    setMinimumHeight(80);
    timer_.setInterval(16);
    connect(&timer_, &QTimer::timeout, this, qOverload<>(&QWidget::update));
    timer_.start();
    clock_.start();
}

void HeartbeatView::paintEvent(QPaintEvent*) {
    ++frames_;
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.fillRect(rect(), QColor(0xfa, 0xfa, 0xfa));
    const double t = double(clock_.elapsed()) / 1000.0;
    const double margin = 20;
    const double x =
        margin + (width() - 2 * margin) * (0.5 + 0.5 * std::sin(2 * std::numbers::pi * t / 2.0));
    const double y = height() * 0.35;
    painter.setPen(QPen(QColor(0xcc, 0xcc, 0xcc), 2));
    painter.drawLine(QPointF(margin, y), QPointF(width() - margin, y));
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(0x1f, 0x77, 0xb4));
    painter.drawEllipse(QPointF(x, y), 10, 10);
    QFont font = painter.font();
    font.setPointSizeF(font.pointSizeF() * 1.4);
    font.setFamily(QStringLiteral("monospace"));
    painter.setFont(font);
    painter.setPen(QColor(0x30, 0x30, 0x30));
    painter.drawText(QRectF(0, height() * 0.55, width(), height() * 0.45), Qt::AlignCenter,
                     QTime::currentTime().toString(QStringLiteral("HH:mm:ss.zzz")));
}

} // namespace stampede
