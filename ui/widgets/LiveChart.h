#pragma once

#include <QFont>
#include <QList>
#include <QPen>
#include <QPointer>
#include <QVector>
#include <QWidget>

#include <optional>

class QCPAbstractPlottable;
class QCPAxis;
class QCPCurveData;
class QCPGraph;
class QCPTextElement;
class QCustomPlot;

namespace stampede {

// The common frame of the live charts: a QCustomPlot with a title, readable fonts and a
// right-click menu to export it. Subclasses receive computed data and only draw it.
class LiveChart : public QWidget {
    Q_OBJECT
public:
    explicit LiveChart(const QString& title, QWidget* parent = nullptr);

    QCustomPlot* plot() const { return plot_; }
    QString title() const { return title_; }

    // False when the file cannot be written; the menu then tells the user, tests check it.
    bool exportPng(const QString& path);
    bool exportPdf(const QString& path);
    // The chart as one SVG document of `size` pixels, drawn as the window draws it: what the
    // HTML report inlines.
    QByteArray svg(QSize size = QSize(900, 420));

    // Forget everything drawn so far, e.g. when a new run starts.
    virtual void reset() = 0;

    // Larger text and thicker lines for a projector. Switching back restores exactly what
    // was there before, whatever a subclass had set.
    static constexpr double kPresentationScale = 1.5;
    void setPresentationMode(bool on);
    bool presentationMode() const { return normal_.has_value(); }
    // A window sets this property to its mode, so charts created or shown later follow it.
    static constexpr const char* kPresentationProperty = "stampedePresentationMode";

protected:
    // A line series in the chart's style; `dashed` for derived (not measured) values.
    QCPGraph* addLine(const QString& name, const QColor& color, bool dashed = false);
    // A legend in its own row under the axes, where it can never hide data.
    void showLegendBelow();
    // A control of what the chart draws (a picker), at the top left; not part of an export.
    void addControl(QWidget* control);
    void resizeEvent(QResizeEvent* event) override;
    // Appends in key order and drops the oldest points beyond `cap`, so a long run keeps
    // fixed memory and a fast replot.
    static void appendCapped(QCPGraph* graph, const QVector<double>& keys,
                             const QVector<double>& values, int cap);
    void replotSoon();
    // A horizontal bar from `from` to `to` at height `row`, as a piece of one QCPCurve that
    // NaN points split: thousands of bars in one plottable and one draw call.
    static void addBarSegment(QVector<QCPCurveData>& data, double from, double to, double row);
    void showEvent(QShowEvent* event) override;

private:
    // What presentation mode changed, to put it back.
    struct NormalLook {
        QFont title;
        QFont legend;
        QVector<QPair<QCPAxis*, QFont>> labelFonts;
        QVector<QPair<QCPAxis*, QFont>> tickLabelFonts;
        QVector<QPair<QPointer<QCPAbstractPlottable>, QPen>> pens;
    };
    void enlargePen(QCPAbstractPlottable* plottable);

    void placeControls();
    void showContextMenu(const QPoint& position);
    void exportWithDialog(bool pdf);
    QSize exportSize() const;

    QCustomPlot* plot_;
    QList<QWidget*> controls_;
    QCPTextElement* titleElement_;
    QString title_;
    std::optional<NormalLook> normal_; // set while in presentation mode
};

} // namespace stampede
