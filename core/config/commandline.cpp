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
} // namespace

bool isValidNamespaceName(const QString &name)
{
    static const QRegularExpression dns1123Label(QStringLiteral("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"));
    return name.size() <= 63 && dns1123Label.match(name).hasMatch();
}

Result<CommandLine> parseCommandLine(const QStringList &arguments)
{
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
