// Data files are CSV with a header row; a bad one is refused before any request, saying why.
#include "core/scenario/DataFile.h"

#include <QTemporaryDir>
#include <QTest>

#include <fstream>

using namespace stampede;

class TestDataFile : public QObject {
    Q_OBJECT

private slots:
    void rowsUnderTheirColumns() {
        const auto parsed = DataFile::parse(
            "\xEF\xBB\xBFuser,password,note\r\nada,s3cret,\"a, \"\"quoted\"\" note\"\n"
            "bob,,\"two\nlines\"\n");
        QVERIFY(std::holds_alternative<DataFile>(parsed));
        const DataFile& file = std::get<DataFile>(parsed);
        QCOMPARE(file.columns(), (std::vector<std::string>{"user", "password", "note"}));
        QCOMPARE(file.rows(), std::size_t(2));
        QCOMPARE(file.row(0)[2], std::string("a, \"quoted\" note"));
        QCOMPARE(file.row(1)[1], std::string(""));
        QCOMPARE(file.row(1)[2], std::string("two\nlines"));
    }
    void badFilesAreRefusedWithTheReason_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("message");
        QTest::newRow("empty") << ""
                               << "is empty";
        QTest::newRow("header only") << "a,b\n"
                                     << "no rows";
        QTest::newRow("ragged") << "a,b\n1,2\n3\n"
                                << "row 3 has 1 fields, the header row 2";
        QTest::newRow("open quote") << "a\n\"x\n"
                                    << "line 2 is never closed";
        QTest::newRow("twice") << "a,a\n1,2\n"
                               << "\"a\" twice";
        QTest::newRow("nameless") << "a,\n1,2\n"
                                  << "column 2 of the header row has no name";
    }
    void badFilesAreRefusedWithTheReason() {
        QFETCH(QString, text);
        QFETCH(QString, message);
        const auto parsed = DataFile::parse(text.toStdString());
        const auto* error = std::get_if<std::string>(&parsed);
        QVERIFY(error);
        QVERIFY2(QString::fromStdString(*error).contains(message), error->c_str());
    }
    void aFileOnDiskAndOneThatIsNot() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("users.csv").toStdString();
        std::ofstream(path) << "id\n1\n2\n";
        const auto read = DataFile::read(path);
        QVERIFY(std::holds_alternative<DataFile>(read));
        QCOMPARE(std::get<DataFile>(read).rows(), std::size_t(2));
        const auto missing = DataFile::read(dir.filePath("nope.csv").toStdString());
        QVERIFY(std::get<std::string>(missing).find("cannot read") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestDataFile)
#include "tst_datafile.moc"
