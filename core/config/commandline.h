// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "util/result.h"

#include <QString>
#include <QStringList>

namespace Qluster {

/// AppOptions is what the command line asks the application to open.
struct AppOptions
{
    QString kubeconfig;    ///< --kubeconfig: one file, overrides KUBECONFIG and ~/.kube/config
    QString context;       ///< --context: the kubeconfig context to open instead of current-context
    QString namespaceName; ///< --namespace: the namespace to show instead of the context's
    bool demo = false;     ///< --demo: open the built-in sandbox cluster

    friend bool operator==(const AppOptions &, const AppOptions &) = default;
};

/// CommandLine is the outcome of parsing the arguments: run with options, or print a text and exit.
struct CommandLine
{
    enum class Action { Run, ShowHelp, ShowVersion };
    Action action = Action::Run;
    AppOptions options;
    QString text; ///< help or version text to print for ShowHelp / ShowVersion
};

/// parseCommandLine reads `arguments` (argv, program name first) into a CommandLine, or says which
/// argument is wrong. Qt's own options (-platform, -style, -reverse, …) are passed over: they are
/// QApplication's. It never prints or exits: main() decides what to do with the result.
Result<CommandLine> parseCommandLine(const QStringList &arguments);

/// isValidNamespaceName tells whether `name` is a DNS-1123 label, as Kubernetes requires of
/// namespace names (lower-case alphanumerics and '-', at most 63 characters).
bool isValidNamespaceName(const QString &name);

} // namespace Qluster
