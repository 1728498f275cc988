#include "LoadTestForm.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QVBoxLayout>

namespace stampede {

LoadTestForm::LoadTestForm(QWidget* parent)
    : QWidget(parent)
    , url_(new QLineEdit(this))
    , method_(new QComboBox(this))
    , model_(new QComboBox(this))
    , users_(new QSpinBox(this))
    , thinkTime_(new QSpinBox(this))
    , rate_(new QDoubleSpinBox(this))
    , maxInFlight_(new QSpinBox(this))
    , duration_(new QDoubleSpinBox(this))
    , requests_(new QSpinBox(this))
    , timeout_(new QSpinBox(this)) {
    url_->setObjectName("url");
    url_->setPlaceholderText(tr("empty: the embedded target"));
    url_->setToolTip(tr("The URL every request goes to. Leave it empty to test the server "
                        "built into Stampede."));
    for (const char* method : {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"})
        method_->addItem(method);
    method_->setObjectName("method");

    model_->setObjectName("model");
    model_->addItem(tr("Closed: virtual users"));
    model_->addItem(tr("Open: requests per second"));
    model_->setToolTip(tr("Closed model: each user sends its next request when the previous one "
                          "ends, so a slow server gets fewer requests.\nOpen model: requests "
                          "leave at fixed times whatever the server does, like real visitors; "
                          "latency is then measured from when each request was due."));
    users_->setObjectName("users");
    users_->setRange(0, 100'000);
    users_->setToolTip(tr("How many requests are in flight at once in the closed model."));
    thinkTime_->setObjectName("thinkTime");
    thinkTime_->setRange(0, 3'600'000);
    thinkTime_->setSuffix(" ms");
    thinkTime_->setToolTip(tr("A pause between a user's requests, as a person reading a page."));
    rate_->setObjectName("rate");
    rate_->setRange(0, 10'000'000);
    rate_->setDecimals(1);
    rate_->setSuffix(" req/s");
    rate_->setToolTip(tr("Target arrival rate in the open model."));
    maxInFlight_->setObjectName("maxInFlight");
    maxInFlight_->setRange(0, 100'000);
    maxInFlight_->setToolTip(tr("Open model: beyond this many requests in flight, new ones wait "
                                "as backlog; the wait counts in their latency."));
    duration_->setObjectName("duration");
    duration_->setRange(0, 31'536'000);
    duration_->setDecimals(1);
    duration_->setSuffix(" s");
    duration_->setSpecialValueText(tr("no limit"));
    duration_->setToolTip(tr("Stop after this long (0: no time limit)."));
    requests_->setObjectName("requests");
    requests_->setRange(0, 2'000'000'000);
    requests_->setSpecialValueText(tr("no limit"));
    requests_->setToolTip(tr("Stop after this many requests (0: no count limit). With a "
                             "duration too, whichever comes first."));
    timeout_->setObjectName("timeout");
    timeout_->setRange(0, 86'400'000);
    timeout_->setSuffix(" ms");
    timeout_->setToolTip(tr("A request still unanswered after this long counts as a timeout "
                            "error."));

    auto* form = new QFormLayout;
    form->addRow(tr("URL"), withProblem("request.url", url_));
    form->addRow(tr("Method"), method_);
    form->addRow(tr("Load model"), model_);
    form->addRow(tr("Virtual users"), withProblem("load.users", users_));
    form->addRow(tr("Think time"), withProblem("load.think_time_ms", thinkTime_));
    form->addRow(tr("Rate"), withProblem("load.rate", rate_));
    form->addRow(tr("Max in flight"), withProblem("load.max_in_flight", maxInFlight_));
    form->addRow(tr("Duration"), withProblem("stop.duration_s", duration_));
    form->addRow(tr("Requests"), withProblem("stop.requests", requests_));
    form->addRow(tr("Timeout"), withProblem("request.timeout_ms", timeout_));
    auto* general = new QLabel(this);
    general->setObjectName("problem");
    general->setWordWrap(true);
    general->setStyleSheet("color: #c0392b");
    general->hide();
    problems_.insert(QString(), general);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(form);
    layout->addWidget(general);
    layout->addStretch();

    setPlan(Plan{});
    connect(url_, &QLineEdit::textChanged, this, &LoadTestForm::changed);
    connect(method_, &QComboBox::currentIndexChanged, this, &LoadTestForm::changed);
    connect(model_, &QComboBox::currentIndexChanged, this, [this] {
        updateModelFields();
        emit changed();
    });
    for (QSpinBox* box : {users_, thinkTime_, maxInFlight_, requests_, timeout_})
        connect(box, &QSpinBox::valueChanged, this, &LoadTestForm::changed);
    for (QDoubleSpinBox* box : {rate_, duration_})
        connect(box, &QDoubleSpinBox::valueChanged, this, &LoadTestForm::changed);
}

QWidget* LoadTestForm::withProblem(const QString& field, QWidget* editor) {
    auto* row = new QWidget(this);
    auto* layout = new QVBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(1);
    layout->addWidget(editor);
    auto* problem = new QLabel(row);
    problem->setObjectName("problem:" + field);
    problem->setWordWrap(true);
    problem->setStyleSheet("color: #c0392b");
    problem->hide();
    layout->addWidget(problem);
    problems_.insert(field, problem);
    rows_.insert(field, row);
    return row;
}

void LoadTestForm::updateModelFields() {
    const bool open = model_->currentIndex() == 1;
    users_->setEnabled(!open);
    thinkTime_->setEnabled(!open);
    rate_->setEnabled(open);
    maxInFlight_->setEnabled(open);
}

Plan LoadTestForm::plan() const {
    Plan plan = base_;
    plan.url = url_->text().trimmed().toStdString();
    plan.method = parseMethod(method_->currentText().toStdString()).value_or(HttpMethod::Get);
    plan.load.model =
        model_->currentIndex() == 1 ? LoadShape::Model::Open : LoadShape::Model::Closed;
    plan.load.users = users_->value();
    plan.load.thinkTime = std::chrono::milliseconds(thinkTime_->value());
    plan.load.rate = rate_->value();
    plan.load.maxInFlight = maxInFlight_->value();
    plan.duration.reset();
    if (duration_->value() > 0)
        plan.duration = std::chrono::milliseconds(std::llround(duration_->value() * 1000));
    plan.requestLimit.reset();
    if (requests_->value() > 0)
        plan.requestLimit = static_cast<std::uint64_t>(requests_->value());
    plan.timeout = std::chrono::milliseconds(timeout_->value());
    return plan;
}

void LoadTestForm::setPlan(const Plan& plan) {
    base_ = plan;
    const QSignalBlocker blockUrl(url_), blockMethod(method_), blockModel(model_);
    url_->setText(QString::fromStdString(plan.url));
    method_->setCurrentText(QString::fromUtf8(methodName(plan.method).data()));
    model_->setCurrentIndex(plan.load.model == LoadShape::Model::Open ? 1 : 0);
    users_->setValue(plan.load.users);
    thinkTime_->setValue(static_cast<int>(plan.load.thinkTime.count()));
    rate_->setValue(plan.load.rate);
    maxInFlight_->setValue(plan.load.maxInFlight);
    duration_->setValue(plan.duration ? std::chrono::duration<double>(*plan.duration).count() : 0);
    requests_->setValue(plan.requestLimit ? static_cast<int>(std::min<std::uint64_t>(
                                                *plan.requestLimit, 2'000'000'000))
                                          : 0);
    timeout_->setValue(static_cast<int>(plan.timeout.count()));
    updateModelFields();
}

void LoadTestForm::showProblem(const QString& field, const QString& message) {
    for (QLabel* label : problems_)
        label->hide();
    QLabel* label = problems_.value(field, problems_.value(QString()));
    label->setText(message);
    label->setVisible(!message.isEmpty());
}

QString LoadTestForm::problemText() const {
    for (const QLabel* label : problems_)
        if (label->isVisibleTo(this) && !label->text().isEmpty())
            return label->text();
    return {};
}

} // namespace stampede
