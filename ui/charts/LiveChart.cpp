#include "LiveChart.h"

#include <QFileDialog>
#include <QMenu>
#include <QMessageBox>
#include <QVBoxLayout>
#include <qcustomplot.h>

namespace stampede {

LiveChart::LiveChart(const QString& title, QWidget* parent)
    : QWidget(parent)
    , plot_(new QCustomPlot(this))
    , title_(title) {
    setMinimumSize(320, 220);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(plot_);

    QFont base = font();
    QFont titleFont = base;
    titleFont.setBold(true);
    titleFont.setPointSizeF(base.pointSizeF() * 1.2);
    plot_->plotLayout()->insertRow(0);
    plot_->plotLayout()->addElement(0, 0, new QCPTextElement(plot_, title, titleFont));
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

QCPGraph* LiveChart::addLine(const QString& name, const QColor& color, bool dashed) {
    QCPGraph* graph = plot_->addGraph();
    graph->setName(name);
    QPen pen(color, 2);
    if (dashed)
        pen.setStyle(Qt::DashLine);
    graph->setPen(pen);
    return graph;
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
        QMessageBox::warning(this, tr("Export failed"),
                             tr("Could not write the chart to %1.").arg(path));
}

QSize LiveChart::exportSize() const {
    // A chart never shown has no useful size of its own; export it at a readable one.
    return plot_->isVisible() && plot_->width() >= 320 ? plot_->size() : QSize(900, 500);
}

} // namespace stampede
