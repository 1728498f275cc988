#include "ui/loadtest/form/CurlImportDialog.h"

#include "core/plan/CurlImport.h"
#include "ui/loadtest/form/CurlImportSummary.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QVBoxLayout>

namespace stampede {

CurlImportDialog::CurlImportDialog(const Plan& current, QWidget* parent)
    : QDialog(parent)
    , current_(current)
    , result_{current, {}, {}}
    , command_(new QPlainTextEdit(this))
    , summary_(new QPlainTextEdit(this))
    , ignoredTitle_(new QLabel(tr("Not imported (the load test will not do these):"), this))
    , ignored_(new QListWidget(this))
    , error_(new QLabel(this))
    , buttons_(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this)) {
    setObjectName("curlImportDialog");
    setWindowTitle(tr("Import from curl"));
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    auto* intro = new QLabel(tr("Paste a curl command, for example from a browser's developer "
                                "tools (Copy as cURL), or several: one per line, or joined by && "
                                "or ;. Each becomes a step, on the first one's server as the base "
                                "URL. They replace the form's steps; the load settings stay."),
                             this);
    intro->setWordWrap(true);
    command_->setObjectName("curlCommand");
    command_->setFont(mono);
    command_->setPlaceholderText("curl -X POST https://example.com/api -H 'Accept: "
                                 "application/json' -d '{\"a\": 1}'\n"
                                 "curl https://example.com/api/1");
    summary_->setObjectName("curlSummary");
    summary_->setFont(mono);
    summary_->setReadOnly(true);
    summary_->setLineWrapMode(QPlainTextEdit::NoWrap);
    ignored_->setObjectName("curlIgnored");
    ignored_->setFont(mono);
    ignored_->setMaximumHeight(ignored_->fontMetrics().height() * 4 + 8);
    error_->setObjectName("curlError");
    error_->setWordWrap(true);
    error_->setStyleSheet("color: #c0392b");
    buttons_->button(QDialogButtonBox::Ok)->setText(tr("Import"));
    buttons_->button(QDialogButtonBox::Ok)->setToolTip(tr("Apply to the form (Ctrl+Return)"));
    // Return adds a line to the command, so accepting needs its own key.
    auto* accept = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), this);
    connect(accept, &QShortcut::activated, buttons_->button(QDialogButtonBox::Ok),
            &QPushButton::click);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(command_, 2);
    layout->addWidget(error_);
    layout->addWidget(new QLabel(tr("Will import:"), this));
    layout->addWidget(summary_, 2);
    layout->addWidget(ignoredTitle_);
    layout->addWidget(ignored_);
    layout->addWidget(buttons_);
    resize(640, 480);

    connect(command_, &QPlainTextEdit::textChanged, this, &CurlImportDialog::update);
    connect(buttons_, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
    update();
}

void CurlImportDialog::setCommand(const QString& command) {
    command_->setPlainText(command);
}

void CurlImportDialog::update() {
    const QString text = command_->toPlainText().trimmed();
    result_ = text.isEmpty() ? CurlImportResult{current_, {}, {}}
                             : importCurlCommands(text.toStdString(), current_);
    const bool usable = !text.isEmpty() && result_.ok();
    error_->setText(QString::fromStdString(result_.error));
    error_->setVisible(!result_.ok());
    summary_->setPlainText(usable ? curlImportSummary(result_.plan, current_).join('\n')
                                  : QString());
    ignored_->clear();
    for (const std::string& option : result_.ignored)
        ignored_->addItem(QString::fromStdString(option));
    ignoredTitle_->setVisible(ignored_->count() > 0);
    ignored_->setVisible(ignored_->count() > 0);
    buttons_->button(QDialogButtonBox::Ok)->setEnabled(usable);
}

} // namespace stampede
