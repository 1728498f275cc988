#include "ui/lab/stepper/StepperPage.h"

#include "core/lab/stepper/StepperSummary.h"
#include "ui/lab/ExplanationPanel.h"

#include <QComboBox>
#include <QFont>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace stampede {
namespace {

const char* kExplanation = QT_TRANSLATE_NOOP(
    "StepperPage",
    "<b>counter += 1 is three steps.</b> Read the shared counter into the thread's own "
    "register, add one to the register, write it back. You choose which thread takes its next "
    "step: each button lets one real thread (step-1, step-2, …) take exactly one step on real "
    "shared memory."
    "<br><br><b>A lost update:</b> let T1 read, then T2 read, then both write. Both read 0, "
    "both write 1: one addition is gone, and nothing crashed. <b>All schedules</b> counts "
    "every interleaving: of the 20 for two threads only the 2 where one thread runs all its "
    "steps first end at 2."
    "<br><br><b>With a lock</b> around the three steps, a thread that asks for a lock another "
    "holds cannot step: only the serial schedules remain, and all of them end right."
    "<br><br><b>Deadlock:</b> T1 takes L1 then L2, T2 takes L2 then L1. Step T1 once and T2 "
    "once: each now waits for the lock the other holds, and no button can help. Taking locks "
    "in one global order removes these schedules.");

QLabel* valueLabel(const char* name, QWidget* parent) {
    auto* label = new QLabel(parent);
    label->setObjectName(name);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setWordWrap(true);
    return label;
}

} // namespace

StepperPage::StepperPage(QWidget* parent)
    : QWidget(parent)
    , program_(new QComboBox(this))
    , counter_(valueLabel("counter", this))
    , locks_(valueLabel("locks", this))
    , schedule_(valueLabel("schedule", this))
    , verdict_(valueLabel("verdict", this))
    , problem_(valueLabel("problem", this))
    , restart_(new QPushButton(tr("Start over"), this))
    , all_(new QPushButton(tr("All schedules"), this))
    , trace_(new QPushButton(tr("Save trace…"), this))
    , allSummary_(valueLabel("allSummary", this))
    , table_(new QTableWidget(0, 2, this)) {
    setObjectName("stepperPage");
    program_->setObjectName("program");
    restart_->setObjectName("restart");
    all_->setObjectName("allSchedules");
    trace_->setObjectName("saveTrace");
    table_->setObjectName("scheduleTable");
    for (const StepProgram& p : stepPrograms())
        program_->addItem(QString::fromStdString(p.title), QString::fromStdString(p.name));
    QFont big = counter_->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    counter_->setFont(big);
    problem_->setStyleSheet(QStringLiteral("color: #b00000"));
    setTraceAvailable(false);

    connect(program_, &QComboBox::currentIndexChanged, this, &StepperPage::programChosen);
    connect(restart_, &QPushButton::clicked, this, &StepperPage::restartRequested);
    connect(all_, &QPushButton::clicked, this, &StepperPage::allSchedulesRequested);
    connect(trace_, &QPushButton::clicked, this, &StepperPage::traceRequested);
    connect(table_, &QTableWidget::cellDoubleClicked, this, [this](int row, int) {
        if (row >= 0 && row < int(listed_.size()))
            emit replayRequested(
                QList<int>(listed_[std::size_t(row)].begin(), listed_[std::size_t(row)].end()));
    });

    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Program:"), this));
    top->addWidget(program_, 1);
    top->addWidget(restart_);
    top->addWidget(all_);
    top->addWidget(trace_);
    auto* shared = new QGroupBox(tr("Shared memory"), this);
    auto* sharedRows = new QVBoxLayout(shared);
    sharedRows->addWidget(counter_);
    sharedRows->addWidget(locks_);
    auto* left = new QVBoxLayout;
    left->addLayout(top);
    left->addWidget(buildThreads());
    left->addWidget(shared);
    left->addWidget(schedule_);
    left->addWidget(verdict_);
    left->addWidget(problem_);
    left->addWidget(buildSchedules(), 2);
    auto* layout = new QHBoxLayout(this);
    layout->addLayout(left, 3);
    auto* explanation = new ExplanationPanel(tr(kExplanation), this);
    explanation->setMaximumWidth(320);
    explanation->setMinimumWidth(240); // presentation mode's large text must not squeeze it
    layout->addWidget(explanation, 1, Qt::AlignTop);
}

QWidget* StepperPage::buildThreads() {
    auto* row = new QWidget(this);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    for (int t = 0; t < kMaxThreads; ++t) {
        ThreadPanel panel;
        auto* box = new QGroupBox(row);
        panel.box = box;
        auto* column = new QVBoxLayout(box);
        panel.title = new QLabel(box);
        panel.steps = new QListWidget(box);
        panel.steps->setObjectName(QStringLiteral("steps%1").arg(t + 1));
        panel.steps->setSelectionMode(QAbstractItemView::NoSelection);
        panel.steps->setFocusPolicy(Qt::NoFocus);
        // Five steps at most: room for them, not a tall empty box.
        panel.steps->setMaximumHeight(panel.steps->fontMetrics().height() * 7 + 8);
        panel.reg = new QLabel(box);
        panel.reg->setObjectName(QStringLiteral("register%1").arg(t + 1));
        panel.step = new QPushButton(tr("Step T%1").arg(t + 1), box);
        panel.step->setObjectName(QStringLiteral("step%1").arg(t + 1));
        connect(panel.step, &QPushButton::clicked, this, [this, t] { emit stepRequested(t); });
        column->addWidget(panel.title);
        column->addWidget(panel.steps, 1);
        column->addWidget(panel.reg);
        column->addWidget(panel.step);
        layout->addWidget(box);
        panels_.push_back(panel);
    }
    return row;
}

QWidget* StepperPage::buildSchedules() {
    auto* box = new QGroupBox(tr("Every schedule"), this);
    auto* column = new QVBoxLayout(box);
    table_->setHorizontalHeaderLabels({tr("schedule (double-click to replay)"), tr("ends")});
    table_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    table_->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    table_->verticalHeader()->setDefaultSectionSize(table_->fontMetrics().height() + 4);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    column->addWidget(allSummary_);
    column->addWidget(table_, 1);
    return box;
}

QString StepperPage::programName() const {
    return program_->currentData().toString();
}

void StepperPage::showProgram(const StepProgram& program) {
    for (int t = 0; t < kMaxThreads; ++t) {
        ThreadPanel& panel = panels_[std::size_t(t)];
        const bool used = t < int(program.threads.size());
        panel.box->setVisible(used);
        panel.steps->clear();
        if (!used)
            continue;
        panel.title->setText(tr("<b>T%1</b> (thread step-%1)").arg(t + 1));
        for (const ThreadStep& step : program.threads[std::size_t(t)])
            panel.steps->addItem(QString::fromStdString(stepText(step, t)));
    }
    table_->setRowCount(0);
    listed_.clear();
    allSummary_->setText(tr("Press All schedules to count every interleaving."));
    problem_->clear();
}

void StepperPage::showState(const StepperSnapshot& state) {
    const StepMachine& m = state.model;
    for (int t = 0; t < m.threads() && t < kMaxThreads; ++t) {
        ThreadPanel& panel = panels_[std::size_t(t)];
        for (int i = 0; i < panel.steps->count(); ++i) {
            QListWidgetItem* item = panel.steps->item(i);
            const bool taken = i < m.next(t);
            const bool next = i == m.next(t);
            QString text = QString::fromStdString(
                stepText(m.program().threads[std::size_t(t)][std::size_t(i)], t));
            item->setText((taken  ? QStringLiteral("✓ ")
                           : next ? QStringLiteral("▶ ")
                                  : QStringLiteral("   ")) +
                          text);
            QFont font = item->font();
            font.setBold(next);
            item->setFont(font);
            item->setForeground(taken ? QColor(0x80, 0x80, 0x80) : QColor(0, 0, 0));
        }
        const auto why = m.whyNot(t);
        panel.reg->setText(tr("register r%1 = <b>%2</b>%3")
                               .arg(t + 1)
                               .arg(m.reg(t))
                               .arg(m.done(t)        ? tr(" · done")
                                    : m.blockedOn(t) ? tr(" · <span style='color:#b00000'>"
                                                          "blocked</span>")
                                                     : QString()));
        panel.step->setEnabled(!why && !state.pending && !replaying_);
        panel.step->setToolTip(why ? QString::fromStdString(*why) : QString());
    }
    counter_->setText(tr("counter = <b>%1</b>").arg(m.counter()));
    QStringList locks;
    for (int l = 0; l < m.program().locks; ++l)
        locks << (m.holder(l) < 0 ? tr("L%1 free").arg(l + 1)
                                  : tr("L%1 held by T%2").arg(l + 1).arg(m.holder(l) + 1));
    locks_->setText(locks.isEmpty() ? tr("no locks") : locks.join(QStringLiteral(" · ")));
    schedule_->setText(tr("Schedule so far: %1")
                           .arg(m.schedule().empty()
                                    ? tr("(none: press a Step button)")
                                    : QString::fromStdString(scheduleText(m.schedule()))));
    const bool lost = m.finished() && m.program().expected() > m.counter();
    verdict_->setText(QStringLiteral("<b style='color:%1'>%2</b>")
                          .arg(m.deadlocked() || lost ? "#b00000"
                               : m.finished()         ? "#006000"
                                                      : "#404040",
                               QString::fromStdString(verdictText(m)).toHtmlEscaped()));
    problem_->clear();
}

void StepperPage::showSchedules(const StepProgram& program, const ScheduleCount& all) {
    allSummary_->setText(QString::fromStdString(scheduleCountText(program, all)));
    table_->setRowCount(int(all.schedules.size()));
    listed_.clear();
    for (std::size_t i = 0; i < all.schedules.size(); ++i) {
        const ScheduleOutcome& o = all.schedules[i];
        listed_.push_back(o.schedule);
        const bool wrong = o.deadlocked || o.counter < program.expected();
        auto* schedule = new QTableWidgetItem(QString::fromStdString(scheduleText(o.schedule)));
        auto* ends = new QTableWidgetItem(
            o.deadlocked ? tr("deadlock")
            : program.expected() == 0
                ? tr("finishes")
                : tr("%1%2").arg(o.counter).arg(wrong ? tr(" (lost)") : QString()));
        for (QTableWidgetItem* item : {schedule, ends})
            item->setForeground(wrong ? QColor(0xb0, 0, 0) : QColor(0, 0x60, 0));
        table_->setItem(int(i), 0, schedule);
        table_->setItem(int(i), 1, ends);
    }
}

void StepperPage::showProblem(const QString& problem) {
    problem_->setText(problem);
}

void StepperPage::setReplaying(bool replaying) {
    replaying_ = replaying;
    for (QWidget* w : std::initializer_list<QWidget*>{program_, restart_, all_, table_})
        w->setEnabled(!replaying);
    if (replaying)
        for (ThreadPanel& panel : panels_)
            panel.step->setEnabled(false);
}

void StepperPage::setTraceAvailable(bool available) {
    trace_->setEnabled(available);
}

} // namespace stampede
