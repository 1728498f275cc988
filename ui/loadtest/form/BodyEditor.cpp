#include "ui/loadtest/form/BodyEditor.h"

#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace stampede {

BodyEditor::BodyEditor(QWidget* parent)
    : QWidget(parent)
    , source_(new QComboBox(this))
    , contentType_(new QComboBox(this))
    , stack_(new QStackedWidget(this))
    , text_(new QPlainTextEdit(this))
    , file_(new QLineEdit(this))
    , browse_(new QToolButton(this)) {
    source_->setObjectName("bodySource");
    source_->addItem(tr("Text"));
    source_->addItem(tr("From file…"));
    source_->setToolTip(tr("Send the text typed below, or the content of a file read once when "
                           "the run starts (for large or binary bodies)."));
    contentType_->setObjectName("contentType");
    contentType_->setEditable(true);
    // Sized by the column, not by its longest suggestion, so the form stays narrow.
    contentType_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    contentType_->setMinimumContentsLength(8);
    contentType_->addItems({QString(), "application/json", "application/x-www-form-urlencoded",
                            "text/plain", "application/xml", "application/octet-stream"});
    contentType_->lineEdit()->setPlaceholderText(tr("Content-Type"));
    contentType_->setToolTip(tr("The Content-Type header sent with the body: tells the server "
                                "how to read it. Empty: no such header."));
    text_->setObjectName("body");
    text_->setPlaceholderText(tr("no body"));
    text_->setTabChangesFocus(true);
    text_->setFixedHeight(text_->fontMetrics().lineSpacing() * 3 + 12);
    text_->setToolTip(tr("The body sent with every request, as is (e.g. the JSON of a POST)."));
    file_->setObjectName("bodyFile");
    file_->setPlaceholderText(tr("path of the body file"));
    file_->setToolTip(tr("A file whose bytes are the body of every request."));
    browse_->setObjectName("browseBodyFile");
    browse_->setText("…");
    browse_->setToolTip(tr("Choose the body file"));

    auto* filePage = new QWidget(this);
    auto* fileLayout = new QHBoxLayout(filePage);
    fileLayout->setContentsMargins(0, 0, 0, 0);
    fileLayout->addWidget(file_, 1);
    fileLayout->addWidget(browse_);
    fileLayout->setAlignment(Qt::AlignTop);
    stack_->addWidget(text_);
    stack_->addWidget(filePage);
    stack_->setFixedHeight(text_->height());

    auto* top = new QHBoxLayout;
    top->addWidget(source_);
    top->addWidget(contentType_, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(top);
    layout->addWidget(stack_);

    connect(source_, &QComboBox::currentIndexChanged, this, [this](int index) {
        stack_->setCurrentIndex(index);
        emit changed();
    });
    connect(contentType_, &QComboBox::currentTextChanged, this, &BodyEditor::changed);
    connect(text_, &QPlainTextEdit::textChanged, this, &BodyEditor::changed);
    connect(file_, &QLineEdit::textChanged, this, &BodyEditor::changed);
    connect(browse_, &QToolButton::clicked, this, &BodyEditor::chooseFile);
}

void BodyEditor::readInto(Plan& plan) const {
    plan.steps.front().body = fromFile() ? std::string() : text_->toPlainText().toStdString();
    plan.steps.front().bodyFile = fromFile() ? file_->text().toStdString() : std::string();
    plan.steps.front().contentType = contentType_->currentText().toStdString();
}

void BodyEditor::showPlan(const Plan& plan) {
    const QSignalBlocker blocker(this);
    // A plan naming both is refused by the plan check; the file is what a run would miss.
    source_->setCurrentIndex(plan.steps.front().bodyFile.empty() ? 0 : 1);
    text_->setPlainText(QString::fromStdString(plan.steps.front().body));
    file_->setText(QString::fromStdString(plan.steps.front().bodyFile));
    contentType_->setCurrentText(QString::fromStdString(plan.steps.front().contentType));
    contentType_->lineEdit()->setCursorPosition(0); // a long type shows its start
}

void BodyEditor::chooseFile() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Body file"), file_->text());
    if (!path.isEmpty())
        file_->setText(path);
}

bool BodyEditor::fromFile() const {
    return source_->currentIndex() == 1;
}

} // namespace stampede
