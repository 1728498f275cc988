#include "ui/loadtest/form/ConnectionSection.h"

#include "ui/loadtest/form/FieldProblems.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QToolButton>

namespace stampede {
namespace {

// The plan's largest timeout. The boxes start at 0, below the plan's least, so that a zero
// typed in is explained by the plan check instead of being silently turned into 1.
constexpr int kMaxMilliseconds = 86'400'000;

} // namespace

ConnectionSection::ConnectionSection(FieldProblems* problems, QWidget* parent)
    : QWidget(parent)
    , engine_(new QComboBox(this))
    , engineChoice_(new QLabel(this))
    , threads_(new QSpinBox(this))
    , timeout_(new QSpinBox(this))
    , connectTimeout_(new QSpinBox(this))
    , httpVersion_(new QComboBox(this))
    , keepAlive_(new QCheckBox(tr("Keep connections alive"), this))
    , verifyTls_(new QCheckBox(tr("Verify TLS certificates"), this))
    , caCertFile_(new QLineEdit(this))
    , browseCaCertFile_(new QToolButton(this))
    , followRedirects_(new QCheckBox(tr("Follow redirects"), this))
    , maxRedirects_(new QSpinBox(this)) {
    engine_->setObjectName("engine");
    // In the order of the Engine enumeration.
    engine_->addItem(tr("Automatic"));
    engine_->addItem(tr("Native HTTP/1.1"));
    engine_->addItem(tr("libcurl"));
    engine_->setToolTip(tr("Which client sends the requests. Native is Stampede's own HTTP/1.1 "
                           "client: the request built once, the response only counted, at "
                           "wrk's cost per request. libcurl does everything else: https, "
                           "HTTP/2, redirects. Automatic takes native whenever the plan "
                           "allows it; the run's summary says which one ran and why."));
    engineChoice_->setObjectName("engineChoice");
    engineChoice_->setWordWrap(true);
    threads_->setObjectName("threads");
    threads_->setRange(0, 1000); // from 0, so the plan check explains a zero typed in
    threads_->setToolTip(tr("Engine threads, each with its own event loop and connections, "
                            "sharing the users or the rate; their figures merge into one run. "
                            "One thread is enough until it keeps a core busy: watch it in the "
                            "Threads & CPU dock (engine-io-1, engine-io-2, …)."));
    timeout_->setObjectName("timeout");
    timeout_->setRange(0, kMaxMilliseconds);
    timeout_->setSuffix(" ms");
    timeout_->setToolTip(tr("A request still unanswered after this long counts as a timeout "
                            "error."));
    connectTimeout_->setObjectName("connectTimeout");
    connectTimeout_->setRange(0, kMaxMilliseconds);
    connectTimeout_->setSuffix(" ms");
    connectTimeout_->setToolTip(tr("How long opening a connection (DNS, TCP and TLS handshake) "
                                   "may take before the request fails."));
    httpVersion_->setObjectName("httpVersion");
    // In the order of the HttpVersion enumeration.
    httpVersion_->addItem("HTTP/1.1");
    httpVersion_->addItem("HTTP/2");
    httpVersion_->addItem(tr("HTTP/2, prior knowledge"));
    httpVersion_->setToolTip(tr("HTTP/1.1 sends one request at a time per connection. HTTP/2 "
                                "multiplexes many requests over one connection (over https "
                                "it is negotiated with the server; it falls back to 1.1). "
                                "Prior knowledge speaks HTTP/2 from the first byte, for a "
                                "server that offers HTTP/2 over plain http:// (h2c)."));
    keepAlive_->setObjectName("keepAlive");
    keepAlive_->setToolTip(tr("Keep-alive reuses a connection for the next request. Off, every "
                              "request opens a new connection and pays its handshake, as a "
                              "crowd of first-time visitors would."));
    verifyTls_->setObjectName("verifyTls");
    verifyTls_->setToolTip(tr("Check that an https server's certificate is valid and names the "
                              "host. Turn off only for a test server with a self-signed "
                              "certificate (curl -k)."));
    caCertFile_->setObjectName("caCertFile");
    caCertFile_->setPlaceholderText(tr("the system's certificate authorities"));
    caCertFile_->setToolTip(tr("A PEM file of certificates to trust instead of the system's "
                               "(curl --cacert): e.g. a test server's own self-signed "
                               "certificate, so it can be verified rather than not checked."));
    browseCaCertFile_->setObjectName("browseCaCertFile");
    browseCaCertFile_->setText("…");
    browseCaCertFile_->setToolTip(tr("Choose the CA certificate file"));
    followRedirects_->setObjectName("followRedirects");
    followRedirects_->setToolTip(tr("On a 3xx answer, request the Location it points to, as a "
                                    "browser would (curl -L); otherwise the 3xx is the result."));
    maxRedirects_->setObjectName("maxRedirects");
    maxRedirects_->setRange(0, 1000);
    maxRedirects_->setToolTip(tr("How many redirects one request may follow before it fails."));

    auto* form = new QFormLayout(this);
    form->setContentsMargins(6, 6, 6, 6);
    problems->addRow(form, tr("Transport"), "request.engine", engine_);
    form->addRow(QString(), engineChoice_);
    problems->addRow(form, tr("Engine threads"), "load.threads", threads_);
    problems->addRow(form, tr("Timeout"), "request.timeout_ms", timeout_);
    problems->addRow(form, tr("Connect timeout"), "request.connect_timeout_ms", connectTimeout_);
    problems->addRow(form, tr("HTTP version"), "request.http_version", httpVersion_);
    form->addRow(problems->wrap("request.keep_alive", keepAlive_, this));
    form->addRow(problems->wrap("request.verify_tls", verifyTls_, this));
    auto* caCertRow = new QWidget(this);
    auto* caCertLayout = new QHBoxLayout(caCertRow);
    caCertLayout->setContentsMargins(0, 0, 0, 0);
    caCertLayout->addWidget(caCertFile_, 1);
    caCertLayout->addWidget(browseCaCertFile_);
    caCertRow->setToolTip(caCertFile_->toolTip());
    problems->addRow(form, tr("CA certificates"), "request.ca_cert_file", caCertRow);
    form->addRow(problems->wrap("request.follow_redirects", followRedirects_, this));
    problems->addRow(form, tr("Max redirects"), "request.max_redirects", maxRedirects_);

    for (QSpinBox* box : {threads_, timeout_, connectTimeout_, maxRedirects_})
        connect(box, &QSpinBox::valueChanged, this, &ConnectionSection::changed);
    for (QComboBox* box : {engine_, httpVersion_})
        connect(box, &QComboBox::currentIndexChanged, this, &ConnectionSection::changed);
    for (QCheckBox* box : {keepAlive_, verifyTls_, followRedirects_})
        connect(box, &QCheckBox::toggled, this, &ConnectionSection::changed);
    connect(caCertFile_, &QLineEdit::textChanged, this, &ConnectionSection::changed);
    connect(browseCaCertFile_, &QToolButton::clicked, this, &ConnectionSection::chooseCaCertFile);
    connect(followRedirects_, &QCheckBox::toggled, maxRedirects_, &QSpinBox::setEnabled);
}

void ConnectionSection::readInto(Plan& plan) const {
    plan.engine = Engine(std::max(0, engine_->currentIndex()));
    plan.load.threads = threads_->value();
    plan.timeout = std::chrono::milliseconds(timeout_->value());
    plan.connectTimeout = std::chrono::milliseconds(connectTimeout_->value());
    plan.httpVersion = HttpVersion(std::max(0, httpVersion_->currentIndex()));
    plan.keepAlive = keepAlive_->isChecked();
    plan.verifyTls = verifyTls_->isChecked();
    plan.caCertFile = caCertFile_->text().toStdString();
    plan.followRedirects = followRedirects_->isChecked();
    plan.maxRedirects = maxRedirects_->value();
}

void ConnectionSection::showPlan(const Plan& plan) {
    const QSignalBlocker blocker(this);
    const auto clamped = [](std::chrono::milliseconds value) {
        return int(std::clamp<std::int64_t>(value.count(), 0, kMaxMilliseconds));
    };
    engine_->setCurrentIndex(static_cast<int>(plan.engine));
    threads_->setValue(std::clamp(plan.load.threads, 0, threads_->maximum()));
    timeout_->setValue(clamped(plan.timeout));
    connectTimeout_->setValue(clamped(plan.connectTimeout));
    httpVersion_->setCurrentIndex(static_cast<int>(plan.httpVersion));
    keepAlive_->setChecked(plan.keepAlive);
    verifyTls_->setChecked(plan.verifyTls);
    caCertFile_->setText(QString::fromStdString(plan.caCertFile));
    followRedirects_->setChecked(plan.followRedirects);
    maxRedirects_->setValue(plan.maxRedirects);
    maxRedirects_->setEnabled(plan.followRedirects);
}

void ConnectionSection::chooseCaCertFile() {
    const QString path =
        QFileDialog::getOpenFileName(this, tr("CA certificate file"), caCertFile_->text(),
                                     tr("PEM certificates (*.pem *.crt *.cer);;All files (*)"));
    if (!path.isEmpty())
        caCertFile_->setText(path);
}

void ConnectionSection::showTransport(const QString& text) {
    engineChoice_->setText(text);
}

} // namespace stampede
