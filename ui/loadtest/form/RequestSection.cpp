#include "ui/loadtest/form/RequestSection.h"

#include "ui/loadtest/form/BodyEditor.h"
#include "ui/loadtest/form/FieldProblems.h"
#include "ui/loadtest/form/HeadersEditor.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLineEdit>

namespace stampede {

RequestSection::RequestSection(FieldProblems* problems, QWidget* parent)
    : QWidget(parent)
    , url_(new QLineEdit(this))
    , method_(new QComboBox(this))
    , headers_(new HeadersEditor(this))
    , body_(new BodyEditor(this)) {
    url_->setObjectName("url");
    url_->setClearButtonEnabled(true);
    setEmbeddedTargetUrl({});
    url_->setToolTip(tr("The URL every request goes to. Leave it empty to test the server "
                        "built into Stampede."));
    for (const char* method : {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"})
        method_->addItem(method);
    method_->setObjectName("method");
    method_->setToolTip(tr("The HTTP method: GET reads, POST creates, PUT replaces, PATCH "
                           "changes part, DELETE removes, HEAD asks for headers only."));

    auto* form = new QFormLayout(this);
    form->setContentsMargins(6, 6, 6, 6);
    problems->addRow(form, tr("URL"), "request.url", url_);
    problems->addRow(form, tr("Method"), "request.method", method_);
    form->addRow(tr("Headers"), problems->wrap("request.headers", headers_, this,
                                               [this](int row, const QString& key) {
                                                   headers_->markCell(row, key);
                                               }));
    problems->addRow(form, tr("Body"), "request.body", body_);
    problems->alias("request.body_file", "request.body");
    problems->alias("request.content_type", "request.body");

    connect(url_, &QLineEdit::textChanged, this, &RequestSection::changed);
    connect(method_, &QComboBox::currentIndexChanged, this, &RequestSection::changed);
    connect(headers_, &HeadersEditor::changed, this, &RequestSection::changed);
    connect(body_, &BodyEditor::changed, this, &RequestSection::changed);
}

void RequestSection::readInto(Plan& plan) const {
    plan.url = url_->text().trimmed().toStdString();
    plan.steps.front().method =
        parseMethod(method_->currentText().toStdString()).value_or(HttpMethod::Get);
    plan.steps.front().headers = headers_->headers();
    body_->readInto(plan);
}

void RequestSection::showPlan(const Plan& plan) {
    const QSignalBlocker blocker(this);
    url_->setText(QString::fromStdString(plan.url));
    method_->setCurrentText(QString::fromUtf8(methodName(plan.steps.front().method).data()));
    headers_->setHeaders(plan.steps.front().headers);
    body_->showPlan(plan);
}

void RequestSection::setEmbeddedTargetUrl(const QString& url) {
    url_->setPlaceholderText(url.isEmpty() ? tr("empty: the embedded target")
                                           : tr("empty: %1 (embedded)").arg(url));
}

} // namespace stampede
