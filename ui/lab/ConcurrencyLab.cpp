#include "ui/lab/ConcurrencyLab.h"

#include <QHBoxLayout>
#include <QListWidget>
#include <QScrollArea>
#include <QStackedWidget>

namespace stampede {

ConcurrencyLab::ConcurrencyLab(QWidget* parent)
    : QWidget(parent)
    , list_(new QListWidget(this))
    , pages_(new QStackedWidget(this)) {
    list_->setObjectName("demoList");
    connect(list_, &QListWidget::currentRowChanged, pages_, &QStackedWidget::setCurrentIndex);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(list_);
    layout->addWidget(pages_, 1);
}

void ConcurrencyLab::addDemo(const QString& title, QWidget* page) {
    list_->addItem(title);
    // Wide enough for the longest title: a clipped "Semaphore: thread l…" reads as a bug.
    list_->setFixedWidth(list_->sizeHintForColumn(0) + 2 * list_->frameWidth() + 12);
    // Scrolled rather than squeezed: on a small screen or beside the Threads & CPU dock a
    // page keeps its readable size, and the lab never forces the window wider than the screen.
    auto* scroll = new QScrollArea(pages_);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(page);
    pages_->addWidget(scroll);
    if (list_->currentRow() < 0)
        list_->setCurrentRow(0);
}

int ConcurrencyLab::demoCount() const {
    return pages_->count();
}

QWidget* ConcurrencyLab::demo(int index) const {
    const auto* scroll = qobject_cast<QScrollArea*>(pages_->widget(index));
    return scroll ? scroll->widget() : nullptr;
}

void ConcurrencyLab::showDemo(int index) {
    list_->setCurrentRow(index);
}

} // namespace stampede
