// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "config/connectionprofile.h"
#include "config/kubeconfig.h"
#include "net/execplugin.h"
#include "util/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QProcessEnvironment>

#include <functional>
#include <vector>

class QNetworkAccessManager;

namespace Qluster {

/// Credentials are what one request carries: an authentication header and, from an exec plugin,
/// a client certificate and key (PEM). Never log them.
struct Credentials
{
    QByteArray headerName;  ///< empty: no header
    QByteArray headerValue; ///< e.g. "Bearer …", "Basic …"
    QByteArray clientCertificatePem;
    QByteArray clientKeyPem;
};

/// AuthProvider gives each request of a Connection its credentials: a static token, a token file
/// (re-read when it changes and after a 401), basic auth, an exec plugin (cached until its
/// expirationTimestamp, run again once after a 401) or an OIDC auth-provider (id-token refreshed
/// through the issuer's token endpoint). It also gives the impersonation headers.
class AuthProvider final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuthProvider)
public:
    enum class Method { None, Token, TokenFile, Basic, Exec, Oidc, ClientCertificate };

    using Callback = std::function<void(const Result<Credentials> &)>;

    /// AuthProvider::AuthProvider uses `network` (not owned) for OIDC refreshes.
    AuthProvider(const ResolvedContext &context, const ConnectionProfile &profile,
                 QNetworkAccessManager *network, QObject *parent = nullptr);
    ~AuthProvider() override;

    Method method() const { return m_method; }

    /// AuthProvider::credentials calls `callback` (with `context` alive) with the credentials for
    /// the next request; it may run an exec plugin or an OIDC refresh first, never blocking.
    void credentials(QObject *context, Callback callback);

    /// AuthProvider::invalidate is told that the server answered 401 to `used`; it returns true
    /// when asking again may give other credentials (token file changed, plugin to run again,
    /// OIDC refresh possible).
    bool invalidate(const Credentials &used);

    /// AuthProvider::impersonationHeaders are the Impersonate-* headers of the kubeconfig user.
    QList<QPair<QByteArray, QByteArray>> impersonationHeaders() const;

    /// AuthProvider::execRuns counts exec plugin runs (for diagnostics and tests).
    int execRuns() const { return m_execRuns; }

    void setExecTimeoutMs(int ms) { m_execTimeoutMs = ms; }
    void setEnvironment(const QProcessEnvironment &environment) { m_environment = environment; }

private:
    struct Waiter
    {
        QPointer<QObject> context;
        Callback callback;
        bool hasContext = false;
    };

    Result<Credentials> tokenFileCredentials();
    Credentials bearer(const QByteArray &token) const;
    void runExec();
    void startOidcRefresh();
    void deliver(const Result<Credentials> &result);
    bool oidcTokenFresh() const;

    ResolvedContext m_context;
    ConnectionProfile m_profile;
    QNetworkAccessManager *m_network = nullptr; // not owned
    Method m_method = Method::None;
    QProcessEnvironment m_environment = QProcessEnvironment::systemEnvironment();
    int m_execTimeoutMs = 60000;

    // tokenFile
    QByteArray m_fileToken;
    QDateTime m_fileModified;
    qint64 m_fileSize = -1;

    // exec
    std::optional<ExecCredential> m_execCredential;
    ExecPlugin *m_plugin = nullptr; // owned (child) while running
    int m_execRuns = 0;

    // oidc
    QByteArray m_idToken;
    QByteArray m_refreshToken;
    bool m_oidcRefreshing = false;
    bool m_forceOidcRefresh = false;

    std::vector<Waiter> m_waiters;
};

} // namespace Qluster
