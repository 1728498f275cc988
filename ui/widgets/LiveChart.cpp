#include "ui/widgets/LiveChart.h"

#include "ui/widgets/ProblemBox.h"

#include <QApplication>
#include <QBuffer>
#include <QFileDialog>
#include <QFontMetrics>
#include <QMenu>
#include <QSvgGenerator>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include <algorithm>

namespace stampede {

LiveChart::LiveChart(const QString& title, QWidget* parent)
    : QWidget(parent)
    , plot_(new QCustomPlot(this))
    , titleElement_(nullptr)
    , title_(title) {
    setMinimumSize(320, 220);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(plot_);

    // The application's font, not the parent's: a window in presentation mode has a larger
    // one, and a chart created then would otherwise be enlarged twice.
    QFont base = QApplication::font();
    QFont titleFont = base;
    titleFont.setBold(true);
    titleFont.setPointSizeF(base.pointSizeF() * 1.2);
    titleElement_ = new QCPTextElement(plot_, title, titleFont);
    plot_->plotLayout()->insertRow(0);
    plot_->plotLayout()->addElement(0, 0, titleElement_);
    for (QCPAxis* axis : {plot_->xAxis, plot_->yAxis}) {
        axis->setLabelFont(base);
        axis->setTickLabelFont(base);
    }
    plot_->legend->setFont(base);
    plot_->legend->setBrush(QColor(255, 255, 255, 210));
    plot_->setNoAntialiasingOnDrag(true);

    plot_->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(plot_, &QWidget::customContextMenuRequested, this, &LiveChart::showContextMenu);
}

bool LiveChart::exportPng(const QString& path) {
    const QSize size = exportSize();
    return plot_->savePng(path, size.width(), size.height());
}

bool LiveChart::exportPdf(const QString& path) {
    const QSize size = exportSize();
    return plot_->savePdf(path, size.width(), size.height(), QCP::epNoCosmetic,
                          QStringLiteral("Stampede"), title_);
}

QByteArray LiveChart::svg(QSize size) {
    QByteArray out;
    QBuffer buffer(&out);
    QSvgGenerator generator;
    generator.setOutputDevice(&buffer);
    generator.setSize(size);
    generator.setViewBox(QRect(QPoint(0, 0), size));
    generator.setResolution(96);
    {
        QCPPainter painter(&generator);
        // As QCustomPlot's own PDF export paints: vectors only (no cached pixmaps of tick
        // labels, which would become bitmaps in the SVG), and no cosmetic pens, which stay
        // one device pixel wide however a browser zooms or prints the picture.
        painter.setMode(QCPPainter::pmVectorized);
        painter.setMode(QCPPainter::pmNoCaching);
        painter.setMode(QCPPainter::pmNonCosmetic);
        plot_->toPainter(&painter, size.width(), size.height());
    }
    return out;
}

QCPGraph* LiveChart::addLine(const QString& name, const QColor& color, bool dashed) {
    QCPGraph* graph = plot_->addGraph();
    graph->setName(name);
    QPen pen(color, 2);
    if (dashed)
        pen.setStyle(Qt::DashLine);
    graph->setPen(pen);
    if (normal_) // added while presenting: it must look like its siblings, and come back too
        enlargePen(graph);
    return graph;
}

void LiveChart::addBarSegment(QVector<QCPCurveData>& data, double from, double to, double row) {
    const double t = data.size();
    data.append(QCPCurveData(t, from, row));
    data.append(QCPCurveData(t + 1, to, row));
    data.append(QCPCurveData(t + 2, qQNaN(), qQNaN()));
}

void LiveChart::showLegendBelow() {
    QCPLegend* legend = plot_->legend;
    plot_->axisRect()->insetLayout()->take(legend);
    plot_->axisRect()->insetLayout()->simplify();
    const int row = plot_->plotLayout()->rowCount();
    plot_->plotLayout()->addElement(row, 0, legend);
    plot_->plotLayout()->setRowStretchFactor(row, 0.001);
    legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    legend->setWrap(4);
    legend->setBorderPen(Qt::NoPen);
    legend->setBrush(Qt::NoBrush);
    legend->setMargins(QMargins(8, 0, 8, 4));
    legend->setVisible(true);
}

void LiveChart::addControl(QWidget* control) {
    // Over the title row's left end rather than in a row of its own, so charts side by side
    // keep their axes level, and clear of the centred title.
    control->setParent(this);
    controls_.append(control);
    placeControls();
}

void LiveChart::placeControls() {
    // Left of the centred title, however narrow the chart: a long choice is elided.
    const int titleWidth = QFontMetrics(titleElement_->font()).horizontalAdvance(title_);
    const int room = (width() - titleWidth) / 2 - 12;
    int left = 6;
    for (QWidget* control : controls_) {
        control->setMaximumWidth(std::max(80, room - left));
        control->adjustSize();
        control->move(left, 4);
        control->raise();
        left += control->width() + 4;
    }
}

void LiveChart::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    placeControls();
}

void LiveChart::appendCapped(QCPGraph* graph, const QVector<double>& keys,
                             const QVector<double>& values, int cap) {
    graph->addData(keys, values, true);
    auto data = graph->data();
    if (data->size() > cap)
        data->removeBefore((data->constEnd() - cap)->key);
}

void LiveChart::replotSoon() {
    // Queued: several snapshots arriving in one event-loop turn cost one repaint.
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void LiveChart::setPresentationMode(bool on) {
    if (on == presentationMode())
        return;
    const auto scaled = [](QFont font) {
        font.setPointSizeF(font.pointSizeF() * kPresentationScale);
        return font;
    };
    if (on) {
        NormalLook& normal = normal_.emplace();
        normal.title = titleElement_->font();
        titleElement_->setFont(scaled(normal.title));
        normal.legend = plot_->legend->font();
        plot_->legend->setFont(scaled(normal.legend)); // also sets every existing item's
        for (QCPAxis* axis : plot_->axisRect()->axes()) {
            normal.labelFonts.append({axis, axis->labelFont()});
            normal.tickLabelFonts.append({axis, axis->tickLabelFont()});
            axis->setLabelFont(scaled(axis->labelFont()));
            axis->setTickLabelFont(scaled(axis->tickLabelFont()));
        }
        for (int i = 0; i < plot_->plottableCount(); ++i)
            enlargePen(plot_->plottable(i));
    } else {
        const NormalLook normal = std::move(*normal_);
        normal_.reset();
        titleElement_->setFont(normal.title);
        plot_->legend->setFont(normal.legend);
        for (const auto& [axis, font] : normal.labelFonts)
            axis->setLabelFont(font);
        for (const auto& [axis, font] : normal.tickLabelFonts)
            axis->setTickLabelFont(font);
        for (const auto& [plottable, pen] : normal.pens)
            if (plottable)
                plottable->setPen(pen);
    }
    replotSoon();
}

void LiveChart::enlargePen(QCPAbstractPlottable* plottable) {
    QPen pen = plottable->pen();
    normal_->pens.append({plottable, pen});
    if (pen.style() == Qt::NoPen)
        return;
    // Width 0 is Qt's one-pixel cosmetic pen.
    pen.setWidthF(std::max(1.0, pen.widthF()) * kPresentationScale);
    plottable->setPen(pen);
}

void LiveChart::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    const QVariant mode = window()->property(kPresentationProperty);
    if (mode.isValid())
        setPresentationMode(mode.toBool());
}

void LiveChart::showContextMenu(const QPoint& position) {
    QMenu menu(this);
    menu.addAction(tr("Export as PNG…"), this, [this] { exportWithDialog(false); });
    menu.addAction(tr("Export as PDF…"), this, [this] { exportWithDialog(true); });
    menu.exec(plot_->mapToGlobal(position));
}

void LiveChart::exportWithDialog(bool pdf) {
    const QString path = QFileDialog::getSaveFileName(
        this, pdf ? tr("Export chart as PDF") : tr("Export chart as PNG"),
        title_ + (pdf ? QStringLiteral(".pdf") : QStringLiteral(".png")),
        pdf ? tr("PDF documents (*.pdf)") : tr("PNG images (*.png)"));
    if (path.isEmpty())
        return;
    if (!(pdf ? exportPdf(path) : exportPng(path)))
        openProblemBox(this, tr("Export failed"), tr("Could not write the chart to %1.").arg(path));
}

QSize LiveChart::exportSize() const {
    // A chart never shown has no useful size of its own; export it at a readable one.
    return plot_->isVisible() && plot_->width() >= 320 ? plot_->size() : QSize(900, 500);
}

} // namespace stampede
