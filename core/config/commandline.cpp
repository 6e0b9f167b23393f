// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "commandline.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QRegularExpression>

namespace Qluster {

namespace {
// The translation context of the command line's texts (lupdate reads CommandLineText::tr calls).
class CommandLineText
{
    Q_DECLARE_TR_FUNCTIONS(CommandLine)
};

QStringList withoutQtOptions(const QStringList &arguments)
{
    // QGuiApplication's and QApplication's own options (qguiapplication.cpp, qapplication.cpp):
    // QApplication consumes them from argv, but this parse runs first, under a QCoreApplication.
    // Qt accepts them with one dash or two, the value as the next word or after "=".
    static const QStringList withValue{QStringLiteral("platform"), QStringLiteral("platformpluginpath"),
        QStringLiteral("platformtheme"), QStringLiteral("plugin"), QStringLiteral("qwindowgeometry"),
        QStringLiteral("qwindowicon"), QStringLiteral("qwindowtitle"), QStringLiteral("display"),
        QStringLiteral("geometry"), QStringLiteral("style"), QStringLiteral("stylesheet"),
        QStringLiteral("session"), QStringLiteral("name"), QStringLiteral("title")};
    static const QStringList flags{QStringLiteral("reverse"), QStringLiteral("widgetcount"),
        QStringLiteral("nograb"), QStringLiteral("dograb"), QStringLiteral("sync")};
    QStringList kept;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &arg = arguments.at(i);
        if (i == 0 || !arg.startsWith(QLatin1Char('-'))) {
            kept.append(arg);
            continue;
        }
        QString name = arg.mid(arg.startsWith(QLatin1String("--")) ? 2 : 1);
        const bool inlineValue = name.contains(QLatin1Char('='));
        name = name.section(QLatin1Char('='), 0, 0);
        if (name == QLatin1String("qmljsdebugger") || flags.contains(name))
            continue;
        if (withValue.contains(name)) {
            if (!inlineValue)
                ++i; // its value
            continue;
        }
        kept.append(arg);
    }
    return kept;
}
} // namespace

bool isValidNamespaceName(const QString &name)
{
    static const QRegularExpression dns1123Label(QStringLiteral("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"));
    return name.size() <= 63 && dns1123Label.match(name).hasMatch();
}

Result<CommandLine> parseCommandLine(const QStringList &allArguments)
{
    const QStringList arguments = withoutQtOptions(allArguments);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        CommandLineText::tr("Qluster: a desktop explorer for Kubernetes clusters."));
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);

    const QCommandLineOption kubeconfig(QStringLiteral("kubeconfig"),
        CommandLineText::tr("Read this kubeconfig file instead of KUBECONFIG or "
                            "~/.kube/config."),
        CommandLineText::tr("file"));
    const QCommandLineOption context(QStringLiteral("context"),
        CommandLineText::tr("Open this kubeconfig context instead of the current one."),
        CommandLineText::tr("name"));
    const QCommandLineOption namespaceOption({QStringLiteral("n"), QStringLiteral("namespace")},
        CommandLineText::tr("Show this namespace instead of the context's."),
        CommandLineText::tr("name"));
    const QCommandLineOption demo(QStringLiteral("demo"),
        CommandLineText::tr("Open the built-in sandbox cluster (no kubeconfig needed)."));
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
        CommandLineText::tr("Show this help and exit."));
    const QCommandLineOption version(
        QStringLiteral("version"), CommandLineText::tr("Show the version and exit."));
    parser.addOptions({kubeconfig, context, namespaceOption, demo, help, version});

    if (!parser.parse(arguments))
        return fail(Error::invalid(parser.errorText()));
    if (!parser.positionalArguments().isEmpty()) {
        return fail(Error::invalid(CommandLineText::tr("Unexpected argument '%1'; see --help.")
                                       .arg(parser.positionalArguments().constFirst())));
    }

    CommandLine result;
    if (parser.isSet(help)) {
        result.action = CommandLine::Action::ShowHelp;
        result.text = parser.helpText();
        return result;
    }
    if (parser.isSet(version)) {
        result.action = CommandLine::Action::ShowVersion;
        result.text = QStringLiteral("qluster " QLUSTER_VERSION_STRING "\n");
        return result;
    }

    AppOptions &options = result.options;
    options.kubeconfig = parser.value(kubeconfig);
    options.context = parser.value(context);
    options.namespaceName = parser.value(namespaceOption);
    options.demo = parser.isSet(demo);

    if (parser.isSet(kubeconfig) && options.kubeconfig.isEmpty())
        return fail(Error::invalid(CommandLineText::tr("--kubeconfig needs a file name.")));
    if (parser.isSet(context) && options.context.isEmpty())
        return fail(Error::invalid(CommandLineText::tr("--context needs a context name.")));
    if (parser.isSet(namespaceOption) && !isValidNamespaceName(options.namespaceName)) {
        return fail(Error::invalid(CommandLineText::tr(
            "--namespace '%1' is not a valid namespace name (lower-case letters, digits and '-', "
            "at most 63 characters).")
                                       .arg(options.namespaceName)));
    }
    if (options.demo && !options.kubeconfig.isEmpty())
        return fail(Error::invalid(
            CommandLineText::tr("--demo opens the built-in sandbox; it cannot be combined "
                                "with --kubeconfig.")));
    return result;
}

} // namespace Qluster
