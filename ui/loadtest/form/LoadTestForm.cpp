#include "ui/loadtest/form/LoadTestForm.h"

#include "ui/loadtest/form/ConnectionSection.h"
#include "ui/loadtest/form/CurlImportDialog.h"
#include "ui/loadtest/form/FieldProblems.h"
#include "ui/loadtest/form/HarImportDialog.h"
#include "ui/loadtest/form/LoadSection.h"
#include "ui/loadtest/form/StagesSection.h"
#include "ui/loadtest/form/StepsSection.h"
#include "ui/widgets/WheelGuard.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QStyle>
#include <QTabBar>
#include <QTabWidget>
#include <QVBoxLayout>

namespace stampede {
namespace {

// A tab's content keeps its natural height at the top, and scrolls rather than squeezing
// when the column is short.
QScrollArea* scrolling(QWidget* content, QWidget* parent) {
    auto* area = new QScrollArea(parent);
    auto* holder = new QWidget(area);
    auto* layout = new QVBoxLayout(holder);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(content);
    layout->addStretch(1);
    area->setWidget(holder);
    area->setWidgetResizable(true);
    area->setFrameShape(QFrame::NoFrame);
    area->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    return area;
}

} // namespace

LoadTestForm::LoadTestForm(QWidget* parent)
    : QWidget(parent)
    , general_(new QLabel(this))
    , problems_(new FieldProblems(general_, this))
    , importCurl_(new QPushButton(tr("Import from curl…"), this))
    , importHar_(new QPushButton(tr("Import HAR…"), this))
    , tabs_(new QTabWidget(this))
    , steps_(new StepsSection(problems_, this))
    , connection_(new ConnectionSection(problems_, this))
    , load_(new LoadSection(problems_, this))
    , stages_(new StagesSection(problems_, this)) {
    importCurl_->setObjectName("importCurl");
    importCurl_->setToolTip(tr("Fill the steps from pasted curl command lines, such as a "
                               "browser's \"Copy as cURL\": one step per command."));
    importHar_->setObjectName("importHar");
    importHar_->setToolTip(tr("Fill the steps from a HAR file, the requests a browser's "
                              "developer tools recorded (\"Save all as HAR\")."));
    tabs_->setObjectName("sections");
    tabs_->setDocumentMode(true);
    tabs_->addTab(scrolling(steps_, tabs_), tr("Steps"));
    tabs_->addTab(scrolling(connection_, tabs_), tr("Connection"));
    tabs_->addTab(scrolling(load_, tabs_), tr("Load"));
    tabs_->addTab(scrolling(stages_, tabs_), tr("Stages"));
    tabs_->setTabToolTip(0, tr("What each virtual user sends: the base URL, the steps in order "
                               "(method, URL, headers, body, captures, expected status) and a "
                               "data file"));
    tabs_->setTabToolTip(1, tr("How requests travel: timeouts, HTTP version, keep-alive, TLS, "
                               "redirects"));
    tabs_->setTabToolTip(2, tr("How hard and how long: load model, users or rate, stop"));
    tabs_->setTabToolTip(3, tr("Ramps of the load over time, with a preview"));

    general_->setObjectName("problem");
    general_->setWordWrap(true);
    general_->setStyleSheet("color: #c0392b");
    general_->hide();

    auto* top = new QHBoxLayout;
    top->addStretch();
    top->addWidget(importCurl_);
    top->addWidget(importHar_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(tabs_);
    layout->addWidget(general_);

    WheelGuard::protect(this);
    setPlan(Plan{});
    connect(steps_, &StepsSection::changed, this, &LoadTestForm::edited);
    connect(connection_, &ConnectionSection::changed, this, &LoadTestForm::edited);
    connect(load_, &LoadSection::changed, this, &LoadTestForm::edited);
    connect(stages_, &StagesSection::changed, this, &LoadTestForm::edited);
    connect(importCurl_, &QPushButton::clicked, this, &LoadTestForm::importCurl);
    connect(importHar_, &QPushButton::clicked, this, &LoadTestForm::importHar);
}

LoadTestForm::~LoadTestForm() {
    // The sections outlive this part of the object: an editor still open commits its text as
    // it closes, and that change must not reach a form that is no longer one.
    for (QWidget* section : std::initializer_list<QWidget*>{steps_, connection_, load_, stages_})
        disconnect(section, nullptr, this, nullptr);
}

Plan LoadTestForm::plan() const {
    Plan plan = base_;
    steps_->readInto(plan);
    connection_->readInto(plan);
    load_->readInto(plan);
    stages_->readInto(plan);
    return plan;
}

void LoadTestForm::setPlan(const Plan& plan) {
    base_ = plan;
    steps_->showPlan(plan);
    connection_->showPlan(plan);
    load_->showPlan(plan);
    stages_->showPlan(plan);
    emit changed();
}

void LoadTestForm::setEmbeddedTargetUrl(const QString& url) {
    steps_->setEmbeddedTargetUrl(url);
}

void LoadTestForm::edited() {
    stages_->follow(plan());
    emit changed();
}

void LoadTestForm::importCurl() {
    // Window-modal, not exec(): no nested event loop, and the dialog is a child tests can find.
    auto* dialog = new CurlImportDialog(plan(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { setPlan(dialog->plan()); });
    dialog->open();
}

void LoadTestForm::importHar() {
    auto* dialog = new HarImportDialog(plan(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { setPlan(dialog->plan()); });
    dialog->open();
}

void LoadTestForm::showProblem(const QString& field, const QString& message) {
    QWidget* row = steps_->showProblem(field, message);
    int tab = -1;
    for (int i = 0; row && i < tabs_->count(); ++i)
        if (tabs_->widget(i)->isAncestorOf(row))
            tab = i;
    markTab(tab);
    // A new problem elsewhere comes forward, unless the user is typing on the current tab:
    // then the marked tab title says where to look without pulling the field away.
    const bool isNew = field != shownField_;
    shownField_ = message.isEmpty() ? QString() : field;
    const QWidget* focus = QApplication::focusWidget();
    const bool busyHere = focus && tabs_->currentWidget()->isAncestorOf(focus);
    if (tab >= 0 && tab != tabs_->currentIndex() && isNew && !busyHere)
        tabs_->setCurrentIndex(tab);
}

void LoadTestForm::markTab(int index) {
    const QIcon warning = style()->standardIcon(QStyle::SP_MessageBoxWarning);
    for (int i = 0; i < tabs_->count(); ++i) {
        tabs_->setTabIcon(i, i == index ? warning : QIcon());
        tabs_->tabBar()->setTabTextColor(i, i == index ? QColor(0xc0, 0x39, 0x2b) : QColor());
    }
}

QString LoadTestForm::problemText() const {
    return problems_->text();
}

void LoadTestForm::showTransport(const QString& text) {
    connection_->showTransport(text);
}

} // namespace stampede
