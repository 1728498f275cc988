#include "ui/loadtest/form/StepsSection.h"

#include "ui/loadtest/StepTitle.h"
#include "ui/loadtest/form/DataFileEditor.h"
#include "ui/loadtest/form/FieldProblems.h"
#include "ui/loadtest/form/StepEditor.h"
#include "ui/loadtest/form/StepList.h"

#include <QApplication>
#include <QFormLayout>
#include <QFrame>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace stampede {
namespace {

QLabel* heading(const QString& text, QWidget* parent) {
    auto* label = new QLabel(text, parent);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

QFrame* rule(QWidget* parent) {
    auto* line = new QFrame(parent);
    line->setFrameShape(QFrame::HLine);
    line->setFrameShadow(QFrame::Sunken);
    return line;
}

} // namespace

StepsSection::StepsSection(FieldProblems* problems, QWidget* parent)
    : QWidget(parent)
    , problems_(problems)
    , baseUrl_(new QLineEdit(this))
    , list_(new StepList(this))
    , stepTitle_(heading({}, this))
    , editor_(new StepEditor(problems, this))
    , data_(new DataFileEditor(this)) {
    baseUrl_->setObjectName("url");
    baseUrl_->setClearButtonEnabled(true);
    setEmbeddedTargetUrl({});
    baseUrl_->setToolTip(tr("The server the steps go to: a step's path such as /items is "
                            "joined to it. Leave it empty to test the server built into "
                            "Stampede."));
    stepTitle_->setObjectName("stepTitle");
    stepTitle_->setTextFormat(Qt::PlainText);

    auto* base = new QFormLayout;
    base->setContentsMargins(0, 0, 0, 0);
    problems->addRow(base, tr("Base URL"), "request.url", baseUrl_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(base);
    layout->addWidget(heading(tr("Steps"), this));
    layout->addWidget(problems->wrap("scenario.steps", list_, this,
                                     [this](int row, const QString&) { list_->markStep(row); }));
    layout->addWidget(rule(this));
    layout->addWidget(stepTitle_);
    layout->addWidget(editor_);
    layout->addWidget(rule(this));
    layout->addWidget(heading(tr("Data file"), this));
    layout->addWidget(problems->wrap("scenario.data_file", data_, this));
    problems->alias("scenario.data_at_end", "scenario.data_file");
    showSteps(0);

    connect(baseUrl_, &QLineEdit::textChanged, this, &StepsSection::changed);
    connect(editor_, &StepEditor::changed, this, &StepsSection::stepEdited);
    connect(data_, &DataFileEditor::changed, this, &StepsSection::changed);
    connect(list_, &StepList::currentChanged, this, &StepsSection::selectStep);
    connect(list_, &StepList::addRequested, this, &StepsSection::addStep);
    connect(list_, &StepList::removeRequested, this, &StepsSection::removeStep);
    connect(list_, &StepList::duplicateRequested, this, &StepsSection::duplicateStep);
    connect(list_, &StepList::moveRequested, this, &StepsSection::moveStep);
}

void StepsSection::readInto(Plan& plan) const {
    plan.url = baseUrl_->text().trimmed().toStdString();
    plan.steps = steps_;
    plan.data = data_->source();
}

void StepsSection::showPlan(const Plan& plan) {
    const QSignalBlocker blocker(this);
    baseUrl_->setText(QString::fromStdString(plan.url));
    steps_ = plan.steps.empty() ? std::vector<Step>{Step{}} : plan.steps;
    problemStep_ = -1;
    showSteps(0);
    data_->showSource(plan.data);
}

void StepsSection::setEmbeddedTargetUrl(const QString& url) {
    baseUrl_->setPlaceholderText(url.isEmpty() ? tr("empty: the embedded target")
                                               : tr("empty: %1 (embedded)").arg(url));
}

void StepsSection::selectStep(int index) {
    if (index < 0 || index >= int(steps_.size()) || index == current_)
        return;
    list_->setCurrent(index);
    showStep(index);
}

void StepsSection::showStep(int index) {
    current_ = index;
    stepTitle_->setText(tr("Step %1 of %2").arg(index + 1).arg(steps_.size()));
    editor_->showStep(steps_[std::size_t(index)]);
    if (problemStep_ >= 0)
        placeProblem();
}

void StepsSection::showSteps(int current) {
    list_->setSteps(steps_, current);
    showStep(current);
}

void StepsSection::stepEdited() {
    steps_[std::size_t(current_)] = editor_->step();
    list_->updateStep(current_, steps_[std::size_t(current_)]);
    emit changed();
}

void StepsSection::addStep() {
    steps_.insert(steps_.begin() + current_ + 1, Step{});
    showSteps(current_ + 1);
    emit changed();
}

void StepsSection::removeStep() {
    if (steps_.size() <= 1)
        return;
    steps_.erase(steps_.begin() + current_);
    showSteps(std::min(current_, int(steps_.size()) - 1));
    emit changed();
}

void StepsSection::duplicateStep() {
    const Step copy = steps_[std::size_t(current_)];
    steps_.insert(steps_.begin() + current_ + 1, copy);
    showSteps(current_ + 1);
    emit changed();
}

void StepsSection::moveStep(int by) {
    const int to = current_ + by;
    if (to < 0 || to >= int(steps_.size()))
        return;
    std::swap(steps_[std::size_t(current_)], steps_[std::size_t(to)]);
    showSteps(to);
    emit changed();
}

QWidget* StepsSection::showProblem(const QString& field, const QString& message) {
    static const QRegularExpression ofStep(R"(^scenario\.steps\[(\d+)\]\.?(.*)$)");
    const auto match = ofStep.match(field);
    const int step = match.hasMatch() ? match.captured(1).toInt() : -1;
    if (message.isEmpty() || step < 0 || step >= int(steps_.size())) {
        problemStep_ = -1;
        return problems_->show(field, message);
    }
    problemStep_ = step;
    problemField_ = match.captured(2);
    problemMessage_ = message;
    // Typing in one step's fields, the user is not pulled away to another: the list says
    // which step has the problem, and selecting it shows the field.
    const QWidget* focus = QApplication::focusWidget();
    const bool busyHere = focus && editor_->isAncestorOf(focus);
    if (step != current_ && !busyHere)
        selectStep(step);
    return placeProblem();
}

QWidget* StepsSection::placeProblem() {
    QWidget* row = nullptr;
    if (problemStep_ == current_ && !problemField_.isEmpty()) {
        row = problems_->show(StepEditor::kField + "." + problemField_, problemMessage_);
    } else {
        const QString where =
            problemField_.isEmpty() ? QString() : ", " + QString(problemField_).replace('_', ' ');
        row =
            problems_->show("scenario.steps", tr("Step %1 (%2)%3: %4")
                                                  .arg(problemStep_ + 1)
                                                  .arg(stepTitle(steps_[std::size_t(problemStep_)]),
                                                       where, problemMessage_));
    }
    list_->markStep(problemStep_);
    return row;
}

} // namespace stampede
