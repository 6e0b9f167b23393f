// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "config/commandline.h"
#include "session/clustersession.h"
#include "sandbox/democluster.h"
#include "translation.h"
#include "views/mainwindow.h"
#include "views/sessioncontroller.h"

#include <QApplication>
#include <QSettings>

#include <cstdio>
#include <optional>

using namespace Qluster;

namespace {

void setApplicationIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Qluster"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("qluster.io"));
    QCoreApplication::setApplicationName(QStringLiteral("Qluster"));
    QCoreApplication::setApplicationVersion(QStringLiteral(QLUSTER_VERSION_STRING));
}

// The command line is read before any window system is opened, so that --help and --version
// work on a machine without a display and errors reach the terminal in the user's language.
Result<CommandLine> readCommandLine(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    setApplicationIdentity();
    Ui::installTranslations(app, QLocale::system());
    return parseCommandLine(QCoreApplication::arguments());
}

} // namespace

int main(int argc, char **argv)
{
    const Result<CommandLine> commandLine = readCommandLine(argc, argv);
    if (!commandLine) {
        std::fprintf(stderr, "qluster: %s\n", qPrintable(commandLine.error().toString()));
        return 2;
    }
    if (commandLine->action != CommandLine::Action::Run) {
        std::fputs(qPrintable(commandLine->text), stdout);
        return 0;
    }
    const AppOptions &options = commandLine->options;

    QApplication app(argc, argv);
    setApplicationIdentity();
    QGuiApplication::setDesktopFileName(QStringLiteral("io.qluster.Qluster"));
    Ui::installTranslations(app, QLocale::system());

    QString kubeconfig = options.kubeconfig;
    std::optional<DemoCluster> demo;
    if (options.demo) {
        demo.emplace();
        Result<QString> started = demo->start();
        if (!started) {
            std::fprintf(stderr, "qluster: the sandbox cluster did not start: %s\n",
                qPrintable(started.error().toString()));
            return 1;
        }
        kubeconfig = *started;
    }

    QSettings settings;
    Ui::MainWindow window(&settings);
    ClusterSession session;
    Ui::SessionController controller(&session, &window);
    if (Result<void> loaded = session.loadKubeconfig(kubeconfig); !loaded)
        controller.showKubeconfigError(loaded.error().toString());
    else
        controller.start(options);
    window.show();
    return QApplication::exec();
}
