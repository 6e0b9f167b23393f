// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "config/kubeconfig.h"
#include "util/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTimer>

namespace Qluster {

/// ExecCredential is what a client-go credential plugin returned (status of an ExecCredential).
struct ExecCredential
{
    QByteArray token;
    QByteArray clientCertificateData; ///< PEM
    QByteArray clientKeyData;         ///< PEM
    QDateTime expirationTimestamp;    ///< invalid: valid until the server rejects it

    friend bool operator==(const ExecCredential &, const ExecCredential &) = default;
};

/// ExecPlugin runs one client-go credential plugin (client.authentication.k8s.io/v1 or v1beta1)
/// asynchronously with QProcess, so the calling thread never blocks, and reports the credential or
/// an error that quotes the plugin's stderr/output (trimmed) but never the credential.
class ExecPlugin final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExecPlugin)
public:
    /// ExecPlugin::ExecPlugin prepares a run of `config`; `cluster` feeds KUBERNETES_EXEC_INFO
    /// when provideClusterInfo is set.
    ExecPlugin(const ExecConfig &config, const KubeconfigCluster &cluster, int timeoutMs,
               QObject *parent = nullptr);
    ~ExecPlugin() override;

    /// ExecPlugin::start launches the plugin; finished() follows exactly once.
    void start(const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment());

    /// ExecPlugin::execInfo is the KUBERNETES_EXEC_INFO document given to the plugin.
    QByteArray execInfo() const;

    /// ExecPlugin::parseOutput validates a plugin's stdout as an ExecCredential of `apiVersion`.
    static Result<ExecCredential> parseOutput(const QByteArray &stdoutData,
                                              const QString &apiVersion, const QString &command);

Q_SIGNALS:
    void finished(const Qluster::Result<Qluster::ExecCredential> &result);

private:
    void finish(const Result<ExecCredential> &result);
    void onFinished(int exitCode, QProcess::ExitStatus status);
    void onErrorOccurred(QProcess::ProcessError error);

    ExecConfig m_config;
    KubeconfigCluster m_cluster;
    QProcess *m_process = nullptr; // owned (child)
    QTimer m_timeout;
    int m_timeoutMs = 0;
    bool m_done = false;
};

} // namespace Qluster
