// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "sandbox/sandboxserver.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSocketNotifier>
#include <QStandardPaths>
#include <QTextStream>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace {

int s_signalFds[2] = {-1, -1};

void onSignal(int)
{
    const char c = 1;
    [[maybe_unused]] const auto n = ::write(s_signalFds[0], &c, 1);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("qluster-sandbox"));
    QCoreApplication::setApplicationVersion(QStringLiteral(QLUSTER_VERSION_STRING));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "A small Kubernetes API server emulator on 127.0.0.1 that kubectl and Qluster accept."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption http(QStringLiteral("http"), QStringLiteral("Serve plain HTTP (no TLS; requests without credentials act as admin)."));
    const QCommandLineOption https(QStringLiteral("https"), QStringLiteral("Serve HTTPS with client certificates and tokens (default)."));
    const QCommandLineOption port(QStringLiteral("port"), QStringLiteral("Port to listen on (default: ephemeral)."), QStringLiteral("port"), QStringLiteral("0"));
    const QCommandLineOption noAggregated(QStringLiteral("no-aggregated-discovery"), QStringLiteral("Serve only unaggregated discovery, like an old server."));
    const QCommandLineOption openApiDir(QStringLiteral("openapi-dir"), QStringLiteral("Directory of upstream OpenAPI v3 documents to serve."), QStringLiteral("dir"));
    const QCommandLineOption demo(QStringLiteral("demo-data"), QStringLiteral("Load the demo data set and keep it alive."));
    const QCommandLineOption pods(QStringLiteral("pods"), QStringLiteral("Create N extra running pods in namespace \"load\"."), QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption eps(QStringLiteral("events-per-second"), QStringLiteral("Modify M load pods per second."), QStringLiteral("M"), QStringLiteral("0"));
    const QCommandLineOption window(QStringLiteral("event-window"), QStringLiteral("Watch events remembered per resource."), QStringLiteral("N"), QStringLiteral("1000"));
    const QCommandLineOption tokenHeader(QStringLiteral("token-header"), QStringLiteral("Also accept a bare token in this header (e.g. Token)."), QStringLiteral("name"));
    const QCommandLineOption kubeconfigOut(QStringLiteral("kubeconfig-out"), QStringLiteral("Where to write the kubeconfig."), QStringLiteral("path"));
    parser.addOptions({http, https, port, noAggregated, openApiDir, demo, pods, eps, window, tokenHeader, kubeconfigOut});
    parser.process(app);

    Qluster::SandboxOptions options;
    options.transport = parser.isSet(http) ? Qluster::SandboxOptions::Transport::Http
                                           : Qluster::SandboxOptions::Transport::Https;
    options.port = quint16(parser.value(port).toUInt());
    options.aggregatedDiscovery = !parser.isSet(noAggregated);
    options.openApiDir = parser.value(openApiDir);
    options.demoData = parser.isSet(demo);
    options.pods = parser.value(pods).toInt();
    options.eventsPerSecond = parser.value(eps).toInt();
    options.eventWindow = parser.value(window).toInt();
    options.tokenHeader = parser.value(tokenHeader);

    Qluster::SandboxServer server(options);
    if (auto started = server.start(); !started) {
        QTextStream(stderr) << "qluster-sandbox: " << started.error().toString() << '\n';
        return 1;
    }
    QString kubeconfig = parser.value(kubeconfigOut);
    if (kubeconfig.isEmpty()) {
        const QString dir = QStandardPaths::writableLocation(QStandardPaths::TempLocation);
        kubeconfig = QDir(dir).filePath(QStringLiteral("qluster-sandbox-%1.kubeconfig").arg(server.port()));
    }
    if (auto written = server.writeKubeconfig(kubeconfig); !written) {
        QTextStream(stderr) << "qluster-sandbox: " << written.error().toString() << '\n';
        return 1;
    }
    QTextStream(stdout) << kubeconfig << Qt::endl;

    // SIGINT/SIGTERM end the event loop through a socket pair (signal-safe).
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, s_signalFds) == 0) {
        auto *notifier = new QSocketNotifier(s_signalFds[1], QSocketNotifier::Read, &app);
        QObject::connect(notifier, &QSocketNotifier::activated, &app, [] { QCoreApplication::quit(); });
        std::signal(SIGINT, onSignal);
        std::signal(SIGTERM, onSignal);
    }
    const int status = app.exec();
    // The kubeconfig holds this run's credentials (a new CA every start): a file we chose the
    // place of goes with the server; one asked for with --kubeconfig-out stays.
    if (parser.value(kubeconfigOut).isEmpty())
        QFile::remove(kubeconfig);
    return status;
}
