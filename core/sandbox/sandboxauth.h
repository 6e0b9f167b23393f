// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "certificateauthority.h"
#include "httpconnection.h"
#include "resourcetypes.h"
#include "sandboxrequest.h"
#include "util/result.h"

#include <QByteArray>
#include <QHash>
#include <QString>

#include <optional>

namespace Qluster {

struct SandboxContext;

/// SandboxAuth says who a request comes from (client certificates of the sandbox's CA, Bearer
/// tokens of the built-in users and of service accounts, opt-in basic auth) and whether RBAC
/// lets them do what they ask (answering 403 when not).
class SandboxAuth final
{
    Q_DISABLE_COPY_MOVE(SandboxAuth)

public:
    explicit SandboxAuth(SandboxContext &context);

    /// SandboxAuth::issueCredentials creates the CA, the server's and admin's certificates
    /// (HTTPS), the tokens of "developer" and "viewer" and the key service account tokens are
    /// signed with.
    Result<void> issueCredentials();
    QByteArray caCertificatePem() const { return m_caPem; }
    const KeyPair &serverCertificate() const { return m_serverCert; }
    KeyPair clientCertificate(const QString &user) const { return m_clientCerts.value(user); }
    QString token(const QString &user) const { return m_userTokens.value(user); }
    /// SandboxAuth::tokenKey signs service account tokens; it never leaves the process.
    const QByteArray &tokenKey() const { return m_tokenKey; }

    std::optional<SandboxIdentity> authenticate(HttpConnection *connection, const HttpRequest &request) const;
    std::optional<SandboxIdentity> authenticateServiceAccount(const QString &token) const;
    /// SandboxAuth::authorize checks RBAC; when denied it answers 403 and returns false.
    bool authorize(SandboxRequest &r, const QString &verb, const ResourceType *type,
                   const QString &subresource, const QString &namespaceName, const QString &name);
    /// The RBAC verb of a resource request (kube-apiserver's RequestInfo): list/watch/get for
    /// reads, create, update, patch, delete/deletecollection; empty for any other method.
    static QString requestVerb(const SandboxRequest &r, bool named);

private:
    SandboxContext &m_ctx;
    std::optional<CertificateAuthority> m_ca;
    QByteArray m_caPem;
    KeyPair m_serverCert;
    QHash<QString, KeyPair> m_clientCerts;
    QHash<QString, SandboxIdentity> m_tokens; ///< token -> identity
    QHash<QString, QString> m_userTokens;     ///< user -> token
    QByteArray m_tokenKey;
};

} // namespace Qluster
