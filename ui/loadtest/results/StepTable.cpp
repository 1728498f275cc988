#include "ui/loadtest/results/StepTable.h"

#include "core/engine/RunSnapshot.h"
#include "ui/loadtest/StepTitle.h"
#include "ui/loadtest/results/Milliseconds.h"

#include <QHeaderView>

#include <algorithm>

namespace stampede {
namespace {

QString className(std::size_t index) {
    const auto name = errorClassName(static_cast<ErrorClass>(index));
    return QString::fromUtf8(name.data(), qsizetype(name.size())).replace('_', ' ');
}

} // namespace

StepTable::StepTable(QWidget* parent)
    : QTableWidget(0, 8, parent) {
    setObjectName("stepFigures");
    setHorizontalHeaderLabels({tr("Step"), tr("Requests"), tr("Errors"), tr("Skipped"), tr("Req/s"),
                               tr("p50"), tr("p99"), tr("First error")});
    horizontalHeaderItem(Skipped)->setToolTip(
        tr("Never sent: an earlier step of the same iteration failed, so the rest of it was "
           "skipped."));
    horizontalHeaderItem(FirstError)
        ->setToolTip(tr("The first message of this step's most frequent kind of error."));
    for (int column = Requests; column <= P99; ++column)
        horizontalHeader()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    horizontalHeader()->setSectionResizeMode(Name, QHeaderView::Interactive);
    horizontalHeader()->resizeSection(Name, 160);
    horizontalHeader()->setSectionResizeMode(FirstError, QHeaderView::Stretch);
    verticalHeader()->hide();
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    setEditTriggers(NoEditTriggers);
    setAlternatingRowColors(true);
    setWordWrap(false);
}

void StepTable::setSteps(const std::vector<Step>& steps) {
    clearContents();
    setRowCount(int(steps.size()));
    // As tall as its rows, up to a few; more scroll, so the charts keep their room.
    const int shown = std::clamp(rowCount(), 1, kMaxShownRows);
    setFixedHeight(horizontalHeader()->sizeHint().height() +
                   shown * verticalHeader()->defaultSectionSize() + 2 * frameWidth() + 2);
    for (int row = 0; row < rowCount(); ++row) {
        const Step& step = steps[std::size_t(row)];
        auto* name = new QTableWidgetItem(QString("%1. %2").arg(row + 1).arg(stepTitle(step)));
        name->setToolTip(stepRequest(step));
        setItem(row, Name, name);
        for (int column = Requests; column <= FirstError; ++column) {
            auto* value = new QTableWidgetItem;
            if (column != FirstError)
                value->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            setItem(row, column, value);
        }
    }
}

void StepTable::show(const RunSnapshot& s) {
    if (rowCount() != int(s.steps.size())) {
        // A snapshot of another plan than the form's (a report read back): name rows by number.
        setSteps(std::vector<Step>(s.steps.size()));
        for (int row = 0; row < rowCount(); ++row)
            item(row, Name)->setText(tr("step %1").arg(row + 1));
    }
    for (int row = 0; row < rowCount(); ++row) {
        const StepFigures& step = s.steps[std::size_t(row)];
        const bool timed = step.latency.count() > 0;
        const auto quantile = [&](double q) {
            return timed ? millisecondsText(double(step.latency.quantile(q)) / 1000.0) : QString();
        };
        item(row, Requests)->setText(QString::number(step.requests));
        item(row, Errors)->setText(QString::number(step.errors));
        item(row, Skipped)->setText(QString::number(step.skipped));
        item(row, Rate)->setText(
            QString::number(s.seconds() > 0 ? double(step.requests) / s.seconds() : 0.0, 'f', 1));
        item(row, P50)->setText(quantile(0.5));
        item(row, P99)->setText(quantile(0.99));

        std::size_t worst = kErrorClassCount;
        QStringList all;
        for (std::size_t c = 0; c < kErrorClassCount; ++c) {
            const ErrorSummary& e = step.errorsByClass[c];
            if (e.count == 0)
                continue;
            if (worst == kErrorClassCount || e.count > step.errorsByClass[worst].count)
                worst = c;
            all << QString("%1 × %2: %3")
                       .arg(e.count)
                       .arg(className(c), QString::fromStdString(e.firstMessage));
        }
        QTableWidgetItem* first = item(row, FirstError);
        first->setText(worst == kErrorClassCount
                           ? QString()
                           : className(worst) + ": " +
                                 QString::fromStdString(step.errorsByClass[worst].firstMessage));
        first->setToolTip(all.join('\n'));
        item(row, Errors)->setForeground(step.errors ? QColor(0xc0, 0x39, 0x2b) : QColor());
    }
}

void StepTable::clearValues() {
    for (int row = 0; row < rowCount(); ++row)
        for (int column = Requests; column <= FirstError; ++column)
            item(row, column)->setText({});
}

} // namespace stampede
