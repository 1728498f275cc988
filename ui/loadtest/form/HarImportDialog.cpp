#include "ui/loadtest/form/HarImportDialog.h"

#include "core/plan/PlanValidation.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace stampede {
namespace {

enum Column { Method, Url, Status, Type };

} // namespace

HarImportDialog::HarImportDialog(const Plan& current, QWidget* parent)
    : QDialog(parent)
    , current_(current)
    , path_(new QLineEdit(this))
    , error_(new QLabel(this))
    , entries_(new QTreeWidget(this))
    , summary_(new QLabel(this))
    , buttons_(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this)) {
    setObjectName("harImportDialog");
    setWindowTitle(tr("Import HAR"));
    auto* intro = new QLabel(tr("A HAR file is what a browser's developer tools save from the "
                                "Network tab (Save all as HAR). The checked requests become the "
                                "steps, in the order the browser sent them; they replace the "
                                "form's steps, the load settings stay."),
                             this);
    intro->setWordWrap(true);
    path_->setObjectName("harFile");
    path_->setPlaceholderText(tr("path of a .har file"));
    path_->setToolTip(tr("The HAR file to read; press Enter after typing a path."));
    auto* browse = new QPushButton(tr("Browse…"), this);
    browse->setObjectName("browseHarFile");
    error_->setObjectName("harError");
    error_->setWordWrap(true);
    error_->setStyleSheet("color: #c0392b");
    error_->hide();
    entries_->setObjectName("harEntries");
    entries_->setRootIsDecorated(false);
    entries_->setUniformRowHeights(true);
    entries_->setHeaderLabels({tr("Method"), tr("URL"), tr("Status"), tr("Type")});
    entries_->header()->setStretchLastSection(false);
    entries_->header()->setSectionResizeMode(Method, QHeaderView::ResizeToContents);
    entries_->header()->setSectionResizeMode(Url, QHeaderView::Stretch);
    entries_->header()->setSectionResizeMode(Status, QHeaderView::ResizeToContents);
    entries_->header()->setSectionResizeMode(Type, QHeaderView::Interactive);
    entries_->header()->resizeSection(Type, 150);
    entries_->setToolTip(tr("Static assets (images, styles, scripts, fonts) and other hosts "
                            "are left unchecked: a load test of the page's own server rarely "
                            "wants them."));
    summary_->setObjectName("harSummary");
    auto* pageOnly = new QPushButton(tr("Page's requests"), this);
    pageOnly->setObjectName("harCheckDefault");
    pageOnly->setToolTip(tr("Check the page's own host without static assets, as at first"));
    auto* all = new QPushButton(tr("All"), this);
    all->setObjectName("harCheckAll");
    auto* none = new QPushButton(tr("None"), this);
    none->setObjectName("harCheckNone");
    buttons_->button(QDialogButtonBox::Ok)->setText(tr("Import"));

    auto* fileRow = new QHBoxLayout;
    fileRow->addWidget(path_, 1);
    fileRow->addWidget(browse);
    auto* checkRow = new QHBoxLayout;
    checkRow->addWidget(new QLabel(tr("Check:"), this));
    checkRow->addWidget(pageOnly);
    checkRow->addWidget(all);
    checkRow->addWidget(none);
    checkRow->addStretch();
    checkRow->addWidget(summary_);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(fileRow);
    layout->addWidget(error_);
    layout->addWidget(entries_, 1);
    layout->addLayout(checkRow);
    layout->addWidget(buttons_);
    resize(860, 520);

    connect(browse, &QPushButton::clicked, this, &HarImportDialog::chooseFile);
    connect(path_, &QLineEdit::returnPressed, this, [this] { openFile(path_->text().trimmed()); });
    connect(entries_, &QTreeWidget::itemChanged, this, &HarImportDialog::update);
    connect(pageOnly, &QPushButton::clicked, this, [this] {
        if (har_)
            check(har_->defaultSelection());
    });
    connect(all, &QPushButton::clicked, this, [this] {
        std::vector<std::size_t> every(har_ ? har_->entries.size() : 0);
        for (std::size_t i = 0; i < every.size(); ++i)
            every[i] = i;
        check(every);
    });
    connect(none, &QPushButton::clicked, this, [this] { check({}); });
    connect(buttons_, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
    update();
}

void HarImportDialog::openFile(const QString& path) {
    {
        const QSignalBlocker blocker(path_);
        path_->setText(path);
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        har_.reset();
        entries_->clear();
        error_->setText(tr("Cannot read %1: %2").arg(path, file.errorString()));
        error_->show();
        update();
        return;
    }
    setHar(file.readAll());
}

void HarImportDialog::setHar(const QByteArray& json) {
    auto read = readHar(json);
    entries_->clear();
    if (const auto* problem = std::get_if<std::string>(&read)) {
        har_.reset();
        error_->setText(QString::fromStdString(*problem));
        error_->show();
        update();
        return;
    }
    error_->hide();
    har_ = std::get<HarArchive>(std::move(read));
    const QSignalBlocker blocker(entries_);
    for (const HarEntry& entry : har_->entries) {
        auto* item = new QTreeWidgetItem(entries_);
        item->setText(Method, QString::fromUtf8(methodName(entry.method).data()));
        item->setText(Url, QString::fromStdString(entry.url));
        item->setToolTip(Url, item->text(Url));
        item->setText(Status, entry.status ? QString::number(entry.status) : QString());
        item->setText(Type, QString::fromStdString(entry.responseType).section(';', 0, 0));
        if (entry.staticAsset)
            item->setForeground(Type, palette().color(QPalette::PlaceholderText));
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
    }
    check(har_->defaultSelection());
}

std::vector<std::size_t> HarImportDialog::checked() const {
    std::vector<std::size_t> out;
    for (int i = 0; i < entries_->topLevelItemCount(); ++i)
        if (entries_->topLevelItem(i)->checkState(Method) == Qt::Checked)
            out.push_back(std::size_t(i));
    return out;
}

Plan HarImportDialog::plan() const {
    return har_ ? planFromHar(*har_, checked(), current_) : current_;
}

void HarImportDialog::keyPressEvent(QKeyEvent* event) {
    // Return in the path field reads the file; importing waits for the user to look at it.
    const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    if (enter && focusWidget() == path_) {
        event->accept();
        return;
    }
    QDialog::keyPressEvent(event);
}

void HarImportDialog::chooseFile() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Open HAR file"), path_->text(),
                                                      tr("HAR files (*.har);;All files (*)"));
    if (!path.isEmpty())
        openFile(path);
}

void HarImportDialog::check(const std::vector<std::size_t>& entries) {
    {
        const QSignalBlocker blocker(entries_);
        for (int i = 0; i < entries_->topLevelItemCount(); ++i) {
            const bool on =
                std::find(entries.begin(), entries.end(), std::size_t(i)) != entries.end();
            entries_->topLevelItem(i)->setCheckState(Method, on ? Qt::Checked : Qt::Unchecked);
        }
    }
    update();
}

void HarImportDialog::update() {
    const std::size_t count = checked().size();
    const Plan imported = plan();
    const bool tooMany = count > kMaxSteps;
    summary_->setText(
        !har_        ? QString()
        : count == 0 ? tr("nothing checked")
        : tooMany    ? tr("%1 checked: a scenario holds at most %2 steps").arg(count).arg(kMaxSteps)
                     : tr("%1 of %2 requests as steps, base URL %3")
                        .arg(count)
                        .arg(har_->entries.size())
                        .arg(QString::fromStdString(imported.url)));
    buttons_->button(QDialogButtonBox::Ok)->setEnabled(count > 0 && !tooMany);
}

} // namespace stampede
