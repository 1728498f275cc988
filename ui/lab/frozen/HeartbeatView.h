#pragma once

#include <QElapsedTimer>
#include <QTimer>
#include <QWidget>

namespace stampede {

// A dot that swings across and a clock with milliseconds, repainted 60 times a second by a
// timer on the window's thread: the moment that thread is busy elsewhere, both stop.
class HeartbeatView : public QWidget {
    Q_OBJECT
public:
    explicit HeartbeatView(QWidget* parent = nullptr);

    // Frames painted so far: what a test reads to see the animation run.
    int frames() const { return frames_; }
    QSize sizeHint() const override { return {420, 90}; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QTimer timer_;
    QElapsedTimer clock_;
    int frames_ = 0;
};

} // namespace stampede
