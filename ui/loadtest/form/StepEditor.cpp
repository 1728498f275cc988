#include "ui/loadtest/form/StepEditor.h"

#include "core/plan/PlanValidation.h"
#include "ui/loadtest/form/BodyEditor.h"
#include "ui/loadtest/form/CapturesEditor.h"
#include "ui/loadtest/form/FieldProblems.h"
#include "ui/loadtest/form/HeadersEditor.h"
#include "ui/widgets/TemplateSlots.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>

namespace stampede {

StepEditor::StepEditor(FieldProblems* problems, QWidget* parent)
    : QWidget(parent)
    , name_(new QLineEdit(this))
    , method_(new QComboBox(this))
    , url_(new QLineEdit(this))
    , urlSlots_(new QLabel(this))
    , headers_(new HeadersEditor(this))
    , body_(new BodyEditor(this))
    , thinkTime_(new QSpinBox(this))
    , expectStatus_(new QLineEdit(this))
    , captures_(new CapturesEditor(this)) {
    name_->setObjectName("stepName");
    name_->setPlaceholderText(tr("e.g. create a course"));
    name_->setToolTip(tr("What this step does, as the results and reports name it."));
    for (const char* method : {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"})
        method_->addItem(method);
    method_->setObjectName("method");
    method_->setToolTip(tr("The HTTP method: GET reads, POST creates, PUT replaces, PATCH "
                           "changes part, DELETE removes, HEAD asks for headers only."));
    url_->setObjectName("stepUrl");
    url_->setClearButtonEnabled(true);
    url_->setPlaceholderText(tr("/path on the base URL, or http://…"));
    url_->setToolTip(tr("Where this step goes: a path such as /items/{{id}} on the base URL, "
                        "an absolute http:// or https:// URL, or empty for the base URL itself. "
                        "{{variables}} may stand in the path and query."));
    urlSlots_->setObjectName("urlSlots");
    urlSlots_->setTextFormat(Qt::RichText);
    urlSlots_->hide();
    thinkTime_->setObjectName("stepThinkTime");
    thinkTime_->setRange(0, int(kThinkTimeRange.max));
    thinkTime_->setSuffix(" ms");
    thinkTime_->setSpecialValueText(tr("none"));
    thinkTime_->setToolTip(tr("A pause after this step before the user sends the next, as a "
                              "person reads a page before clicking on."));
    expectStatus_->setObjectName("expectStatus");
    expectStatus_->setPlaceholderText(tr("any below 400"));
    expectStatus_->setToolTip(tr("The statuses that count as success: one (201), a class "
                                 "(2xx) or a list (200, 404). Any other is an error of class "
                                 "unexpected_status and ends the iteration."));

    auto* request = new QWidget(this);
    auto* requestLayout = new QHBoxLayout(request);
    requestLayout->setContentsMargins(0, 0, 0, 0);
    requestLayout->addWidget(method_);
    requestLayout->addWidget(url_, 1);
    request->setToolTip(url_->toolTip());

    auto* form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("Name"), name_);
    form->labelForField(name_)->setToolTip(name_->toolTip());
    problems->addRow(form, tr("Request"), kField + ".url", request);
    form->addRow(QString(), urlSlots_);
    form->addRow(tr("Headers"), problems->wrap(kField + ".headers", headers_, this,
                                               [this](int row, const QString& key) {
                                                   headers_->markCell(row, key);
                                               }));
    problems->addRow(form, tr("Body"), kField + ".body", body_);
    problems->alias(kField + ".body_file", kField + ".body");
    problems->alias(kField + ".content_type", kField + ".body");
    problems->addRow(form, tr("Think time"), kField + ".think_time_ms", thinkTime_);
    problems->addRow(form, tr("Expect status"), kField + ".expect_status", expectStatus_);
    form->addRow(tr("Captures"), problems->wrap(kField + ".captures", captures_, this,
                                                [this](int row, const QString& key) {
                                                    captures_->markCell(row, key);
                                                }));

    connect(name_, &QLineEdit::textChanged, this, &StepEditor::changed);
    connect(method_, &QComboBox::currentIndexChanged, this, &StepEditor::changed);
    connect(url_, &QLineEdit::textChanged, this, [this] {
        showUrlSlots();
        emit changed();
    });
    connect(headers_, &HeadersEditor::changed, this, &StepEditor::changed);
    connect(body_, &BodyEditor::changed, this, &StepEditor::changed);
    connect(thinkTime_, &QSpinBox::valueChanged, this, &StepEditor::changed);
    connect(expectStatus_, &QLineEdit::textChanged, this, &StepEditor::changed);
    connect(captures_, &CapturesEditor::changed, this, &StepEditor::changed);
}

Step StepEditor::step() const {
    Step step;
    step.name = name_->text().toStdString();
    step.method = parseMethod(method_->currentText().toStdString()).value_or(HttpMethod::Get);
    step.url = url_->text().trimmed().toStdString();
    step.headers = headers_->headers();
    body_->readInto(step);
    step.thinkTime = std::chrono::milliseconds(thinkTime_->value());
    step.expectStatus = expectStatus_->text().toStdString();
    step.captures = captures_->captures();
    return step;
}

void StepEditor::showStep(const Step& step) {
    const QSignalBlocker blocker(this);
    name_->setText(QString::fromStdString(step.name));
    method_->setCurrentText(QString::fromUtf8(methodName(step.method).data()));
    url_->setText(QString::fromStdString(step.url));
    url_->setCursorPosition(0);
    headers_->setHeaders(step.headers);
    body_->showStep(step);
    thinkTime_->setValue(int(step.thinkTime.count()));
    expectStatus_->setText(QString::fromStdString(step.expectStatus));
    captures_->setCaptures(step.captures);
}

void StepEditor::showUrlSlots() {
    const QStringList used = templateSlots({url_->text()});
    urlSlots_->setVisible(!used.isEmpty());
    if (used.isEmpty())
        return;
    const QTextCharFormat look = templateSlotFormat();
    QStringList marked;
    for (const QString& slot : used)
        marked << QString("<span style=\"color:%1; background:%2; font-weight:600\">%3</span>")
                      .arg(look.foreground().color().name(), look.background().color().name(),
                           slot.toHtmlEscaped());
    urlSlots_->setText(tr("<small>uses %1</small>").arg(marked.join(" ")));
}

} // namespace stampede
