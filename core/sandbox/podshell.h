// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>

namespace Qluster {

/// PodShell is the tiny shell behind `pods/exec`: echo, env, printenv, ls, cat, pwd, cd, hostname,
/// whoami, date, uname, true, false, exit, sleep (no-op), `stty size` and `sh -c "a; b"`, over a
/// small fake filesystem built from the pod (its name, its containers' env, a config file).
class PodShell final
{
public:
    /// PodShell::Output is what one command wrote and its exit code.
    struct Output
    {
        QByteArray out;
        QByteArray err;
        int exitCode = 0;
        bool exitRequested = false;
    };

    /// PodShell creates the shell of `container` in `pod`.
    PodShell(const QJsonObject &pod, const QString &container);

    /// PodShell::run runs one command given as argv (as `kubectl exec -- argv...` sends it).
    Output run(const QStringList &argv);
    /// PodShell::runLine parses and runs one line of shell input ("echo a; ls /etc").
    Output runLine(const QString &line);

    /// PodShell::setTerminalSize records the size of the session's terminal (the exec resize
    /// channel; 0 × 0 for a terminal of unknown size), which `stty size` prints; without a
    /// terminal `stty` fails as it does on a pipe.
    void setTerminalSize(int columns, int rows);

    /// PodShell::isInteractiveShell tells whether argv starts a shell that reads stdin.
    static bool isInteractiveShell(const QStringList &argv);
    /// PodShell::splitWords splits a command line into words, honouring quotes.
    static QStringList splitWords(const QString &line);

private:
    QString resolve(const QString &path) const;
    QString expand(const QString &word) const;

    QMap<QString, QString> m_env;
    QMap<QString, QByteArray> m_files;
    QString m_cwd = QStringLiteral("/");
    QString m_hostname;
    int m_columns = -1; ///< -1: no terminal
    int m_rows = -1;
};

} // namespace Qluster
