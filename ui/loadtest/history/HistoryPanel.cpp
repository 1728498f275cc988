#include "ui/loadtest/history/HistoryPanel.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace stampede {
namespace {

constexpr int kFileRole = Qt::UserRole;

QTableWidgetItem* figure(const QString& text) {
    auto* item = new QTableWidgetItem(text);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    item->setFlags(item->flags() & ~Qt::ItemIsEditable);
    return item;
}

} // namespace

HistoryPanel::HistoryPanel(QWidget* parent)
    : QWidget(parent)
    , skipped_(new QLabel(this))
    , empty_(new QLabel(tr("No runs kept yet. Every run that ends on the Load test page is kept "
                           "here as a result file; File → Open result… shows one from elsewhere."),
                        this))
    , table_(new QTableWidget(0, ColumnCount, this))
    , open_(new QPushButton(tr("Open"), this))
    , compare_(new QPushButton(tr("Compare"), this))
    , export_(new QPushButton(tr("Export…"), this))
    , delete_(new QPushButton(tr("Delete…"), this)) {
    skipped_->setObjectName("historySkipped");
    skipped_->setWordWrap(true);
    skipped_->setTextFormat(Qt::PlainText); // file names and reasons are not markup
    skipped_->setStyleSheet(QStringLiteral("color: #a01a1b;"));
    skipped_->hide();

    empty_->setObjectName("historyEmpty");
    empty_->setWordWrap(true);

    table_->setObjectName("historyTable");
    table_->setHorizontalHeaderLabels(
        {tr("Name"), tr("Started"), tr("URL"), tr("Req/s"), tr("p99 (ms)"), tr("Errors")});
    table_->horizontalHeaderItem(Name)->setToolTip(tr("Double-click a name to rename the run"));
    table_->verticalHeader()->hide();
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::ExtendedSelection);
    table_->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    table_->setAlternatingRowColors(true);
    table_->setWordWrap(false);
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table_->horizontalHeader()->setSectionResizeMode(Url, QHeaderView::Stretch);
    table_->horizontalHeader()->setSectionResizeMode(Name, QHeaderView::Interactive);
    table_->horizontalHeader()->resizeSection(Name, 260);

    open_->setObjectName("historyOpen");
    open_->setToolTip(tr("Show the run's charts and tables on the Load test page"));
    compare_->setObjectName("historyCompare");
    compare_->setToolTip(tr("Compare two to four selected runs"));
    export_->setObjectName("historyExport");
    export_->setToolTip(tr("Save a copy of the run's result file"));
    delete_->setObjectName("historyDelete");
    auto* openFile = new QPushButton(tr("Open result file…"), this);
    openFile->setObjectName("historyOpenFile");

    connect(open_, &QPushButton::clicked, this, [this] {
        if (const QStringList files = selectedFiles(); files.size() == 1)
            emit openRequested(files.front());
    });
    connect(table_, &QTableWidget::cellDoubleClicked, this, [this](int row, int column) {
        if (column != Name) // the name's double-click edits it
            emit openRequested(table_->item(row, Name)->data(kFileRole).toString());
    });
    connect(compare_, &QPushButton::clicked, this, [this] {
        if (const QStringList files = selectedFiles();
            files.size() >= 2 && files.size() <= kMaxCompared)
            emit compareRequested(files);
    });
    connect(export_, &QPushButton::clicked, this, [this] {
        if (const QStringList files = selectedFiles(); files.size() == 1)
            emit exportRequested(files.front());
    });
    connect(delete_, &QPushButton::clicked, this, &HistoryPanel::confirmDelete);
    connect(openFile, &QPushButton::clicked, this, &HistoryPanel::openFileRequested);
    connect(table_, &QTableWidget::itemSelectionChanged, this, &HistoryPanel::updateButtons);
    connect(table_, &QTableWidget::itemChanged, this, &HistoryPanel::itemEdited);

    auto* buttons = new QHBoxLayout;
    for (QPushButton* button : {open_, compare_, export_, delete_})
        buttons->addWidget(button);
    buttons->addStretch(1);
    buttons->addWidget(openFile);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(skipped_);
    layout->addWidget(empty_);
    layout->addWidget(table_, 1);
    layout->addLayout(buttons);
    updateButtons();
}

void HistoryPanel::setRuns(const std::vector<HistoryEntry>& runs) {
    const QStringList selected = selectedFiles();
    filling_ = true;
    table_->setRowCount(int(runs.size()));
    for (int row = 0; row < table_->rowCount(); ++row) {
        const HistoryEntry& run = runs[std::size_t(row)];
        auto* name = new QTableWidgetItem(run.name);
        name->setData(kFileRole, run.file);
        name->setToolTip(run.file);
        table_->setItem(row, Name, name);
        const auto ms =
            std::chrono::duration_cast<std::chrono::milliseconds>(run.started.time_since_epoch());
        auto* started = figure(QDateTime::fromMSecsSinceEpoch(ms.count())
                                   .toLocalTime()
                                   .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
        started->setTextAlignment(Qt::AlignLeft | Qt::AlignVCenter);
        started->setToolTip(tr("%1, %2 after %3 s").arg(run.outcome).arg(run.seconds, 0, 'f', 1));
        table_->setItem(row, Started, started);
        auto* url = figure(run.url);
        url->setTextAlignment(Qt::AlignLeft | Qt::AlignVCenter);
        table_->setItem(row, Url, url);
        table_->setItem(row, Rate, figure(QString::number(run.rps, 'f', 1)));
        table_->setItem(row, P99, figure(run.requests ? QString::number(run.p99Ms, 'f', 2) : ""));
        table_->setItem(row, Errors, figure(QString::number(run.errors)));
    }
    filling_ = false;
    empty_->setVisible(runs.empty());
    selectFiles(selected);
    updateButtons();
}

void HistoryPanel::setSkipped(const QStringList& problems) {
    skipped_->setText(problems.isEmpty() ? QString()
                                         : tr("Not listed, not a readable result file: %1")
                                               .arg(problems.join(QStringLiteral("; "))));
    skipped_->setVisible(!problems.isEmpty());
}

QStringList HistoryPanel::selectedFiles() const {
    QStringList files;
    for (int row = 0; row < table_->rowCount(); ++row)
        if (table_->item(row, Name) && table_->item(row, Name)->isSelected())
            files << table_->item(row, Name)->data(kFileRole).toString();
    return files;
}

void HistoryPanel::selectFiles(const QStringList& files) {
    table_->clearSelection();
    for (int row = 0; row < table_->rowCount(); ++row)
        if (files.contains(table_->item(row, Name)->data(kFileRole).toString()))
            table_->selectionModel()->select(table_->model()->index(row, 0),
                                             QItemSelectionModel::Select |
                                                 QItemSelectionModel::Rows);
}

void HistoryPanel::updateButtons() {
    const qsizetype n = selectedFiles().size();
    open_->setEnabled(n == 1);
    export_->setEnabled(n == 1);
    compare_->setEnabled(n >= 2 && n <= kMaxCompared);
    delete_->setEnabled(n >= 1);
    compare_->setToolTip(n > kMaxCompared ? tr("At most %1 runs compare at once").arg(kMaxCompared)
                                          : tr("Compare two to four selected runs"));
}

void HistoryPanel::confirmDelete() {
    const QStringList files = selectedFiles();
    if (files.isEmpty())
        return;
    QMessageBox box(QMessageBox::Warning, tr("Delete runs"),
                    files.size() == 1
                        ? tr("Delete this run? Its result file is removed for good.")
                        : tr("Delete these %1 runs? Their result files are removed for good.")
                              .arg(files.size()),
                    QMessageBox::Yes | QMessageBox::Cancel, this);
    box.setObjectName("confirmDelete");
    box.setDefaultButton(QMessageBox::Cancel);
    if (box.exec() == QMessageBox::Yes)
        emit deleteRequested(files);
}

void HistoryPanel::itemEdited(QTableWidgetItem* item) {
    if (filling_ || item->column() != Name)
        return;
    emit renameRequested(item->data(kFileRole).toString(), item->text());
}

} // namespace stampede
