#include "ui/loadtest/charts/StatusChart.h"

#include <qcustomplot.h>

#include <algorithm>

namespace stampede {

namespace {

StatusChart::Family familyOf(int status) {
    if (status >= 500)
        return StatusChart::ServerError;
    if (status >= 400)
        return StatusChart::ClientError;
    if (status >= 300)
        return StatusChart::Redirect;
    return StatusChart::Success;
}

bool isTransport(ErrorClass errorClass) {
    // HTTP classes are already bars of their own status codes.
    return !answeredClass(errorClass);
}

} // namespace

StatusChart::StatusChart(QWidget* parent)
    : LiveChart(tr("Responses and errors"), parent) {
    plot()->xAxis->setLabel(tr("status code or failure"));
    plot()->yAxis->setLabel(tr("requests"));
    plot()->xAxis->setTicker(QSharedPointer<QCPAxisTickerText>::create());
    plot()->xAxis->grid()->setVisible(false);
    showLegendBelow();

    const std::array<std::pair<QString, QColor>, FamilyCount> styles{{
        {tr("2xx"), QColor(0x2e, 0x9e, 0x44)},
        {tr("3xx"), QColor(0x1f, 0x77, 0xb4)},
        {tr("4xx"), QColor(0xff, 0x8c, 0x00)},
        {tr("5xx"), QColor(0xd6, 0x27, 0x28)},
        {tr("transport errors"), QColor(0x8b, 0x00, 0x00)},
    }};
    for (int family = 0; family < FamilyCount; ++family) {
        auto* bars = new QCPBars(plot()->xAxis, plot()->yAxis);
        bars->setName(styles[family].first);
        bars->setBrush(styles[family].second);
        bars->setPen(Qt::NoPen);
        bars->setWidth(0.7);
        bars_[family] = bars;
    }
    reset();
}

void StatusChart::setCounts(const std::map<int, std::uint64_t>& status,
                            const std::array<ErrorSummary, kErrorClassCount>& errors) {
    for (QCPBars* bars : bars_)
        bars->data()->clear();
    labels_.clear();
    for (QCPItemText* count : counts_)
        plot()->removeItem(count);
    counts_.clear();
    auto ticker = plot()->xAxis->ticker().staticCast<QCPAxisTickerText>();
    ticker->clear();

    double top = 0;
    auto addBar = [&](Family family, const QString& label, std::uint64_t count) {
        const double key = labels_.size() + 1;
        labels_ << label;
        ticker->addTick(key, label);
        bars_[family]->addData(key, double(count));
        auto* text = new QCPItemText(plot());
        text->setText(QLocale().toString(qulonglong(count)));
        text->setPositionAlignment(Qt::AlignHCenter | Qt::AlignBottom);
        text->position->setCoords(key, double(count));
        counts_ << text;
        top = std::max(top, double(count));
    };
    for (const auto& [code, count] : status)
        if (count > 0)
            addBar(familyOf(code), QString::number(code), count);
    for (std::size_t i = 0; i < errors.size(); ++i) {
        const auto errorClass = static_cast<ErrorClass>(i);
        if (!isTransport(errorClass) || errors[i].count == 0)
            continue;
        const std::string_view name = errorClassName(errorClass);
        addBar(Transport, QString::fromLatin1(name.data(), qsizetype(name.size())),
               errors[i].count);
    }

    // Only the families present get a legend entry.
    for (QCPBars* bars : bars_) {
        if (bars->data()->isEmpty())
            bars->removeFromLegend();
        else
            bars->addToLegend();
    }
    plot()->xAxis->setRange(0.3, std::max<qsizetype>(labels_.size(), 3) + 0.7);
    plot()->yAxis->setRange(0, std::max(1.0, top * 1.15)); // room for the counts
    // Long failure names would collide side by side; tilt them once there are many bars.
    plot()->xAxis->setTickLabelRotation(labels_.size() > 6 ? 30 : 0);
    replotSoon();
}

void StatusChart::reset() {
    setCounts({}, {});
}

} // namespace stampede
