#include "ui/loadtest/form/DataFileEditor.h"

#include "core/scenario/DataFile.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace stampede {

DataFileEditor::DataFileEditor(QWidget* parent)
    : QWidget(parent)
    , path_(new QLineEdit(this))
    , browse_(new QToolButton(this))
    , atEnd_(new QComboBox(this))
    , columns_(new QLabel(this))
    , rows_(new QTableWidget(this)) {
    path_->setObjectName("dataFile");
    path_->setClearButtonEnabled(true);
    path_->setPlaceholderText(tr("none: no data file"));
    path_->setToolTip(tr("A CSV file with a header row. Each column is a {{variable}} named by "
                         "its header; every iteration of the flow takes the next row."));
    browse_->setObjectName("browseDataFile");
    browse_->setText(tr("Browse…"));
    browse_->setToolTip(tr("Choose the data file"));
    atEnd_->setObjectName("dataAtEnd");
    atEnd_->addItems({tr("cycle: start again from the first row"), tr("stop the run")});
    atEnd_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    atEnd_->setMinimumContentsLength(10);
    atEnd_->setToolTip(tr("When every row has been used: start over with the first, or end the "
                          "run (each row is used once)."));
    columns_->setObjectName("dataColumns");
    columns_->setWordWrap(true);
    columns_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    rows_->setObjectName("dataPreview");
    rows_->setToolTip(tr("The first rows of the data file, as the run will read them."));
    rows_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    rows_->verticalHeader()->setDefaultSectionSize(rows_->fontMetrics().height() + 6);
    rows_->horizontalHeader()->setStretchLastSection(true);
    rows_->setAlternatingRowColors(true);
    rows_->setWordWrap(false);
    rows_->setFixedHeight(rows_->horizontalHeader()->sizeHint().height() +
                          kPreviewRows * rows_->verticalHeader()->defaultSectionSize() +
                          2 * rows_->frameWidth() + 2);

    auto* pathRow = new QHBoxLayout;
    pathRow->setContentsMargins(0, 0, 0, 0);
    pathRow->addWidget(path_, 1);
    pathRow->addWidget(browse_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(3);
    layout->addLayout(pathRow);
    auto* atEndRow = new QFormLayout;
    atEndRow->setContentsMargins(0, 0, 0, 0);
    atEndRow->addRow(tr("Rows run out:"), atEnd_);
    layout->addLayout(atEndRow);
    layout->addWidget(columns_);
    layout->addWidget(rows_);
    preview();

    connect(path_, &QLineEdit::textChanged, this, [this] {
        preview();
        emit changed();
    });
    connect(atEnd_, &QComboBox::currentIndexChanged, this, &DataFileEditor::changed);
    connect(browse_, &QToolButton::clicked, this, &DataFileEditor::chooseFile);
}

DataSource DataFileEditor::source() const {
    return {path_->text().trimmed().toStdString(),
            atEnd_->currentIndex() == 1 ? DataSource::AtEnd::Stop : DataSource::AtEnd::Cycle};
}

void DataFileEditor::showSource(const DataSource& source) {
    const QSignalBlocker blocker(this);
    path_->setText(QString::fromStdString(source.file));
    atEnd_->setCurrentIndex(source.atEnd == DataSource::AtEnd::Stop ? 1 : 0);
}

void DataFileEditor::chooseFile() {
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Data file"), QFileInfo(path_->text()).path(),
                                     tr("CSV files (*.csv);;All files (*)"));
    if (!path.isEmpty())
        path_->setText(path);
}

void DataFileEditor::preview() {
    const QString path = path_->text().trimmed();
    if (path == previewed_ && !path.isEmpty())
        return;
    previewed_ = path;
    rows_->clear();
    rows_->setRowCount(0);
    rows_->setColumnCount(0);
    const auto read = path.isEmpty() ? std::variant<DataFile, std::string>(std::string())
                                     : DataFile::read(path.toStdString());
    const auto* data = std::get_if<DataFile>(&read);
    // An unusable file is named beside the field by the plan check, with its reason.
    rows_->setVisible(data != nullptr);
    columns_->setVisible(data != nullptr);
    if (!data)
        return;
    QStringList names;
    for (const std::string& column : data->columns())
        names << "{{" + QString::fromStdString(column) + "}}";
    columns_->setText((data->rows() == 1 ? tr("1 row; columns: %2")
                                         : tr("%1 rows; columns: %2").arg(data->rows()))
                          .arg(names.join(", ")));
    rows_->setColumnCount(int(data->columns().size()));
    QStringList headers;
    for (const std::string& column : data->columns())
        headers << QString::fromStdString(column);
    rows_->setHorizontalHeaderLabels(headers);
    const int shown = int(std::min<std::size_t>(data->rows(), kPreviewRows));
    rows_->setRowCount(shown);
    for (int row = 0; row < shown; ++row)
        for (int column = 0; column < rows_->columnCount(); ++column)
            rows_->setItem(row, column,
                           new QTableWidgetItem(QString::fromStdString(
                               data->row(std::size_t(row))[std::size_t(column)])));
}

} // namespace stampede
