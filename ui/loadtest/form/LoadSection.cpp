#include "ui/loadtest/form/LoadSection.h"

#include "ui/loadtest/form/FieldProblems.h"
#include "ui/widgets/DecimalSpinBox.h"

#include <QComboBox>
#include <QFormLayout>
#include <QSpinBox>

namespace stampede {
namespace {

// The largest request count a spin box holds; larger limits belong in a plan file.
constexpr int kMaxRequests = 2'000'000'000;

int shownRequests(std::optional<std::uint64_t> limit) {
    return limit ? int(std::min<std::uint64_t>(*limit, kMaxRequests)) : 0;
}

} // namespace

LoadSection::LoadSection(FieldProblems* problems, QWidget* parent)
    : QWidget(parent)
    , model_(new QComboBox(this))
    , users_(new QSpinBox(this))
    , thinkTime_(new QSpinBox(this))
    , rate_(new DecimalSpinBox(this))
    , maxInFlight_(new QSpinBox(this))
    , duration_(new DecimalSpinBox(this))
    , requests_(new QSpinBox(this)) {
    model_->setObjectName("model");
    model_->addItem(tr("Closed: virtual users"));
    model_->addItem(tr("Open: requests per second"));
    model_->setToolTip(tr("Closed model: each user sends its next request when the previous one "
                          "ends, so a slow server gets fewer requests.\nOpen model: requests "
                          "leave at fixed times whatever the server does, like real visitors; "
                          "latency is then measured from when each request was due."));
    users_->setObjectName("users");
    users_->setRange(0, 100'000);
    users_->setToolTip(tr("Closed model: how many virtual users send requests at once; each "
                          "waits for its answer before the next."));
    thinkTime_->setObjectName("thinkTime");
    thinkTime_->setRange(0, 86'400'000);
    thinkTime_->setSuffix(" ms");
    thinkTime_->setToolTip(tr("Closed model: a user's pause between getting an answer and "
                              "sending the next request, as a person reading a page."));
    rate_->setObjectName("rate");
    rate_->setRange(0, 10'000'000);
    rate_->setSuffix(" req/s");
    rate_->setToolTip(tr("Open model: how many requests leave per second, on schedule, "
                         "whether or not earlier ones were answered."));
    maxInFlight_->setObjectName("maxInFlight");
    maxInFlight_->setRange(0, 100'000);
    maxInFlight_->setToolTip(tr("Open model: beyond this many requests in flight, new ones wait "
                                "as backlog; the wait counts in their latency."));
    duration_->setObjectName("duration");
    duration_->setRange(0, 31'536'000);
    duration_->setSuffix(" s");
    duration_->setSpecialValueText(tr("no limit"));
    duration_->setToolTip(tr("Stop after this long (0: no time limit). With stages, the run "
                             "also ends with the last stage."));
    requests_->setObjectName("requests");
    requests_->setRange(0, kMaxRequests);
    requests_->setSpecialValueText(tr("no limit"));
    requests_->setToolTip(tr("Stop after this many requests (0: no count limit). With a "
                             "duration too, whichever comes first."));

    auto* form = new QFormLayout(this);
    form->setContentsMargins(6, 6, 6, 6);
    problems->addRow(form, tr("Load model"), "load.model", model_);
    problems->addRow(form, tr("Virtual users"), "load.users", users_);
    problems->addRow(form, tr("Think time"), "load.think_time_ms", thinkTime_);
    problems->addRow(form, tr("Rate"), "load.rate", rate_);
    problems->addRow(form, tr("Max in flight"), "load.max_in_flight", maxInFlight_);
    problems->addRow(form, tr("Duration"), "stop.duration_s", duration_);
    problems->addRow(form, tr("Requests"), "stop.requests", requests_);

    connect(model_, &QComboBox::currentIndexChanged, this, [this] {
        updateModelFields();
        emit changed();
    });
    for (QSpinBox* box : {users_, thinkTime_, maxInFlight_, requests_})
        connect(box, &QSpinBox::valueChanged, this, &LoadSection::changed);
    for (QDoubleSpinBox* box : {rate_, duration_})
        connect(box, &QDoubleSpinBox::valueChanged, this, &LoadSection::changed);
}

void LoadSection::readInto(Plan& plan) const {
    plan.load.model =
        model_->currentIndex() == 1 ? LoadShape::Model::Open : LoadShape::Model::Closed;
    plan.load.users = users_->value();
    plan.load.thinkTime = std::chrono::milliseconds(thinkTime_->value());
    plan.load.rate = rate_->exactValue();
    plan.load.maxInFlight = maxInFlight_->value();
    plan.duration.reset();
    if (duration_->value() > 0)
        plan.duration = std::chrono::milliseconds(std::llround(duration_->exactValue() * 1000));
    // `plan` arrives as the one last set: a limit beyond the box stays while the box shows it.
    if (requests_->value() != shownRequests(plan.requestLimit)) {
        plan.requestLimit.reset();
        if (requests_->value() > 0)
            plan.requestLimit = static_cast<std::uint64_t>(requests_->value());
    }
}

void LoadSection::showPlan(const Plan& plan) {
    const QSignalBlocker blocker(this);
    model_->setCurrentIndex(plan.load.model == LoadShape::Model::Open ? 1 : 0);
    users_->setValue(plan.load.users);
    thinkTime_->setValue(int(std::min<std::int64_t>(plan.load.thinkTime.count(), 86'400'000)));
    rate_->setExactValue(plan.load.rate);
    maxInFlight_->setValue(plan.load.maxInFlight);
    duration_->setExactValue(plan.duration ? std::chrono::duration<double>(*plan.duration).count()
                                           : 0);
    requests_->setValue(shownRequests(plan.requestLimit));
    updateModelFields();
}

void LoadSection::updateModelFields() {
    const bool open = model_->currentIndex() == 1;
    users_->setEnabled(!open);
    thinkTime_->setEnabled(!open);
    rate_->setEnabled(open);
    maxInFlight_->setEnabled(open);
}

} // namespace stampede
