#include "ConcurrencyLab.h"

#include <QHBoxLayout>
#include <QListWidget>
#include <QStackedWidget>

namespace stampede {

ConcurrencyLab::ConcurrencyLab(QWidget* parent)
    : QWidget(parent)
    , list_(new QListWidget(this))
    , pages_(new QStackedWidget(this)) {
    list_->setObjectName("demoList");
    list_->setMaximumWidth(220);
    connect(list_, &QListWidget::currentRowChanged, pages_, &QStackedWidget::setCurrentIndex);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(list_);
    layout->addWidget(pages_, 1);
}

void ConcurrencyLab::addDemo(const QString& title, QWidget* page) {
    list_->addItem(title);
    pages_->addWidget(page);
    if (list_->currentRow() < 0)
        list_->setCurrentRow(0);
}

int ConcurrencyLab::demoCount() const {
    return pages_->count();
}

QWidget* ConcurrencyLab::demo(int index) const {
    return pages_->widget(index);
}

void ConcurrencyLab::showDemo(int index) {
    list_->setCurrentRow(index);
}

} // namespace stampede
