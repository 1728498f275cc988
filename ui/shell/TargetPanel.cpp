#include "ui/shell/TargetPanel.h"

#include "core/server/TargetStatsSnapshot.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace stampede {

TargetPanel::TargetPanel(QWidget* parent)
    : QWidget(parent)
    , url_(new QLineEdit(this))
    , mode_(new QComboBox(this))
    , workers_(new QSpinBox(this))
    , modeNote_(new QLabel(this))
    , summary_(new QLabel(this))
    , table_(new QTableWidget(0, 3, this)) {
    auto* title = new QLabel(tr("<h2>Embedded target server</h2>"), this);
    auto* intro = new QLabel(
        tr("A small HTTP server inside Stampede, listening on loopback only. Point any tool at "
           "it: <code>/</code>, <code>/bytes/N</code>, <code>/delay/MS</code>, "
           "<code>/status/CODE</code>, <code>/echo</code>, <code>/headers</code>, "
           "<code>/stats</code>, and the faults <code>/stall</code>, <code>/close</code>, "
           "<code>/drip</code>, <code>/reset</code>, <code>/garbage</code>, and a REST resource: "
           "<code>/items</code> and <code>/courses</code> (POST a JSON object, GET the list, "
           "GET, PUT, DELETE <code>/items/ID</code>). "
           "<code>/?latency=exp:20&amp;fail=0.01</code> adds latency and errors."),
        this);
    intro->setWordWrap(true);

    url_->setReadOnly(true);
    url_->setObjectName(QStringLiteral("targetUrl"));
    auto* copy = new QPushButton(tr("Copy URL"), this);
    connect(copy, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(url_->text()); });
    auto* urlRow = new QHBoxLayout;
    urlRow->addWidget(new QLabel(tr("URL:"), this));
    urlRow->addWidget(url_, 1);
    urlRow->addWidget(copy);

    mode_->setObjectName(QStringLiteral("targetMode"));
    mode_->addItem(tr("Asynchronous: never blocks (like FastAPI)"));
    mode_->addItem(tr("Synchronous: one worker per request (like threaded Flask)"));
    mode_->setToolTip(tr("Async serves every request on one event loop: a /delay is a timer, so "
                         "a thousand slow requests wait together. Sync gives each request a "
                         "worker thread for its whole duration: with W workers and requests "
                         "taking S seconds, it serves at most W / S per second, and the rest "
                         "queue. Switching restarts the server on the same port."));
    workers_->setObjectName(QStringLiteral("targetWorkers"));
    workers_->setRange(1, 256);
    workers_->setValue(4);
    workers_->setSuffix(tr(" workers"));
    workers_->setEnabled(false);
    modeNote_->setObjectName(QStringLiteral("targetModeNote"));
    modeNote_->setWordWrap(true);
    const auto request = [this] {
        emit modeRequested(mode_->currentIndex() == 1 ? workers_->value() : 0);
    };
    connect(mode_, &QComboBox::currentIndexChanged, this, request);
    connect(workers_, &QSpinBox::editingFinished, this, [this, request] {
        if (mode_->currentIndex() == 1)
            request();
    });
    auto* modeRow = new QHBoxLayout;
    modeRow->addWidget(new QLabel(tr("Serves:"), this));
    modeRow->addWidget(mode_, 1);
    modeRow->addWidget(workers_);

    table_->setObjectName(QStringLiteral("targetStats"));
    table_->setHorizontalHeaderLabels({tr("Endpoint"), tr("Status"), tr("Requests")});
    table_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    table_->verticalHeader()->hide();
    table_->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    table_->setAlternatingRowColors(true);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);

    summary_->setObjectName(QStringLiteral("targetSummary"));
    summary_->setText(tr("No requests served yet."));

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(intro);
    layout->addLayout(urlRow);
    layout->addLayout(modeRow);
    layout->addWidget(modeNote_);
    layout->addWidget(summary_);
    layout->addWidget(table_, 1);
}

void TargetPanel::setUrl(const QString& url) {
    url_->setText(url);
}

void TargetPanel::showMode(int workers, const QString& note) {
    const QSignalBlocker blockMode(mode_);
    const QSignalBlocker blockWorkers(workers_);
    mode_->setCurrentIndex(workers > 0 ? 1 : 0);
    if (workers > 0)
        workers_->setValue(workers);
    workers_->setEnabled(workers > 0);
    modeNote_->setText(note);
}

QString TargetPanel::url() const {
    return url_->text();
}

QString TargetPanel::summary() const {
    return summary_->text();
}

void TargetPanel::showStats(const TargetStatsSnapshot& stats) {
    summary_->setText(tr("Requests served: %1 · connections open: %2 · accepted: %3")
                          .arg(stats.requests)
                          .arg(stats.connectionsOpen)
                          .arg(stats.connectionsAccepted));
    table_->setRowCount(static_cast<int>(stats.rows.size()));
    int row = 0;
    for (const auto& entry : stats.rows) {
        const auto name = endpointName(entry.endpoint);
        const QString status =
            entry.status == 0 ? tr("no response") : QString::number(entry.status);
        const QString values[] = {QString::fromUtf8(name.data(), static_cast<int>(name.size())),
                                  status, QString::number(entry.count)};
        for (int column = 0; column < 3; ++column) {
            auto* item = table_->item(row, column);
            if (!item) {
                item = new QTableWidgetItem;
                if (column > 0)
                    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
                table_->setItem(row, column, item);
            }
            item->setText(values[column]);
        }
        ++row;
    }
}

} // namespace stampede
