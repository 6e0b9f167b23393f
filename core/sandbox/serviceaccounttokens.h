// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "util/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace Qluster {

/// ServiceAccountTokens issues and verifies the sandbox's service account tokens: JSON Web
/// Tokens (RFC 7519) signed with HMAC-SHA256 under a key of the server, carrying the claims
/// kube-apiserver puts in bound tokens (iss, sub, aud, exp, iat, nbf, jti and "kubernetes.io"
/// with the namespace, the service account and the object the token is bound to). Whether the
/// service account and the bound object still exist is the server's to check. Tokens are never
/// logged; error messages never contain them.
class ServiceAccountTokens final
{
public:
    struct Claims
    {
        QString namespaceName;
        QString serviceAccount;
        QString serviceAccountUid;
        QStringList audiences;
        QDateTime issuedAt;
        QDateTime expiresAt;
        QString id;        ///< jti, a UUID: the credential id "JTI=<id>"
        QString boundKind; ///< "Pod" or "Secret" when bound to an object, else empty
        QString boundName;
        QString boundUid;

        /// Claims::username is "system:serviceaccount:<namespace>:<name>".
        QString username() const;
    };

    /// ServiceAccountTokens signs with `key` (random bytes of the server, at least 32).
    explicit ServiceAccountTokens(QByteArray key);

    /// ServiceAccountTokens::issuer is the iss claim and the audience the sandbox accepts, as a
    /// kube-apiserver with its default --service-account-issuer.
    static QString issuer();

    /// ServiceAccountTokens::looksLikeToken says whether a bearer token has the JWT shape
    /// (three base64url parts); other bearer tokens are static ones.
    static bool looksLikeToken(const QString &bearer);

    /// ServiceAccountTokens::issue signs the claims into a token.
    QString issue(const Claims &claims) const;

    /// ServiceAccountTokens::verify checks the signature, the issuer and the validity period
    /// against `now` and returns the claims; the error says why (without the token).
    Result<Claims> verify(const QString &token, const QDateTime &now) const;

private:
    QByteArray sign(const QByteArray &signingInput) const;

    QByteArray m_key;
};

} // namespace Qluster
