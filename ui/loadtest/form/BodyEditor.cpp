#include "ui/loadtest/form/BodyEditor.h"

#include "ui/widgets/SlotHighlighter.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFontDatabase>
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
    source_->addItem(tr("JSON"));
    source_->addItem(tr("From file…"));
    source_->setToolTip(tr("Send the text typed below (JSON: the same, as application/json), or "
                           "the content of a file read once when the run starts (for large or "
                           "binary bodies). {{variables}} in the text are filled in per request."));
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
    text_->setToolTip(tr("The body sent with every request, as is (e.g. the JSON of a POST); "
                         "{{name}} is replaced by a captured value or a data-file column."));
    text_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    new SlotHighlighter(text_->document());
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

    connect(source_, &QComboBox::currentIndexChanged, this, &BodyEditor::sourceChosen);
    connect(contentType_, &QComboBox::currentTextChanged, this, &BodyEditor::changed);
    connect(text_, &QPlainTextEdit::textChanged, this, &BodyEditor::changed);
    connect(file_, &QLineEdit::textChanged, this, &BodyEditor::changed);
    connect(browse_, &QToolButton::clicked, this, &BodyEditor::chooseFile);
}

void BodyEditor::readInto(Step& step) const {
    step.body = fromFile() ? std::string() : text_->toPlainText().toStdString();
    step.bodyFile = fromFile() ? file_->text().toStdString() : std::string();
    step.contentType = contentType_->currentText().toStdString();
}

void BodyEditor::showStep(const Step& step) {
    const QSignalBlocker blocker(this);
    const QSignalBlocker sourceBlocker(source_);
    // A step naming both is refused by the plan check; the file is what a run would miss.
    const bool json =
        QString::fromStdString(step.contentType).contains("json", Qt::CaseInsensitive);
    const Source source = !step.bodyFile.empty() ? File : json ? Json : Text;
    source_->setCurrentIndex(source);
    stack_->setCurrentIndex(source == File ? 1 : 0);
    text_->setPlainText(QString::fromStdString(step.body));
    file_->setText(QString::fromStdString(step.bodyFile));
    contentType_->setCurrentText(QString::fromStdString(step.contentType));
    contentType_->lineEdit()->setCursorPosition(0); // a long type shows its start
}

QString BodyEditor::text() const {
    return fromFile() ? QString() : text_->toPlainText();
}

void BodyEditor::sourceChosen(int index) {
    stack_->setCurrentIndex(index == File ? 1 : 0);
    // JSON is text said to be JSON: the type follows unless the user chose one.
    if (index == Json && contentType_->currentText().isEmpty())
        contentType_->setCurrentText(QStringLiteral("application/json"));
    emit changed();
}

void BodyEditor::chooseFile() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Body file"), file_->text());
    if (!path.isEmpty())
        file_->setText(path);
}

bool BodyEditor::fromFile() const {
    return source_->currentIndex() == File;
}

} // namespace stampede
